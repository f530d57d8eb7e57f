#!/usr/bin/env bash
# JMH benchmark of ProjectLoader.load on a generated 1000-service compose file.
#   bench/loader.sh                 # 8 x 1 s warm-up (the JIT needs about 4), 10 x 1 s measured, 1 fork
#   bench/loader.sh -p services=200 -wi 1 -i 3 -f 1   # arguments replace the defaults (JMH flags)
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mvn -B -q -Pbench -pl bench/jmh -am package -DskipTests -Dspotless.check.skip=true \
  -Djcompose.cds.skip=true
if (($# == 0)); then
  set -- -wi 8 -w 1s -i 10 -r 1s -f 1
fi
exec java -jar bench/jmh/target/benchmarks.jar LoaderBenchmark "$@"
