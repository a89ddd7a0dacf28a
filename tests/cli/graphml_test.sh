#!/usr/bin/env bash
# pactum network --format graphml validates against a GraphML schema
# (tests/schemas/graphml-subset.xsd: our own schema of the GraphML subset we
# write, with key/keyref rules: data names a declared key, edges name nodes),
# and the key declarations match their use.
source "$(dirname "$0")/lib.sh"
XSD="$REPO/tests/schemas/graphml-subset.xsd"

"$PACTUM" ingest "$REPO/data/samples/docs" >/dev/null
"$PACTUM" network --format graphml -o net.graphml
check "GraphML validates against the schema (xmllint)" xmllint --noout --schema "$XSD" net.graphml
"$PACTUM" network --sector hydrogen --format graphml >h2.graphml
check "a filtered network validates too" xmllint --noout --schema "$XSD" h2.graphml

check "keys are declared before use, for the element that uses them" python3 - net.graphml <<'PY'
import sys, xml.etree.ElementTree as ET
g = "{http://graphml.graphdrawing.org/xmlns}"
root = ET.parse(sys.argv[1]).getroot()
children = list(root)
first_graph = next(i for i, c in enumerate(children) if c.tag == g + "graph")
keys = {}
for i, c in enumerate(children):
    if c.tag == g + "key":
        assert i < first_graph, "a key after the graph"
        assert c.get("id") not in keys, "duplicate key " + c.get("id")
        keys[c.get("id")] = c.get("for")
graph = children[first_graph]
nodes = {n.get("id") for n in graph.iter(g + "node")}
assert nodes, "no nodes"
for kind in ("node", "edge"):
    for el in graph.iter(g + kind):
        for d in el.iter(g + "data"):
            assert keys.get(d.get("key")) in (kind, "all"), f"{kind} uses key {d.get('key')} declared for {keys.get(d.get('key'))}"
for e in graph.iter(g + "edge"):
    assert e.get("source") in nodes and e.get("target") in nodes, "edge to an unknown node"
PY

# The schema rejects what breaks the rules (so a pass above means something).
sed 's/<data key="weight">/<data key="no_such_key">/' net.graphml >bad_key.graphml
expect_exit 3 "a data element naming an undeclared key fails validation" xmllint --noout --schema "$XSD" bad_key.graphml
python3 - net.graphml >bad_edge.graphml <<'PY'
import re, sys
text = open(sys.argv[1]).read()
print(re.sub(r'source="n\d+"', 'source="n999999"', text, count=1), end="")
PY
expect_exit 3 "an edge to an unknown node fails validation" xmllint --noout --schema "$XSD" bad_edge.graphml

# The FollowTheMoney export of the same network: one entity a line, every
# link's ends among the entities, every node of the GraphML an entity.
"$PACTUM" network --format ftm -o net.ftm.json
check "FtM export: entities and links, consistent with the GraphML" python3 - net.ftm.json net.graphml <<'PY'
import json, sys, xml.etree.ElementTree as ET
entities = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert entities, "no entities"
ids = {e["id"] for e in entities}
assert len(ids) == len(entities), "duplicate ids"
actors = [e for e in entities if e["schema"] in ("PublicBody", "Organization", "Company")]
links = [e for e in entities if e["schema"] == "UnknownLink"]
assert actors and links, "no actors or no links"
for e in entities:
    assert set(e) == {"id", "schema", "properties"}, e
    assert all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in e["properties"].values()), e
for l in links:
    p = l["properties"]
    assert p["subject"][0] in ids and p["object"][0] in ids, l["id"]
    assert p["role"] and p["sourceUrl"], l["id"]
g = "{http://graphml.graphdrawing.org/xmlns}"
nodes = {n.get("id")[1:] for n in ET.parse(sys.argv[2]).getroot().iter(g + "node")}
assert nodes == {a["id"].rsplit("-", 1)[1] for a in actors}, "GraphML nodes and FtM actors differ"
assert any("startDate" in l["properties"] for l in links), "no link has a start date"
PY
finish
