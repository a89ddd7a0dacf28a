#!/usr/bin/env bash
# pactum search: bad queries and unknown facet values are clear usage errors
# (exit 2, a message naming the problem), never a crash; instruments expand
# across languages.
source "$(dirname "$0")/lib.sh"

# Each bad input: exit 2 and a message that says what is wrong.
bad() {
  local what=$1 want=$2; shift 2
  "$PACTUM" search "$@" >out.txt 2>err.txt
  local got=$?
  if [ "$got" -eq 2 ] && grep -qi -- "$want" err.txt; then
    passes=$((passes + 1))
  else
    echo "FAIL: $what (exit $got, stderr: $(head -c 300 err.txt))"; failures=$((failures + 1))
  fi
}
bad "unbalanced quotes" "unbalanced quotes" '"hydrogen'
bad "three quotes" "unbalanced quotes" '"a" "b'
bad "10,000 terms" "too long" "$(seq 1 10000 | tr '\n' ' ')"
bad "2,000 short terms" "too many terms" "$(printf 'a %.0s' $(seq 1 2000))"
bad "40 expanding terms" "too many terms" "$(printf 'hydrogen MoU Norway %.0s' $(seq 1 40))"
bad "punctuation only" "no words" ' ,. ;'
bad "an empty phrase" "no words" '""'
bad "stars only" "no words" '***'
bad "invalid UTF-8" "UTF-8" "$(printf 'hydrogen \xff\xfe')"
bad "an unknown sector" "unknown sector 'colour'" hydrogen --sector colour
bad "an unknown instrument" "unknown instrument" hydrogen --instrument treaty
bad "an unknown stage" "unknown stage" hydrogen --stage maybe
bad "a country that is not a code" "ISO 3166-1" hydrogen --country Norway
bad "a region that is not a code" "ISO 3166-2" hydrogen --region Bavaria
bad "a language that is not a code" "ISO 639-1" hydrogen --language German
bad "an unknown facet flag" "colour" hydrogen --colour blue
bad "a bad year" "year" hydrogen --year 20x3
bad "year with since" "excludes" hydrogen --year 2023 --since 2020
# FTS5 operators typed as words are words, not syntax.
"$PACTUM" ingest "$REPO/data/samples/docs/de_01_nrw_fukushima_absichtserklaerung.txt" \
  "$REPO/data/samples/docs/nb_01_norge_usa_mineraler.txt" "$REPO/data/samples/docs/ja_02_nihon_noruwee_suiso.txt" \
  "$REPO/data/samples/docs/en_05_norway_japan_floating_wind_tokyo.txt" >/dev/null
for q in 'AND' 'OR NOT' 'NEAR(hydrogen' 'hydrogen*' '^hydrogen' 'hydrogen:' '(' "it's" 'a-b-c'; do
  "$PACTUM" search "$q" --json >q.json 2>err.txt
  got=$?
  if [ "$got" -eq 0 ] || { [ "$got" -eq 2 ] && [ -s err.txt ]; }; then passes=$((passes + 1)); else echo "FAIL: query $q (exit $got)"; failures=$((failures + 1)); fi
done

# Instruments across languages: "letter of intent" finds the German
# Absichtserklärung and the Norwegian intensjonsavtale; "MoU" the Japanese 協力覚書.
"$PACTUM" search "letter of intent" --json >loi.json
check "letter of intent finds de and nb documents" test "$(json_get loi.json 'sorted({h["language"] for h in d} & {"de", "nb"})')" = "['de', 'nb']"
"$PACTUM" search MoU --json >mou.json
check "MoU finds the Japanese 協力覚書" test "$(json_get mou.json '"ja" in {h["language"] for h in d}')" = True
finish
