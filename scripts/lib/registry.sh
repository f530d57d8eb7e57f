# shellcheck shell=bash
# A registry of our own for the suites: Debian's docker-registry (distribution 2.8) on a free
# loopback port, its storage and config in one temporary directory. Source this file, then:
#   private_registry_start -> sets PRIVATE_REGISTRY (127.0.0.1:PORT); exits on failure
#   private_registry_stop  -> stops it and deletes its directory

# registry_answers PORT: whether a distribution registry answers GET /v2/ there (not some other
# listener that took the port)
registry_answers() (
  exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
  printf 'GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  local status
  read -r -t 2 status <&3 || exit 1
  [[ "$status" == *" 200 "* ]]
) 2>/dev/null

private_registry_start() {
  if ! command -v docker-registry >/dev/null 2>&1; then
    echo "docker-registry is missing (Debian/Ubuntu: apt-get install -y docker-registry)" >&2
    exit 1
  fi
  PRIVATE_REGISTRY_DIR="$(mktemp -d /tmp/jcompose-registry.XXXXXX)"
  local port attempt i
  for ((attempt = 0; attempt < 20; attempt++)); do
    port=$((20000 + RANDOM % 40000))
    ss -Hltn "sport = :$port" 2>/dev/null | grep -q . && continue
    cat >"$PRIVATE_REGISTRY_DIR/config.yml" <<CONFIG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $PRIVATE_REGISTRY_DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
CONFIG
    docker-registry serve "$PRIVATE_REGISTRY_DIR/config.yml" >"$PRIVATE_REGISTRY_DIR/registry.log" 2>&1 &
    PRIVATE_REGISTRY_PID=$!
    for ((i = 0; i < 100; i++)); do
      if kill -0 "$PRIVATE_REGISTRY_PID" 2>/dev/null && registry_answers "$port"; then
        PRIVATE_REGISTRY="127.0.0.1:$port"
        return 0
      fi
      kill -0 "$PRIVATE_REGISTRY_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill "$PRIVATE_REGISTRY_PID" 2>/dev/null || true
    wait "$PRIVATE_REGISTRY_PID" 2>/dev/null || true
  done
  echo "docker-registry did not start; its log:" >&2
  tail -n 20 "$PRIVATE_REGISTRY_DIR/registry.log" >&2
  exit 1
}

private_registry_stop() {
  [[ -n "${PRIVATE_REGISTRY_DIR:-}" ]] || return 0
  if [[ -n "${PRIVATE_REGISTRY_PID:-}" ]]; then
    kill "$PRIVATE_REGISTRY_PID" 2>/dev/null || true
    wait "$PRIVATE_REGISTRY_PID" 2>/dev/null || true
  fi
  rm -rf "$PRIVATE_REGISTRY_DIR"
  PRIVATE_REGISTRY_DIR=""
  return 0
}
