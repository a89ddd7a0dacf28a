#!/usr/bin/env bash
# Runs one of the SQLite CLI tests (tests/cli/NAME_test.sh) on PostgreSQL:
# a fresh schema of the test server becomes its store (PACTUM_TEST_DB, which
# tests/cli/lib.sh honours), dropped afterwards. The script's own checks are
# the assertions: the same answers on both engines.
# Usage: on_pg.sh NAME PACTUM_BIN
set -uo pipefail
name=${1:?usage: on_pg.sh NAME PACTUM_BIN}
pactum=${2:?usage: on_pg.sh NAME PACTUM_BIN}
here=$(cd "$(dirname "$0")" && pwd)
url=${PACTUM_TEST_PG_URL:-}
if [ -z "$url" ] && [ -n "${PACTUM_TEST_PG_URL_FILE:-}" ] && [ -f "$PACTUM_TEST_PG_URL_FILE" ]; then
  url=$(cat "$PACTUM_TEST_PG_URL_FILE")
fi
[ -n "$url" ] || { echo "FAIL: no PostgreSQL server (run through ctest)"; exit 1; }
schema="on_pg_${name}_$$_$RANDOM"
psql -q "$url" -c "CREATE SCHEMA $schema" >/dev/null || { echo "FAIL: cannot create schema $schema"; exit 1; }
case "$url" in *\?*) sep='&' ;; *) sep='?' ;; esac
PACTUM_TEST_DB="$url${sep}options=-csearch_path%3D$schema" bash "$here/../cli/${name}_test.sh" "$pactum"
rc=$?
PGOPTIONS='--client-min-messages=warning' psql -q "$url" -c "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1
exit $rc
