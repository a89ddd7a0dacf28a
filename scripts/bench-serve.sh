#!/usr/bin/env bash
# Load benchmark of `pactum serve` (not part of the tests): wrk on loopback,
# 64 connections, keep-alive; requests/s and latency percentiles for search
# (plain, faceted and cross-lingual), an agreements listing and partner
# matching (a stored profile's, and a request in words by POST), beside a
# static baseline (/api/health) measured in the same run. Fails on any
# socket error or non-2xx answer.
# Usage: scripts/bench-serve.sh [--duration S] [--connections N] [--threads N] [--jsonl FILE]
#   --jsonl FILE: also ingest this corpus (bench/: pactum_corpus --format jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10 connections=64 wrk_threads=2 jsonl=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) wrk_threads=$2; shift 2 ;;
    --jsonl) jsonl=$2; shift 2 ;;
    *) echo "bench-serve: unknown argument $1" >&2; exit 2 ;;
  esac
done
bash scripts/install-deps.sh >/dev/null
bash scripts/build.sh >/dev/null
bin=${PACTUM_BUILD_DIR:-build}/src/cli/pactum
command -v wrk >/dev/null || { echo "bench-serve: wrk is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
db=$work/pactum.db
"$bin" ingest data/samples/docs data/samples/formats --db "$db" >/dev/null 2>&1 || true
[ -n "$jsonl" ] && "$bin" ingest "$jsonl" --db "$db" >/dev/null
for f in data/samples/profiles/*.jsonl; do "$bin" profiles import "$f" --db "$db" >/dev/null; done
# POST /api/match: a request in words, as the web UI's match form sends it.
cat >"$work/match.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text": "Wir suchen japanische Partner für Wasserstoffspeicherung und Brennstoffzellen", "language": "de", "top": 10}'
LUA
"$bin" serve --db "$db" --port 0 --threads "$connections" --access-log off >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 100); do grep -q 'http://' "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/out") || { cat "$work/err" >&2; exit 1; }
docs=$(python3 -c 'import json, sys, urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1] + "/api/documents?limit=1"))["total"])' "$url")

echo "pactum serve load benchmark: wrk -t$wrk_threads -c$connections -d${duration}s on loopback, $docs documents"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
printf '%-44s %10s %9s %9s %9s %8s %7s\n' endpoint req/s p50_ms p99_ms max_ms errors ratio
status=0 base_rps=""
ms() {  # wrk latency ("850.00us", "1.20ms", "2.00s") in ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
for path in "/api/health" "/api/search?q=hydrogen" "/api/search?q=Wasserstoff&country=JP" \
            "/api/search?q=%E6%B0%B4%E7%B4%A0&language=ja" "/api/search?q=%22memorandum%20of%20understanding%22" \
            "/api/agreements?limit=20" "/api/profiles/nrw-h2-001/matches?top=10" "POST /api/match"; do
  script=()
  if [ "${path#POST }" != "$path" ]; then script=(-s "$work/match.lua"); fi
  # A 10 s timeout: on a loaded machine a slow answer is a latency, counted in p99, not an error.
  out=$(wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --timeout 10s --latency "${script[@]}" "$url${path#POST }")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  max=$(ms "$(awk '$1 == "Latency" { print $4 }' <<<"$out")")
  non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out"); non2xx=${non2xx:-0}
  sock=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out"); sock=${sock:-0}
  errors=$((non2xx + sock))
  [ "$errors" -eq 0 ] || status=1
  [ -z "$base_rps" ] && base_rps=$rps
  ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')
  printf '%-44s %10s %9s %9s %9s %8s %7s\n' "$path" "$rps" "$p50" "$p99" "$max" "$errors" "$ratio"
done
echo "(ratio: requests/s against /api/health, the baseline of the same server and run)"
[ "$status" -eq 0 ] || echo "bench-serve: FAILED: some requests got errors" >&2
exit "$status"
