#!/usr/bin/env bash
# Issue 9's must-hold on PostgreSQL: 4 `pactum ingest --worker` processes
# share one database's queue of 2,000 documents; one (A, holding a batch of
# claims with a short lease) is killed with SIGKILL mid-way; the other three
# take its claims over when the lease runs out, and every document is stored
# exactly once: 2,000 documents, 2,000 distinct content hashes, every queue
# row done, the rows' stored counts adding up to 2,000.
source "$(dirname "$0")/lib.sh"
new_pg_schema db queue
export PACTUM_DB="$db"
N=2000

# Small generated releases, each with one event, unique by its reference.
mkdir docs
python3 - "$N" <<'PY'
import sys
pairs = [("Norway", "Japan"), ("Germany", "Canada"), ("France", "India"), ("Denmark", "Chile"),
         ("Sweden", "Brazil"), ("Netherlands", "Australia"), ("Spain", "Morocco"), ("Italy", "Egypt")]
sectors = ["hydrogen", "offshore wind", "battery storage", "solar power", "carbon capture"]
for n in range(1, int(sys.argv[1]) + 1):
    a, b = pairs[n % len(pairs)]
    s = sectors[(n // len(pairs)) % len(sectors)]
    with open(f"docs/{n:05d}.txt", "w") as f:
        f.write(f"{a} and {b} sign agreement on {s}\n\n{a} and {b} signed a memorandum of understanding on {s} "
                f"cooperation on {1 + n % 28} March 2024. The partners will meet again next year. Reference {n}.\n")
PY

"$PACTUM" ingest --queue docs --json > q.json
check "$N sources queued" [ "$(json_get q.json 'd["queued"]')" = "$N" ]

# A claims 100 rows at a time with a 3 s lease; B, C and D 4 at a time.
"$PACTUM" ingest --worker --batch 100 --lease-seconds 3 --worker-id A > a.out 2>&1 &
a=$!
pids=()
for w in B C D; do
  "$PACTUM" ingest --worker --until-empty --batch 4 --lease-seconds 30 --worker-id "$w" --json > "$w.json" 2> "$w.err" &
  pids+=($!)
done
# Killed once it has completed a few rows, while it holds the rest of its batch.
for _ in $(seq 1 3000); do
  done_a=$(pg_sql "$db" "SELECT count(*) FROM document_queue WHERE claimed_by = 'A' AND state = 'done'" 2>/dev/null)
  [ "${done_a:-0}" -ge 3 ] && break
  sleep 0.02
done
kill -KILL "$a"
wait "$a" 2>/dev/null
held=$(pg_sql "$db" "SELECT count(*) FROM document_queue WHERE claimed_by = 'A' AND state = 'claimed'")
echo "A killed after completing $done_a rows, holding $held"
check "A completed rows before it died ($done_a)" [ "$done_a" -ge 3 ]
check "A died holding claims ($held)" [ "$held" -gt 0 ]

rcs=""
for p in "${pids[@]}"; do wait "$p"; rcs="$rcs$?"; done
check "workers B, C and D end cleanly (exit codes $rcs)" [ "$rcs" = 000 ]
for w in B C D; do [ -s "$w.err" ] && { echo "--- $w stderr"; head -5 "$w.err"; }; done

"$PACTUM" ingest --queue-status --json > end.json
echo "queue at the end: $(tr -d '\n ' < end.json)"
check "every row done, none queued, claimed or failed" \
  [ "$(json_get end.json 'd["done"], d["queued"], d["claimed"], d["failed"]')" = "$N 0 0 0" ]
check "the rows stored $N documents together" [ "$(json_get end.json 'd["stored"]')" = "$N" ]
read -r docs distinct <<<"$(pg_sql "$db" "SELECT count(*), count(DISTINCT content_hash) FROM documents" | tr '|' ' ')"
check "$N documents, each once ($docs, $distinct distinct)" [ "$docs:$distinct" = "$N:$N" ]
check "one document per source" [ "$(pg_sql "$db" "SELECT count(DISTINCT source) FROM documents")" = "$N" ]
check "one event per document" [ "$(pg_sql "$db" "SELECT count(*) FROM events")" = "$N" ]
took=$(python3 -c 'import json,sys; print(sum(json.load(open(f))["claimed"] for f in sys.argv[1:]))' B.json C.json D.json)
stored=$(python3 -c 'import json,sys; print(sum(json.load(open(f))["stored"] for f in sys.argv[1:]))' B.json C.json D.json)
check "B, C and D stored every document A did not ($stored + A's)" \
  [ "$((stored + $(pg_sql "$db" "SELECT coalesce(sum(stored), 0) FROM document_queue WHERE claimed_by = 'A'")))" = "$N" ]
echo "B, C, D claimed $took rows, stored $stored documents"
check "A's held rows were taken over (claimed twice)" \
  [ "$(pg_sql "$db" "SELECT count(*) FROM document_queue WHERE attempts >= 2")" -ge "$held" ]
finish
