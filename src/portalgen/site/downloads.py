"""Tables as CSV and JSON files beside the page that shows them, for spreadsheets and reuse."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping

from ..data.formats import bare


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


LICENCE = "Open Government Licence v3.0"
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, "CSV injection")."""


Text = str | bytes | Callable[[], str | bytes]
"""A download's content, or what makes it when it is first read (a map's script)."""


class Files(Mapping):
    """File name → content, each made the first time it is read and then kept: a build
    writes every download, but ``portalgen validate`` needs only their names."""

    def __init__(self, made: dict[str, Text]):
        self._made = made

    def __getitem__(self, name: str) -> str | bytes:
        content = self._made[name]
        if callable(content):
            content = self._made[name] = content()
        return content

    def __contains__(self, name) -> bool:  # Mapping's own would make the file
        return name in self._made

    def __iter__(self) -> Iterator[str]:
        return iter(self._made)

    def __len__(self) -> int:
        return len(self._made)


def with_json(downloads: Mapping[str, Text]) -> Files:
    """Each CSV download, safe to open in a spreadsheet, and beside it the same table as
    JSON, exactly as the data has it (``x.csv`` → ``x.json``)."""
    out: dict[str, Text] = {}
    for name, text in downloads.items():
        if name.endswith(".csv"):
            table = _once(text)
            out[name] = lambda table=table: spreadsheet_safe(table())
            out[f"{name.removesuffix('.csv')}.json"] = lambda table=table: json_text(table())
        else:
            out[name] = text
    return Files(out)


def _once(text: Text) -> Callable[[], str]:
    """What makes ``text``, made once however often it is asked for."""
    return functools.cache(text) if callable(text) else lambda: text


def spreadsheet_safe(csv_file: str) -> str:
    """``csv_file`` with each text cell a spreadsheet would run as a formula (``=HYPERLINK(…)``,
    ``+cmd|…``, ``@SUM(…)``, ``-2+3``) starting with ``'``, which spreadsheets show as text.
    Numbers (``-2.5``) stay as they are."""
    rows = list(csv.reader(io.StringIO(csv_file.lstrip("\ufeff"), newline="")))
    if not any(_formula(cell) for row in rows for cell in row):
        return csv_file
    out = io.StringIO()
    out.write("\ufeff" if csv_file.startswith("\ufeff") else "")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([f"'{cell}" if _formula(cell) else cell for cell in row] for row in rows)
    return out.getvalue()


def _formula(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell)


def json_text(csv_file: str) -> str:
    """A CSV download as JSON: the licence, the columns, then one object per row, with plain
    numbers as numbers and empty cells as null (not stated, never 0)."""
    rows = list(csv.reader(io.StringIO(csv_file.lstrip("\ufeff"))))
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    records = [
        {name: _value(cell) for name, cell in zip(header, row, strict=False)} for row in body
    ]
    document = {"licence": LICENCE, "columns": header, "rows": records}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _value(cell: str):
    if cell == "":
        return None
    if _NUMBER.fullmatch(cell):
        return float(cell) if "." in cell else int(cell)
    return cell


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
