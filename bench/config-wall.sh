#!/usr/bin/env bash
# End-to-end wall time of `./jcompose -f gen.yaml config` on a generated 30-service file,
# start-up included. Prints the median (and hyperfine's summary when hyperfine is installed).
#   bench/config-wall.sh [RUNS]     (default 20 runs, after 3 warm-up runs)
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
work="$root/bench/results"
mkdir -p "$work"
gen="$work/gen.yaml"

generate() {
  local i
  echo "name: wallbench"
  echo "services:"
  for ((i = 0; i < 30; i++)); do
    echo "  svc$i:"
    if ((i % 7 == 6)); then
      printf '    build:\n      context: ./svc%d\n' "$i"
    else
      printf '    image: registry.example.com/svc%d:1.%d\n' "$i" "$i"
    fi
    printf '    ports:\n      - "%d:80"\n      - target: 9%03d\n        published: "1%04d"\n' \
      "$((8000 + i))" "$i" "$i"
    printf '    environment:\n      NAME: svc%d\n      LEVEL: ${LEVEL:-info}\n      FLAG: "true"\n' "$i"
    printf '    volumes:\n      - data%d:/data\n      - ./conf/svc%d:/etc/svc:ro\n' "$((i % 5))" "$i"
    if ((i > 0)); then
      printf '    depends_on:\n      svc%d:\n        condition: service_started\n' "$((i - 1))"
    fi
    if ((i % 3 == 0)); then
      printf '    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost/"]\n'
      printf '      interval: 10s\n      retries: 3\n'
    fi
    printf '    labels:\n      com.example.index: "%d"\n' "$i"
  done
  echo "volumes:"
  for ((i = 0; i < 5; i++)); do echo "  data$i: {}"; done
}
generate >"$gen"

cmd=("$root/jcompose" -f "$gen" config)
"${cmd[@]}" >/dev/null 2>&1 || true   # build the jar outside the measurement
if ! "${cmd[@]}" >/dev/null; then
  echo "config-wall: '${cmd[*]}' fails; timing it anyway" >&2
fi

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N -i --warmup 3 --runs "$runs" --export-json "$work/config-wall.json" \
    "${cmd[*]}" >&2
  median_ms="$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"]*1000, 1))' \
    "$work/config-wall.json" 2>/dev/null || true)"
  if [[ -n "$median_ms" ]]; then
    echo "median: ${median_ms} ms over $runs runs"
    exit 0
  fi
fi

for ((i = 0; i < 3; i++)); do "${cmd[@]}" >/dev/null 2>&1 || true; done
times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  "${cmd[@]}" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  times+=($(((end - start) / 1000)))
done
median_us="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
printf 'median: %d.%d ms over %d runs\n' "$((median_us / 1000))" "$((median_us % 1000 / 100))" "$runs"
