#!/usr/bin/env bash
# Two curators editing the same event: with --if-version, the edit made on a
# stale version is refused (exit 6, nothing written) and the other kept;
# racing processes on one version: exactly one wins. Never silently lost.
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
check "nothing of session 2 in the log" [ "$("$PACTUM" curate log --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ]
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
check "the log holds the winner only" [ "$("$PACTUM" curate log --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 3 ]
"$PACTUM" show "$id" --json > final.json
check "version 3" [ "$(json_get final.json 'd["version"]')" = 3 ]
finish
