"""A validated package as JSON, and back: what the validation cache stores.

JSON has no dates or decimals, so each is written as a one-key object that says what it is
(``{"date": "2013-04-01"}``, ``{"decimal": "1.50"}``); a value's object is never anything
else. Reading an entry checks its shape all the way down, and anything unexpected raises
``Malformed``: a cache file is data anyone could have written, never trusted as code.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from .checked import Checked
from .load import PackageSource
from .problems import Problem
from .versions import Change, PackageVersion


class Malformed(ValueError):
    """An entry that is not what ``encode`` writes."""


def encode(package: Checked) -> dict:
    """``package`` (all but its source, which is read again each time) as JSON data."""
    return {
        "tables": {name: [_row(row) for row in rows] for name, rows in package.tables.items()},
        "metadata": _row(package.metadata),
        "problems": [encode_problem(problem) for problem in package.problems],
        "lines": {
            name: [list(pair) for pair in sorted(lines.items())]
            for name, lines in package.lines.items()
        },
        "attachments": package.attachments,
        "version": _version(package.version),
        "flawed": {name: sorted(lines) for name, lines in package.flawed.items()},
    }


def _row(row: dict) -> dict:
    return {name: _value(value) for name, value in row.items()}


def _value(value):
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    raise TypeError(f"a {type(value).__name__} cannot be kept in the validation cache")


def encode_problem(problem: Problem) -> list:
    return [problem.path, problem.line, problem.field, problem.message, problem.warning]


def _version(version: PackageVersion | None):
    if version is None:
        return None
    changes = [[c.version, c.date.isoformat(), c.summary] for c in version.changes]
    return [version.label, version.version, changes]


def decode(source: PackageSource, entry) -> Checked:
    """The package ``encode`` wrote, for ``source``; ``Malformed`` if it is not that."""
    try:
        return _decoded(source, entry)
    except Malformed:
        raise
    except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as error:
        raise Malformed(f"an entry in it could not be read ({type(error).__name__})") from error


def problems(entry) -> list[Problem]:
    """The problems ``{"problems": [...]}`` holds; ``Malformed`` if it is not that."""
    try:
        _expect(isinstance(entry, dict) and set(entry) == {"problems"}, "it is not a check")
        return [_decoded_problem(problem) for problem in _list(entry["problems"])]
    except (TypeError, ValueError) as error:
        raise Malformed(f"an entry in it could not be read ({type(error).__name__})") from error


def _decoded(source: PackageSource, entry) -> Checked:
    _expect(isinstance(entry, dict) and set(entry) == ENTRY_KEYS, "it is not a cache entry")
    checked = Checked(source)
    checked.tables = {_text(name): _rows(rows) for name, rows in _items(entry["tables"])}
    checked.metadata = _decoded_row(entry["metadata"])
    checked.problems = [_decoded_problem(problem) for problem in _list(entry["problems"])]
    checked.lines = {_text(name): _lines(pairs) for name, pairs in _items(entry["lines"])}
    _expect(isinstance(entry["attachments"], dict), "its attachments are not a mapping")
    checked.attachments = entry["attachments"]
    checked.version = _decoded_version(entry["version"])
    checked.flawed = {
        _text(name): {_number(line) for line in _list(lines)}
        for name, lines in _items(entry["flawed"])
    }
    return checked


ENTRY_KEYS = {"tables", "metadata", "problems", "lines", "attachments", "version", "flawed"}


def _rows(rows) -> list[dict]:
    return [_decoded_row(row) for row in _list(rows)]


def _decoded_row(row) -> dict:
    return {_text(name): _decoded_value(value) for name, value in _items(row)}


def _decoded_value(value):
    if value is None or isinstance(value, (str, bool, int)):
        return value
    _expect(isinstance(value, dict) and len(value) == 1, "a value in it has no known type")
    ((kind, text),) = value.items()
    if kind == "decimal":
        return Decimal(_text(text))
    if kind == "date":
        return dt.date.fromisoformat(_text(text))
    raise Malformed("a value in it has no known type")


def _decoded_problem(problem) -> Problem:
    _expect(isinstance(problem, list) and len(problem) == 5, "a problem in it is not one")
    path, line, field, message, warning = problem
    _expect(line is None or _is_number(line), "a problem in it has no line number")
    _expect(field is None or isinstance(field, str), "a problem in it names no field")
    _expect(isinstance(warning, bool), "a problem in it is neither error nor warning")
    return Problem(_text(path), line, field, _text(message), warning)


def _lines(pairs) -> dict[int, int]:
    found = {}
    for pair in _list(pairs):
        _expect(isinstance(pair, list) and len(pair) == 2, "a line number in it is not one")
        found[_number(pair[0])] = _number(pair[1])
    return found


def _decoded_version(version) -> PackageVersion | None:
    if version is None:
        return None
    _expect(isinstance(version, list) and len(version) == 3, "its version is not one")
    label, number, changes = version
    return PackageVersion(_text(label), _text(number), tuple(_change(c) for c in _list(changes)))


def _change(change) -> Change:
    _expect(isinstance(change, list) and len(change) == 3, "a change in it is not one")
    version, date, summary = change
    return Change(_text(version), dt.date.fromisoformat(_text(date)), _text(summary))


def _items(mapping) -> list:
    _expect(isinstance(mapping, dict), "part of it is not a mapping")
    return list(mapping.items())


def _list(value) -> list:
    _expect(isinstance(value, list), "part of it is not a list")
    return value


def _text(value) -> str:
    _expect(isinstance(value, str), "part of it is not text")
    return value


def _is_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value) -> int:
    _expect(_is_number(value), "part of it is not a whole number")
    return value


def _expect(condition: bool, reason: str) -> None:
    if not condition:
        raise Malformed(reason)
