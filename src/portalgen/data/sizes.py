"""Bounds on how much one file may hold, so the site stays a size residents can load.

Each value in the data is published more than once (its page, the search index, the
downloads), so two cells of a megabyte made a 12 MB page and a 15 MB search index; each
period of a ward metric is a map page with its own map script. The bounds are far above
what real data needs: the longest cell in the example is 959 characters, the longest text
in a ``datapackage.yaml`` 1,085, the longest file 1,083 rows, and no metric has more than
5 periods.
"""

from __future__ import annotations

from .problems import Problem

MAX_CELL = 5_000
"""Characters in one cell of a CSV file."""
MAX_TEXT = 10_000
"""Characters in one text of a ``datapackage.yaml`` block, such as a summary."""
MAX_ROWS = 100_000
"""Rows in one CSV file."""
MAX_PERIODS = 50
"""Periods of one ward or small-area metric: each is a map page."""
SHORTEN = "Shorten it: give the gist here and link to the full text with the source's web address."


def cell_problem(cell: str) -> str | None:
    if len(cell) > MAX_CELL:
        return f"is {len(cell):,} characters long; a cell may hold at most {MAX_CELL:,}. {SHORTEN}"
    return None


def text_problem(text: str) -> str | None:
    if len(text) > MAX_TEXT:
        return f"is {len(text):,} characters long; it may be at most {MAX_TEXT:,}. {SHORTEN}"
    return None


def rows_problem(count: int) -> str | None:
    if count > MAX_ROWS:
        return (
            f"has {count:,} rows; a file may have at most {MAX_ROWS:,}. Split it, or leave out "
            "what the portal does not show."
        )
    return None


def long_cells(label: str, schema: dict, rows: list[tuple[int, list]]) -> list[Problem]:
    """A problem for each cell, in ``rows`` of (line, cells as written), that is too long.
    Number cells are left to ``numbers.py``, which bounds them more tightly."""
    fields = schema["fields"]
    texts = {i for i, f in enumerate(fields) if f.get("type") not in ("number", "integer")}
    return [
        Problem(label, line, fields[position]["name"], message)
        for line, cells in rows
        for position, cell in enumerate(cells)
        if position in texts and isinstance(cell, str) and (message := cell_problem(cell))
    ]
