#!/usr/bin/env bash
# Crash safety: kills `pactum ingest`, `pactum curate` and `pactum profiles
# import` with SIGKILL at random moments, then checks the store:
#   - PRAGMA integrity_check and foreign_key_check (sqlite3 CLI) and the
#     full-text index's own integrity check;
#   - nothing committed is lost: every document count a reader saw committed
#     before the kill, every curation and every profile file whose command
#     had exited 0 before the kill, is still there;
#   - nothing half-written is visible: every document has its fingerprint,
#     its search-index row and its events' agreement rows; a curation's log
#     entry, override and event column agree; a profile import is all or
#     nothing; and an ingest re-run after the kill ends in exactly the store
#     of an ingest that was never killed (same documents, events, parties,
#     agreements, index rows).
# Usage: crash_test.sh PACTUM_BIN [RUNS]   (RUNS default $CRASH_RUNS, else 6;
#   run N kills ingest, curation or import in turn; `make crash RUNS=100`)
source "$(dirname "$0")/../cli/lib.sh"
RUNS=${2:-${CRASH_RUNS:-6}}
command -v sqlite3 >/dev/null || { echo "crash: sqlite3 is missing (scripts/install-deps.sh installs it)"; exit 1; }
export PACTUM_DATA=${PACTUM_DATA:-$REPO/data}
qq() { sqlite3 -batch -noheader -cmd ".timeout 10000" "$1" "$2"; }

# A random float in [0, $1) seconds.
rand_s() { awk -v m="$1" -v r="$RANDOM$RANDOM" 'BEGIN { srand(r); printf "%.3f", 0.01 + rand() * m }'; }

# Runs COMMAND... and SIGKILLs it, with every process it started (timeout
# signals its own process group), after DELAY seconds if it is still running;
# returns 0 when it was killed, 1 when it had finished by itself.
kill_after() {
  local delay=$1; shift
  timeout -s KILL "$delay" "$@" >/dev/null 2>&1
  [ $? -eq 137 ]
} 2>/dev/null  # no "Killed" notice
# Wall seconds of COMMAND... (output discarded).
seconds_of() {
  local t0; t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  awk -v s="$t0" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f", e - s }'
}

# The store's integrity: SQLite's and the FTS index's checks and our invariants.
store_ok() {  # DB WHAT
  local db=$1 what=$2 ok=0
  local ic; ic=$(qq "$db" "PRAGMA integrity_check;")
  [ "$ic" = ok ] || { echo "FAIL: $what: integrity_check: $ic"; ok=1; }
  local fk; fk=$(qq "$db" "PRAGMA foreign_key_check;")
  [ -z "$fk" ] || { echo "FAIL: $what: foreign_key_check: $(head -3 <<<"$fk")"; ok=1; }
  # The FTS5 check writes nothing but needs a writable connection: on a copy,
  # with the WAL (a store killed before its first checkpoint has its schema
  # only there; copying the main file alone made "no such table").
  rm -f "$WORK/fts-check.db" "$WORK/fts-check.db-wal" "$WORK/fts-check.db-shm"
  cp "$db" "$WORK/fts-check.db"
  [ -f "$db-wal" ] && cp "$db-wal" "$WORK/fts-check.db-wal"
  local fts; fts=$(qq "$WORK/fts-check.db" "INSERT INTO search_index(search_index) VALUES('integrity-check');" 2>&1)
  rm -f "$WORK/fts-check.db" "$WORK/fts-check.db-wal" "$WORK/fts-check.db-shm"
  [ -z "$fts" ] || { echo "FAIL: $what: search index: $fts"; ok=1; }
  local inv; inv=$(qq "$db" "
    SELECT 'document without fingerprint', count(*) FROM documents d
      WHERE NOT EXISTS (SELECT 1 FROM document_fingerprints f WHERE f.document_id = d.id)
    UNION ALL SELECT 'document without index row', count(*) FROM documents d
      WHERE NOT EXISTS (SELECT 1 FROM search_index_docsize s WHERE s.id = d.id)
        AND NOT EXISTS (SELECT 1 FROM document_links l WHERE l.document_id = d.id)
    UNION ALL SELECT 'near-copy with index row', count(*) FROM document_links l
      WHERE EXISTS (SELECT 1 FROM search_index_docsize s WHERE s.id = l.document_id)
    UNION ALL SELECT 'index row without document', count(*) FROM search_index_docsize s
      WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.id)
    UNION ALL SELECT 'event with parties but no agreement', count(*) FROM events e
      WHERE EXISTS (SELECT 1 FROM event_parties p WHERE p.event_id = e.id)
        AND e.curation IS NOT 'rejected'
        AND NOT EXISTS (SELECT 1 FROM agreement_events a WHERE a.event_id = e.id)
    UNION ALL SELECT 'agreement without event', count(*) FROM agreements g
      WHERE NOT EXISTS (SELECT 1 FROM agreement_events a WHERE a.agreement_id = g.id)
    UNION ALL SELECT 'profile whose sectors differ from its JSON', count(*) FROM profiles p
      WHERE json_array_length(p.json, '\$.sectors') <> (SELECT count(*) FROM profile_sectors s WHERE s.profile_id = p.id);" |
    awk -F'|' '$2 != 0')
  [ -z "$inv" ] || { echo "FAIL: $what: $inv"; ok=1; }
  return $ok
}

# A summary that must be equal between a recovered and a never-killed store.
summary() {
  qq "$1" "
    SELECT 'documents', count(*) FROM documents;
    SELECT 'events', count(*) FROM events;
    SELECT 'parties', count(*) FROM event_parties;
    SELECT 'sectors', count(*) FROM event_sectors;
    SELECT 'agreements', count(*) FROM agreements;
    SELECT 'agreement_events', count(*) FROM agreement_events;
    SELECT 'index rows', count(*) FROM search_index_docsize;
    SELECT 'links', count(*) FROM document_links;
    SELECT group_concat(h, ',') FROM (SELECT d.content_hash || ':' || count(e.id) AS h FROM documents d
      LEFT JOIN events e ON e.document_id = d.id GROUP BY d.id ORDER BY d.content_hash);"
}

# The corpus: the samples, each in 6 variants (a reference line appended),
# 210 documents: four 64-document transactions.
CORPUS=$WORK/corpus
mkdir -p "$CORPUS"
for i in $(seq -w 1 6); do
  for f in "$REPO"/data/samples/docs/*; do
    { cat "$f"; printf '\n\nReference %s-%s.\n' "$i" "$(basename "$f")"; } >"$CORPUS/v${i}_$(basename "$f")"
  done
done
REF=$WORK/reference.db
# How long each command takes here: the kills fall within that time.
ingest_time=$(seconds_of "$PACTUM" ingest "$CORPUS" --db "$REF")
[ "$(qq "$REF" "SELECT count(*) FROM documents;")" -gt 200 ] || { echo "FAIL: reference ingest"; exit 1; }
ref_summary=$(summary "$REF")
check "the reference store is sound" store_ok "$REF" reference

# Events of the base store to curate, and profiles to import.
BASE=$WORK/base.db
"$PACTUM" ingest "$REPO/data/samples/docs" --db "$BASE" >/dev/null 2>&1
export EVENT_IDS; EVENT_IDS=$(qq "$BASE" "SELECT id FROM events ORDER BY id LIMIT 10;" | tr '\n' ' ')
cp "$BASE" "$WORK/timing.db"
curate_time=$(seconds_of "$PACTUM" curate event "${EVENT_IDS%% *}" --confirm --author t --db "$WORK/timing.db")
make_profiles() {  # FILE PREFIX COUNT
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
path, prefix, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"{prefix}-{i:04d}", "organization": {"name": f"Crash Test Org {prefix} {i}",
                "kind": "company", "country": "NO"}, "type": "technology_offer",
                "title": f"Hydrogen storage offer {i}", "summary": "Electrolysers and hydrogen storage for ports.",
                "language": "en", "sectors": ["hydrogen", "maritime"], "target_countries": ["JP"]}) + "\n")
PY
}

killed=0 finished=0
for k in 1 2 3 4; do make_profiles "$WORK/p-$k.jsonl" "crash-$k" 400; done
import_time=$(seconds_of "$PACTUM" profiles import "$WORK/p-1.jsonl" --db "$WORK/timing.db")

for run in $(seq 1 "$RUNS"); do
  case $((run % 3)) in
  1)
  # ---- ingest: killed mid-way, then resumed ------------------------------
  db=$WORK/ingest-$run.db
  seen=$WORK/seen-$run
  echo 0 >"$seen"
  # A reader notes every document count it sees committed while the ingest runs.
  ( while :; do [ -f "$db" ] && n=$(qq "$db" "SELECT count(*) FROM documents;" 2>/dev/null) && [ -n "$n" ] && echo "$n" >>"$seen"; sleep 0.05; done ) &
  reader=$!
  if kill_after "$(rand_s "$(awk -v t="$ingest_time" 'BEGIN { print t * 0.9 }')")" "$PACTUM" ingest "$CORPUS" --db "$db" --json >/dev/null 2>&1; then
    killed=$((killed + 1)); else finished=$((finished + 1)); fi
  kill "$reader" 2>/dev/null; wait "$reader" 2>/dev/null
  max_seen=$(sort -n "$seen" | tail -1)
  if [ -f "$db" ] && [ "$(qq "$db" "PRAGMA user_version;")" = 0 ]; then
    # Killed while the store was being created (the migrations commit as
    # one transaction, after the switch to WAL has made the file): an empty
    # database, which the re-run below creates the store in.
    check "run $run ingest: a store killed while being created holds nothing" \
      test "$(qq "$db" "SELECT count(*) FROM sqlite_schema;")" = 0
  elif [ -f "$db" ]; then
    now=$(qq "$db" "SELECT count(*) FROM documents;")
    check "run $run ingest: no committed document lost ($now >= $max_seen seen)" test "$now" -ge "$max_seen"
    check "run $run ingest: store sound after the kill" store_ok "$db" "run $run ingest (killed)"
  fi
  "$PACTUM" ingest "$CORPUS" --db "$db" --json >/dev/null 2>&1
  check "run $run ingest: the re-run ends in the never-killed store" test "$(summary "$db")" = "$ref_summary"
  check "run $run ingest: store sound after the re-run" store_ok "$db" "run $run ingest (resumed)"
  rm -f "$db" "$db"-wal "$db"-shm
  ;;
  2)
  # ---- curation: a stream of verdicts, killed at some point ----------------
  db=$WORK/curate-$run.db
  cp "$BASE" "$db"
  done_log=$WORK/curated-$run
  : >"$done_log"
  export PACTUM db run done_log
  curate_loop() {
    local k=0
    for id in $EVENT_IDS; do
      k=$((k + 1))
      local verdict=--confirm
      [ $((k % 3)) -eq 0 ] && verdict=--reject
      "$PACTUM" curate event "$id" "$verdict" --author crash --note "run $run step $k" --db "$db" >/dev/null 2>&1 &&
        echo "$id run $run step $k $verdict" >>"$done_log"
    done
  }
  export -f curate_loop
  if kill_after "$(rand_s "$(awk -v t="$curate_time" 'BEGIN { print t * 9 }')")" bash -c curate_loop; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  lost=0
  while read -r id _ r _ k verdict; do
    n=$(qq "$db" "SELECT count(*) FROM curation_log WHERE target = 'event' AND target_id = $id AND note = 'run $r step $k';")
    [ "$n" -ge 1 ] || lost=$((lost + 1))
  done <"$done_log"
  check "run $run curate: all $(wc -l <"$done_log") acknowledged curations kept ($lost lost)" test "$lost" -eq 0
  # Half-written: a logged verdict is on its event, and every verdict on an event is logged.
  torn=$(qq "$db" "
    SELECT count(*) FROM events e WHERE e.curation IS NOT NULL AND NOT EXISTS
      (SELECT 1 FROM curation_log l WHERE l.target = 'event' AND l.target_id = e.id);
    SELECT count(*) FROM curation_log l JOIN events e ON e.id = l.target_id
      WHERE l.target = 'event' AND l.note LIKE 'run %' AND e.curation IS NULL;" | awk '{ s += $1 } END { print s + 0 }')
  check "run $run curate: no half-written curation ($torn)" test "$torn" -eq 0
  check "run $run curate: store sound" store_ok "$db" "run $run curate"
  rm -f "$db" "$db"-wal "$db"-shm
  ;;
  0)
  # ---- profiles import: files of 400 profiles, one transaction each --------
  db=$WORK/profiles-$run.db
  cp "$BASE" "$db"
  done_log=$WORK/imported-$run
  : >"$done_log"
  import_loop() {
    for k in 1 2 3 4; do
      "$PACTUM" profiles import "$WORK/p-$k.jsonl" --db "$db" >/dev/null 2>&1 && echo "$k" >>"$done_log"
    done
  }
  export -f import_loop; export WORK
  if kill_after "$(rand_s "$(awk -v t="$import_time" 'BEGIN { print t * 3.5 }')")" bash -c import_loop; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  for k in 1 2 3 4; do
    n=$(qq "$db" "SELECT count(*) FROM profiles WHERE id LIKE 'crash-$k-%';")
    if grep -qx "$k" "$done_log"; then
      check "run $run import: file $k acknowledged and whole ($n of 400)" test "$n" -eq 400
    else
      check "run $run import: file $k all or nothing ($n of 400)" test "$n" -eq 0 -o "$n" -eq 400
    fi
  done
  check "run $run import: store sound" store_ok "$db" "run $run import"
  rm -f "$db" "$db"-wal "$db"-shm
  ;;
  esac
  echo "run $run: $killed killed, $finished finished so far; $failures failures"
done
echo "crash: one ingest ${ingest_time} s, one curation ${curate_time} s, one import ${import_time} s here"
echo "crash: $RUNS runs, $killed commands killed mid-way, $finished finished before the kill"
finish
