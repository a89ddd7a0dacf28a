#!/usr/bin/env python3
"""No 7-word sequence (15 characters for Japanese) of a held-out set's docs may occur in the dev docs.

  scripts/holdout_check_overlap.py data/holdout5 [DEV_DOCS]   (default /work/shared/eval/dev/docs)
"""
import os, re, sys
if len(sys.argv) < 2:
    sys.exit(__doc__)
here = os.path.abspath(sys.argv[1])
DEV = sys.argv[2] if len(sys.argv) > 2 else "/work/shared/eval/dev/docs"
def words(t): return re.findall(r"\w+", t.lower())
def ja(t): return re.sub(r"\s+", "", t)
dev = [open(os.path.join(DEV, f), encoding="utf-8").read() for f in sorted(os.listdir(DEV))]
dev7 = set(); devja = [ja(t) for t in dev]
for t in dev:
    w = words(t); dev7.update(tuple(w[i:i+7]) for i in range(len(w) - 6))
hits = 0
for f in sorted(os.listdir(f"{here}/docs")):
    t = open(f"{here}/docs/{f}", encoding="utf-8").read()
    w = words(t)
    for i in range(len(w) - 6):
        if tuple(w[i:i+7]) in dev7: hits += 1; print(f, "7-gram:", " ".join(w[i:i+7]))
    if f.startswith("ja_"):
        s = ja(t); seen = set()
        for i in range(len(s) - 14):
            g = s[i:i+15]
            if g not in seen and any(g in d for d in devja): seen.add(g); hits += 1; print(f, "15-char:", g)
print(f"{hits} shared sequences")
sys.exit(1 if hits else 0)
