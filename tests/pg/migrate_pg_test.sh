#!/usr/bin/env bash
# pactum migrate --from sqlite:FILE --to postgresql://...: the samples store
# (documents, curation, profiles, feeds, watches, tokens, a queued source)
# copied whole into a fresh PostgreSQL schema, ids kept, every table's count
# and SHA-256 verified; the copy answers events, agreements, actors, the
# curation log and five searches as the original does; the sequences are
# past the copied ids, so one more ingest into PostgreSQL works; a non-empty
# target is refused and left alone; and the copy migrates back into SQLite
# with every digest equal (PostgreSQL as the source).
source "$(dirname "$0")/lib.sh"
new_pg_schema pgdb migrate

"$PACTUM" ingest "$REPO"/data/samples/docs "$REPO"/data/samples/formats > /dev/null
id=$("$PACTUM" events --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$PACTUM" curate event "$id" --set stage=negotiating --author ana > /dev/null
for f in "$REPO"/data/samples/profiles/*.jsonl; do "$PACTUM" profiles import "$f" > /dev/null 2>&1; done
"$PACTUM" watch add h2 hydrogen > /dev/null
"$PACTUM" feeds add https://example.org/feed.xml --name example > /dev/null
"$PACTUM" token create --name ci > /dev/null 2>&1
"$PACTUM" ingest --queue "$REPO"/data/samples/docs/en_01*.txt > /dev/null

"$PACTUM" migrate --from "sqlite:$PACTUM_DB" --to "$pgdb" --json > m.json
check "migrate into PostgreSQL succeeds" [ $? -eq 0 ]
check "every table of the state is copied and checksummed" python3 - m.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
rows = {t["table"]: t["rows"] for t in d["tables"]}
for t in ["documents", "events", "actors", "agreements", "curation_log", "event_overrides", "profiles",
          "feeds", "watches", "api_tokens", "document_queue", "document_bands"]:
    assert rows.get(t, 0) > 0, (t, rows.get(t))
assert all(len(t["sha256"]) == 64 for t in d["tables"])
assert "search_index" not in rows and "schema_migrations" not in rows and "kb_state" not in rows
PY
n_sqlite=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])' "$PACTUM_DB")
check "the ids are kept" [ "$(pg_sql "$pgdb" "SELECT string_agg(id::text, ',' ORDER BY id) FROM documents")" = \
  "$(python3 -c 'import sqlite3,sys; print(",".join(str(r[0]) for r in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM documents ORDER BY id")))' "$PACTUM_DB")" ]

for q in "events --json" "agreements --json" "curate log --json" "actor Norway --json" "profiles list --json" "watch list --json"; do
  # shellcheck disable=SC2086
  "$PACTUM" $q > a.json 2>&1
  # shellcheck disable=SC2086
  "$PACTUM" $q --db "$pgdb" > b.json 2>&1
  check "the PostgreSQL copy answers '$q' as the original" cmp -s a.json b.json
done
for q in hydrogen Wasserstoff "offshore wind" 水素 Norway; do
  a=$("$PACTUM" search "$q" --limit 0 --json --facets | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  b=$("$PACTUM" search "$q" --limit 0 --json --facets --db "$pgdb" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  check "search '$q' finds as many on the copy (sqlite $a, pg $b; the index was rebuilt)" [ "$a" = "$b" ] && [ "$b" -gt 0 ]
done

# And back: PostgreSQL as the source, into a new SQLite file. The same
# tables, rows and digests as the original, and the same answers.
"$PACTUM" migrate --from "$pgdb" --to "sqlite:back.db" --json > back.json
check "migrate from PostgreSQL into SQLite succeeds" [ $? -eq 0 ]
check "the round trip keeps every table's rows and SHA-256" python3 - m.json back.json <<'PY'
import json, sys
there = {t["table"]: (t["rows"], t["sha256"]) for t in json.load(open(sys.argv[1]))["tables"]}
back = {t["table"]: (t["rows"], t["sha256"]) for t in json.load(open(sys.argv[2]))["tables"]}
assert there == back, sorted(set(there.items()) ^ set(back.items()))
PY
for q in "events --json" "agreements --json" "curate log --json"; do
  # shellcheck disable=SC2086
  "$PACTUM" $q > a.json 2>&1
  # shellcheck disable=SC2086
  "$PACTUM" $q --db back.db > c.json 2>&1
  check "the SQLite copy of the PostgreSQL copy answers '$q' as the original" cmp -s a.json c.json
done
check "search on the round-tripped file (its index rebuilt)" \
  [ "$("$PACTUM" search hydrogen --limit 0 --json --db back.db | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" = \
    "$("$PACTUM" search hydrogen --limit 0 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" ]

# One more ingest into PostgreSQL after the copy: new ids past the copied ones.
printf 'Norway and Chile sign hydrogen pact\n\nNorway and Chile signed a memorandum of understanding on green hydrogen on 4 May 2025.\n' > extra.txt
"$PACTUM" ingest extra.txt --db "$pgdb" --json > extra.json
check "an ingest into the migrated store succeeds" [ "$(json_get extra.json 'd["stored"], len(d["failed"])')" = "1 0" ]
check "the new document's id is past the copied ones" \
  [ "$(pg_sql "$pgdb" "SELECT max(id) FROM documents")" -gt "$n_sqlite" ]
check "its event is searchable" [ "$("$PACTUM" search Chile --json --db "$pgdb" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -ge 1 ]
check "curation on the copy works (new log id)" "$PACTUM" curate event "$id" --set stage=planned --author ben --db "$pgdb"
check "the queue on the copy works" "$PACTUM" ingest --worker --until-empty --db "$pgdb"
check "a token on the copy works" "$PACTUM" token create --name ci2 --db "$pgdb"

# A target that holds rows is refused and left as it was.
before=$(pg_sql "$pgdb" "SELECT count(*) FROM documents")
"$PACTUM" migrate --from "sqlite:$PACTUM_DB" --to "$pgdb" > again.out 2> again.err
check "a non-empty PostgreSQL target is refused (exit 4)" [ $? -eq 4 ]
check "the refusal says why" grep -q "not empty" again.err
check "the refused target is untouched" [ "$(pg_sql "$pgdb" "SELECT count(*) FROM documents")" = "$before" ]
finish
