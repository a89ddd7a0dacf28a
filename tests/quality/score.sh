#!/usr/bin/env bash
# Scores `pactum extract` on a gold set against the floors in floors.tsv.
# Usage: score.sh PACTUM_BIN SET   (SET: dev = ../shared/eval/dev, samples = data/samples)
# The dev set lives outside the repo; without ../shared the test is skipped
# (exit 77, which CTest reports as skipped).
set -euo pipefail
bin=$1 set=$2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared="$repo/../shared"
scorer="$shared/tools/score-extraction"
case "$set" in
  dev) docs="$shared/eval/dev/docs"; gold="$shared/eval/dev/gold" ;;
  samples) docs="$repo/data/samples/docs"; gold="$repo/data/samples/gold" ;;
  *) echo "unknown set $set" >&2; exit 2 ;;
esac
if [ ! -x "$scorer" ] || [ ! -d "$docs" ]; then
  echo "skipped: $scorer or $docs not found"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" extract "$docs"/*.txt --json >"$tmp/pred.jsonl"
status=0
# One scorer run per (set, languages) group of floors.
groups=$(awk -F'\t' -v set="$set" '$1 == set && $1 !~ /^#/ { print $2 }' "$here/floors.tsv" | sort -u)
for languages in $groups; do
  args=()
  while IFS=$'\t' read -r s langs metric floor; do
    [[ "$s" == "$set" && "$langs" == "$languages" ]] && args+=("--min" "$metric=$floor")
  done <"$here/floors.tsv"
  echo "== $set, languages $languages"
  python3 "$scorer" --gold "$gold" --pred "$tmp/pred.jsonl" --languages "$languages" "${args[@]}" \
    >"$tmp/score.txt" || status=1
  grep -E '^(documents|event_f1|event_strict_f1|party_f1|sector_f1|people_f1|organization_f1|language_accuracy) ' "$tmp/score.txt" || true
done
exit $status
