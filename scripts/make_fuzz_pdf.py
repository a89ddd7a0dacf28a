#!/usr/bin/env python3
"""Writes the pdf fuzz target's seeds (fuzz/seeds/pdf/): a minimal PDF built
by hand as src/ingest/pdf_test.cc builds one (correct xref), one with its
xref broken, and one with a compressed-looking stream. Usage: OUT_DIR."""
import os
import sys


def make_pdf(pages, title, break_xref=False):
    objects = []
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append("<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(f"<< /Title ({title}) >>")
    for i, lines in enumerate(pages):
        content = "BT /F1 11 Tf 14 TL 72 720 Td\n" + "".join(f"({l}) Tj T*\n" for l in lines) + "ET"
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
                       f" /Contents {6 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    pdf = "%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objects):
        offsets.append(len(pdf))
        pdf += f"{i + 1} 0 obj\n{o}\nendobj\n"
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    for off in offsets:
        pdf += f"{(off * 7 + 13) if break_xref else off:010d} 00000 n \n"
    pdf += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\n"
    pdf += f"startxref\n{xref + (999 if break_xref else 0)}\n%%EOF\n"
    return pdf.encode("latin-1")


pages = [["PRESS RELEASE", "", "Equinor and JERA sign agreement", "",
          "Oslo, 3 May 2024. Equinor and JERA today signed a memorandum on Koopera-",
          "tion in floating offshore wind."],
         ["Page 2", "The parties will meet again in Tokyo."]]
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "two_pages.pdf"), "wb") as f:
    f.write(make_pdf(pages, "Equinor JERA"))
with open(os.path.join(out, "broken_xref.pdf"), "wb") as f:
    f.write(make_pdf(pages, "Broken", break_xref=True))
