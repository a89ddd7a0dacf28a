#!/usr/bin/env bash
# pactum network, timeline and matrix on the samples: GraphML that parses,
# the NRW-Fukushima chain in order, the sector by country matrix.
source "$(dirname "$0")/lib.sh"

"$PACTUM" ingest "$REPO/data/samples/docs" >/dev/null

"$PACTUM" network --format graphml -o net.graphml
check "GraphML parses and has nodes and edges" python3 - net.graphml <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id") for k in root.findall("g:key", ns)}
nodes = root.findall("g:graph/g:node", ns)
edges = root.findall("g:graph/g:edge", ns)
ids = {n.get("id") for n in nodes}
used = {d.get("key") for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")}
assert len(nodes) >= 3 and len(edges) >= 2, (len(nodes), len(edges))
assert all(e.get("source") in ids and e.get("target") in ids for e in edges)
assert used <= keys, used - keys
PY
if command -v xmllint >/dev/null; then
  check "GraphML is well-formed XML" xmllint --noout net.graphml
fi

"$PACTUM" network --format json >net.json
check "JSON network has nodes and edges" test "$(json_get net.json 'len(d["nodes"]) >= 3 and len(d["edges"]) >= 2')" = True
check "JSON edges name nodes" test "$(json_get net.json 'all(e["source"] in {n["id"] for n in d["nodes"]} for e in d["edges"])')" = True
"$PACTUM" network --sector hydrogen --since 2020 --format json >h2.json
check "sector filter keeps hydrogen edges only" test "$(json_get h2.json 'len(d["edges"]) > 0 and all("hydrogen" in e["sectors"] for e in d["edges"])')" = True
"$PACTUM" network --kind country --format json >countries.json
check "kind filter keeps countries only" test "$(json_get countries.json 'all(n["kind"]=="country" for n in d["nodes"])')" = True
"$PACTUM" network --format csv -o edges.csv
check "CSV edges: header and one row per edge" test "$(($(wc -l <edges.csv) - 1))" -eq "$(json_get net.json 'len(d["edges"])')"
"$PACTUM" network --format csv --table nodes >nodes.csv
check "CSV nodes: header and one row per node" test "$(($(wc -l <nodes.csv) - 1))" -eq "$(json_get net.json 'len(d["nodes"])')"
expect_exit 2 "a bad format is a usage error" "$PACTUM" network --format dot
expect_exit 2 "a bad year is a usage error" "$PACTUM" network --since twenty

"$PACTUM" timeline "North Rhine-Westphalia" --with Fukushima --json >chain.json
check "NRW-Fukushima chain lists 2014 before 2026" test "$(json_get chain.json '
[e["date"][:4] for e in d if e["date"]].index("2014") < [e["date"][:4] for e in d if e["date"]].index("2026")')" = True
check "the chain is in date order" test "$(json_get chain.json '[e["date"] for e in d if e["date"]] == sorted(e["date"] for e in d if e["date"])')" = True
check "every act names its sources" test "$(json_get chain.json 'all(e["sources"] for e in d)')" = True
check "timeline as text" "$PACTUM" timeline "North Rhine-Westphalia" --with Fukushima >/dev/null
expect_exit 3 "timeline of an unknown actor" "$PACTUM" timeline Atlantis

"$PACTUM" matrix --json >matrix.json
check "matrix has a hydrogen row" test "$(json_get matrix.json '"hydrogen" in d["sectors"]')" = True
check "hydrogen cells count their agreements" test "$(json_get matrix.json 'any(c["sector"]=="hydrogen" and c["count"]==len(c["agreements"])>0 for c in d["cells"])')" = True
"$PACTUM" matrix --csv >matrix.csv
check "matrix CSV has one row per cell" test "$(($(wc -l <matrix.csv) - 1))" -eq "$(json_get matrix.json 'len(d["cells"])')"
check "matrix as text" "$PACTUM" matrix >/dev/null
for verb in network timeline matrix; do
  check "$verb --help" "$PACTUM" "$verb" --help >/dev/null
done
finish
