#!/usr/bin/env bash
# pactum optimize: the search index compacted after an ingest in several
# batches (several FTS5 segments) answers every search as before, facets
# included; it can run again, and later ingests are searched as before.
source "$(dirname "$0")/lib.sh"

# One ingest per language: a segment each.
for lang in da de en es fi fr it ja nb nl nn pl pt sv; do
  "$PACTUM" ingest "$REPO"/data/samples/docs/"$lang"_*.txt > /dev/null 2>&1 || true
done
queries=("hydrogen" "MoU" "Norway" "offshore wind" "\"memorandum of understanding\"" "partner" "energy")
answers() {
  for q in "${queries[@]}"; do
    "$PACTUM" search "$q" --json --facets --limit 50
    "$PACTUM" search "$q" --json --sector hydrogen --facets
  done
}
answers > before.json 2>&1
check "optimize runs" "$PACTUM" optimize --json > o.json
check "it says so" test "$(json_get o.json 'd["optimized"]')" = True
answers > after.json 2>&1
check "every search answers as before, facets included" cmp -s before.json after.json
check "hits were found" grep -q '"document_id"' after.json
check "optimize runs again on a compacted index" "$PACTUM" optimize
"$PACTUM" ingest "$REPO"/data/samples/docs/*.txt > /dev/null 2>&1 || true
answers > again.json 2>&1
check "an ingest after it changes nothing (the samples were stored)" cmp -s before.json again.json
expect_exit 4 "a store that is not one is a store error" "$PACTUM" optimize --db "$REPO/README.md"
finish
