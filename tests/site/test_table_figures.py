"""Figures in a table column line up: every figure of a column has the same decimal places
("110.0" beside "259.7", never "110"), on every page of the example portal."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

FIGURE = re.compile(r"^[−+-]?£?[0-9][0-9,]*(?:\.([0-9]+))?[%*]?$")


def mixed_columns(html: str) -> list[str]:
    """Columns of a table body whose figures have different decimal places."""
    soup = BeautifulSoup(html, "html.parser")
    mixed = []
    for number, table in enumerate(soup.select("article table"), 1):
        columns: dict[int, dict[int, str]] = {}
        for row in table.select("tbody tr"):
            cells = row.find_all(["th", "td"])
            if any(cell.get("colspan") for cell in cells):
                continue
            for index, cell in enumerate(cells):
                match = FIGURE.match(cell.get_text(strip=True))
                if match and "pg-number" in cell.get("class", []):
                    places = len(match.group(1) or "")
                    columns.setdefault(index, {}).setdefault(places, cell.get_text(strip=True))
        mixed += [
            f"table {number}, column {index + 1}: {sorted(found.values())}"
            for index, found in columns.items()
            if len(found) > 1
        ]
    return mixed


def test_every_column_of_figures_has_the_same_decimal_places(example_site):
    found = {
        str(html.parent.relative_to(example_site.root)): mixed_columns(html.read_text("utf-8"))
        for html in example_site.root.rglob("index.html")
    }
    assert {address: columns for address, columns in found.items() if columns} == {}


def test_decimals_check_finds_a_mixed_column():
    html = (
        "<article><table><tbody>"
        '<tr><th>Bruce Grove</th><td class="pg-number">110</td></tr>'
        '<tr><th>Alexandra</th><td class="pg-number">259.7</td></tr>'
        "</tbody></table></article>"
    )
    assert mixed_columns(html) == ["table 1, column 2: ['110', '259.7']"]
