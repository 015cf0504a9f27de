"""The files ``portalgen new`` writes and edits: CSV rows, a new package's
``datapackage.yaml``, and the ``version`` and ``changes:`` entry of a package it changes.
Descriptors are edited as text, so an editor's comments in them stay where they were."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from pathlib import Path

from .data.contract import field_names
from .data.placeholders import TO_WRITE

LICENCE = """\
licenses:
  - name: OGL-UK-3.0
    title: Open Government Licence v3.0
    path: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/
"""
DESCRIPTOR = "datapackage.yaml"


class ScaffoldError(Exception):
    """What the editor asked for cannot be made, said in plain English."""


def today() -> dt.date:
    """The day of the change: ``SOURCE_DATE_EPOCH`` when set (so tests repeat), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def write_rows(path: Path, table: str, found: list[dict]) -> None:
    """``found`` under the header of ``table``'s schema (columns not given left empty)."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out, field_names(table), restval="", lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(found)
    path.write_text(out.getvalue(), "utf-8")


def new_package(
    folder: Path, name: str, title: str, block: str, resources: list[str], comment: str
) -> Path:
    """A package's ``datapackage.yaml`` at version 1.0.0, and an empty CSV (its header
    only) for each resource."""
    if (folder / DESCRIPTOR).exists():
        raise ScaffoldError(f"{folder.as_posix()}/{DESCRIPTOR} already exists.")
    folder.mkdir(parents=True, exist_ok=True)
    listed = "".join(f"  - name: {r}\n    path: {r}.csv\n" for r in resources)
    text = (
        f"{comment}name: {name}\nversion: 1.0.0\nchanges:\n  - version: 1.0.0\n"
        f"    date: {today().isoformat()}\n    summary: First published on the portal.\n"
        f'title: "{title}"\n{block}{LICENCE}resources:\n{listed}'
    )
    (folder / DESCRIPTOR).write_text(text, "utf-8")
    for resource in resources:
        write_rows(folder / f"{resource}.csv", resource, [])
    return folder / DESCRIPTOR


def add_resource(folder: Path, name: str) -> list[Path]:
    """List ``name`` among the package's resources (with an empty CSV), if it is not."""
    path = folder / DESCRIPTOR
    text = path.read_text("utf-8")
    if re.search(rf"^\s*-\s*name:\s*{re.escape(name)}\s*$", text, re.MULTILINE):
        return []
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("resources:"))
    end = start + 1
    while end < len(lines) and lines[end][:1] in (" ", "-", "\t"):
        end += 1
    lines.insert(end, f"  - name: {name}\n    path: {name}.csv\n")
    path.write_text("".join(lines), "utf-8")
    csv_path = folder / f"{name}.csv"
    if not csv_path.exists():
        write_rows(csv_path, name, [])
    return [path, csv_path]


def record_change(folder: Path, summary: str) -> Path:
    """Raise the package's version (the second number: rows were added) and say why, in a
    new first entry of ``changes:``."""
    path = folder / DESCRIPTOR
    text = path.read_text("utf-8")
    found = re.search(r"^version:\s*['\"]?(\d+)\.(\d+)\.(\d+)['\"]?\s*$", text, re.MULTILINE)
    if not found:
        raise ScaffoldError(f"{path.as_posix()} has no version line such as: version: 1.0.0")
    major, minor = int(found.group(1)), int(found.group(2)) + 1
    version = f"{major}.{minor}.0"
    entry = f"  - version: {version}\n    date: {today().isoformat()}\n    summary: {summary}\n"
    text = text[: found.start()] + f"version: {version}" + text[found.end() :]
    if re.search(r"^changes:\s*$", text, re.MULTILINE):
        text = re.sub(r"^changes:\s*\n", lambda m: m.group(0) + entry, text, count=1, flags=re.M)
    else:
        text = re.sub(
            r"^version: .*\n",
            lambda m: m.group(0) + "changes:\n" + entry,
            text,
            count=1,
            flags=re.M,
        )
    path.write_text(text, "utf-8")
    return path


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def block(key: str, values: dict[str, str | None]) -> str:
    """A descriptor block such as ``plan:``; a value of None is the placeholder, an empty
    one is left for the editor to fill in later (such as the date a plan is adopted)."""
    lines = [f"{key}:\n"]
    for name, value in values.items():
        written = TO_WRITE if value is None else quoted(value) if value else ""
        lines.append(f"  {name}: {written}".rstrip() + "\n")
    return "".join(lines)
