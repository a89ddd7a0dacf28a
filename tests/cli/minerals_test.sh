#!/usr/bin/env bash
# pactum minerals import, concentration and exposure on the shipped table.
source "$(dirname "$0")/lib.sh"

"$PACTUM" minerals concentration --json >before.json
check "concentration works before any import (shipped table)" test "$(json_get before.json 'len(d)')" -ge 5
check "import the shipped CSV" "$PACTUM" minerals import "$REPO/data/minerals/production.csv"
"$PACTUM" minerals concentration --json >c.json
check "lithium has an HHI within 0..10000" test "$(json_get c.json 'any(x["mineral"]=="lithium" and 0 <= x["hhi"] <= 10000 for x in d)')" = True
check "top3 share is at least top1" test "$(json_get c.json 'all(x["top3_share"] >= x["top1_share"] for x in d)')" = True
"$PACTUM" minerals concentration --mineral cobalt --csv >c.csv
check "CSV has a header and one cobalt row" test "$(wc -l <c.csv)" -eq 2
check "CSV row is cobalt" grep -q '^cobalt,2023,' c.csv

printf 'mineral,year,country,tonnes,share,source\nlithium,2023,AU,100,,t\nlithium,2023,CL,-5,,t\n' >bad.csv
"$PACTUM" minerals import bad.csv >bad.out 2>&1
code=$?
check "a bad CSV exits non-zero" test "$code" -ne 0
check "the message names line 3 and the field" grep -q 'line 3: tonnes' bad.out
"$PACTUM" minerals concentration --mineral lithium --json >after.json
check "nothing of the bad CSV was loaded" test "$(json_get after.json 'd[0]["top1_country"]')" = AU

for cc in US NO; do
  check "exposure $cc runs" "$PACTUM" minerals exposure "$cc" --json
  "$PACTUM" minerals exposure "$cc" --json >e.json
  check "exposure $cc has one entry per mineral" test "$(json_get e.json 'len(d)')" -eq 5
done
"$PACTUM" ingest "$REPO/data/samples/docs" >/dev/null
"$PACTUM" minerals exposure NO --csv >e.csv
check "exposure CSV has a header" grep -q '^country,mineral,year' e.csv
expect_exit 2 "an unknown country is a usage error" "$PACTUM" minerals exposure XQ
for verb in import concentration exposure; do
  check "minerals $verb --help" "$PACTUM" minerals "$verb" --help >/dev/null
done
finish
