#!/usr/bin/env bash
# Extraction quality per language: runs `pactum extract` on a gold set and
# prints one row per language (and one for all) with the scorer's figures
# (../shared/tools/score-extraction, the contract in ../shared/eval/SCHEMA.md).
# Usage: scripts/eval.sh [--pactum BIN] [SET...]   (SET: dev, samples, holdout, holdout2, holdout3, holdout4, holdout5; default dev samples)
# holdout, holdout2 (data/holdout*): pages written blind to the rules; a set
# is never used to fit them until a newer one exists to measure with, so its
# figures say how the rules generalise.
# tests/quality/score.sh checks the floors in tests/quality/floors.tsv on the
# same extraction and the same scorer.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin="$repo/build/src/cli/pactum"
sets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pactum) bin=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    dev|samples|holdout|holdout2|holdout3|holdout4|holdout5) sets+=("$1"); shift ;;
    *) echo "eval.sh: unknown argument $1 (sets: dev, samples, holdout, holdout2, holdout3, holdout4, holdout5)" >&2; exit 2 ;;
  esac
done
[ ${#sets[@]} -gt 0 ] || sets=(dev samples)
shared="$repo/../shared"
scorer="$shared/tools/score-extraction"
[ -x "$bin" ] || { echo "eval.sh: $bin not built (scripts/build.sh)" >&2; exit 2; }
[ -f "$scorer" ] || { echo "eval.sh: $scorer not found" >&2; exit 2; }
export PACTUM_DATA="${PACTUM_DATA:-$repo/data}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-8s %-8s %4s %8s %8s %8s %8s %8s %8s\n' set language docs event strict party sector people lang_acc
for set in "${sets[@]}"; do
  case "$set" in
    dev) docs="$shared/eval/dev/docs"; gold="$shared/eval/dev/gold" ;;
    samples) docs="$repo/data/samples/docs"; gold="$repo/data/samples/gold" ;;
    holdout|holdout2|holdout3|holdout4|holdout5) docs="$repo/data/$set/docs"; gold="$repo/data/$set/gold" ;;
  esac
  if [ ! -d "$docs" ]; then echo "$set: $docs not found, skipped" >&2; continue; fi
  "$bin" extract "$docs"/*.txt --json >"$tmp/$set.jsonl"
  # The scorer's --by-language table: "language docs event_f1 strict party sector people language".
  python3 "$scorer" --gold "$gold" --pred "$tmp/$set.jsonl" --by-language >"$tmp/$set.txt"
  awk -v set="$set" 'NR > 1 && NF == 8 { printf "%-8s %-8s %4s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f\n", set, $1, $2, $3, $4, $5, $6, $7, $8 }' "$tmp/$set.txt"
  awk -v set="$set" '
    $1 == "documents" { d = $2 } $1 == "event_f1" { e = $2 } $1 == "event_strict_f1" { s = $2 }
    $1 == "party_f1" { p = $2 } $1 == "sector_f1" { c = $2 } $1 == "people_f1" { h = $2 } $1 == "language_accuracy" { l = $2 }
    END { printf "%-8s %-8s %4s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f\n", set, "all", d, e, s, p, c, h, l }' "$tmp/$set.txt"
done
