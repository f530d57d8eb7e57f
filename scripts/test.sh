#!/usr/bin/env bash
# The test command (README "Quick start", and what .ci/run executes).
#
# Shape: check the tools, install and start what the suites need, run `mvn -B verify` from the
# repository root, then stop exactly what this script started (trap on EXIT), and exit with
# Maven's code. `install_needs` installs missing host packages (as root, on Debian/Ubuntu);
# daemons the suites need (dockerd, later) plug into `start_services`, registering their clean-up
# with `on_exit`.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

cleanups=()

# on_exit CMD...: run CMD when the script ends (last registered runs first).
on_exit() {
  cleanups+=("$*")
}

run_cleanups() {
  local status=$?
  local i
  for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do
    eval "${cleanups[$i]}" || echo "test.sh: clean-up failed: ${cleanups[$i]}" >&2
  done
  exit "$status"
}
trap run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log() {
  echo "test.sh: $*" >&2
}

require() {
  local tool=$1 hint=$2
  if ! command -v "$tool" >/dev/null 2>&1; then
    log "$tool is missing; $hint"
    exit 1
  fi
}

check_tools() {
  require java "install a JDK 17 or newer (Debian/Ubuntu: apt-get install -y openjdk-17-jdk-headless)"
  require mvn "install Maven 3.8 or newer (Debian/Ubuntu: apt-get install -y maven)"
  local major
  major="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  if [[ -n "$major" && "${major%%.*}" -lt 17 ]]; then
    log "java $major found; jcompose needs 17 or newer"
    exit 1
  fi
}

# command:package pairs the suites need: the bundled engine's host tools (runc under conmon,
# iproute2, iptables, setfattr for overlay whiteouts), busybox-static, from which the tests build
# their images, and the clients the tests drive the engines with (the docker CLI, docker-compose
# 1.29).
NEEDS=(
  runc:runc
  conmon:conmon
  ip:iproute2
  iptables:iptables
  setfattr:attr
  busybox:busybox-static
  docker:docker.io
  docker-compose:docker-compose
)

# Packages the suites need that are not there yet (installed as root on Debian/Ubuntu).
install_needs() {
  local missing=() pair
  for pair in "${NEEDS[@]}"; do
    if ! command -v "${pair%%:*}" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/${pair%%:*}" ]]; then
      missing+=("${pair#*:}")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return
  fi
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    log "missing packages: ${missing[*]}; install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]})"
    exit 1
  fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A dockerd of the suites' own: its socket, data root, exec root and pid file in one temporary
# directory, no default bridge and no iptables rules, so it changes nothing on the host that its
# clean-up does not undo. Its endpoint is exported as JCOMPOSE_TEST_DOCKER_HOST (the runtime
# adapter's contract tests and the it/ scenarios require it). Clean-up removes what the tests
# left, stops the daemon, unmounts and deletes its directory, and removes the directories and
# cgroups dockerd makes outside its roots when they were not there before.
start_dockerd() {
  local dockerd_bin
  dockerd_bin="$(command -v dockerd || echo /usr/sbin/dockerd)"
  [[ -x "$dockerd_bin" ]] || { log "dockerd is missing (Debian/Ubuntu: apt-get install -y docker.io)"; exit 1; }
  [[ $(id -u) -eq 0 ]] || { log "the suites start their own dockerd and need root"; exit 1; }
  dockerd_dir="$(mktemp -d /tmp/jcompose-dockerd.XXXXXX)"
  dockerd_made=()
  local path
  for path in /run/docker /run/containerd /var/run/docker /etc/docker; do
    [[ -e "$path" ]] || dockerd_made+=("$path")
  done
  dockerd_cgroups_made=true
  compgen -G '/sys/fs/cgroup/*/docker' >/dev/null && dockerd_cgroups_made=false
  on_exit stop_dockerd
  "$dockerd_bin" --host "unix://$dockerd_dir/docker.sock" --data-root "$dockerd_dir/data" \
    --exec-root "$dockerd_dir/exec" --pidfile "$dockerd_dir/docker.pid" --bridge=none \
    --iptables=false --ip-masq=false --ip-forward=false >"$dockerd_dir/dockerd.log" 2>&1 &
  dockerd_pid=$!
  local i
  for ((i = 0; i < 300; i++)); do
    if DOCKER_HOST="unix://$dockerd_dir/docker.sock" docker version >/dev/null 2>&1; then
      export JCOMPOSE_TEST_DOCKER_HOST="unix://$dockerd_dir/docker.sock"
      log "dockerd $(DOCKER_HOST="$JCOMPOSE_TEST_DOCKER_HOST" docker version -f '{{.Server.Version}}') on $JCOMPOSE_TEST_DOCKER_HOST"
      return
    fi
    if ! kill -0 "$dockerd_pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  log "dockerd did not start; its log:"
  tail -n 30 "$dockerd_dir/dockerd.log" >&2
  exit 1
}

stop_dockerd() {
  set +e
  local sock="$dockerd_dir/docker.sock" ids path
  if [[ -S "$sock" ]]; then
    ids="$(DOCKER_HOST="unix://$sock" docker ps -aq 2>/dev/null)"
    [[ -n "$ids" ]] && DOCKER_HOST="unix://$sock" docker rm -f -v $ids >/dev/null 2>&1
    DOCKER_HOST="unix://$sock" docker network prune -f >/dev/null 2>&1
  fi
  if [[ -n "${dockerd_pid:-}" ]]; then
    kill "$dockerd_pid" 2>/dev/null
    wait "$dockerd_pid" 2>/dev/null
  fi
  grep -o " $dockerd_dir[^ ]*" /proc/self/mountinfo | sort -r | while read -r path; do
    umount -l "$path"
  done
  rm -rf "$dockerd_dir"
  for path in "${dockerd_made[@]}"; do
    rm -rf "$path"
  done
  if [[ "$dockerd_cgroups_made" == true ]]; then
    for path in /sys/fs/cgroup/*/docker; do
      [[ -d "$path" ]] && rmdir "$path" 2>/dev/null
    done
  fi
  return 0
}

# Daemons the suites need; each one started here registers its stop with on_exit.
start_services() {
  start_dockerd
}

main() {
  check_tools
  install_needs
  start_services
  log "running mvn -B verify in $root"
  local status=0
  mvn -B verify "$@" || status=$?
  return "$status"
}

main "$@"
