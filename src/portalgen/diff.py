"""``portalgen diff BASE HEAD``: what a change to the data will do to the site, in words.

Both commits' ``data/`` folders are taken from Git into temporary folders and read as a
build reads them. The summary lists pages added, removed and changed (by rendering both),
then every changed value, described for a person ("Worcestershire Safer Communities Board
funding 2012/13, Redditch CSP: amount £56,086 → £60,000; status provisional → actual").
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .data.checked import Checked
from .data.contract import schema_descriptor
from .data.formats import financial_year, money
from .data.versions import bump
from .engine import check_data
from .model.build import build_portal
from .site.pages import all_pages
from .site.render import environment, render_page


class DiffError(Exception):
    """A commit could not be read, or its data is not valid."""


@dataclass
class Change:
    where: str
    changes: list[str] = field(default_factory=list)


@dataclass
class Summary:
    pages_added: list[str] = field(default_factory=list)
    pages_removed: list[str] = field(default_factory=list)
    pages_changed: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    """Packages whose data changed but whose version did not, with the version to give."""

    def lines(self) -> list[str]:
        out = [
            f"Pages added: {len(self.pages_added)}, removed: {len(self.pages_removed)}, "
            f"changed: {len(self.pages_changed)}."
        ]
        out += [f"+ /{address}" for address in self.pages_added]
        out += [f"- /{address}" for address in self.pages_removed]
        out += [f"~ /{address}" for address in self.pages_changed]
        out += ["", "Data changes:" if self.rows else "No data changes."]
        out += [f"- {row}" for row in self.rows]
        if self.versions:
            out += ["", "Versions to raise:"]
            out += [f"- {line}" for line in self.versions]
        return out


def diff(repo: Path, base: str, head: str, data: str = "data") -> Summary:
    with tempfile.TemporaryDirectory() as folder:
        before = _checked(repo, base, data, Path(folder) / "base")
        after = _checked(repo, head, data, Path(folder) / "head")
        summary = Summary()
        _compare_pages(summary, before, after)
        changes = _changes_by_package(before, after)
        summary.rows = _compare_rows(before, after, changes)
        summary.versions = _versions_to_raise(before, after, changes)
    return summary


def _checked(repo: Path, ref: str, data: str, into: Path) -> list[Checked]:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref, data], cwd=repo, capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise DiffError(f"{ref}: {archive.stderr.decode('utf-8', 'replace').strip()}")
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    packages, problems = check_data(into / data, into)
    if problems:
        count = len(problems)
        noun = (
            "problem; run portalgen validate to see it"
            if count == 1
            else ("problems; run portalgen validate to see them")
        )
        raise DiffError(f"{ref}: the data has {count} {noun}.")
    return packages


def _compare_pages(summary: Summary, before: list[Checked], after: list[Checked]) -> None:
    env = environment()
    old = {p.address: render_page(p, env) for p in all_pages(build_portal(before))}
    new = {p.address: render_page(p, env) for p in all_pages(build_portal(after))}
    summary.pages_added = sorted(set(new) - set(old))
    summary.pages_removed = sorted(set(old) - set(new))
    summary.pages_changed = sorted(a for a in set(old) & set(new) if old[a] != new[a])


def _changes_by_package(before: list[Checked], after: list[Checked]) -> dict[str, list[str]]:
    """What changed in each package both commits have, in words, by package label."""
    names = _partnership_names(after) | _partnership_names(before)
    old = {p.source.label: p for p in before}
    return {
        package.source.label: _package_changes(old[package.source.label], package, names)
        for package in after
        if package.source.label in old
    }


def _compare_rows(
    before: list[Checked], after: list[Checked], changes: dict[str, list[str]]
) -> list[str]:
    old = {p.source.label for p in before}
    new = {p.source.label for p in after}
    lines = []
    for label in sorted(old | new):
        if label not in old:
            lines.append(f"New data package {label}.")
        elif label not in new:
            lines.append(f"Data package {label} removed.")
        else:
            lines += changes[label]
    return lines


def _versions_to_raise(
    before: list[Checked], after: list[Checked], changes: dict[str, list[str]]
) -> list[str]:
    """Say which version a changed package should take: the first number when rows were
    removed (reusers' copies no longer match), else the second."""
    old = {p.source.label: p for p in before}
    lines = []
    for package in after:
        previous = old.get(package.source.label)
        if previous is None or not (previous.version and package.version):
            continue
        if previous.version.version != package.version.version:
            continue
        if not changes[package.source.label]:
            continue
        removed = _rows_removed(previous, package)
        version = bump(package.version.version, "major" if removed else "minor")
        reason = "rows were removed" if removed else "rows were added or changed"
        lines.append(
            f"{package.source.label}: its data changed ({reason}) but its version is still "
            f"{package.version.version}. Make it {version} in datapackage.yaml and add a "
            f"change for {version} at the top of changes:, saying what changed."
        )
    return lines


def _rows_removed(old: Checked, new: Checked) -> bool:
    """Whether any row of ``old`` (by its key) is gone from ``new``."""
    for table, rows in old.tables.items():
        key = _key(table)
        after = {_row_key(row, key) for row in new.tables.get(table, [])}
        if any(_row_key(row, key) not in after for row in rows):
            return True
    return False


def _partnership_names(packages: list[Checked]) -> dict[str, str]:
    for package in packages:
        if package.source.kind.name == "partnerships":
            return {row["id"]: row["name"] for row in package.tables.get("partnerships", [])}
    return {}


def _package_changes(old: Checked, new: Checked, names: dict[str, str]) -> list[str]:
    lines = []
    for table in sorted(set(old.tables) | set(new.tables)):
        key = _key(table)
        before = {_row_key(r, key): r for r in old.tables.get(table, [])}
        after = {_row_key(r, key): r for r in new.tables.get(table, [])}
        place = f"{new.source.label}/{table}.csv"
        for row_key in sorted(set(after) - set(before), key=str):
            lines.append(f"{_describe(new, table, after[row_key], names, place)}: added.")
        for row_key in sorted(set(before) - set(after), key=str):
            lines.append(f"{_describe(old, table, before[row_key], names, place)}: removed.")
        for row_key in sorted(set(before) & set(after), key=str):
            changed = _fields(table, before[row_key], after[row_key])
            if changed:
                lines.append(f"{_describe(new, table, after[row_key], names, place)}: {changed}")
    return lines


def _key(table: str) -> list[str]:
    descriptor = schema_descriptor(table)
    key = descriptor.get("primaryKey")
    if key:
        return key if isinstance(key, list) else [key]
    return [f["name"] for f in descriptor["fields"][:2]]


def _row_key(row: dict, key: list[str]) -> tuple:
    return tuple(str(row.get(name)) for name in key)


def _fields(table: str, before: dict, after: dict) -> str:
    parts = []
    for name in after:
        if name.startswith("_") or before.get(name) == after.get(name):
            continue
        old, new = _shown(table, name, before.get(name)), _shown(table, name, after.get(name))
        parts.append(f"{name} {old} → {new}")
    return "; ".join(parts)


def _shown(table: str, name: str, value) -> str:
    if value is None:
        return "(empty)"
    if table in ("amounts", "totals", "grants") and name in ("amount", "source_difference"):
        return money(float(value))
    return str(value)


def _describe(package: Checked, table: str, row: dict, names: dict[str, str], place: str) -> str:
    partnership = names.get(package.source.partnership or "", "")
    if table == "amounts":
        return f"{partnership} funding {financial_year(row['year'])}, {row['title']}"
    if table == "priorities":
        plan = f"{partnership} plan {package.source.version}"
        return f"{plan}, priority {row['number']} ({row['title']})"
    if table == "actions":
        return f"{partnership} plan {package.source.version}, {row['kind']} {row['id']}"
    if table == "recommendations":
        return f"{partnership} recommendation {row['id']}"
    return f"{place}, {', '.join(str(row.get(k)) for k in _key(table))}"
