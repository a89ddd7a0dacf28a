#!/usr/bin/env python3
"""List the people and signatory errors of an extraction against gold.

Per document: people gold names and we miss (with the first sentence of the
page naming them), people we give and gold does not, and for people both name
the role, affiliation and quoted values that differ. Per paired event (paired
the way the scorer pairs them, ../shared/tools/score-extraction) the
signatories missed and extra.

Usage: scripts/people_errors.py GOLD_DIR PRED.jsonl [DOCS_DIR] [--summary]
  (PRED: `pactum extract DOCS/*.txt --json > PRED.jsonl`)
"""
import collections, importlib.machinery, importlib.util, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scorer import load_scorer  # noqa: E402

sc = load_scorer()


def context(text, name):
    """The line of the document that first names the person (by surname)."""
    if not text or not name:
        return ""
    last = name.split()[-1]
    for line in text.splitlines():
        if name in line or last in line:
            line = line.strip()
            i = max(line.find(last) - 120, 0)
            return line[i:i + 240]
    return "(not in text)"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gold_dir, pred_path = args[0], args[1]
    docs_dir = args[2] if len(args) > 2 else None
    summary = "--summary" in sys.argv
    gold, pred = sc.load(gold_dir), sc.load(pred_path)
    n = collections.Counter()
    for name, g in sorted(gold.items()):
        p = pred.get(name, {})
        text = ""
        if docs_dir and os.path.exists(os.path.join(docs_dir, name + ".txt")):
            text = open(os.path.join(docs_dir, name + ".txt"), encoding="utf-8").read()
        lang = g.get("language", "?")
        gp = {sc.norm(x.get("name")): x for x in g.get("people") or []}
        pp = {sc.norm(x.get("name")): x for x in p.get("people") or []}
        out = []
        for k in sorted(set(gp) - set(pp)):
            n["people_missed"] += 1
            x = gp[k]
            out.append(f"  MISS person {x.get('name')!r} role={x.get('role')!r} aff={x.get('affiliation')!r} quoted={x.get('quoted')}\n      | {context(text, x.get('name'))}")
        for k in sorted(set(pp) - set(gp)):
            n["people_extra"] += 1
            x = pp[k]
            out.append(f"  EXTRA person {x.get('name')!r} role={x.get('role')!r} aff={x.get('affiliation')!r}\n      | {context(text, x.get('name'))}")
        for k in sorted(set(gp) & set(pp)):
            a, b = gp[k], pp[k]
            if bool(a.get("quoted")) != bool(b.get("quoted")):
                n["quoted_wrong"] += 1
                out.append(f"  QUOTED {a.get('name')!r} gold={a.get('quoted')} ours={b.get('quoted')}")
            for f in ("role", "affiliation"):
                if sc.norm(a.get(f)) != sc.norm(b.get(f)):
                    n[f + "_differs"] += 1
                    out.append(f"  {f.upper()} {a.get('name')!r} gold={a.get(f)!r} ours={b.get(f)!r}")
        ge, pe = g.get("events", []), p.get("events", []) or []
        pairs = sc.pair_events(ge, pe)
        for gi, pi, _ in pairs:
            gs = {sc.norm(s.get("name")): s.get("name") for s in ge[gi].get("signatories") or []}
            ps = {sc.norm(s.get("name")): s.get("name") for s in pe[pi].get("signatories") or []}
            for k in sorted(set(gs) - set(ps)):
                n["sig_missed"] += 1
                out.append(f"  SIG MISS {gs[k]!r} event {gi} ({ge[gi].get('evidence', '')[:100]!r})")
            for k in sorted(set(ps) - set(gs)):
                n["sig_extra"] += 1
                out.append(f"  SIG EXTRA {ps[k]!r} event {gi} ({ge[gi].get('evidence', '')[:100]!r})")
        pg, pp_ = {a for a, _, _ in pairs}, {b for _, b, _ in pairs}
        for gi, e in enumerate(ge):
            if gi not in pg and e.get("signatories"):
                n["sig_missed_unpaired"] += len(e["signatories"])
                out.append(f"  SIG MISS (event unpaired) {[s.get('name') for s in e['signatories']]}")
        for pi, e in enumerate(pe):
            if pi not in pp_ and e.get("signatories"):
                n["sig_extra_unpaired"] += len(e["signatories"])
                out.append(f"  SIG EXTRA (event unpaired) {[s.get('name') for s in e['signatories']]}")
        if out and not summary:
            print(f"{name} [{lang}]")
            print("\n".join(out))
    print("totals:", dict(n))


if __name__ == "__main__":
    main()
