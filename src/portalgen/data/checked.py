"""A package after validation: its typed rows, their lines, and what was wrong. Kept apart
from ``validate`` (which runs frictionless) so that the checks across packages and the
validation cache can use it without importing frictionless: a warm ``portalgen validate``,
whose packages all come from the cache, does not."""

from __future__ import annotations

from dataclasses import dataclass, field

from .load import PackageSource
from .problems import Problem
from .versions import PackageVersion

Row = dict
"""A typed row: the schema's fields, plus ``_line``, the line it is on."""


@dataclass
class Checked:
    """A package after validation: its typed rows by resource, and what was wrong."""

    source: PackageSource
    tables: dict[str, list[Row]] = field(default_factory=dict)
    metadata: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    lines: dict[str, dict[int, int]] = field(default_factory=dict)
    """For each table, frictionless' row number → the line the row starts on in the file."""
    attachments: dict = field(default_factory=dict)
    """Files that are not tables, once read and checked (an areas package's boundaries)."""
    version: PackageVersion | None = None
    """The package's ``version`` and ``changes``, once checked."""

    flawed: dict[str, set[int]] = field(default_factory=dict)
    """For each table, the lines of rows frictionless found a problem in."""

    def has_problem(self, table: str, line: int) -> bool:
        """Whether a row already has a problem of its own."""
        return line in self.flawed.get(table, ())

    def ids(self, table: str, column: str = "id") -> list[str]:
        """The non-empty values of ``column`` in every row: what other rows may refer to."""
        return [row[column] for row in self.tables.get(table, []) if row.get(column)]

    def rows(self, table: str) -> list[Row]:
        """The rows of ``table`` without problems of their own. Checks that read a row's
        values use these, so an editor is told once, about the cause, and a value that
        failed its type is never compared as if it were right."""
        flawed = self.flawed.get(table, set())
        return [row for row in self.tables.get(table, []) if row["_line"] not in flawed]
