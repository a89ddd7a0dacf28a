#!/usr/bin/env bash
# pactum minerals with refining tables (a stage column) and exposure on the
# figures of each agreement's own year.
source "$(dirname "$0")/lib.sh"

"$PACTUM" ingest "$REPO/data/samples/docs/nb_01_norge_usa_mineraler.txt" "$REPO/data/samples/docs/en_01_us_japan_critical_minerals.txt" >/dev/null
cat >tables.csv <<'CSV'
mineral,year,country,tonnes,share,source,stage
lithium,2015,AU,,40,test,production
lithium,2015,NO,,30,test,production
lithium,2015,CL,,30,test,production
lithium,2023,AU,,50,test,
lithium,2023,NO,,10,test,
lithium,2023,CL,,40,test,
lithium,2023,CN,,65,test,refining
lithium,2023,NO,,5,test,refining
lithium,2023,CL,,30,test,refining
CSV
check "a table with a stage column imports" "$PACTUM" minerals import tables.csv
"$PACTUM" minerals concentration --stage refining --json >ref.json
check "refining rows are their own table" test "$(json_get ref.json '[(r["stage"], r["top1_country"]) for r in d]')" = "[('refining', 'CN')]"
"$PACTUM" minerals concentration --mineral lithium --json >all.json
check "production tables of both years and the refining one" test "$(json_get all.json 'len(d)')" -eq 3
printf 'mineral,year,country,tonnes,share,source,stage\nlithium,2023,CN,,65,test,smelting\n' >bad.csv
"$PACTUM" minerals import bad.csv >bad.out 2>&1
check "an unknown stage is rejected by line and field" grep -q "line 2: stage: unknown stage 'smelting'" bad.out

"$PACTUM" minerals exposure US --json >exp.json
check "exposure has a production and a refining entry" test "$(json_get exp.json 'sorted(e["stage"] for e in d)')" = "['production', 'refining']"
check "each step says the year of the figures it used" test "$(json_get exp.json 'all(s["year_then"] in (2015, 2023) and "cumulative_share_then" in s for e in d for s in e["steps"])')" = True
check "a Norway step shows Norway's share" test "$(json_get exp.json 'any(s["partner"] == "NO" and s["added_share"] == 10 for e in d if e["stage"] == "production" for s in e["steps"])')" = True
"$PACTUM" minerals exposure US --csv >exp.csv
check "exposure CSV ends with stage and the then-columns" grep -q 'cumulative_share,stage,year_then,added_share_then,cumulative_share_then$' exp.csv
finish
