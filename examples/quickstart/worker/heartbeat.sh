#!/bin/sh
# Every two seconds, replaces /data/status.json with a numbered heartbeat (written aside, then
# renamed, so that a reader never sees half a file).
beats=0
while true; do
  beats=$((beats + 1))
  printf '{"worker": "%s", "beats": %d, "at": "%s"}\n' \
    "$(hostname)" "$beats" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >/data/status.json.new
  mv /data/status.json.new /data/status.json
  sleep 2
done
