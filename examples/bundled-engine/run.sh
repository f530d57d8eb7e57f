#!/usr/bin/env bash
# Runs the stack in docker-compose.yml on the bundled engine with jcompose itself: starts an
# engine on a private socket, imports a busybox-static image, brings the stack up, shows its
# state and logs, takes it down with its volume, and stops the engine. Needs root, docker (the
# CLI, for the image import) and busybox-static.
#   sudo examples/bundled-engine/run.sh [WORK_DIR]
set -euo pipefail
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [[ $# -ge 1 ]]; then
  work="$1"
  mkdir -p "$work"
  own_work=false
else
  work="$(mktemp -d /tmp/jce-example.XXXXXX)"
  own_work=true
fi
export DOCKER_HOST="unix://$work/engine.sock"
export DOCKER_CONFIG="$work/docker-config"
compose=("$root/jcompose" --progress plain -p bundledhello -f "$here/docker-compose.yml")
engine_pid=""
stack_up=false

cleanup() {
  set +e
  [[ "$stack_up" == true ]] && "${compose[@]}" down -v >/dev/null 2>&1
  if [[ -n "$engine_pid" ]]; then
    "$root/jcompose" -H "$DOCKER_HOST" engine stop >/dev/null 2>&1 || kill "$engine_pid"
    wait "$engine_pid" 2>/dev/null
  fi
  [[ "$own_work" == true ]] && rm -rf "$work"
}
trap cleanup EXIT

"$root/jcompose" -H "$DOCKER_HOST" engine run --data-root "$work/data" --exec-root "$work/exec" \
  >"$work/engine.log" 2>&1 &
engine_pid=$!
for ((i = 0; i < 600; i++)); do
  [[ -S "$work/engine.sock" ]] && docker version >/dev/null 2>&1 && break
  kill -0 "$engine_pid" 2>/dev/null || { cat "$work/engine.log" >&2; exit 1; }
  sleep 0.1
done

rootfs="$work/rootfs"
mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev}
cp /bin/busybox "$rootfs/bin/"
for applet in sh echo sleep wget httpd; do ln -sf busybox "$rootfs/bin/$applet"; done
echo 'root:x:0:0:root:/root:/bin/sh' >"$rootfs/etc/passwd"
chmod 1777 "$rootfs/tmp"
tar -C "$rootfs" -cf "$work/rootfs.tar" .
docker import --change 'ENV PATH=/bin' "$work/rootfs.tar" jcompose-example/busybox:1 >/dev/null

stack_up=true
"${compose[@]}" up -d --wait
for ((i = 0; i < 150; i++)); do
  "${compose[@]}" logs --no-color client 2>/dev/null | grep -q hello-from-web && break
  sleep 0.2
done
"${compose[@]}" ps
"${compose[@]}" logs --no-color
"${compose[@]}" down -v
stack_up=false
