#!/usr/bin/env python3
"""List the sector errors of an extraction against gold, event by event.

Events are paired by parties the way the scorer pairs them
(../shared/tools/score-extraction); for each pair the sectors gold gives and
we miss, and those we give and gold does not, are printed with the language,
gold's evidence sentence and ours. Unpaired events are counted apart (their
sectors are event errors, not sector errors).

Usage: scripts/sector_errors.py GOLD_DIR PRED.jsonl [--summary]
  (PRED: `pactum extract DOCS/*.txt --json > PRED.jsonl`)
"""
import collections, importlib.machinery, importlib.util, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scorer import load_scorer  # noqa: E402

sc = load_scorer()


def main():
    gold_dir, pred_path = sys.argv[1], sys.argv[2]
    summary = "--summary" in sys.argv
    gold, pred = sc.load(gold_dir), sc.load(pred_path)
    miss, extra = collections.Counter(), collections.Counter()
    unpaired = [0, 0]
    for name, g in sorted(gold.items()):
        p = pred.get(name, {})
        ge, pe = g.get("events", []), p.get("events", []) or []
        pairs = sc.pair_events(ge, pe)
        unpaired[0] += sum(len(set(e.get("sectors") or [])) for i, e in enumerate(ge) if i not in {a for a, _, _ in pairs})
        unpaired[1] += sum(len(set(e.get("sectors") or [])) for i, e in enumerate(pe) if i not in {b for _, b, _ in pairs})
        lang = g.get("language", "?")
        for gi, pi, _ in pairs:
            a, b = ge[gi], pe[pi]
            gs, ps = set(a.get("sectors") or []), set(b.get("sectors") or [])
            if gs == ps:
                continue
            for s in gs - ps:
                miss[(lang, s)] += 1
            for s in ps - gs:
                extra[(lang, s)] += 1
            if not summary:
                parties = " + ".join(x.get("name", "?") for x in a.get("parties", []))
                print(f"{lang} {name} [{parties}]")
                print(f"  miss:  {sorted(gs - ps)}   extra: {sorted(ps - gs)}   ok: {sorted(gs & ps)}")
                print(f"  gold:  {a.get('evidence', '')}")
                print(f"  ours:  {b.get('evidence', '')}")
    print(f"# sectors of unpaired events: gold {unpaired[0]}, ours {unpaired[1]}")
    print("# misses by language and sector:", ", ".join(f"{l}:{s} {n}" for (l, s), n in miss.most_common()))
    print("# extras by language and sector:", ", ".join(f"{l}:{s} {n}" for (l, s), n in extra.most_common()))


if __name__ == "__main__":
    main()
