"""``portalgen new``: start a package or the next year's rows from what is already there, so
an editor never starts from a blank file. Everything it writes is valid as it stands;
what the editor must fill in says "To be written", and unknown money is TBC, never 0.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .data.contract import field_names

TO_WRITE = "To be written"

PLAN_DESCRIPTOR = """\
# {title}. Fill in each "To be written": the plan's title as published, a plain-English
# summary for residents, and the document it comes from. Keep status: draft until the
# partnership adopts the plan. Each priority goes on one row of priorities.csv, and what is
# done under it on rows of actions.csv; leave a cell empty when the source does not say.
# When it is published, add "changes:" under version (see data/README.md).
name: {partnership}-plan-{version}
version: 1.0.0
title: "{title}"
plan:
  title: {to_write}
  period_from: {version}
  period_to: {version}
  status: draft
  summary: {to_write}
  source_title: {to_write}
licenses:
  - name: OGL-UK-3.0
    title: Open Government Licence v3.0
    path: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/
resources:
  - name: priorities
    path: priorities.csv
  - name: actions
    path: actions.csv
"""


class ScaffoldError(Exception):
    """What the editor asked for cannot be made, said in plain English."""


def new_plan(data: Path, partnership: str, version: str) -> list[Path]:
    """A draft plan version; its priorities are copied from the latest plan, statuses
    cleared, so they can be kept, reworded or removed."""
    folder = data / partnership / "plans" / version
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists.")
    earlier = sorted(p for p in (data / partnership / "plans").glob("*") if p.is_dir())
    folder.mkdir(parents=True)
    title = f"Plan {version} of {partnership}"
    (folder / "datapackage.yaml").write_text(
        PLAN_DESCRIPTOR.format(
            title=title, partnership=partnership, version=version, to_write=TO_WRITE
        ),
        "utf-8",
    )
    priorities = _rows(earlier[-1] / "priorities.csv") if earlier else []
    for row in priorities:
        row["status"], row["status_date"] = "", ""
    _write(folder / "priorities.csv", field_names("priorities"), priorities)
    _write(folder / "actions.csv", field_names("actions"), [])
    return [folder / "datapackage.yaml", folder / "priorities.csv", folder / "actions.csv"]


def new_year(data: Path, partnership: str, year: str) -> list[Path]:
    """The next year's funding rows: every line of the latest year, amount TBC."""
    path = data / partnership / "funding" / "amounts.csv"
    if not path.is_file():
        raise ScaffoldError(f"{path} does not exist: start the funding package first.")
    rows = _rows(path)
    if any(row["year"] == year for row in rows):
        raise ScaffoldError(f"{path} already has rows for {year}.")
    latest = max(row["year"] for row in rows)
    for row in [r for r in rows if r["year"] == latest]:
        rows.append({**row, "year": year, "amount": "", "status": "tbc", "note": ""})
    _write(path, field_names("amounts"), rows)
    return [path]


def new_meeting(data: Path, partnership: str, date: str, body: str) -> list[Path]:
    row = {
        "id": f"{date}-{body}",
        "date": date,
        "body": body,
        "statutory_annual": "no",
        "title": TO_WRITE,
        "summary": TO_WRITE,
    }
    return _append(data / partnership / "governance", "meetings", "meeting", row)


def new_body(data: Path, partnership: str, body: str, name: str) -> list[Path]:
    row = {"id": body, "name": name, "kind": "board", "stage": "in place", "summary": TO_WRITE}
    return _append(data / partnership / "governance", "bodies", "body", row)


def new_partnership(data: Path, partnership: str, name: str, areas: str) -> list[Path]:
    row = {
        "id": partnership,
        "name": name,
        "kind": "district CSP",
        "local_authorities": areas,
        "summary": TO_WRITE,
    }
    return _append(data / "partnerships", "partnerships", "partnership", row)


def _append(package: Path, table: str, what: str, row: dict) -> list[Path]:
    """Add ``row`` (columns not given are left empty) to ``<package>/<table>.csv``, unless
    its id is taken."""
    path = package / f"{table}.csv"
    if not path.is_file():
        raise ScaffoldError(f"{path} does not exist: start the {package.name} package first.")
    rows = _rows(path)
    if any(existing["id"] == row["id"] for existing in rows):
        raise ScaffoldError(f"{path} already has a {what} {row['id']}.")
    _write(path, field_names(table), [*rows, row])
    return [path]


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, restval="", lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), "utf-8")
