"""Placeholders: the words ``portalgen new`` writes where an editor must fill something in.
They keep a new file valid to read, but must never be published, so any left in the data
fail validation on their file, line and field."""

from __future__ import annotations

from .problems import Problem

TO_WRITE = "To be written"
MARKERS = (TO_WRITE,)
"""Every marker the scaffold writes; a value holding one has not been filled in."""
MESSAGE = f'still says "{TO_WRITE}", left by portalgen new: write what the source says.'


def is_placeholder(problem: Problem) -> bool:
    """Whether the problem is only a marker still to fill in (in a cell that takes any
    text, or one that takes yes or no, a date or one of a list)."""
    return problem.message == MESSAGE or problem.message.startswith(f'"{TO_WRITE}" is not')


def table_placeholders(label: str, rows: list[dict]) -> list[Problem]:
    """One problem per cell of ``rows`` that still holds a marker."""
    return [
        Problem(label, row.get("_line"), name, MESSAGE)
        for row in rows
        for name, value in row.items()
        if not name.startswith("_") and _marked(value)
    ]


def block_placeholders(label: str, key: str, block: dict, line: int | None) -> list[Problem]:
    """One problem per value of a descriptor's block (``plan:``) that still holds a marker."""
    lines = getattr(block, "lines", {})
    return [
        Problem(label, lines.get(name, line), f"{key}.{name}", MESSAGE)
        for name, value in block.items()
        if _marked(value)
    ]


def _marked(value) -> bool:
    return isinstance(value, str) and any(marker in value for marker in MARKERS)
