#!/usr/bin/env python3
"""Format checks for a held-out set's gold: parses, doc/source names, enums, evidence verbatim.

  scripts/holdout_check_gold.py data/holdout5
"""
import json, os, re, sys
if len(sys.argv) != 2:
    sys.exit(__doc__)
here = os.path.abspath(sys.argv[1])
INSTR = {"memorandum_of_understanding","joint_declaration","strategic_partnership","industrial_partnership",
         "cooperation_agreement","letter_of_intent","framework_agreement","negotiations","trade_agreement","platform","other"}
STAGE = {"announced","negotiating","signed","renewed","extended","planned","ongoing","expired"}
SECT = set("""hydrogen ammonia offshore_wind renewable_energy batteries critical_minerals ccus green_transport
energy_efficiency medical_technology biotechnology digital semiconductors space maritime seafood tourism
mobility_of_people trade investment innovation_research sme_internationalisation fuel_cells nuclear mining
labour_rights climate_environment defence agriculture_food other""".split())
KIND = {"country","region","supranational","city","organization"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
bad = 0; nev = 0
def err(f, m):
    global bad; bad += 1; print(f"{f}: {m}")
docs = sorted(os.listdir(f"{here}/docs")); golds = sorted(os.listdir(f"{here}/gold"))
if [d[:-4] for d in docs] != [g[:-5] for g in golds]: err("-", "docs and gold names differ")
for g in golds:
    d = json.load(open(f"{here}/gold/{g}"))
    text = open(f"{here}/docs/{g[:-5]}.txt", encoding="utf-8").read()
    if d["doc"] != g[:-5] + ".txt" or d["source"] != d["doc"]: err(g, "doc/source")
    if d["language"] != g[:2]: err(g, "language")
    if d["published"] and not DATE.match(d["published"]): err(g, "published")
    if d["title"] and d["title"] not in text: err(g, "title not in doc")
    for e in d["events"]:
        nev += 1
        for k, allowed in (("instrument", INSTR), ("stage", STAGE)):
            v = e[k] if isinstance(e[k], list) else [e[k]]
            if not v or any(x not in allowed for x in v): err(g, f"{k} {e[k]}")
        if e["date"] and not DATE.match(e["date"]): err(g, f"date {e['date']}")
        if any(s not in SECT for s in e["sectors"]): err(g, f"sectors {e['sectors']}")
        if len(e["parties"]) < 2: err(g, "fewer than two parties")
        for p in e["parties"]:
            if p["kind"] not in KIND: err(g, f"kind {p}")
            if p["kind"] == "region" and not (p["country"] and p["subdivision"]): err(g, f"region needs country+subdivision {p}")
        names = {p["name"] for p in e["parties"]}
        for s in e["signatories"]:
            if s["affiliation"] not in names: err(g, f"signatory affiliation not a party: {s}")
        ev = e["evidence"]
        i = text.find(ev)
        if i < 0: err(g, f"evidence not verbatim: {ev[:60]}"); continue
        before = text[:i].rstrip(" ")
        after = text[i + len(ev):]
        if before and before[-1] not in ".!?\n:。」\"”" : err(g, f"evidence does not start a sentence: {ev[:50]}")
        if not (ev[-1] in ".!?。" or after[:1] in ("\n", "")): err(g, f"evidence does not end a sentence: {ev[-40:]}")
    for p in d["people"]:
        if set(p) != {"name", "role", "affiliation", "quoted"}: err(g, f"people keys {p}")
print(f"{len(golds)} gold files, {nev} events, {bad} problems")
sys.exit(1 if bad else 0)
