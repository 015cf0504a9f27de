"""When each page's data was added to the portal and when it last changed there: from the
packages' own ``changes`` or, where a package records none, from the Git history of its files.

Shared packages (the partnerships list, the vocabulary, the addresses) are dated row by row
from their Git history, so adding one partnership's row dates only that partnership's pages.
Everything comes from the commit being built, so the same commit always gives the same dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..data.versions import PackageVersion

SHARED = ("partnerships/", "vocabulary/", "addresses/")
"""Packages every page draws on: a page is dated by the rows of them it names."""


@dataclass(frozen=True)
class Span:
    """The day something was added to the portal and the day it last changed there."""

    added: dt.date
    changed: dt.date

    def __or__(self, other: Span) -> Span:
        return Span(min(self.added, other.added), max(self.changed, other.changed))


@dataclass(frozen=True)
class Commit:
    id: str
    day: dt.date
    files: tuple[str, ...]


@dataclass
class History:
    """The dates of the data: each package's ``changes``, each file's first and last commit,
    and each row of a shared table (``partnerships/partnerships.csv#haringey``)."""

    versions: dict[str, PackageVersion] = field(default_factory=dict)
    files: dict[str, Span] = field(default_factory=dict)
    rows: dict[str, Span] = field(default_factory=dict)

    def span(self, sources: list[str], rows: list[str] = (), uses: list[str] = ()) -> Span | None:
        """When a page's data was added and last changed: its own packages and shared rows
        (``rows``: a shared file it names rows of counts only by them), and the shared rows
        it only ``uses`` (a council's name), which count once they change. A shared row
        counts for "last changed" only once its values change: a row first committed after
        its package's ``changes`` has not changed."""
        tables = {row.split("#", 1)[0] for row in (*rows, *uses)}
        own = [self.source(s) for s in sources if not any(t.startswith(s) for t in tables)]
        shared = [self.row(row) for row in rows]
        edited = [s for s in (*shared, *map(self.row, uses)) if s and s.changed > s.added]
        added, changed = _union([*own, *shared]), _union([*own, *edited])
        if changed is None or added is None:
            return added or changed
        return Span(added.added, max(changed.changed, added.added))

    def source(self, source: str) -> Span | None:
        """The dates of a package, a file in one, or every package under a folder."""
        key = package_of(source, self.versions)
        keys = [key] if key else [k for k in self.versions if k.startswith(source)]
        return _union([self.package(k) for k in keys] or [self.committed(source)])

    def package(self, key: str) -> Span | None:
        """A package's first and latest recorded change, else its files' commits."""
        changes = self.versions[key].changes
        if changes:
            return Span(changes[-1].date, changes[0].date)
        return self.committed(key)

    def committed(self, prefix: str) -> Span | None:
        return _union([span for name, span in self.files.items() if name.startswith(prefix)])

    def row(self, row: str) -> Span | None:
        """A shared row's dates from Git; without its history, the day its package was first
        published (a later change to the package is not this row's)."""
        if row in self.rows:
            return self.rows[row]
        key = package_of(row.split("#", 1)[0], self.versions)
        changes = self.versions[key].changes if key else ()
        return Span(changes[-1].date, changes[-1].date) if changes else None

    @property
    def latest(self) -> dt.date | None:
        """The day of the newest change to the data: the portal's "as at" date."""
        days = [span.changed for span in self.files.values()]
        days += [v.changed for v in self.versions.values() if v.changed]
        return max(days, default=None)


def _union(spans: list[Span | None]) -> Span | None:
    found = [span for span in spans if span is not None]
    if not found:
        return None
    result = found[0]
    for span in found[1:]:
        result |= span
    return result


def package_key(folder: Path, data_dir: Path) -> str:
    """A package folder relative to the data folder, as pages name their sources
    (``haringey/plans/2013-14/``)."""
    return f"{folder.resolve().relative_to(data_dir.resolve()).as_posix()}/"


def read(data_dir: Path, versions: dict[str, PackageVersion]) -> History:
    """The history of ``data_dir``: one ``git log``, and one ``git show`` per version of a
    shared table. Empty dates outside a Git repository or where Git is missing."""
    commits = _log(data_dir)
    return History(versions, _files(commits), _rows(data_dir, commits))


def _git(data_dir: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=data_dir, capture_output=True, text=True, timeout=120, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _log(data_dir: Path) -> list[Commit]:
    """The commits that changed ``data_dir``, oldest first, with the files each changed."""
    out = _git(data_dir, "log", "--format=%x00%H %cs", "--name-only", "--relative", "--", ".")
    commits = []
    for entry in (out or "").split("\x00")[1:]:
        head, *files = entry.strip().splitlines()
        commit_id, day = head.split()
        names = tuple(name.strip() for name in files if name.strip())
        commits.append(Commit(commit_id, dt.date.fromisoformat(day), names))
    return commits[::-1]


def _files(commits: list[Commit]) -> dict[str, Span]:
    spans: dict[str, Span] = {}
    for commit in commits:
        for name in commit.files:
            added = spans[name].added if name in spans else commit.day
            spans[name] = Span(added, commit.day)
    return spans


def _rows(data_dir: Path, commits: list[Commit]) -> dict[str, Span]:
    """Each row of a shared table → the day it first appeared and the day its values last
    changed, comparing each committed version of the table with the one before by id."""
    spans: dict[str, Span] = {}
    tables: dict[str, dict[str, tuple]] = {}
    for commit in commits:
        for name in commit.files:
            if not (name.startswith(SHARED) and name.endswith(".csv")):
                continue
            before, now = tables.get(name, {}), _table(data_dir, commit.id, name)
            for key, values in now.items():
                ref = f"{name}#{key}"
                if key not in before:
                    spans[ref] = Span(commit.day, commit.day)
                elif values != before[key]:
                    spans[ref] = Span(spans[ref].added, commit.day)
            tables[name] = now
    return spans


def _table(data_dir: Path, commit_id: str, name: str) -> dict[str, tuple]:
    """A committed version of a table, its rows by id (empty if the commit deleted it)."""
    text = _git(data_dir, "show", f"{commit_id}:./{name}") or ""
    rows = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    return {row_key(row): tuple(row.values()) for row in rows if row}


def row_key(row: dict) -> str:
    """How a page names a shared row: its ``id`` (``scheme:id`` for statuses), or its first
    field (a redirect's ``from``)."""
    key = row.get("id") or next(iter(row.values()), "") or ""
    return f"{row['scheme']}:{key}" if row.get("scheme") else key


def package_of(source: str, versions: dict[str, PackageVersion]) -> str | None:
    """The package folder a page's source (a folder or a file) belongs to: the longest of
    the folders on its path that is a package (a walk up the path, not a search of every
    package for every page)."""
    folders = [source[: index + 1] for index, char in enumerate(source) if char == "/"]
    return next((key for key in reversed(["", *folders]) if key in versions), None)
