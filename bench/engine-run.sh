#!/usr/bin/env bash
# The bundled engine against dockerd on the same machine, both driven by the docker CLI:
#   - `docker run --rm IMAGE true`, RUNS times (median per run)
#   - `docker run -d IMAGE sleep 3600` of 30 containers in a row (median over ROUNDS rounds)
# Both engines get their own temporary socket, data and exec roots, and run containers with
# `--network none` (dockerd is the private one of scripts/lib/dockerd.sh: no default bridge, no
# iptables rules, so it changes nothing on the host). The image is busybox-static imported from a rootfs tar into both.
#   sudo bench/engine-run.sh [RUNS] [ROUNDS]     (default 20 and 3)
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
rounds="${2:-3}"
image=jcebench/busybox:1
docker_cli="$(command -v docker)"
[[ $(id -u) -eq 0 ]] || { echo "engine-run.sh: run as root (both engines need it)" >&2; exit 1; }
[[ -x /bin/busybox ]] || { echo "engine-run.sh: busybox is missing (apt-get install -y busybox-static)" >&2; exit 1; }

# shellcheck source=../scripts/lib/dockerd.sh
source "$root/scripts/lib/dockerd.sh"
work="$(mktemp -d /tmp/jce-bench.XXXXXX)"
engine_pid=""
cleanup() {
  set +e
  if [[ -S "$work/engine.sock" ]]; then
    ids="$(DOCKER_HOST="unix://$work/engine.sock" "$docker_cli" ps -aq 2>/dev/null)"
    [[ -n "$ids" ]] && DOCKER_HOST="unix://$work/engine.sock" "$docker_cli" rm -f $ids >/dev/null 2>&1
  fi
  [[ -n "$engine_pid" ]] && kill "$engine_pid" 2>/dev/null && wait "$engine_pid" 2>/dev/null
  private_dockerd_stop
  grep -o " $work[^ ]*" /proc/self/mountinfo | sort -r | while read -r mount; do umount -l "$mount"; done
  rm -rf "$work"
}
trap cleanup EXIT

# the image: busybox-static and its applets as a rootfs tar
mkdir -p "$work/rootfs"/{bin,etc,tmp,proc,sys,dev}
cp /bin/busybox "$work/rootfs/bin/"
for applet in sh echo sleep true false cat ls; do ln -s busybox "$work/rootfs/bin/$applet"; done
echo 'root:x:0:0:root:/root:/bin/sh' >"$work/rootfs/etc/passwd"
echo 'root:x:0:' >"$work/rootfs/etc/group"
tar -C "$work/rootfs" -cf "$work/rootfs.tar" .

"$root/jcompose" -H "unix://$work/engine.sock" engine run --data-root "$work/engine-data" \
  --exec-root "$work/engine-exec" >"$work/engine.log" 2>&1 &
engine_pid=$!
private_dockerd_start
dockerd_sock="${PRIVATE_DOCKER_HOST#unix://}"

wait_for() {
  local sock=$1 i
  for ((i = 0; i < 600; i++)); do
    DOCKER_HOST="unix://$sock" "$docker_cli" version >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "engine-run.sh: nothing answers on $sock" >&2
  exit 1
}
wait_for "$work/engine.sock"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

measure() {
  local name=$1 sock=$2
  export DOCKER_HOST="unix://$sock"
  "$docker_cli" import --change 'ENV PATH=/bin' "$work/rootfs.tar" "$image" >/dev/null
  "$docker_cli" run --rm --network none "$image" true >/dev/null # warm-up
  "$docker_cli" run --rm --network none "$image" true >/dev/null
  local i start times=()
  for ((i = 0; i < runs; i++)); do
    start=$(now_ms)
    "$docker_cli" run --rm --network none "$image" true >/dev/null
    times+=($(($(now_ms) - start)))
  done
  run_median=$(printf '%s\n' "${times[@]}" | median)
  local round totals=() n
  for ((round = 0; round < rounds; round++)); do
    start=$(now_ms)
    for ((n = 0; n < 30; n++)); do
      "$docker_cli" run -d --network none "$image" sleep 3600 >/dev/null
    done
    totals+=($(($(now_ms) - start)))
    "$docker_cli" rm -f $("$docker_cli" ps -aq) >/dev/null
  done
  detached_median=$(printf '%s\n' "${totals[@]}" | median)
  unset DOCKER_HOST
  echo "$name $run_median $detached_median"
}

engine_result=$(measure bundled "$work/engine.sock")
dockerd_result=$(measure dockerd "$dockerd_sock")
read -r _ engine_run engine_detached <<<"$engine_result"
read -r _ dockerd_run engine_dockerd_detached <<<"$dockerd_result"
dockerd_detached=$engine_dockerd_detached
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
printf '%-40s %12s %12s %8s\n' "operation (median)" "bundled ms" "dockerd ms" "ratio"
printf '%-40s %12s %12s %8s\n' "docker run --rm IMAGE true" "$engine_run" "$dockerd_run" "$(ratio "$engine_run" "$dockerd_run")"
printf '%-40s %12s %12s %8s\n' "30 x docker run -d IMAGE sleep" "$engine_detached" "$dockerd_detached" "$(ratio "$engine_detached" "$dockerd_detached")"
