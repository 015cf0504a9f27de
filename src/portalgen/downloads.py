"""Tables as CSV files beside the page that shows them, for spreadsheets and reuse."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .formats import bare


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
        return bare(value)
    return str(value)


def name_of(thing) -> str | None:
    """The name of a partnership, organisation or body, for a CSV cell."""
    return getattr(thing, "name", None)


def amounts_csv(amounts: list) -> str:
    """Amounts as a spreadsheet: plain numbers, status ids, and the change on the year before."""
    header = [
        "year",
        "flow",
        "line",
        "title",
        "funder",
        "recipient",
        "purpose",
        "amount",
        "status",
        "counted_in_totals",
        "change_from_previous_year",
        "change_percent",
        "note",
    ]
    rows = [
        [
            a.year,
            a.flow,
            a.line,
            a.title,
            name_of(a.funder),
            name_of(a.recipient),
            a.purpose,
            a.amount,
            a.status.id if a.status else None,
            a.counted,
            a.change,
            None if a.change_percent is None else round(a.change_percent, 1),
            a.note,
        ]
        for a in amounts
    ]
    return csv_text(header, rows)
