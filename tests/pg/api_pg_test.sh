#!/usr/bin/env bash
# The REST API on PostgreSQL: the OpenAPI walk (tests/api/openapi_walk.test.mjs:
# every endpoint's status, content type and body schema, token checks, body
# limits, errors) and the security test (path traversal, SQL and full-text
# query injection through every GET parameter, headers, rate limits) against
# `pactum serve --db postgresql://...`, each on a fresh schema.
source "$(dirname "$0")/lib.sh"
command -v node >/dev/null || { echo "FAIL: node not found"; exit 1; }

for t in openapi_walk security; do
  new_pg_schema spec "api_$t"
  PACTUM_TEST_SERVER_DB="$spec" node "$REPO/tests/api/$t.test.mjs" "$PACTUM" > "$t.out" 2>&1
  rc=$?
  tail -3 "$t.out"
  check "the $t test passes on PostgreSQL" [ $rc -eq 0 ]
  [ $rc -eq 0 ] || grep -m 20 -i 'fail' "$t.out"
done
finish
