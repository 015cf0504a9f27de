"""Package versions and their changelogs: ``version`` and ``changes`` in ``datapackage.yaml``.

Every package carries a version (``1.2.0``: the first number goes up when rows are removed
or ids change, so reusers' copies no longer match; the second when rows are added or
changed; the third for corrections) and may list its changes, newest first::

    version: 1.1.0
    changes:
      - version: 1.1.0
        date: 2014-04-01
        summary: Added the 2014/15 priorities.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .contract import DATE_PATTERN
from .problems import Problem

VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
EXAMPLE = "for example 1.0.0"


@dataclass(frozen=True)
class Change:
    version: str
    date: dt.date
    summary: str


@dataclass(frozen=True)
class PackageVersion:
    """A package's version and what changed in it, newest first."""

    label: str
    """The package folder as editors know it: ``data/haringey/plans/2013-14``."""
    version: str
    changes: tuple[Change, ...] = field(default=())

    @property
    def changed(self) -> dt.date | None:
        """The day of the latest change the package records, if it records any."""
        return self.changes[0].date if self.changes else None


def check_version(descriptor: dict, label: str) -> tuple[PackageVersion | None, list[Problem]]:
    """The version and changes of a package's descriptor, or the problems with them."""
    lines = getattr(descriptor, "lines", {})
    version = descriptor.get("version")
    if version is None:
        return None, [Problem(label, None, "version", _missing_version())]
    if not isinstance(version, str) or not VERSION.fullmatch(version):
        return None, [Problem(label, lines.get("version"), "version", _bad_version(version))]
    changes, problems = _changes(descriptor.get("changes"), lines.get("changes"), label)
    if problems:  # compare versions and dates only once every change can be read
        return PackageVersion(label.rsplit("/", 1)[0], version), problems
    if changes and changes[0].version != version:
        problems.append(
            Problem(
                label,
                lines.get("changes"),
                "changes",
                f"starts with {changes[0].version}, but the version is {version}. They must "
                "match: the version is that of the newest change, listed first.",
            )
        )
    problems += _order_problems(changes, label, lines.get("changes"))
    return PackageVersion(label.rsplit("/", 1)[0], version, tuple(changes)), problems


def _missing_version() -> str:
    return (
        'is missing. Add a line "version: 1.0.0" near the top; raise it each time the data '
        "changes (see data/README.md)."
    )


def _bad_version(value) -> str:
    return (
        f'"{value}" is not a version. Write three whole numbers with dots, {EXAMPLE}; put it '
        'in quotes if your editor changes it ("1.0.0").'
    )


def _changes(entries, line: int | None, label: str) -> tuple[list[Change], list[Problem]]:
    if entries is None:
        return [], []
    if not isinstance(entries, list):
        return [], [Problem(label, line, "changes", _changes_shape())]
    changes, problems = [], []
    for number, entry in enumerate(entries, 1):
        change, problem = _change(entry, number, label, line)
        if change:
            changes.append(change)
        problems += problem
    return changes, problems


def _changes_shape() -> str:
    return (
        'must be a list of changes, newest first, each with "version", "date" (YYYY-MM-DD) '
        'and "summary".'
    )


def _change(entry, number: int, label: str, line: int | None):
    where = f"changes[{number}]"
    if not isinstance(entry, dict):
        message = (
            'is not a change. Each change is three lines, "version:", "date:" and "summary:", '
            'the first starting with "- " (see data/README.md).'
        )
        return None, [Problem(label, line, where, message)]
    lines = getattr(entry, "lines", {})
    missing = [key for key in ("version", "date", "summary") if not entry.get(key)]
    if missing:
        line = lines.get(next(iter(entry), ""), line)
        return None, [Problem(label, line, where, f"needs {' and '.join(missing)}.")]
    problems = []
    if not isinstance(entry["version"], str) or not VERSION.fullmatch(entry["version"]):
        message = _bad_version(entry["version"])
        problems.append(Problem(label, lines.get("version", line), f"{where}.version", message))
    day = _date(entry["date"])
    if day is None:
        message = (
            f'"{entry["date"]}" is not a date. Write it as YYYY-MM-DD, for example 2014-03-27.'
        )
        problems.append(Problem(label, lines.get("date", line), f"{where}.date", message))
    if problems:
        return None, problems
    return Change(entry["version"], day, str(entry["summary"]).strip()), []


def _date(value) -> dt.date | None:
    """A date as YAML reads it, or written in quotes as YYYY-MM-DD."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and DATE_PATTERN.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _order_problems(changes: list[Change], label: str, line: int | None) -> list[Problem]:
    problems = []
    for newer, older in zip(changes, changes[1:], strict=False):
        if newer.date < older.date or _key(newer.version) <= _key(older.version):
            problems.append(
                Problem(
                    label,
                    line,
                    "changes",
                    f"lists {newer.version} ({newer.date}) above {older.version} "
                    f"({older.date}), in the wrong order. Put the newest change first; each "
                    "needs a higher version than the one below it.",
                )
            )
    return problems


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def bump(version: str, part: str) -> str:
    """The next version: ``part`` is major (rows removed or ids changed), minor (rows added or
    changed) or patch (corrections)."""
    major, minor, patch = _key(version)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"
