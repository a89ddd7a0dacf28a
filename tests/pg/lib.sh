# Helpers for the PostgreSQL CLI tests (tests/pg/*_test.sh): tests/cli/lib.sh
# (check, expect_exit, json_get, a fresh temp folder), plus the test server's
# URL (written by cluster.sh, the CTest fixture `pg`) and a fresh schema on
# it for this test, dropped at the end. Fails, never skips, without a server.
source "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

PG_URL=${PACTUM_TEST_PG_URL:-}
if [ -z "$PG_URL" ] && [ -n "${PACTUM_TEST_PG_URL_FILE:-}" ] && [ -f "$PACTUM_TEST_PG_URL_FILE" ]; then
  PG_URL=$(cat "$PACTUM_TEST_PG_URL_FILE")
fi
if [ -z "$PG_URL" ]; then
  echo "FAIL: no PostgreSQL server (PACTUM_TEST_PG_URL or PACTUM_TEST_PG_URL_FILE; run through ctest)"
  exit 1
fi
command -v psql >/dev/null || { echo "FAIL: psql not found (package postgresql-client)"; exit 1; }

# new_pg_schema VAR NAME: creates a schema named after NAME and sets VAR to
# a store spec (URL) whose search_path selects it; the schema is dropped
# when the test exits.
PG_SCHEMAS=()
new_pg_schema() {
  local schema="$2_$$_$RANDOM" sep='?'
  psql -q "$PG_URL" -c "CREATE SCHEMA $schema" >/dev/null || { echo "FAIL: cannot create schema $schema"; exit 1; }
  PG_SCHEMAS+=("$schema")
  case "$PG_URL" in *\?*) sep='&' ;; esac
  printf -v "$1" '%s' "$PG_URL${sep}options=-csearch_path%3D$schema"
}
drop_pg_schemas() {
  local s
  for s in "${PG_SCHEMAS[@]}"; do psql -q "$PG_URL" -c "DROP SCHEMA $s CASCADE" >/dev/null 2>&1; done
  rm -rf "$WORK"
}
trap drop_pg_schemas EXIT

# pg_sql SPEC SQL: one value (or rows, |-separated) from the store SPEC names.
pg_sql() {
  psql -qAt "$1" -c "$2"
}
