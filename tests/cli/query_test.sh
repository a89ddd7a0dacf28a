#!/usr/bin/env bash
# pactum extract, events, show, export and --help on every verb.
source "$(dirname "$0")/lib.sh"

printf 'Japan og Norge signerte avtale\n\n08.12.2023\n\nNorge og Japan har i dag signert en felles erklæring om havvind og hydrogen. Det melder departementet.\n' >nb.txt
"$PACTUM" extract nb.txt --json >x.jsonl
check "extract prints one object" test "$(wc -l <x.jsonl)" -eq 1
check "extract needs no store" test ! -e "$PACTUM_DB"
check "language is nb" test "$(json_get x.jsonl 'd["language"]')" = nb
check "an event Norway-Japan" test "$(json_get x.jsonl 'sorted(p["name"] for p in d["events"][0]["parties"])')" = "['Japan', 'Norway']"
check "the event is signed" test "$(json_get x.jsonl 'd["events"][0]["stage"]')" = signed
check "hydrogen is a sector" test "$(json_get x.jsonl '"hydrogen" in d["events"][0]["sectors"]')" = True
check "evidence is a sentence of the text" test "$(json_get x.jsonl 'd["events"][0]["evidence"] in open("nb.txt").read()')" = True

"$PACTUM" ingest "$REPO/data/samples/docs" >/dev/null
"$PACTUM" events --json >all.json
check "events lists stored events" test "$(json_get all.json 'len(d)')" -ge 10
"$PACTUM" events --party Norge --json >no.json
check "a party filter by alias finds Norway's events" test "$(json_get no.json 'len(d) > 0 and all(any(p["country"]=="NO" for p in e["parties"]) for e in d)')" = True
"$PACTUM" events --sector hydrogen --since 2020 --json >h2.json
check "sector and since filter" test "$(json_get h2.json 'all("hydrogen" in e["sectors"] and e["date"] >= "2020" for e in d)')" = True
"$PACTUM" events --stage signed --json >signed.json
check "stage filter" test "$(json_get signed.json 'all(e["stage"]=="signed" for e in d)')" = True
id=$(json_get all.json 'd[0]["id"]')
"$PACTUM" show "$id" --json >one.json
check "show EVENT" test "$(json_get one.json 'd["id"]')" -eq "$id"
"$PACTUM" show Norway --json >actor.json
check "show ACTOR" test "$(json_get actor.json 'd["country"]')" = NO
expect_exit 3 "show of a missing event" "$PACTUM" show 999999
expect_exit 3 "show of an unknown actor" "$PACTUM" show Atlantis
"$PACTUM" export --format csv -o all.csv
check "CSV export has a header and one row per event" test "$(($(wc -l <all.csv) - 1))" -ge "$(json_get all.json 'len(d)')"
"$PACTUM" export --format json >all-export.json
check "JSON export parses" test "$(json_get all-export.json 'len(d)')" -eq "$(json_get all.json 'len(d)')"
for verb in ingest extract events show export; do
  check "$verb --help" "$PACTUM" "$verb" --help >/dev/null
done
expect_exit 2 "no verb is a usage error" "$PACTUM"
finish
