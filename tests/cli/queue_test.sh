#!/usr/bin/env bash
# The document queue (pactum ingest --queue / --worker) on SQLite: a worker
# is killed with SIGKILL while it holds claims, its leases run out, two
# other workers finish, and every document is stored exactly once (the
# queue rows' stored counts add up to the documents, each content once).
source "$(dirname "$0")/lib.sh"

# 80 distinct documents, each eight samples long (so that a worker takes
# long enough to be killed mid-way) and unique by a line of its own.
mkdir docs
samples=("$REPO"/data/samples/docs/*.txt)
for n in $(seq 1 80); do
  for k in 0 1 2 3 4 5 6 7; do cat "${samples[$(((n + 5 * k) % ${#samples[@]}))]}"; printf '\n\n'; done > "docs/$(printf '%03d' "$n").txt"
  printf 'Reference %d.\n' "$n" >> "docs/$(printf '%03d' "$n").txt"
done

expect_exit 2 "ingest without paths is a usage error" "$PACTUM" ingest
expect_exit 2 "--worker takes no paths" "$PACTUM" ingest --worker docs
expect_exit 2 "--queue and --worker exclude each other" "$PACTUM" ingest --queue --worker docs

"$PACTUM" ingest --queue docs --json > q1.json
check "80 sources queued" [ "$(json_get q1.json 'd["queued"]')" = 80 ]
"$PACTUM" ingest --queue docs --json > q2.json
check "queued again: nothing new" [ "$(json_get q2.json 'd["queued"], d["already_queued"]')" = "0 80" ]

# Worker A claims everything (batch 1000) with a 3 s lease and is killed
# after storing some: it dies holding the rest of its claims. A runs at the
# lowest priority so that on a loaded machine the watcher below is not
# starved until A has finished all 80 (then A would die holding nothing).
nice -n 19 "$PACTUM" ingest --worker --batch 1000 --lease-seconds 3 --worker-id A > a.out 2>&1 &
a=$!
# Watched and killed from one tight loop, so that A dies mid-way whatever
# the machine's load.
python3 - "$PACTUM_DB" "$a" <<'PY'
import os, signal, sqlite3, sys, time
db, pid = sys.argv[1], int(sys.argv[2])
for _ in range(60000):
    try:
        done = sqlite3.connect(db, timeout=5).execute(
            "SELECT count(*) FROM document_queue WHERE state = 'done'").fetchone()[0]
    except sqlite3.Error:
        done = 0
    if done >= 5:
        break
    time.sleep(0.002)
os.kill(pid, signal.SIGKILL)
PY
wait $a 2>/dev/null
"$PACTUM" ingest --queue-status --json > killed.json
held=$(json_get killed.json 'd["claimed"]'); echo "at the kill: $(cat killed.json | tr -d "\n ")"
check "A died holding claims ($held)" [ "$held" -gt 0 ]
check "A stored some before it died" [ "$(json_get killed.json 'd["done"]')" -ge 5 ]

# Two workers finish: they wait for A's leases to run out, then take them.
"$PACTUM" ingest --worker --until-empty --batch 4 --lease-seconds 30 --worker-id B --json > b.json &
b=$!
"$PACTUM" ingest --worker --until-empty --batch 4 --lease-seconds 30 --worker-id C --json > c.json &
c=$!
wait $b; rb=$?
wait $c; rc=$?
check "worker B ends cleanly" [ $rb -eq 0 ]
check "worker C ends cleanly" [ $rc -eq 0 ]
"$PACTUM" ingest --queue-status --json > end.json
check "every row done" [ "$(json_get end.json 'd["done"], d["queued"], d["claimed"], d["failed"]')" = "80 0 0 0" ]
check "80 documents stored by the rows" [ "$(json_get end.json 'd["stored"]')" = 80 ]
read -r docs distinct rows <<<"$(python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(*db.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT content_hash) FROM documents), (SELECT count(*) FROM document_queue)").fetchone())' "$PACTUM_DB")"
check "80 documents, each once ($docs, $distinct distinct)" [ "$docs:$distinct" = "80:80" ]
check "one queue row per source ($rows)" [ "$rows" = 80 ]
took=$(python3 -c 'import json,sys; print(sum(json.load(open(f))["claimed"] for f in sys.argv[1:]))' b.json c.json)
check "B and C took over A's claims ($took claimed, $held were held)" [ "$took" -ge "$held" ]
# The documents are the ones a plain ingest stores.
PACTUM_DB="$WORK/plain.db" "$PACTUM" ingest docs --json > plain.json
check "a plain ingest stores as many" [ "$(json_get plain.json 'd["stored"]')" = 80 ]
e_queue=$("$PACTUM" events --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
e_plain=$(PACTUM_DB="$WORK/plain.db" "$PACTUM" events --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
check "same events as a plain ingest ($e_queue, $e_plain)" [ "$e_queue" = "$e_plain" ]
finish
