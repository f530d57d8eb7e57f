#!/usr/bin/env bash
# jcompose against docker-compose 1.29 on the same dockerd: the same generated stacks brought up
# (`up -d`, or `up -d --wait`-free for docker-compose, which has no --wait) and taken down
# (`down -t 0`), ROUNDS times each, medians in milliseconds and the jcompose/docker-compose ratio.
# Stacks: N = 1, 10, 30 services of busybox `sleep`; shapes:
#   flat           no dependencies
#   chain          service i depends_on service i-1
#   healthy-chain  service i depends_on service i-1 with condition service_healthy; each service
#                  has a 1 s healthcheck (`test -f /tmp/ready`, the file made at start)
# The dockerd is a private one (scripts/lib/dockerd.sh); the image is busybox-static imported
# from a rootfs tar. jcompose runs through its launcher, a JVM start per call, as a user runs it.
#   sudo bench/compose-updown.sh [ROUNDS]      (default 5)
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
image=jcbench/busybox:1
[[ $(id -u) -eq 0 ]] || { echo "compose-updown.sh: run as root (it starts a dockerd)" >&2; exit 1; }
command -v docker-compose >/dev/null || { echo "compose-updown.sh: docker-compose is missing (apt-get install -y docker-compose)" >&2; exit 1; }
[[ -x /bin/busybox ]] || { echo "compose-updown.sh: busybox is missing (apt-get install -y busybox-static)" >&2; exit 1; }
# shellcheck source=../scripts/lib/dockerd.sh
source "$root/scripts/lib/dockerd.sh"
# shellcheck source=lib/bench.sh
source "$root/bench/lib/bench.sh"

work="$(mktemp -d /tmp/jcompose-bench.XXXXXX)"
cleanup() {
  set +e
  private_dockerd_stop
  rm -rf "$work"
}
trap cleanup EXIT

( cd "$root" && mvn -q -B -o package -pl cli -am -DskipTests >/dev/null )
private_dockerd_start
export DOCKER_HOST="$PRIVATE_DOCKER_HOST"

busybox_rootfs_tar "$work" sh sleep touch test true
docker import "$work/rootfs.tar" "$image" >/dev/null

# stack SHAPE N DIR: writes DIR/docker-compose.yml
stack() {
  local shape=$1 n=$2 dir=$3 i
  mkdir -p "$dir"
  {
    echo "services:"
    for ((i = 1; i <= n; i++)); do
      echo "  s$i:"
      echo "    image: $image"
      echo "    command: sh -c 'touch /tmp/ready; exec sleep 3600'"
      if [[ "$shape" == healthy-chain ]]; then
        echo "    healthcheck:"
        echo "      test: [\"CMD\", \"test\", \"-f\", \"/tmp/ready\"]"
        echo "      interval: 1s"
        echo "      timeout: 1s"
        echo "      retries: 30"
      fi
      if ((i > 1)) && [[ "$shape" != flat ]]; then
        echo "    depends_on:"
        if [[ "$shape" == healthy-chain ]]; then
          echo "      s$((i - 1)):"
          echo "        condition: service_healthy"
        else
          echo "      - s$((i - 1))"
        fi
      fi
    done
  } >"$dir/docker-compose.yml"
}

# run_tool TOOL ARGS...: jcompose (through its launcher) or docker-compose, quiet
run_tool() {
  local tool=$1
  shift
  if [[ "$tool" == jcompose ]]; then
    "$root/jcompose" --progress quiet "$@"
  else
    docker-compose "$@"
  fi
}

# measure TOOL DIR: prints "up_ms down_ms"; fails when a command failed (dockerd sometimes still
# counts a removed container's endpoint and refuses the network removal), after taking the
# stack down again
measure() {
  local tool=$1 dir=$2 start up down
  cd "$dir"
  start=$(now_ms)
  if ! run_tool "$tool" up -d >/dev/null 2>"$dir/up.err"; then
    cat "$dir/up.err" >&2
    run_tool "$tool" down -t 0 >/dev/null 2>&1 || true
    cd - >/dev/null
    return 1
  fi
  up=$(($(now_ms) - start))
  start=$(now_ms)
  if ! run_tool "$tool" down -t 0 >/dev/null 2>"$dir/down.err"; then
    tail -n 1 "$dir/down.err" >&2
    sleep 1
    run_tool "$tool" down -t 0 >/dev/null 2>&1 || true
    cd - >/dev/null
    return 1
  fi
  down=$(($(now_ms) - start))
  cd - >/dev/null
  echo "$up $down"
}

# measured TOOL DIR OUT: a measurement appended to OUT, tried up to three times
measured() {
  local attempt result
  for attempt in 1 2 3; do
    if result="$(measure "$1" "$2")"; then
      echo "$result" >>"$3"
      return 0
    fi
    echo "compose-updown.sh: $1 failed in $2 (attempt $attempt), measuring again" >&2
  done
  exit 1
}

printf '%-14s %3s  %10s %10s %6s  %10s %10s %6s\n' shape N "jc up" "dc up" ratio "jc down" "dc down" ratio
for shape in flat chain healthy-chain; do
  for n in 1 10 30; do
    dir="$work/bench-$shape-$n"
    stack "$shape" "$n" "$dir"
    : >"$work/jc.txt"
    : >"$work/dc.txt"
    for ((r = 0; r < rounds; r++)); do
      measured jcompose "$dir" "$work/jc.txt"
      measured docker-compose "$dir" "$work/dc.txt"
    done
    jc_up=$(cut -d' ' -f1 "$work/jc.txt" | median)
    jc_down=$(cut -d' ' -f2 "$work/jc.txt" | median)
    dc_up=$(cut -d' ' -f1 "$work/dc.txt" | median)
    dc_down=$(cut -d' ' -f2 "$work/dc.txt" | median)
    printf '%-14s %3d  %8dms %8dms %6.2f  %8dms %8dms %6.2f\n' "$shape" "$n" \
      "$jc_up" "$dc_up" "$(awk -v a="$jc_up" -v b="$dc_up" 'BEGIN {print a / b}')" \
      "$jc_down" "$dc_down" "$(awk -v a="$jc_down" -v b="$dc_down" 'BEGIN {print a / b}')"
  done
done
