#!/usr/bin/env bash
# Soak of `pactum serve` (make soak; not part of the tests): the server on
# loopback over a loaded store (the samples, the profiles and, with
# SOAK_DOCS, a generated corpus), driven by bench/soak/soak_driver at 64
# connections mixing searches (60%), partner matches (25%) and writes
# (15%: profile upserts and document ingests) for SOAK_SECONDS (default
# 600) after a warm-up (SOAK_WARMUP, default 60 s, or a tenth of a short run,
# and at least 10 requests per connection).
# The server's RSS is sampled every 5 s. Prints requests, errors and
# p50/p99 per kind, RSS after the warm-up and at the end and its growth;
# fails on any error or an RSS growth of 10% or more.
# Environment: SOAK_SECONDS, SOAK_WARMUP, SOAK_CONNECTIONS (64), SOAK_DOCS (2000 generated documents; 0: none)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SOAK_SECONDS:-600}
warmup=${SOAK_WARMUP:-$(( seconds >= 600 ? 60 : (seconds / 10 > 2 ? seconds / 10 : 2) ))}
connections=${SOAK_CONNECTIONS:-64}
docs=${SOAK_DOCS:-2000}
build=${PACTUM_BUILD_DIR:-build}
[ -x "$build/src/cli/pactum" ] || bash scripts/build.sh >/dev/null
bin=$build/src/cli/pactum
driver=$build/soak_driver
if [ ! -x "$driver" ] || [ bench/soak/soak_driver.cc -nt "$driver" ]; then
  # One file over cpp-httplib's client and nlohmann/json, both headers of Debian packages.
  c++ -std=c++20 -O2 -pthread bench/soak/soak_driver.cc -o "$driver" $(pkg-config --cflags --libs cpp-httplib)
fi

work=$(mktemp -d)
server="" sampler=""
cleanup() {
  if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; fi
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
db=$work/pactum.db
export PACTUM_DATA=${PACTUM_DATA:-$PWD/data}
"$bin" ingest data/samples/docs data/samples/formats --db "$db" >/dev/null 2>&1 || true
if [ "$docs" -gt 0 ]; then
  # A loaded store: the samples again in variants (distinct documents, near-copies of each other).
  python3 - "$work/corpus" "$docs" data/samples/docs <<'PY'
import os, sys
out, n, src = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out)
texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src))]
for i in range(n):
    with open(os.path.join(out, f"d{i}.txt"), "w", encoding="utf-8") as f:
        f.write(texts[i % len(texts)] + f"\n\nReference {i}.\n")
PY
  "$bin" ingest "$work/corpus" --db "$db" >/dev/null 2>&1
  rm -rf "$work/corpus"
fi
for f in data/samples/profiles/*.jsonl; do "$bin" profiles import "$f" --db "$db" >/dev/null; done
token=$("$bin" token create --db "$db" --name soak --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
"$bin" serve --db "$db" --port 0 --threads "$connections" --access-log off >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 300); do grep -q 'http://' "$work/out" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/out" | sed 's/.*://') || { cat "$work/err" >&2; exit 1; }
doc_count=$(sqlite3 "$db" "SELECT count(*) FROM documents;" 2>/dev/null || echo "?")

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }
( while :; do echo "$(date +%s) $(rss_kb)"; sleep 5; done ) >"$work/rss" &
sampler=$!
echo "soak: pactum serve on 127.0.0.1:$port over $doc_count documents; $connections connections, ${warmup} s warm-up, then ${seconds} s"
status=0
"$driver" --port "$port" --token "$token" --connections "$connections" --seconds "$seconds" --warmup "$warmup" \
  >"$work/report.json" || status=1
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
end_rss=$(rss_kb)
counted_from=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["counted_from"])' "$work/report.json")
start_rss=$(awk -v t="$counted_from" '$1 >= t && $2 != "" { print $2; exit }' "$work/rss")
max_rss=$(awk '$2 > m { m = $2 } END { print m }' "$work/rss")
kill -0 "$server" 2>/dev/null || { echo "soak: FAILED: the server died" >&2; cat "$work/err" >&2; exit 1; }
python3 - "$work/report.json" "$start_rss" "$end_rss" "$max_rss" "$work/rss" <<'PY' || status=1
import json, sys
r = json.load(open(sys.argv[1]))
start, end, peak = (int(x) for x in sys.argv[2:5])
print(f"{'kind':8} {'requests':>9} {'errors':>7} {'p50_ms':>8} {'p99_ms':>8} {'max_ms':>9}")
for name, k in sorted(r["kinds"].items()):
    print(f"{name:8} {k['requests']:>9} {k['errors']:>7} {k['p50_ms']:>8} {k['p99_ms']:>8} {k['max_ms']:>9}")
    for e, n in k["error_kinds"].items():
        print(f"    {n} x {e}")
growth = (end - start) / start * 100
print(f"total: {r['requests']} requests ({r['requests_per_s']}/s), {r['errors']} errors")
print(f"RSS: {start / 1024:.1f} MB after the warm-up, {end / 1024:.1f} MB at the end ({growth:+.1f}%), peak {peak / 1024:.1f} MB")
samples = [l.split() for l in open(sys.argv[5]) if len(l.split()) == 2]
print("RSS samples (MB): " + " ".join(f"{int(s[1]) / 1024:.0f}" for s in samples[:: max(1, len(samples) // 24)]))
if growth >= 10:
    print("soak: FAILED: RSS grew by 10% or more", file=sys.stderr)
    sys.exit(1)
PY

[ "$status" -eq 0 ] || echo "soak: FAILED" >&2
exit "$status"
