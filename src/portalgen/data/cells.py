"""Checks on single values that frictionless' types and patterns cannot express: characters
no text may hold, and partial dates (``YYYY-MM-DD``) of days that do not exist.

Characters refused in every value, ids, names and text alike, in CSV cells and in
``datapackage.yaml`` (where YAML escapes such as ``"\\0"`` or ``"\\uD800"`` can write them):

- control characters other than tab and line break (``\\x0b``, ``\\x1f``, NUL): no XML
  document, feeds among them, may hold them;
- surrogates (half of a character) and the non-characters U+FFFE and U+FFFF: not text;
- invisible characters that change how text reads: the bidirectional controls
  (U+202A to U+202E, U+2066 to U+2069, U+061C), zero-width characters and marks
  (U+200B to U+200F, U+2060 to U+2064, U+180E) and a byte order mark (U+FEFF) inside the
  text. A name holding one can look like another name, or read differently from what it
  says. They are refused rather than removed, so what is published is what the file says.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .problems import Problem

CONTROL = "a control character"
HALF = "half of a character, which is not text"
INVISIBLE = "an invisible character that can make text read differently from what it says"
INVISIBLES = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x2060, 0x2065)]
    + ["\u061c", "\u180e", "\ufeff"]
)
PARTIAL_DATES = {"recommendations": ("due",)}
"""Fields written as YYYY, YYYY-MM or YYYY-MM-DD: a string, so no date type checks the day."""


def refused(character: str) -> str | None:
    """What is wrong with ``character`` in a text, or None if it may be published."""
    if character in "\t\n\r":
        return None
    category = unicodedata.category(character)
    if category == "Cc":
        return CONTROL
    if category == "Cs" or character in "\ufffe\uffff":
        return HALF if category == "Cs" else CONTROL
    if character in INVISIBLES:
        return INVISIBLE
    return None


REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
    + "".join(sorted(INVISIBLES))
    + "]"
)
"""Every character ``refused`` names, to find one without looking at each in Python."""


def text_problem(value: str) -> str | None:
    """The message for the first refused character in ``value``, if it holds one."""
    found = REFUSED.search(value)
    if found is None:
        return None
    character = found.group()
    return (
        f"has {refused(character)} ({_named(character)}) at character {found.start() + 1}. "
        "Delete it: it cannot be seen, and often comes in with text pasted from another document."
    )


def _named(character: str) -> str:
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    return f"{code}, {name.lower()}" if name else code


def table_problems(label: str, table: str, rows: list[dict]) -> list[Problem]:
    """Refused characters and days that do not exist, in each row of one CSV file."""
    problems = []
    for row in rows:
        for name, value in row.items():
            if isinstance(value, str) and not name.startswith("_"):
                message = text_problem(value)
                if message is None and name in PARTIAL_DATES.get(table, ()):
                    message = _day_problem(value)
                if message:
                    problems.append(Problem(label, row["_line"], name, message))
    return problems


def _day_problem(value: str) -> str | None:
    if value.count("-") != 2:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return (
            f'"{value}" is a day that does not exist. Check the day and the month, or give '
            f"only the month ({value[:7]})."
        )
    return None


def descriptor_problems(label: str, descriptor: dict) -> list[Problem]:
    """Refused characters anywhere in ``datapackage.yaml``: keys and values, at any depth."""
    return list(_walk(label, descriptor, "", None))


def _walk(label: str, value, where: str, line: int | None):
    if isinstance(value, dict):
        lines = getattr(value, "lines", {})
        for key, item in value.items():
            name = f"{where}.{key}" if where else str(key)
            yield from _walk(label, key, name, lines.get(key, line))
            yield from _walk(label, item, name, lines.get(key, line))
    elif isinstance(value, list):
        for item in value:
            yield from _walk(label, item, where, line)
    elif isinstance(value, str):
        message = text_problem(value)
        if message:
            yield Problem(label, line, where or None, message)


def spaces_message(cell: str) -> str | None:
    """A cell a spreadsheet saved with a space before or after it: say so, since it
    cannot be seen."""
    if cell and cell != cell.strip():
        ends = cell[: len(cell) - len(cell.lstrip())] + cell[len(cell.rstrip()) :]
        what = "a line break" if "\n" in ends or "\r" in ends else "a space"
        return f'"{cell}" has {what} at the start or end. Delete it: write "{cell.strip()}".'
    return None
