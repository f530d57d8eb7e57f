#!/usr/bin/env bash
# JMH benchmark of the planner (service graph + reconcile) on a generated 1000-service project:
# a fresh up, and a second up where every tenth service changed.
#   bench/planner.sh                          # 5 x 1 s warm-up, 10 x 1 s measured, 1 fork
#   bench/planner.sh -p services=200 -wi 1 -i 3 -f 1   # arguments replace the defaults (JMH flags)
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mvn -B -q -Pbench -pl bench/jmh -am package -DskipTests -Dspotless.check.skip=true \
  -Djcompose.cds.skip=true
if (($# == 0)); then
  set -- -wi 5 -w 1s -i 10 -r 1s -f 1
fi
exec java -jar bench/jmh/target/benchmarks.jar PlannerBenchmark "$@"
