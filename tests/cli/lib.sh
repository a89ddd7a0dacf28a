# Helpers for the CLI tests: each test script sources this, runs pactum in a
# fresh temp folder and asserts with check/expect_exit.
set -uo pipefail
PACTUM=${1:?usage: $0 PACTUM_BIN}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
# PACTUM_TEST_DB: another store for the test (tests/pg/cli_on_pg_test.sh runs
# some of these scripts on a PostgreSQL schema).
export PACTUM_DB="${PACTUM_TEST_DB:-$WORK/test.db}"
failures=0
passes=0

# check DESCRIPTION COMMAND...: the command must succeed (exit 0).
check() {
  local what=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

# expect_exit CODE DESCRIPTION COMMAND...: the command must exit with CODE.
expect_exit() {
  local want=$1 what=$2; shift 2
  "$@" >/dev/null 2>&1
  local got=$?
  if [ "$got" -eq "$want" ]; then passes=$((passes + 1)); else echo "FAIL: $what (exit $got, wanted $want)"; failures=$((failures + 1)); fi
}

# json_get FILE PYTHON-EXPR: evaluates an expression on the parsed JSON `d`.
json_get() {
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
