# shellcheck shell=bash
# A dockerd of our own, for the suites and the benchmarks: socket, data root, exec root and pid
# file in one temporary directory, no default bridge and no iptables rules, so it changes nothing
# on the host that `private_dockerd_stop` does not undo. Source this file, then:
#   private_dockerd_start  -> sets PRIVATE_DOCKER_HOST (unix://.../docker.sock); exits on failure
#   private_dockerd_stop   -> removes what is left on it, stops it, unmounts and deletes its
#                             directory and the directories/cgroups dockerd made outside its roots
#                             that were not there before

private_dockerd_start() {
  local dockerd_bin
  dockerd_bin="$(command -v dockerd || echo /usr/sbin/dockerd)"
  if [[ ! -x "$dockerd_bin" ]]; then
    echo "dockerd is missing (Debian/Ubuntu: apt-get install -y docker.io)" >&2
    exit 1
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "starting a private dockerd needs root" >&2
    exit 1
  fi
  PRIVATE_DOCKERD_DIR="$(mktemp -d /tmp/jcompose-dockerd.XXXXXX)"
  PRIVATE_DOCKERD_MADE=()
  local path
  for path in /run/docker /run/containerd /var/run/docker /etc/docker; do
    [[ -e "$path" ]] || PRIVATE_DOCKERD_MADE+=("$path")
  done
  PRIVATE_DOCKERD_BRIDGES_BEFORE="$(ip -o link show type bridge 2>/dev/null | awk -F': ' '{print $2}')"
  PRIVATE_DOCKERD_CGROUPS_MADE=true
  compgen -G '/sys/fs/cgroup/*/docker' >/dev/null && PRIVATE_DOCKERD_CGROUPS_MADE=false
  "$dockerd_bin" --host "unix://$PRIVATE_DOCKERD_DIR/docker.sock" \
    --data-root "$PRIVATE_DOCKERD_DIR/data" --exec-root "$PRIVATE_DOCKERD_DIR/exec" \
    --pidfile "$PRIVATE_DOCKERD_DIR/docker.pid" --bridge=none --iptables=false --ip-masq=false \
    --ip-forward=false >"$PRIVATE_DOCKERD_DIR/dockerd.log" 2>&1 &
  PRIVATE_DOCKERD_PID=$!
  local i
  for ((i = 0; i < 300; i++)); do
    if DOCKER_HOST="unix://$PRIVATE_DOCKERD_DIR/docker.sock" docker version >/dev/null 2>&1; then
      PRIVATE_DOCKER_HOST="unix://$PRIVATE_DOCKERD_DIR/docker.sock"
      return 0
    fi
    kill -0 "$PRIVATE_DOCKERD_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "dockerd did not start; its log:" >&2
  tail -n 30 "$PRIVATE_DOCKERD_DIR/dockerd.log" >&2
  exit 1
}

private_dockerd_stop() {
  [[ -n "${PRIVATE_DOCKERD_DIR:-}" ]] || return 0
  local sock="$PRIVATE_DOCKERD_DIR/docker.sock" ids path
  if [[ -S "$sock" ]]; then
    ids="$(DOCKER_HOST="unix://$sock" docker ps -aq 2>/dev/null)"
    # shellcheck disable=SC2086
    [[ -n "$ids" ]] && DOCKER_HOST="unix://$sock" docker rm -f -v $ids >/dev/null 2>&1
    DOCKER_HOST="unix://$sock" docker network prune -f >/dev/null 2>&1
  fi
  if [[ -n "${PRIVATE_DOCKERD_PID:-}" ]]; then
    kill "$PRIVATE_DOCKERD_PID" 2>/dev/null
    wait "$PRIVATE_DOCKERD_PID" 2>/dev/null
  fi
  # a network dockerd could not remove ("has active endpoints") keeps its bridge after it stops:
  # remove the br-* bridges that appeared since the start and have no ports
  for path in $(ip -o link show type bridge 2>/dev/null | awk -F': ' '{print $2}' | grep '^br-'); do
    grep -qx "$path" <<<"$PRIVATE_DOCKERD_BRIDGES_BEFORE" && continue
    [[ -z "$(ip -o link show master "$path" 2>/dev/null)" ]] && ip link delete "$path" 2>/dev/null
  done
  grep -o " $PRIVATE_DOCKERD_DIR[^ ]*" /proc/self/mountinfo | sort -r | while read -r path; do
    umount -l "$path"
  done
  rm -rf "$PRIVATE_DOCKERD_DIR"
  for path in "${PRIVATE_DOCKERD_MADE[@]}"; do
    rm -rf "$path"
  done
  if [[ "$PRIVATE_DOCKERD_CGROUPS_MADE" == true ]]; then
    for path in /sys/fs/cgroup/*/docker; do
      [[ -d "$path" ]] && rmdir "$path" 2>/dev/null
    done
  fi
  PRIVATE_DOCKERD_DIR=""
  return 0
}
