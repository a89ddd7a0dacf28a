#!/usr/bin/env bash
# Ingest throughput of the document queue with 1, 2 and 4 `pactum ingest
# --worker` processes (not part of the tests): SQLite, and PostgreSQL when
# a store URL is given or the PostgreSQL test cluster (tests/pg/cluster.sh)
# can be started. Each run: a fresh store, the same N generated documents
# queued, W workers with --until-empty, wall time from the first worker's
# start to the last one's exit. Reported as documents/s and as the ratio
# against the 1-worker run of the same engine in the same script. Checks
# every run stored every document exactly once (exit 1 otherwise).
# Usage: scripts/bench-workers.sh [--docs N] [--workers "1 2 4"] [--pg URL|--no-pg] [--bin PACTUM]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
docs=400 workers="1 2 4" pg="auto" bin=${PACTUM_BUILD_DIR:-build}/src/cli/pactum
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) docs=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --pg) pg=$2; shift 2 ;;
    --no-pg) pg=""; shift ;;
    --bin) bin=$2; shift 2 ;;
    *) echo "bench-workers: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "bench-workers: build pactum first ($bin)" >&2; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export PACTUM_DATA=${PACTUM_DATA:-$repo/data}

work=$(mktemp -d)
cluster_stop=""
cleanup() {
  if [ -n "$cluster_stop" ]; then eval "$cluster_stop" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# N distinct documents recombined from our samples (a numbered line makes
# each one unique), as in tests/cli/queue_test.sh.
mkdir "$work/docs"
n=0
while [ "$n" -lt "$docs" ]; do
  for f in "$repo"/data/samples/docs/*.txt; do
    [ "$n" -ge "$docs" ] && break
    n=$((n + 1))
    { cat "$f"; printf '\n\nReference %d.\n' "$n"; } > "$work/docs/$(printf '%05d' $n)_$(basename "$f")"
  done
done

# run ENGINE DB_SPEC RESET_CMD: one row per worker count.
declare -A base
run() {
  local engine=$1 spec=$2 reset=$3 w
  for w in $workers; do
    eval "$reset"
    "$bin" ingest --queue "$work/docs" --db "$spec" > /dev/null
    local start end pids=() i
    start=$(date +%s.%N)
    for i in $(seq 1 "$w"); do
      "$bin" ingest --worker --until-empty --batch 4 --db "$spec" --worker-id "bench-$i" > "$work/w$i.out" 2>&1 &
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
    end=$(date +%s.%N)
    local stored
    stored=$("$bin" ingest --queue-status --json --db "$spec" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["stored"] if d["done"] == d["stored"] and d["queued"] == d["claimed"] == d["failed"] == 0 else -1)')
    if [ "$stored" != "$docs" ]; then echo "bench-workers: $engine, $w workers: stored $stored of $docs" >&2; exit 1; fi
    local secs rate ratio
    secs=$(python3 -c "print(f'{$end - $start:.2f}')")
    rate=$(python3 -c "print(f'{$docs / ($end - $start):.1f}')")
    [ "$w" = "$(echo "$workers" | awk '{print $1}')" ] && base[$engine]=$rate
    ratio=$(python3 -c "print(f'{$rate / ${base[$engine]}:.2f}')")
    printf '| %s | %s | %s | %s s | %s | %sx |\n' "$engine" "$w" "$docs" "$secs" "$rate" "$ratio"
  done
}

echo "bench-workers: $docs documents, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| engine | workers | documents | wall | documents/s | vs 1 worker |"
echo "|---|--:|--:|--:|--:|--:|"
run sqlite "$work/bench.db" 'rm -f "$work/bench.db" "$work/bench.db-wal" "$work/bench.db-shm"'

if [ "$pg" = "auto" ]; then
  pg=""
  if pg=$(bash tests/pg/cluster.sh start "$work/pg" 2> "$work/pg.err"); then
    cluster_stop="bash tests/pg/cluster.sh stop '$work/pg'"
  else
    pg=""
    echo "(PostgreSQL: no cluster could be started: $(tail -1 "$work/pg.err"); --pg URL to use one)"
  fi
fi
if [ -n "$pg" ]; then
  pg_reset() {
    PGOPTIONS='--client-min-messages=warning' psql -q "$pg" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' > /dev/null
  }
  run postgresql "$pg" pg_reset
fi
