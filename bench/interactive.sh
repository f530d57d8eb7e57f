#!/usr/bin/env bash
# The interactive verbs' latency: `exec -T app true` and `run --rm -T app true` on a one-service
# project, jcompose against docker-compose 1.29, on a private dockerd and on the bundled engine,
# ROUNDS times each (medians in milliseconds). jcompose runs through its launcher, a JVM start
# per call, as a user runs it.
#   sudo bench/interactive.sh [ROUNDS]      (default 10)
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-10}"
image=jcbench/busybox:1
docker_cli="$(command -v docker)"
[[ $(id -u) -eq 0 ]] || { echo "interactive.sh: run as root (it starts a dockerd and an engine)" >&2; exit 1; }
command -v docker-compose >/dev/null || { echo "interactive.sh: docker-compose is missing (apt-get install -y docker-compose)" >&2; exit 1; }
[[ -x /bin/busybox ]] || { echo "interactive.sh: busybox is missing (apt-get install -y busybox-static)" >&2; exit 1; }
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
    (cd "$work/project" && DOCKER_HOST="unix://$sock" docker-compose down -t 0 >/dev/null 2>&1)
  done
  [[ -n "$engine_pid" ]] && kill "$engine_pid" 2>/dev/null && wait "$engine_pid" 2>/dev/null
  private_dockerd_stop
  grep -o " $work[^ ]*" /proc/self/mountinfo | sort -r | while read -r mount; do umount -l "$mount"; done
  rm -rf "$work"
}
trap cleanup EXIT

( cd "$root" && mvn -q -B -o package -pl cli -am -DskipTests >/dev/null )

mkdir -p "$work/project"
busybox_rootfs_tar "$work" sh sleep true
cat >"$work/project/docker-compose.yml" <<YAML
services:
  app:
    image: $image
    command: ["sleep", "3600"]
YAML

start_bench_engine "$root" "$work"
private_dockerd_start

# timed ROUNDS COMMAND...: the median of ROUNDS runs, after one warm-up
timed() {
  local n=$1 i start times=()
  shift
  "$@" >/dev/null 2>&1
  for ((i = 0; i < n; i++)); do
    start=$(now_ms)
    "$@" >/dev/null 2>&1
    times+=($(($(now_ms) - start)))
  done
  printf '%s\n' "${times[@]}" | median
}

jcompose() { "$root/jcompose" --progress quiet "$@"; }

printf '%-15s %-15s %10s %14s\n' endpoint tool "exec -T" "run --rm -T"
for endpoint in dockerd bundled-engine; do
  if [[ "$endpoint" == dockerd ]]; then
    export DOCKER_HOST="$PRIVATE_DOCKER_HOST"
  else
    export DOCKER_HOST="unix://$work/engine.sock"
  fi
  "$docker_cli" import "$work/rootfs.tar" "$image" >/dev/null
  cd "$work/project"
  for tool in jcompose docker-compose; do
    "$tool" up -d >/dev/null 2>&1
    exec_ms=$(timed "$rounds" "$tool" exec -T app true)
    run_ms=$(timed "$rounds" "$tool" run --rm -T app true)
    "$tool" down -t 0 >/dev/null 2>&1
    printf '%-15s %-15s %8dms %12dms\n' "$endpoint" "$tool" "$exec_ms" "$run_ms"
  done
  cd - >/dev/null
done
