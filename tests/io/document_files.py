"""Real documents of every kind synthloom ingests, written by the tests: a three-page PDF (fpdf2) with a
running header and footer and numbered headings, a saved HTML page with navigation, a script and a
footer around its article, a Markdown file with front matter, a table and code, a DOCX (python-docx)
with Title and Heading styles and a table, and a plain-text file. Each states facts the tests look for."""

from __future__ import annotations

from pathlib import Path

PDF_PARAGRAPHS = {
    "1. Harbour traffic": [
        "The harbour of Velmora handled 1,284 cargo ships in 2023, up from 1,102 in 2022. Most of the growth "
        "came from container vessels calling at the new eastern quay.",
        "The eastern quay opened in March 2023 and has a draught of 14 metres, deep enough for the largest "
        "ships on the northern routes. Its four cranes were built in Rotterdam.",
    ],
    "2. Dredging": [
        "Silt from the Orlen river narrows the entrance channel by about 30 centimetres every year. The port "
        "authority dredges the channel each September, when river levels are lowest.",
        "In 2023 the dredging removed 410,000 cubic metres of silt at a cost of 3.2 million euros. The silt "
        "was used to rebuild the salt marsh south of the harbour.",
    ],
    "3. Safety": [
        "No vessel ran aground in 2023. The last grounding, of the tanker Selma Dorn, happened in 2019 during "
        "a storm with winds of 95 kilometres per hour.",
        "Pilots must board every ship longer than 120 metres at the outer buoy. Smaller vessels may enter "
        "without a pilot in daylight.",
    ],
}


def write_pdf(path: Path) -> Path:
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, "Velmora Port Authority - Annual Report", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 8, f"Page {self.page_no()} of 3")

    pdf = Report()
    pdf.set_title("Velmora Harbour Report 2023")
    for heading, paragraphs in PDF_PARAGRAPHS.items():
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(4)
    pdf.output(str(path))
    return path


HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Caring for sourdough starter</title>
<script>window.analytics = {track: function () {}};</script><style>body { font-family: serif; }</style></head>
<body>
<nav><a href="/">Home</a> | <a href="/recipes">Recipes</a> | <a href="/about">About us</a></nav>
<header><p>The Baker's Notebook - subscribe for weekly recipes</p></header>
<main>
<article>
<h1>Caring for sourdough starter</h1>
<p>A sourdough starter is a culture of wild yeast and lactic acid bacteria kept in flour and water.
A healthy starter <em>doubles in volume</em> within 4 to 8 hours of a feeding at 24 &deg;C.</p>
<h2>Feeding</h2>
<p>Feed the starter once a day with equal weights of flour and water, for example 50 grams of each.
Discard all but 50 grams of the old starter before each feeding.</p>
<ul><li>Use unbleached flour: bleaching removes some of the wild yeast.</li>
<li>Chlorinated tap water can slow the culture; let it stand overnight first.</li></ul>
<h2>Storage</h2>
<p>A starter kept in the refrigerator at 4 &deg;C needs feeding only once a week.</p>
<table><tr><th>Place</th><th>Temperature</th><th>Feeding</th></tr>
<tr><td>Counter</td><td>24 &deg;C</td><td>daily</td></tr>
<tr><td>Refrigerator</td><td>4 &deg;C</td><td>weekly</td></tr></table>
</article>
</main>
<aside><p>Related: how to bake a rye loaf</p></aside>
<footer><p>Copyright 2024 The Baker's Notebook. All rights reserved.</p></footer>
</body></html>
"""

MARKDOWN = """---
title: Release checklist
owner: platform team
---
# Release checklist

Every release of the Quill service follows this checklist. A release needs the approval of **two**
reviewers, one of whom must belong to the platform team.

## Before the release

1. Run the full test suite; it takes about 25 minutes.
2. Update the changelog with every user-visible change.

| Environment | Deploy order | Soak time |
|---|---|---|
| staging | first | 2 hours |
| production | second | none |

## Rolling back

If the error rate rises above 2 percent within an hour, roll back with:

```
quill deploy --rollback --to previous
```

A rollback does not need a second approval.
"""

TEXT = """Meeting notes, 14 May 2024

The library committee agreed to extend opening hours on Saturdays until 8 pm from June onwards.
The cost of the extra staff, about 6,400 euros a year, will come from the reading programme budget.

Marta Ilves will draft the announcement. The committee meets again on 11 June.
"""


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Onboarding guide"
    document.add_heading("Onboarding guide", level=0)
    document.add_paragraph("New employees receive a laptop on their first day. Accounts are created by the "
                           "IT desk within two working days.")
    document.add_heading("Equipment", level=1)
    document.add_paragraph("Each employee may order one external monitor and one headset. Orders above "
                           "300 euros need a manager's approval.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Item", "Limit"
    table.cell(1, 0).text, table.cell(1, 1).text = "Monitor", "250 euros"
    document.add_heading("Security training", level=2)
    document.add_paragraph("Security training must be completed within the first 30 days. It takes about "
                           "90 minutes and ends with a short quiz.")
    document.save(str(path))
    return path


def write_documents(folder: Path) -> Path:
    """The five documents in `folder` (one in a subfolder), plus files ingest must skip."""
    (folder / "guides").mkdir(parents=True, exist_ok=True)
    write_pdf(folder / "harbour_report.pdf")
    (folder / "sourdough.html").write_text(HTML, encoding="utf-8")
    (folder / "release.md").write_text(MARKDOWN, encoding="utf-8")
    write_docx(folder / "guides" / "onboarding.docx")
    (folder / "notes.txt").write_text(TEXT, encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a document type: skipped
    (folder / ".hidden.md").write_text("# Not read\n", encoding="utf-8")
    return folder
