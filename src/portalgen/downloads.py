"""Tables as CSV files beside the page that shows them, for spreadsheets and reuse."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .formats import financial_year


def csv_text(header: list[str], rows: Iterable[Iterable]) -> str:
    """CSV a spreadsheet opens correctly: UTF-8 with a byte order mark, one row per line,
    numbers plain (no £ or commas), empty cells where a figure is not stated."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else _cell(cell) for cell in row])
    return out.getvalue()


def _cell(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def name_of(thing) -> str | None:
    """The name of a partnership, organisation or body, for a CSV cell."""
    return getattr(thing, "name", None)


def year_label(year: str) -> str:
    return financial_year(year)
