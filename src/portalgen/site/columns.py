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
_COLSPAN = re.compile(r'colspan="(\d+)"')
_ATTRIBUTE = r'{}="([^"]*)"'
EMPTY = frozenset({"", NOT_STATED.casefold()})


def drop_empty(page: str) -> str:
    """``page`` with each table's empty columns left out and named after the table."""
    return _TABLE.sub(_drop, page)


def _drop(match: re.Match) -> str:
    table = match.group(0)
    heading, body, foot = _split(table)
    head = [cell.group(0) for cell in _CELL.finditer(heading)]
    empty = [i for i in _empty_columns(head, body) if not _filled(foot, i)]
    if not empty:
        return table
    names = [_name(head[index]) for index in empty]
    for row in [heading, *body, *foot]:
        table = table.replace(row, _without(row, empty), 1)
    return f"{table}\n\n{_sentence(names, table)}\n"


def _split(table: str) -> tuple[str, list[str], list[str]]:
    """The (last) heading row, the body's rows and the footer's rows."""
    head_part, _, rest = table.partition("<tbody")
    body_part, _, foot_part = rest.partition("</tbody>")
    head_rows = _ROW.findall(head_part)
    heading = head_rows[-1] if head_rows else ""
    return heading, _ROW.findall(body_part), _ROW.findall(foot_part)


def _empty_columns(head: list[str], body: list[str]) -> list[int]:
    """Columns after the first that are empty in every body row (a cell spanning columns
    counts for each); none if the rows do not line up with the headings."""
    rows = [_columns(row) for row in body]
    if not rows or any(_span(cell) > 1 for cell in head) or any(len(r) != len(head) for r in rows):
        return []
    return [i for i in range(1, len(head)) if all(row[i].casefold() in EMPTY for row in rows)]


def _columns(row: str) -> list[str]:
    """The text of each column of ``row``, a spanning cell's under each of its columns."""
    return [
        _text(cell.group(0)) for cell in _CELL.finditer(row) for _ in range(_span(cell.group(0)))
    ]


def _filled(foot: list[str], column: int) -> bool:
    """Whether a footer cell of ``column`` alone says something (so the column stays)."""
    for row in foot:
        start = 0
        for cell in _CELL.finditer(row):
            span = _span(cell.group(0))
            if start == column and span == 1 and _text(cell.group(0)).casefold() not in EMPTY:
                return True
            start += span
    return False


def _without(row: str, columns: list[int]) -> str:
    """``row`` without the cells of ``columns``; a cell spanning several columns (a total
    in a table's footer) spans fewer, or goes when all its columns go."""
    start, parts = 0, []
    for cell in _CELL.finditer(row):
        span = _span(cell.group(0))
        gone = sum(1 for column in columns if start <= column < start + span)
        start += span
        if gone == span:
            parts.append((cell, ""))
        elif gone:
            parts.append((cell, _COLSPAN.sub(f'colspan="{span - gone}"', cell.group(0), 1)))
    for cell, new in reversed(parts):
        row = row[: cell.start()] + new + row[cell.end() :]
    return row


def _span(cell: str) -> int:
    found = _COLSPAN.search(cell.split(">", 1)[0])
    return int(found.group(1)) if found else 1


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
