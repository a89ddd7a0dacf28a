#!/usr/bin/env python3
"""The hostile inputs of hostile_test.sh, generated at test time (never
committed). `gen.py DIR` writes the files; `gen.py --stdout NAME` writes the
big streams (line200, line50) to stdout, for a pipe into `pactum ingest -`,
so that hundreds of MB never touch the disk."""
import json
import os
import sys

SENTENCE = "Norway and Japan signed a memorandum of understanding on hydrogen in Oslo. "

if sys.argv[1] == "--stdout":
    out = sys.stdout.buffer
    chunk = SENTENCE.encode() * 14_000  # ~1 MiB
    try:
        if sys.argv[2] == "line200":  # 200 MiB of text without a line break
            for _ in range(200):
                out.write(chunk)
        elif sys.argv[2] == "line50":  # one JSONL line whose text is 50 MiB
            out.write(b'{"title":"Big","text":"')
            for _ in range(50):
                out.write(chunk)
            out.write(b'"}\n')
        out.flush()
    except BrokenPipeError:  # pactum stopped reading at its bound: expected
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(0)

out = sys.argv[1]
os.makedirs(os.path.join(out, "utf8"), exist_ok=True)


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# Invalid and overlong UTF-8: a stray continuation byte, an overlong '/'
# (C0 AF), an overlong NUL (C0 80), a UTF-16 surrogate (ED A0 80), a 5-byte
# form (F8 ..), a code point past U+10FFFF (F4 90 ..), a cut-off sequence.
for i, bad in enumerate([b"\x80", b"\xc0\xaf", b"\xc0\x80", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80",
                         b"\xf4\x90\x80\x80", b"\xe2\x82"]):
    write(f"utf8/bad{i}.txt", b"Norway and Japan " + bad + b" signed an agreement on hydrogen.\n")
# NUL bytes inside otherwise good text.
write("nul.txt", SENTENCE.encode() + b"\x00\x00" + SENTENCE.encode())

# 200 MB on one line as a JSONL file (over 64 MiB: streamed a line at a
# time): 1 MiB of text, then a sparse hole (NUL bytes on reading), so the
# file costs no disk writes.
with open(os.path.join(out, "line200.jsonl"), "wb") as f:
    f.write(b'{"text":"' + SENTENCE.encode() * 14_000)
    f.truncate(200 * 1024 * 1024)

# 100,000 nested elements, as a page and as a JSONL item's HTML text.
nested = "<div>" * 100_000 + "<p>" + SENTENCE + "</p>" + "</div>" * 100_000
write("nested.html", "<!DOCTYPE html><html><head><title>Deep</title></head><body>" + nested + "</body></html>")
write("nested.jsonl", json.dumps({"title": "Deep", "text": nested}) + "\n")

# Billion laughs: ten levels of ten references, 10^9 "lol"s if expanded, in
# an item's title and description; and an external entity that must not be read.
ents = '<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
write("laughs.rss", f'<?xml version="1.0"?>\n<!DOCTYPE rss [{ents}]>\n<rss version="2.0"><channel><title>t</title>'
      f"<item><title>&lol9;</title><description>{SENTENCE} &lol9;</description></item></channel></rss>\n")
write("xxe.rss", '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
      f'<rss version="2.0"><channel><title>t</title><item><title>x</title><description>{SENTENCE} &x;</description>'
      "</item></channel></rss>\n")


# An RSS feed of 100,000 items (each its own short text).
items = "".join(f"<item><title>Item {i}</title><description>Item {i}: {SENTENCE}</description></item>"
                for i in range(100_000))
write("items.rss", f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>t</title>{items}</channel></rss>\n')

# Right-to-left (Arabic, Hebrew, with bidi controls) and combining marks
# (e + U+0301 decomposed, stacked marks, Zalgo-like runs).
write("rtl.txt", "النرويج واليابان وقعتا مذكرة تفاهم بشأن الهيدروجين.\n\n"
      "נורווגיה ויפן חתמו על מזכר הבנות.\n\n\u202eNorway and Japan\u202c signed a memorandum in Qu\u00e9bec.\n\n"
      "Cafe\u0301 Que\u0301bec: Norway and Japan signed a memorandum on hydrogen. "
      "Z\u0351\u0352\u0353\u0354\u0355\u0356a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\n")

# A date that does not exist, in text and as the published date.
FEB = "Am 31. Februar 2026 unterzeichneten Deutschland und Norwegen eine Absichtserklärung über Wasserstoff."
write("februar.txt", FEB + "\n")
write("februar.jsonl", json.dumps({"title": "Februar", "published": "31. Februar 2026", "text": FEB}) + "\n")
