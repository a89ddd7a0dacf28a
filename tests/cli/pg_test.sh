#!/usr/bin/env bash
# pactum on PostgreSQL: the same ingest of the samples into an SQLite file
# and into a fresh schema of the test server (tests/pg/cluster.sh, started by
# the CTest fixture) gives the same counts of documents, events, search hits
# and agreements. Fails without a server: CI installs PostgreSQL.
source "$(dirname "$0")/lib.sh"

url=${PACTUM_TEST_PG_URL:-}
if [ -z "$url" ] && [ -n "${PACTUM_TEST_PG_URL_FILE:-}" ] && [ -f "$PACTUM_TEST_PG_URL_FILE" ]; then
  url=$(cat "$PACTUM_TEST_PG_URL_FILE")
fi
if [ -z "$url" ]; then
  echo "FAIL: no PostgreSQL server (PACTUM_TEST_PG_URL or PACTUM_TEST_PG_URL_FILE; run through ctest)"
  exit 1
fi
schema="cli_$$_$RANDOM"
psql_ok=1
command -v psql >/dev/null || psql_ok=0
if [ "$psql_ok" -eq 1 ]; then
  psql -q "$url" -c "CREATE SCHEMA $schema" >/dev/null
else
  echo "FAIL: psql not found (package postgresql-client)"; exit 1
fi
case "$url" in *\?*) sep='&' ;; *) sep='?' ;; esac
pgdb="$url${sep}options=-csearch_path%3D$schema"
sqlite="$WORK/cmp.db"

for db in "$sqlite" "$pgdb"; do
  tag=$([ "$db" = "$sqlite" ] && echo sqlite || echo pg)
  "$PACTUM" ingest "$REPO/data/samples/docs" "$REPO/data/samples/formats" --db "$db" --json >"ingest_$tag.json"
  check "ingest into $tag succeeds" test $? -eq 0
  "$PACTUM" events --db "$db" --json >"events_$tag.json"
  check "events from $tag" test $? -eq 0
  "$PACTUM" agreements --db "$db" --json >"agreements_$tag.json"
  check "agreements from $tag" test $? -eq 0
  for q in hydrogen Wasserstoff "offshore wind" 水素 Norway; do
    "$PACTUM" search "$q" --db "$db" --limit 0 --json --facets >"search_${tag}_$(echo "$q" | md5sum | cut -c1-8).json"
    check "search '$q' on $tag" test $? -eq 0
  done
done

check "same documents stored" test "$(json_get ingest_sqlite.json 'd["stored"]')" -eq "$(json_get ingest_pg.json 'd["stored"]')"
check "some documents stored" test "$(json_get ingest_pg.json 'd["stored"]')" -ge 15
check "same events" test "$(json_get events_sqlite.json 'len(d)')" -eq "$(json_get events_pg.json 'len(d)')"
check "same agreements" test "$(json_get agreements_sqlite.json 'len(d)')" -eq "$(json_get agreements_pg.json 'len(d)')"
for f in search_sqlite_*.json; do
  g=${f/sqlite/pg}
  n_sqlite=$(json_get "$f" 'd["total"]')
  n_pg=$(json_get "$g" 'd["total"]')
  echo "search $f: sqlite $n_sqlite, pg $n_pg"
  check "search finds something on pg ($g)" test "$n_pg" -gt 0
  check "search finds as many documents on pg as on sqlite ($g)" test "$n_pg" -eq "$n_sqlite"
done

# A second ingest stores nothing new; a bad URL is a store error (exit 4).
"$PACTUM" ingest "$REPO/data/samples/docs" --db "$pgdb" --json >again.json
check "re-ingest into pg stores nothing" test "$(json_get again.json 'd["stored"]')" -eq 0
expect_exit 4 "an unreachable server is a store error" "$PACTUM" events --db "postgresql://app@127.0.0.1:1/none?connect_timeout=2"

psql -q "$url" -c "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1
finish
