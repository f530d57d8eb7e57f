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
  socat:socat
  tini-static:tini
  busybox:busybox-static
  zstd:zstd
  docker-registry:docker-registry
  openssl:openssl
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
  # from the package lists there are first (an offline machine with a local mirror or cached
  # lists); refreshed only when that fails
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# shellcheck source=lib/dockerd.sh
source "$root/scripts/lib/dockerd.sh"

# A dockerd of the suites' own (scripts/lib/dockerd.sh: temporary roots, no default bridge, no
# iptables), exported as JCOMPOSE_TEST_DOCKER_HOST: the runtime adapter's contract tests and the
# it/ scenarios require it.
start_dockerd() {
  on_exit 'set +e; private_dockerd_stop'
  private_dockerd_start
  export JCOMPOSE_TEST_DOCKER_HOST="$PRIVATE_DOCKER_HOST"
  log "dockerd $(DOCKER_HOST="$PRIVATE_DOCKER_HOST" docker version -f '{{.Server.Version}}') on $PRIVATE_DOCKER_HOST"
}

# shellcheck source=lib/registry.sh
source "$root/scripts/lib/registry.sh"

# A registry on loopback (scripts/lib/registry.sh), exported as JCOMPOSE_TEST_REGISTRY: the push
# and pull tests on dockerd and on the bundled engine require it (tests that need a registry set
# up otherwise, with TLS, auth or cut connections, start their own).
start_registry() {
  on_exit 'set +e; private_registry_stop'
  private_registry_start
  export JCOMPOSE_TEST_REGISTRY="$PRIVATE_REGISTRY"
  log "docker-registry on $PRIVATE_REGISTRY"
}

# Daemons the suites need; each one started here registers its stop with on_exit.
start_services() {
  start_dockerd
  start_registry
}

# The suites must leave no bundled engine on the host's default socket (only QuickStartTest runs
# one there, the README's command as written, and removes what it made; any other CLI test that
# reaches the real connector would start one): note what is there before, and afterwards stop and
# remove an engine, its socket directory and its data root that the run left, and fail the run.
default_engine_before() {
  default_run_existed=false
  default_data_existed=false
  [[ -e /run/jcompose ]] && default_run_existed=true
  [[ -e /var/lib/jcompose ]] && default_data_existed=true
  return 0
}

default_engine_left() {
  local left=false pid
  if [[ "$default_run_existed" == false && -e /run/jcompose ]]; then
    left=true
    pid="$(cat /run/jcompose/engine.pid 2>/dev/null || true)"
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && sleep 2
    rm -rf /run/jcompose
  fi
  if [[ "$default_data_existed" == false && -e /var/lib/jcompose ]]; then
    left=true
    rm -rf /var/lib/jcompose
  fi
  if [[ "$left" == true ]]; then
    log "the suites started a bundled engine on the default socket /run/jcompose/engine.sock (removed now); a test reached the real endpoint connector"
    return 1
  fi
  return 0
}

# What of the host the suites could leave behind: network links, network namespaces, iptables
# chains, mount points, top-level cgroups, conmon processes. Taken before and after the suites
# (with the private dockerd running both times, its own objects excluded), so that whatever any
# module's tests or engines left is named and fails the run.
host_snapshot() (
  set +e +o pipefail # a probe that finds nothing (no conmon, no netns) is not an error here
  {
    ip -o link show 2>/dev/null | awk -F': ' '{print "link " $2}' | sed 's/@.*//'
    ip netns list 2>/dev/null | awk '{print "netns " $1}'
    for table in filter nat; do
      iptables -t "$table" -S 2>/dev/null | awk -v t="$table" '$1 == "-N" {print "chain " t " " $2}'
    done
    # /run/netns becomes a mount point of its own the first time `ip netns add` runs, and stays
    awk '{print "mount " $5}' /proc/self/mountinfo | grep -v -e "${PRIVATE_DOCKERD_DIR:-/nonexistent}" \
      -e ' /run/docker' -e ' /var/run/docker' -e '^mount /run/netns$'
    find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d 2>/dev/null | grep -v -e '/docker$' -e '/system.slice' -e '/user.slice' -e '/init.scope' | sed 's/^/cgroup /'
    pgrep -a conmon 2>/dev/null | awk '{print "conmon " $1}'
  } | sort -u
)

host_leftovers() {
  local after added attempt
  # what is on its way out (a conmon whose container was just removed) gets ten seconds
  for ((attempt = 0; attempt < 10; attempt++)); do
    after="$(host_snapshot)"
    added="$(comm -13 <(printf '%s\n' "$host_before") <(printf '%s\n' "$after"))"
    [[ -z "$added" ]] && break
    sleep 1
  done
  if [[ -n "$added" ]]; then
    log "the suites left these on the host:"
    printf '%s\n' "$added" | sed 's/^/  /' >&2
    return 1
  fi
  return 0
}

main() {
  check_tools
  install_needs
  start_services
  default_engine_before
  host_before="$(host_snapshot)"
  log "running mvn -B verify in $root"
  local status=0
  mvn -B verify "$@" || status=$?
  default_engine_left || status=1
  host_leftovers || status=1
  return "$status"
}

main "$@"
