#!/usr/bin/env python3
"""List each document's event errors: predicted events paired with gold ones by the
scorer's own pairing (../shared/tools/score-extraction), then for each pair the fields
among instrument, stage and date that strict match would reject, and the gold events
missed and the predicted ones with no gold partner.

  scripts/align_events.py GOLD_DIR PRED.jsonl      (PRED from `pactum extract DOCS/*.txt --json`)
"""
import importlib.machinery
import importlib.util
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scorer import load_scorer  # noqa: E402

sc = load_scorer()


def sides(e):
    out = []
    for p in e.get("parties", []):
        if p.get("kind") in ("country", "supranational", "region"):
            out.append(p.get("subdivision") or p.get("country") or p.get("name", "?"))
        else:
            out.append(p.get("name", "?"))
    return ",".join(out)


def brief(e):
    return f"[{sides(e)}] {e.get('instrument')}/{e.get('stage')}/{e.get('date')}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gold, pred = sc.load(sys.argv[1]), sc.load(sys.argv[2])
    for name, g in sorted(gold.items()):
        p = pred.get(name, {})
        ge, pe = g.get("events", []), p.get("events", []) or []
        pairs = sc.pair_events(ge, pe)
        lines = []
        for gi, pi, _ in pairs:
            a, b = ge[gi], pe[pi]
            bad = [k for k in ("instrument", "stage", "date") if sc.first(b.get(k)) not in sc.as_set(a.get(k))]
            if bad:
                lines.append(f"  MISMATCH {'/'.join(bad)}: gold {brief(a)} pred {brief(b)}")
                lines.append(f"     G: {a.get('evidence', '')[:200]}")
                lines.append(f"     P: {b.get('evidence', '')[:200]}")
        paired_g, paired_p = {a for a, _, _ in pairs}, {b for _, b, _ in pairs}
        for gi, a in enumerate(ge):
            if gi not in paired_g:
                lines.append(f"  MISSED gold {brief(a)}\n     G: {a.get('evidence', '')[:200]}")
        for pi, b in enumerate(pe):
            if pi not in paired_p:
                lines.append(f"  SPURIOUS pred {brief(b)}\n     P: {b.get('evidence', '')[:200]}")
        if lines:
            print(f"== {name} (published gold {g.get('published')}, pred {p.get('published')})")
            print("\n".join(lines))


if __name__ == "__main__":
    main()
