"""Charts and tables a resident can read at any width from 320 px: measured in Chromium.

At 320, 360 and 1,280 px, on every page kind of ``gates.PAGE_KINDS``: every piece of text in
every chart renders at 12 px or more and overlaps no other; in every table no word is
broken inside itself and nothing is cut off (the table fits, or scrolls in a named region
the keyboard can reach). The gate is shown failing on a page planted with a chart and
tables broken in each of those ways.
"""

from __future__ import annotations

import pytest
from fit import WIDTHS, chart_problems, table_problems
from gates import PAGE_KINDS


@pytest.fixture(scope="module")
def reader(browser):
    """One page for every kind and width, resized between measurements."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_charts_and_tables_fit_at_every_width(reader, server, kind):
    reader.goto(f"{server}{PAGE_KINDS[kind]}")
    found = []
    for width in WIDTHS:
        reader.set_viewport_size({"width": width, "height": 800})
        found += [f"{width} px: {p}" for p in chart_problems(reader) + table_problems(reader)]
    assert found == []


def test_charts_are_measured_where_there_are_charts(reader, server):
    reader.set_viewport_size({"width": 320, "height": 800})
    reader.goto(f"{server}{PAGE_KINDS['funding']}")
    texts = reader.locator("figure.pg-chart-figure .pg-bars__value").all_inner_texts()
    assert "£707,753" in texts
    reader.goto(f"{server}{PAGE_KINDS['indicator']}")
    narrow = reader.locator("svg.pg-line-chart--narrow")
    assert narrow.is_visible() and not reader.locator("svg.pg-line-chart--wide").is_visible()
    size = reader.evaluate(
        "() => { const t = document.querySelector('svg.pg-line-chart--narrow text');"
        " return parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a; }"
    )
    assert 12 <= size < 16


BROKEN = """<!doctype html><html><head><meta charset="utf-8"><title>Broken</title><style>
body { margin: 0; width: 320px; font: 16px sans-serif; }
svg { width: 100%; }
.anywhere { width: 120px; } .anywhere td { overflow-wrap: anywhere; }
.wide { width: 900px; }
.box { overflow-x: auto; }
.pg-number { text-align: left; }
</style></head><body><article>
<figure class="pg-chart-figure"><svg viewBox="0 0 640 300">
<text x="10" y="50" font-size="11">£707k</text><text x="20" y="50" font-size="11">£708k</text>
</svg></figure>
<table class="anywhere"><tr><td>Neighbourhoods</td><td class="pg-number">259.7</td></tr></table>
<table class="wide"><tr><td>Wider than the page</td></tr></table>
<div class="box"><table class="wide"><tr><td>In a box nobody can reach</td></tr></table></div>
</article></body></html>"""


def test_fit_gate_fails_on_a_broken_chart_and_table(reader, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(BROKEN, "utf-8")
    reader.set_viewport_size({"width": 320, "height": 800})
    reader.goto(page.as_uri())
    assert chart_problems(reader) == [
        'chart 1: "£707k" is 4.1 px',
        'chart 1: "£708k" is 4.1 px',
        'chart 1: "£707k" overlaps "£708k"',
    ]
    problems = table_problems(reader)
    assert 'table 1: "Neighbourhoods" is broken across lines' in problems
    assert 'table 1: the figure "259.7" is not right-aligned' in problems
    assert "table 2 is cut off: it is wider than the page" in problems
    assert problems[-3:] == [
        "table 3 scrolls in a box the keyboard cannot reach",
        "table 3 scrolls in a box with no name",
        "table 3 scrolls in a box that is not a region",
    ]
