#!/usr/bin/env bash
# pactum profiles import/export/list/show/renew/delete, pactum match and the
# interest workflow on the shipped sample profiles.
source "$(dirname "$0")/lib.sh"
TODAY=2026-03-01

for f in "$REPO"/data/samples/profiles/*.jsonl; do
  check "import $(basename "$f")" "$PACTUM" profiles import "$f"
done
"$PACTUM" profiles list --json --today $TODAY >list.json
n=$(json_get list.json 'len(d)')
check "the samples are stored" test "$n" -ge 20
for f in "$REPO"/data/samples/profiles/*.jsonl; do
  "$PACTUM" profiles import --json "$f" >again.json
  check "re-importing $(basename "$f") changes nothing" test "$(json_get again.json 'd["inserted"] + d["updated"]')" -eq 0
done
"$PACTUM" profiles list --json --today $TODAY >list2.json
check "re-import leaves the count" test "$(json_get list2.json 'len(d)')" -eq "$n"

# A file with bad lines: the good ones are stored, each bad one reported.
good=$(head -1 "$REPO/data/samples/profiles/batteries_nordic.jsonl" | sed 's/"no-bat-001"/"t-good-1"/')
{
  echo "$good"
  echo "$good" | sed 's/"t-good-1"/"t-bad-2"/; s/"batteries", "maritime"/"batteries", "marine"/'
  echo '{"id": "t-bad-3", "title": '
  echo ""
  echo "$good" | sed 's/"t-good-1"/"t-bad-5"/; s/"country": "NO"/"country": "XX"/'
  echo "$good" | sed 's/"t-good-1"/"t-good-6"/'
  echo "$good" | sed 's/"t-good-1"/"t-bad-7"/; s/"title": "[^"]*", //'
} >mixed.jsonl
"$PACTUM" profiles import mixed.jsonl >mixed.out 2>mixed.err
code=$?
check "a file with bad lines exits non-zero" test "$code" -eq 1
check "line 2: the unknown sector is named" grep -q "mixed.jsonl:2: sectors\[1\]: 'marine' is not a sector id" mixed.err
check "line 3: malformed JSON" grep -q 'mixed.jsonl:3: not valid JSON' mixed.err
check "line 5: the bad country" grep -q "mixed.jsonl:5: organization.country: 'XX'" mixed.err
check "line 7: the missing title" grep -q 'mixed.jsonl:7: title: is missing' mixed.err
check "the good lines are stored" "$PACTUM" profiles show t-good-6
expect_exit 3 "a bad line is not stored" "$PACTUM" profiles show t-bad-2
"$PACTUM" profiles import --json mixed.jsonl >mixed2.json 2>/dev/null
check "importing it again changes nothing" test "$(json_get mixed2.json 'd["inserted"] + d["updated"]')" -eq 0
check "and reports the same bad lines" test "$(json_get mixed2.json 'd["bad_lines"]')" -eq 4
check "delete a profile" "$PACTUM" profiles delete t-good-6
expect_exit 3 "deleting it twice is not found" "$PACTUM" profiles delete t-good-6

# CSV round trip.
check "export CSV" "$PACTUM" profiles export --format csv -o all.csv
check "the CSV has a header and a row per profile" test "$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1])))))' all.csv)" -eq $((n + 2))
PACTUM_DB="$WORK/csv.db" "$PACTUM" profiles import all.csv >/dev/null
check "CSV import restores every profile" test "$(PACTUM_DB="$WORK/csv.db" "$PACTUM" profiles list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -eq $((n + 1))
"$PACTUM" profiles export >a.jsonl
PACTUM_DB="$WORK/csv.db" "$PACTUM" profiles export >b.jsonl
check "JSONL export after a CSV round trip is identical" cmp -s a.jsonl b.jsonl

# Matching.
"$PACTUM" match --profile nrw-h2-001 --top 5 --json --today $TODAY >m.json
check "match prints an array of {profile, score, reasons}" test "$(json_get m.json 'all(set(x) >= {"profile","score","reasons"} for x in d) and len(d) == 5')" = True
check "scores are descending" test "$(json_get m.json 'all(d[i]["score"] >= d[i+1]["score"] for i in range(len(d)-1))')" = True
check "cross-lingual: the Japanese storage offer is first for the German request" test "$(json_get m.json 'd[0]["profile"]')" = fks-h2-001
check "reasons carry weights that sum to the score" test "$(json_get m.json 'abs(sum(r["weight"] for r in d[0]["reasons"]) - d[0]["score"]) < 0.001')" = True
check "the expired offer with the same words is excluded" test "$(json_get m.json '"nrw-h2-old" in [x["profile"] for x in d]')" = False
check "the request's own side is not a partner" test "$(json_get m.json '"nrw-h2-003" in [x["profile"] for x in d[:2]]')" = False
"$PACTUM" match --profile nrw-h2-001 --top 50 --json --today 2024-06-01 >early.json
check "before its deadline the old offer matches" test "$(json_get early.json '"nrw-h2-old" in [x["profile"] for x in d]')" = True
check "renew extends the deadline" "$PACTUM" profiles renew nrw-h2-old --deadline 2026-12-31
"$PACTUM" match --profile nrw-h2-001 --top 50 --json --today $TODAY >renewed.json
check "a renewed profile matches again" test "$(json_get renewed.json '"nrw-h2-old" in [x["profile"] for x in d]')" = True
expect_exit 2 "renewal must move the deadline later" "$PACTUM" profiles renew nrw-h2-old --deadline 2026-01-01
"$PACTUM" match --profile no-bat-001 --json --today $TODAY >nb.json
check "Norwegian research search finds the Japanese institute" test "$(json_get nb.json 'd[0]["profile"]')" = jp-bat-001
"$PACTUM" match --profile nrw-h2-001 --target-country NL --json --today $TODAY >nl.json
check "--target-country filters" test "$(json_get nl.json 'all(x["profile"].startswith("nl-") for x in d)')" = True
"$PACTUM" match --text "Wir suchen Partner für Offshore-Windparks in Japan" --lang de --type business_offer --json --today $TODAY >t.json
check "free text: a German request finds the Japanese offshore wind project" test "$(json_get t.json '"jp-wind-001" in [x["profile"] for x in d[:3]]')" = True
expect_exit 3 "an unknown profile is not found" "$PACTUM" match --profile nope --json
expect_exit 2 "match needs --profile or --text" "$PACTUM" match --json
expect_exit 2 "an unsupported language is a usage error" "$PACTUM" match --text "x" --lang ko

# The agreement network: NRW and Fukushima's agreements raise their pair.
"$PACTUM" ingest "$REPO/data/samples/docs/de_01_nrw_fukushima_absichtserklaerung.txt" "$REPO/data/samples/docs/en_03_nrw_fukushima_renewal.txt" >/dev/null 2>&1
"$PACTUM" match --profile nrw-h2-001 --json --today $TODAY >net.json
check "an agreement between NRW and Fukushima is a reason" test "$(json_get net.json 'any(r["code"]=="agreements" for r in d[0]["reasons"])')" = True

# Workflow.
"$PACTUM" interest add fks-h2-001 --org "Wasserstoffcluster Ruhr" --from-profile nrw-h2-001 --author desk --json >i.json
check "interest recorded" test "$(json_get i.json 'd["state"]')" = interested
id=$(json_get i.json 'd["id"]')
expect_exit 2 "the owner cannot accept before the helpdesk forwards" "$PACTUM" interest accept "$id" --author owner
check "the helpdesk forwards" "$PACTUM" interest forward "$id" --author desk
check "the owner accepts" "$PACTUM" interest accept "$id" --author owner --note "Termin im April"
"$PACTUM" interest list --profile fks-h2-001 --json >il.json
check "every step is logged with its time" test "$(json_get il.json '[s["step"] for s in d[0]["steps"]] == ["interested","forwarded","accepted"] and all(s["at"] for s in d[0]["steps"])')" = True
expect_exit 2 "an accepted interest is final" "$PACTUM" interest decline "$id" --author owner
expect_exit 3 "interest in an unknown profile" "$PACTUM" interest add nope --org X --author desk

for verb in "profiles import" "profiles export" "profiles list" "profiles show" "profiles renew" "profiles delete" match "interest add" "interest list"; do
  check "$verb --help" $PACTUM $verb --help >/dev/null
done
finish
