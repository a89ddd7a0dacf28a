#!/usr/bin/env bash
# pactum migrate: a store with documents, events, curation, profiles,
# interests, feeds, watches, tokens and minerals copied whole into an empty
# one (ids kept, counts and checksums verified); the copy answers as the
# original does; a non-empty target is refused and left alone.
source "$(dirname "$0")/lib.sh"

"$PACTUM" ingest "$REPO"/data/samples/docs/*.txt > /dev/null
id=$("$PACTUM" events --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$PACTUM" curate event "$id" --set stage=negotiating --author ana > /dev/null
for f in "$REPO"/data/samples/profiles/*.jsonl; do "$PACTUM" profiles import "$f" > /dev/null 2>&1; done
"$PACTUM" watch add h2 hydrogen > /dev/null
"$PACTUM" feeds add https://example.org/feed.xml --name example > /dev/null
"$PACTUM" token create --name ci > /dev/null
"$PACTUM" ingest --queue "$REPO"/data/samples/docs/en_01*.txt > /dev/null

check "migrate copies the store" "$PACTUM" migrate --from "sqlite:$PACTUM_DB" --to "sqlite:$WORK/copy.db" --json > m.json
check "every table of the state is copied" python3 - m.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
rows = {t["table"]: t["rows"] for t in d["tables"]}
for t in ["documents", "events", "actors", "agreements", "curation_log", "event_overrides", "profiles",
          "feeds", "watches", "api_tokens", "document_queue"]:
    assert rows.get(t, 0) > 0, (t, rows.get(t))
assert all(len(t["sha256"]) == 64 for t in d["tables"])
assert "search_index" not in rows and "schema_migrations" not in rows
PY
for q in "events --json" "agreements --json" "search hydrogen --json" "curate log --json" "actor Norway --json" "profiles list --json"; do
  # shellcheck disable=SC2086
  "$PACTUM" $q > a.json 2>&1
  # shellcheck disable=SC2086
  PACTUM_DB="$WORK/copy.db" "$PACTUM" $q > b.json 2>&1
  check "the copy answers '$q' as the original" cmp -s a.json b.json
done
check "the copy passes a second migrate byte for byte (checksums equal)" \
  "$PACTUM" migrate --from "sqlite:$WORK/copy.db" --to "$WORK/copy2.db" --json > m2.json
check "same checksums" python3 -c '
import json, sys
a, b = (json.load(open(f))["tables"] for f in sys.argv[1:])
assert a == b' m.json m2.json

cp "$WORK/copy.db" before.db
"$PACTUM" migrate --from "sqlite:$PACTUM_DB" --to "sqlite:$WORK/copy.db" > again.out 2> again.err
check "a non-empty target is refused (exit 4)" [ $? -eq 4 ]
check "the refusal says why" grep -q "not empty" again.err
check "the refused target is untouched" [ "$(python3 -c '
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])' "$WORK/copy.db")" = "$(python3 -c '
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])' before.db)" ]
expect_exit 3 "a missing source is not found" "$PACTUM" migrate --from sqlite:nope.db --to "$WORK/x.db"
expect_exit 2 "the same store on both sides" "$PACTUM" migrate --from "sqlite:$PACTUM_DB" --to "$PACTUM_DB"
finish
