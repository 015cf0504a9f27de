"""Printing for a meeting: a plan, terms of reference and a funding page on A4, printed to
PDF by Chromium, with their content and without the site's navigation."""

from __future__ import annotations

import io

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


def printed(page, server: str, address: str) -> tuple[int, str, list[float]]:
    page.goto(f"{server}{address}")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    return len(pdf.pages), " ".join(text.split()), [float(p.mediabox.width) for p in pdf.pages]


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
