#!/usr/bin/env bash
# Two curators editing the same event: with --if-version, the edit made on a
# stale version is refused (exit 6, nothing written) and the other kept;
# racing processes on one version: exactly one wins; racing processes
# without --if-version: all are applied one after the other, and the history
# records each, its old value the value the edit before it set. Never
# silently lost. tests/pg/on_pg.sh runs this script on PostgreSQL too.
source "$(dirname "$0")/lib.sh"

"$PACTUM" ingest "$REPO"/data/samples/docs/en_*.txt > /dev/null
id=$("$PACTUM" events --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$PACTUM" show "$id" --json > before.json
v=$(json_get before.json 'd["version"]')
check "a fresh event is at version 0" [ "$v" = 0 ]

# Session 1 and session 2 both read version 0; session 1 writes first.
check "session 1 writes" "$PACTUM" curate event "$id" --set stage=negotiating --author ana --if-version "$v"
"$PACTUM" curate event "$id" --set stage=planned --author ben --if-version "$v" > ben.out 2> ben.err
check "session 2 is refused with exit 6" [ $? -eq 6 ]
check "the refusal names the conflict and who won" grep -q "conflict: event $id changed since version 0.*ana" ben.err
"$PACTUM" show "$id" --json > after.json
check "session 1's edit is kept" [ "$(json_get after.json 'd["stage"], d["version"]')" = "negotiating 1" ]
log_len() { "$PACTUM" curate log --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
check "nothing of session 2 in the log" [ "$(log_len)" = 1 ]
check "session 2 re-reads and retries" "$PACTUM" curate event "$id" --set stage=planned --author ben --if-version 1
"$PACTUM" curate log --json > log.json
check "both edits are in the log, the overwritten value on record" \
  [ "$(json_get log.json 'len(d), d[0]["author"], d[0]["old"], d[1]["author"]')" = "2 ben negotiating ana" ]

# Eight processes race on version 2: exactly one is applied, seven refused.
pids=()
for i in 1 2 3 4 5 6 7 8; do
  "$PACTUM" curate event "$id" --set "duration_years=$i" --author "racer$i" --if-version 2 > /dev/null 2>&1 &
  pids+=($!)
done
ok=0; conflict=0
for p in "${pids[@]}"; do
  wait "$p"; rc=$?
  [ $rc -eq 0 ] && ok=$((ok + 1))
  [ $rc -eq 6 ] && conflict=$((conflict + 1))
done
check "one racer wins ($ok), seven are refused ($conflict)" [ "$ok:$conflict" = "1:7" ]
"$PACTUM" curate log --json > log2.json
"$PACTUM" show "$id" --json > won.json
check "the log holds the winner only" [ "$(json_get log2.json 'len(d)')" = 3 ]
check "the event shows the winner's edit" \
  [ "$(json_get won.json 'd["duration_years"], d["version"]')" = "$(json_get log2.json 'd[0]["new"]') 3" ]

# Eight processes without --if-version: each is applied in turn, none lost.
pids=()
for i in 11 12 13 14 15 16 17 18; do
  "$PACTUM" curate event "$id" --set "duration_years=$i" --author "writer$i" > /dev/null 2> "w$i.err" &
  pids+=($!)
done
ok=0
for p in "${pids[@]}"; do wait "$p" && ok=$((ok + 1)); done
check "all 8 unguarded edits are applied ($ok)" [ "$ok" = 8 ]
"$PACTUM" curate log --json > log3.json
"$PACTUM" show "$id" --json > final.json
check "the log records every accepted edit (11 in all)" [ "$(json_get log3.json 'len(d)')" = 11 ]
check "the 8 writers each once" [ "$(json_get log3.json 'sorted(e["author"] for e in d[:8]) == ["writer%d" % i for i in range(11, 19)]')" = True ]
check "each edit overwrote the one before it (a chain, nothing skipped)" [ "$(json_get log3.json '
all(d[k]["old"] == d[k + 1]["new"] for k in range(8))')" = True ]
check "the event shows the last accepted edit, version 11" \
  [ "$(json_get final.json 'd["duration_years"], d["version"]')" = "$(json_get log3.json 'd[0]["new"]') 11" ]
finish
