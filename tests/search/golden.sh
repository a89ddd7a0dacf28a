#!/usr/bin/env bash
# Golden ranking tests: ingests data/samples/docs into a fresh store, then
# runs each case of tests/search/*.test (query, args, expected documents in
# order) and shows a diff when the ranking changed. Usage: golden.sh PACTUM_BIN
set -uo pipefail
PACTUM=${1:?usage: $0 PACTUM_BIN}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PACTUM_DB="${PACTUM_GOLDEN_DB:-$WORK/golden.db}"  # a postgresql:// URL runs the cases on PostgreSQL
"$PACTUM" ingest "$REPO/data/samples/docs" >/dev/null || { echo "ingest failed"; exit 1; }
failures=0 cases=0
run_case() {  # file query args expected...
  local file=$1 query=$2 args=$3; shift 3
  local want got
  want=$(printf '%s\n' "$@")
  # shellcheck disable=SC2086
  got=$("$PACTUM" search "$query" $args --json | python3 -c '
import json, os, sys
for h in json.load(sys.stdin): print(os.path.basename(h["document"]))' | head -n $#)
  cases=$((cases + 1))
  if [ "$got" != "$want" ]; then
    failures=$((failures + 1))
    echo "FAIL: $(basename "$file"): search '$query' $args"
    diff <(echo "$want") <(echo "$got") | sed 's/^/    /'
  fi
}
for file in "$HERE"/*.test; do
  query="" args="" expected=() state=""
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      \#*) continue ;;
      "query: "*) [ -n "$query" ] && run_case "$file" "$query" "$args" "${expected[@]}"
                  query=${line#query: } args="" expected=() state="" ;;
      "args:"*) args=${line#args:}; args=${args# } ;;
      "expect:") state=expect ;;
      "") ;;
      *) [ "$state" = expect ] && expected+=("$line") ;;
    esac
  done <"$file"
  [ -n "$query" ] && run_case "$file" "$query" "$args" "${expected[@]}"
done
echo "$cases case(s), $failures failed"
[ "$failures" -eq 0 ]
