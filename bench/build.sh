#!/usr/bin/env bash
# The classic builder's speed: `docker build` (DOCKER_BUILDKIT=0) of one Dockerfile on a private
# dockerd and on the bundled engine: a cold build (--no-cache), a rebuild with nothing changed
# (every step from the cache), and a rebuild after one source file changed (the steps from its
# COPY on run again). The context holds 500 small files and one of 20 MiB. Medians of ROUNDS runs
# in milliseconds, after one warm-up each.
#   sudo bench/build.sh [ROUNDS]      (default 5)
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
base=jcbench/busybox:1
built=jcbench/built:1
docker_cli="$(command -v docker)"
[[ $(id -u) -eq 0 ]] || { echo "build.sh: run as root (it starts a dockerd and an engine)" >&2; exit 1; }
[[ -x /bin/busybox ]] || { echo "build.sh: busybox is missing (apt-get install -y busybox-static)" >&2; exit 1; }
# shellcheck source=../scripts/lib/dockerd.sh
source "$root/scripts/lib/dockerd.sh"
# shellcheck source=lib/bench.sh
source "$root/bench/lib/bench.sh"

work="$(mktemp -d /tmp/jcompose-bench.XXXXXX)"
engine_pid=""
cleanup() {
  set +e
  for sock in "$work/engine.sock" "${PRIVATE_DOCKER_HOST#unix://}"; do
    [[ -S "$sock" ]] || continue
    DOCKER_HOST="unix://$sock" "$docker_cli" rmi -f "$built" "$base" >/dev/null 2>&1
  done
  [[ -n "$engine_pid" ]] && kill "$engine_pid" 2>/dev/null && wait "$engine_pid" 2>/dev/null
  private_dockerd_stop
  grep -o " $work[^ ]*" /proc/self/mountinfo | sort -r | while read -r mount; do umount -l "$mount"; done
  rm -rf "$work"
}
trap cleanup EXIT

( cd "$root" && mvn -q -B -o package -pl cli -am -DskipTests >/dev/null )

mkdir -p "$work/context/src" "$work/context/data"
busybox_rootfs_tar "$work" sh sleep true echo mkdir cp cat wc ls rm chmod
for ((i = 0; i < 500; i++)); do echo "file $i" >"$work/context/src/f$i.txt"; done
head -c $((20 * 1024 * 1024)) /dev/urandom >"$work/context/data/blob.bin"
echo "version 0" >"$work/context/app.conf"
cat >"$work/context/Dockerfile" <<DOCKERFILE
FROM $base
ENV APP_HOME=/srv/app
WORKDIR \$APP_HOME
COPY src/ ./src/
COPY data/ ./data/
RUN mkdir -p out && ls src | wc -l > out/count.txt
COPY app.conf ./
RUN cat app.conf > out/conf.txt
LABEL bench=build
CMD ["cat", "out/count.txt"]
DOCKERFILE

start_bench_engine "$root" "$work"
private_dockerd_start

build() { DOCKER_BUILDKIT=0 "$docker_cli" build -q -t "$built" "$@" "$work/context" >/dev/null 2>&1; }

# timed ROUNDS BEFORE-EACH COMMAND...: the median of ROUNDS runs of COMMAND, each after
# BEFORE-EACH (not timed), after one warm-up
timed() {
  local n=$1 before=$2 i start times=()
  shift 2
  $before
  "$@"
  for ((i = 0; i < n; i++)); do
    $before
    start=$(now_ms)
    "$@"
    times+=($(($(now_ms) - start)))
  done
  printf '%s\n' "${times[@]}" | median
}

nothing() { :; }
change_conf() { echo "version $RANDOM$RANDOM" >"$work/context/app.conf"; }

printf '%-15s %10s %14s %16s\n' endpoint cold "cached rebuild" "one file changed"
for endpoint in dockerd bundled-engine; do
  if [[ "$endpoint" == dockerd ]]; then
    export DOCKER_HOST="$PRIVATE_DOCKER_HOST"
  else
    export DOCKER_HOST="unix://$work/engine.sock"
  fi
  "$docker_cli" import "$work/rootfs.tar" "$base" >/dev/null
  cold_ms=$(timed "$rounds" nothing build --no-cache)
  cached_ms=$(timed "$rounds" nothing build)
  changed_ms=$(timed "$rounds" change_conf build)
  [[ "$("$docker_cli" run --rm "$built" 2>/dev/null)" == "500" ]] || { echo "build.sh: the built image is wrong on $endpoint" >&2; exit 1; }
  printf '%-15s %8dms %12dms %14dms\n' "$endpoint" "$cold_ms" "$cached_ms" "$changed_ms"
done
