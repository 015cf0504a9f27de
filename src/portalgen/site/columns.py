"""Columns the source leaves empty: left out of a table, and said once in a sentence.

One pass over a rendered page's tables (``<table class="pg-table …">``), so every table of
every page kind is treated alike. A column whose cells are all empty or "Not stated"
in every row of the table's body is removed, and one sentence after the table names what
is missing: "No lead, due date or status is given for these actions in the source." A
heading may carry ``data-pg-name`` (what its column holds, in words) and a table
``data-pg-items`` (what its rows are), to make that sentence read well.
"""

from __future__ import annotations

import html
import re

from ..data.formats import NOT_STATED

_TABLE = re.compile(r'<table class="pg-table[^"]*"[^>]*>.*?</table>(?:\n</div>)?', re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_CELL = re.compile(r"<(t[hd])\b[^>]*>.*?</\1>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_ATTRIBUTE = r'{}="([^"]*)"'
EMPTY = frozenset({"", NOT_STATED.casefold()})


def drop_empty(page: str) -> str:
    """``page`` with each table's empty columns left out and named after the table."""
    return _TABLE.sub(_drop, page)


def _drop(match: re.Match) -> str:
    table = match.group(0)
    head, body = _split(table)
    empty = _empty_columns(head, body)
    if not empty:
        return table
    names = [_name(head[index]) for index in empty]
    for row in [*head, *body]:
        table = table.replace(row, _without(row, empty), 1)
    return f"{table}\n\n{_sentence(names, table)}\n"


def _split(table: str) -> tuple[list[str], list[str]]:
    """The heading row's cells and the body's rows."""
    head_part, _, body_part = table.partition("<tbody")
    head_rows = _ROW.findall(head_part)
    head = [cell.group(0) for cell in _CELL.finditer(head_rows[-1])] if head_rows else []
    return head, _ROW.findall(body_part)


def _empty_columns(head: list[str], body: list[str]) -> list[int]:
    """Columns after the first that are empty in every body row; none if the rows do not
    line up with the headings (a cell spanning columns, say)."""
    rows = [[_text(cell.group(0)) for cell in _CELL.finditer(row)] for row in body]
    if not rows or "colspan" in "".join(head) or any(len(row) != len(head) for row in rows):
        return []
    return [i for i in range(1, len(head)) if all(row[i].casefold() in EMPTY for row in rows)]


def _without(row: str, columns: list[int]) -> str:
    cells = [cell.group(0) for cell in _CELL.finditer(row)]
    if len(cells) <= max(columns):
        return row
    for index in columns:
        row = row.replace(cells[index], "", 1)
    return row


def _name(cell: str) -> str:
    named = re.search(_ATTRIBUTE.format("data-pg-name"), cell)
    return html.unescape(named.group(1)) if named else _text(cell).lower()


def _sentence(names: list[str], table: str) -> str:
    items = re.search(_ATTRIBUTE.format("data-pg-items"), table)
    rows = f"these {items.group(1)}" if items else "any row of this table"
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    text = f"No {listed} is given for {rows} in the source."
    return f'<p class="pg-empty-columns">{html.escape(text)}</p>'


def _text(cell: str) -> str:
    return html.unescape(_TAGS.sub("", cell)).strip()
