"""Printing for a meeting: a plan, terms of reference and a funding page on A4, printed to
PDF by Chromium, with their content and permanent address, without the site's navigation,
and never with a table's heading alone at the foot of a page."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

PAGES = {
    "plan": (
        "partnerships/haringey/plans/2013-14/",
        ["Confidence in policing and community safety", "Domestic and gender-based"],
        12,  # six priorities, each with its tables: 10 pages when measured (13 before print CSS)
    ),
    "terms of reference": (
        "partnerships/worcestershire/bodies/safer-communities-board/terms/2011-09-22/",
        ["terms of reference"],
        6,  # 3 when measured
    ),
    "funding year": (
        "partnerships/worcestershire/funding/2011-12/",
        ["SCB Commissioning", "20,000"],
        6,  # 2 when measured
    ),
}
NAVIGATION = ["Skip to content", "Search", "Cite this page", "How to edit"]


def pdf_pages(page) -> list[str]:
    """The text of each page of the page printed to A4 as a PDF."""
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return [p.extract_text() for p in pdf.pages]


def printed(page, server: str, address: str) -> tuple[int, str, list[float]]:
    page.goto(f"{server}{address}")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    return len(pdf.pages), " ".join(text.split()), [float(p.mediabox.width) for p in pdf.pages]


HEADINGS = """() => [...document.querySelectorAll(
  'article caption, article thead th, article h2, article h3')].map((e) => e.innerText.trim())"""


def headings_at_foot(page) -> list[str]:
    """Table captions, column headings and section headings that are the last line of a
    printed page, with nothing of theirs after them on that page."""
    printed_pages = pdf_pages(page)
    page.emulate_media(media="print")
    headings = [" ".join(h.split()) for h in page.evaluate(HEADINGS) if h.strip()]
    lonely = []
    for number, text in enumerate(printed_pages[:-1], 1):
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        last = lines[-1] if lines else ""
        if last and any(last in heading or heading.endswith(last) for heading in headings):
            lonely.append(f"page {number} ends with {last!r}")
    return lonely


@pytest.mark.parametrize("kind", PAGES)
def test_prints_on_a4_without_navigation(page, server, kind):
    address, expected, most = PAGES[kind]
    count, text, widths = printed(page, server, address)
    assert 1 <= count <= most, count
    assert all(abs(width - 595.92) < 1 for width in widths)  # A4: 210 mm, in points
    for words in expected:
        assert words in text, (kind, words)
    for words in NAVIGATION:
        assert words not in text, (kind, words)


def test_links_to_other_sites_print_their_address(page, server):
    _, text, _ = printed(page, server, "open-data/")
    licence = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    assert f"({licence})" in text.replace(" ", "")


@pytest.mark.parametrize("kind", PAGES)
def test_prints_its_permanent_address_and_no_heading_alone_at_a_page_foot(page, server, kind):
    address = PAGES[kind][0]
    _, text, _ = printed(page, server, address)
    compact = text.replace(" ", "")  # a long address may wrap across lines
    published = r"(https?://[^/]+(/[\w.-]+)*)?"  # the site's address, with its path if any
    assert re.search(rf"Permanentaddress:{published}/{re.escape(address)}", compact), text
    assert headings_at_foot(page) == []


LONELY = """<!doctype html><html><head><meta charset="utf-8"><title>x</title><style>
@page { size: A4; margin: 0; } body { margin: 0; font: 16px sans-serif; }
.spacer { height: 1070px; } tr { break-inside: avoid; } td { height: 300px; }
</style></head><body><article><div class="spacer"></div>
<table width="100%"><caption>Lonely caption</caption>
<tbody><tr><td>A tall first row</td></tr></tbody></table>
</article></body></html>"""


def test_print_gate_fails_when_a_table_heading_ends_a_page(page, tmp_path):
    html = tmp_path / "lonely.html"
    html.write_text(LONELY, "utf-8")
    page.goto(html.as_uri())
    assert headings_at_foot(page) == ["page 1 ends with 'Lonely caption'"]
