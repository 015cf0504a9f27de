"""Only plain decimal numbers are numbers.

frictionless reads a number cell with Python's ``Decimal``, which also takes ``NaN``,
``Infinity``, ``1e308``, ``17_6000``, ``+5``, ``-0``, digits of other scripts and spaces
around the value. Those are typing or export mistakes, and published they became "nan%",
"inf" or a chart that would not draw. So every number and integer cell that frictionless
accepted is read again here, as the text the editor wrote: digits, at most one decimal
point with digits on both sides, and a minus sign where the field allows one. Each field
also has a ``magnitude`` in its schema (money, figure, wte, count, position): how large
its values can sensibly be and how many decimal places they carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .cells import spaces_message
from .formats import plain
from .problems import Problem

PLAIN = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", re.ASCII)
WHOLE = re.compile(r"-?(?:0|[1-9][0-9]*)", re.ASCII)


@dataclass(frozen=True)
class Magnitude:
    """How large a kind of figure can be, and how many decimal places it may have."""

    noun: str
    limit: int
    places: int


MAGNITUDES = {
    "money": Magnitude("an amount of money", 10_000_000_000, 2),
    "figure": Magnitude("a figure", 1_000_000_000, 6),
    "wte": Magnitude("a number of whole-time equivalent posts", 1_000, 2),
    "count": Magnitude("a count", 100_000, 0),
    "position": Magnitude("a priority's number", 1_000, 0),
}
"""Every number field of a schema names one of these as its ``magnitude``. Money is in
pounds (up to £10 billion, to the penny); a figure is a count, rate or percentage."""

LEAVE_EMPTY = "Leave the cell empty if the figure is not stated."
SHOWN = 24
"""Longer cells are cut short in messages."""


def number_problems(label: str, schema: dict, rows: list[tuple[int, list, dict]]) -> list[Problem]:
    """Problems with number cells that frictionless read as numbers; each bad value in
    ``rows`` (line, raw cells, typed record) is set to None, so no check compares it."""
    numeric = [
        (position, field)
        for position, field in enumerate(schema["fields"])
        if field.get("type") in ("number", "integer")
    ]
    problems = []
    for line, cells, record in rows:
        for position, field in numeric:
            name = field["name"]
            if record.get(name) is None or position >= len(cells):
                continue
            message = cell_problem(str(cells[position]), field)
            if message:
                record[name] = None
                problems.append(Problem(label, line, name, message))
    return problems


def cell_problem(cell: str, field: dict) -> str | None:
    """What is wrong with the text of a number cell, or None if it is a plain number."""
    whole = field.get("type") == "integer"
    spaced = spaces_message(cell)
    if spaced:
        return spaced
    if cell.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        return f"{_shown(cell)} is not a number. {_fix(whole)} {LEAVE_EMPTY}"
    pattern = WHOLE if whole else PLAIN
    if not pattern.fullmatch(cell):
        return f"{_shown(cell)} is not a plain number ({_why(cell, whole)}). {_fix(whole)}"
    if cell.startswith("-") and not cell.strip("-0."):
        return f"{_shown(cell)} is minus zero. Write 0, without the minus sign."
    return _size_problem(cell, field)


def _why(cell: str, whole: bool) -> str:
    lowered = cell.lower()
    reasons = (
        ("_" in cell, "it has an underscore"),
        (cell.startswith("+"), "it starts with a + sign"),
        ("e" in lowered, "it is written with an exponent"),
        (not cell.isascii(), "it uses characters other than the digits 0 to 9"),
        (whole and "." in cell, "it has a decimal point, but this is a whole number"),
        ("." in cell, "a decimal point needs a digit on each side"),
        (bool(re.match(r"-?0[0-9]", cell)), "it starts with a 0"),
    )
    return next((reason for found, reason in reasons if found), "it is not only digits")


def _fix(whole: bool) -> str:
    if whole:
        return "Write the number with digits only, for example 3."
    return "Write the number with digits only, for example 176000 or 13.5."


def _size_problem(cell: str, field: dict) -> str | None:
    magnitude = MAGNITUDES[field["magnitude"]]
    digits = cell.lstrip("-").split(".")[0]
    places = len(cell.split(".")[1]) if "." in cell else 0
    if len(digits) > len(str(magnitude.limit)) or abs(Decimal(cell)) > magnitude.limit:
        more, most = ("less", "least -") if cell.startswith("-") else ("more", "most ")
        return (
            f"{_shown(cell)} is {more} than {magnitude.noun} can be here (at "
            f"{most}{plain(magnitude.limit)}). Check the figure."
        )
    if places > magnitude.places:
        allowed = "no decimal places" if not magnitude.places else f"at most {magnitude.places}"
        return (
            f"{_shown(cell)} has {places} decimal places; {magnitude.noun} has {allowed}. "
            "Round it as the source does."
        )
    return None


def _shown(cell: str) -> str:
    if len(cell) <= SHOWN:
        return f'"{cell}"'
    return f'"{cell[:SHOWN]}…" ({len(cell):,} characters)'
