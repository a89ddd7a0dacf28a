#!/usr/bin/env bash
# pactum search, agreements, actor and curate end to end over the samples.
source "$(dirname "$0")/lib.sh"

"$PACTUM" ingest "$REPO/data/samples/docs" >/dev/null
"$PACTUM" agreements --json >agr1.json
check "agreements lists merged agreements" test "$(json_get agr1.json 'len(d)')" -ge 10
check "every agreement has parties, a timeline and sources" test "$(json_get agr1.json 'all(a["parties"] and a["timeline"] and a["sources"] for a in d)')" = True

# Ingesting the samples again, and a translated copy of one, adds no agreement.
"$PACTUM" ingest "$REPO/data/samples/docs" >/dev/null
printf 'North Rhine-Westphalia and Fukushima sign letter of intent on hydrogen\nPublished 26 April 2023\n\nNorth Rhine-Westphalia and the Japanese prefecture of Fukushima signed a renewed letter of intent in Düsseldorf on 26 April 2023. Hydrogen and ammonia are added to the cooperation.\n' >translated.txt
"$PACTUM" ingest translated.txt >/dev/null
"$PACTUM" agreements --json >agr2.json
check "re-ingest adds no agreement" test "$(json_get agr2.json 'len(d)')" -le "$(json_get agr1.json 'len(d)')"

# A syndicated near-copy is linked, not counted twice.
src="$REPO/data/samples/docs/en_02_eu_norway_green_alliance.txt"
{ echo "Newswire: $(head -1 "$src")"; tail -n +2 "$src"; echo; echo "Distributed by Newswire."; } >copy.txt
"$PACTUM" ingest copy.txt >/dev/null
"$PACTUM" agreements --json >agr3.json
check "a near-copy adds no agreement" test "$(json_get agr3.json 'len(d)')" -eq "$(json_get agr2.json 'len(d)')"
check "a near-copy is listed as a copy" test "$(json_get agr3.json 'sum(len(a["copies"]) for a in d)')" -ge 1

# Search: the array contract, evidence, cross-lingual.
# (All hits: with 46 sample pages, hydrogen pages in other languages fill the default 20.)
"$PACTUM" search hydrogen --limit 0 --json >h.json
check "search --json prints an array of hits" test "$(json_get h.json 'isinstance(d, list) and len(d) > 0')" = True
check "each hit has document, score and evidence" test "$(json_get h.json 'all(h["document"] and h["score"] > 0 and h["evidence"] for h in d)')" = True
check "hydrogen finds German, Norwegian and English documents" test "$(json_get h.json 'len({h["language"] for h in d} & {"de", "nb", "en"})')" -eq 3
"$PACTUM" search Norway --language nb --json >no.json
check "Norway finds Norge" test "$(json_get no.json 'len(d) > 0')" = True
"$PACTUM" search hydrogen --json --facets >f.json
check "--facets gives hits, total and facets" test "$(json_get f.json '"hydrogen" in d["facets"]["sector"] and d["total"] >= len(d["hits"])')" = True
"$PACTUM" search hydrogen --country JP --since 2020 --json >jp.json
check "filters narrow the hits" test "$(json_get jp.json 'len(d)')" -lt "$(json_get h.json 'len(d)')"
check "search table view" "$PACTUM" search Wasserstoff
expect_exit 2 "unbalanced quotes are a usage error" "$PACTUM" search '"hydrogen'
expect_exit 2 "10,000 terms are a usage error" "$PACTUM" search "$(seq 1 10000 | tr '\n' ' ')"
expect_exit 2 "an unknown facet flag is a usage error" "$PACTUM" search hydrogen --colour blue
expect_exit 2 "a bad year is a usage error" "$PACTUM" search hydrogen --year 20x3

# Actor view.
"$PACTUM" actor Norge --json >actor.json
check "actor by alias" test "$(json_get actor.json 'd["country"]')" = NO
check "actor has agreements, partners and a timeline" test "$(json_get actor.json 'len(d["agreements"]) > 0 and len(d["partners"]) > 0 and len(d["timeline"]) > 0')" = True
expect_exit 3 "unknown actor" "$PACTUM" actor Atlantis

# Curation wins and is logged.
id=$("$PACTUM" events --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
check "curate set" "$PACTUM" curate event "$id" --set stage=signed --set date=2019 --author ana --note "checked the source"
check "curate confirm" "$PACTUM" curate event "$id" --confirm --author ana
"$PACTUM" show "$id" --json >ev.json
check "a curated field is stored" test "$(json_get ev.json 'd["date"]')" = 2019
"$PACTUM" ingest "$REPO/data/samples/docs" >/dev/null
"$PACTUM" show "$id" --json >ev2.json
check "re-ingest does not overwrite curation" test "$(json_get ev2.json 'd["date"]')" = 2019
check "curate reject" "$PACTUM" curate event "$id" --reject --author bo
"$PACTUM" events --json >after.json
check "a rejected event leaves the list" test "$(json_get after.json "all(e['id'] != $id for e in d)")" = True
"$PACTUM" curate log --json >log.json
check "the log has every change with author and time" test "$(json_get log.json 'len(d) >= 3 and all(e["author"] and e["at"] for e in d)')" = True
expect_exit 2 "curation needs an author" "$PACTUM" curate event "$id" --confirm
expect_exit 2 "unknown field" "$PACTUM" curate event "$id" --set colour=blue --author ana
expect_exit 3 "missing event" "$PACTUM" curate event 999999 --confirm --author ana
check "curate actor merge" "$PACTUM" curate actor --merge Japan "Japan Hydrogen Association" --author ana
"$PACTUM" actor "Japan Hydrogen Association" --json >merged.json
check "a merged actor resolves to the one kept" test "$(json_get merged.json 'd["country"]')" = JP
for verb in search agreements actor curate; do
  check "$verb --help" "$PACTUM" "$verb" --help >/dev/null
done
finish
