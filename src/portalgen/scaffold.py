"""``portalgen new``: start a package or the next year's rows from what is already there, so
an editor never starts from a blank file. Everything it writes is valid as it stands;
what the editor must fill in says "To be written", and unknown money is TBC, never 0.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .contract import field_names

TO_WRITE = "To be written"

PLAN_DESCRIPTOR = """\
# {title}. Fill in each "To be written": the plan's title as published, a plain-English
# summary for residents, and the document it comes from. Keep status: draft until the
# partnership adopts the plan. Each priority goes on one row of priorities.csv, and what is
# done under it on rows of actions.csv; leave a cell empty when the source does not say.
name: {partnership}-plan-{version}
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
    path = data / partnership / "governance" / "meetings.csv"
    if not path.is_file():
        raise ScaffoldError(f"{path} does not exist: start the governance package first.")
    rows = _rows(path)
    meeting = f"{date}-{body}"
    if any(row["id"] == meeting for row in rows):
        raise ScaffoldError(f"{path} already has a meeting {meeting}.")
    rows.append(
        {
            "id": meeting,
            "date": date,
            "body": body,
            "public": "",
            "statutory_annual": "no",
            "title": TO_WRITE,
            "summary": TO_WRITE,
            "decisions": "",
        }
    )
    _write(path, field_names("meetings"), rows)
    return [path]


def new_body(data: Path, partnership: str, body: str, name: str) -> list[Path]:
    path = data / partnership / "governance" / "bodies.csv"
    if not path.is_file():
        raise ScaffoldError(f"{path} does not exist: start the governance package first.")
    rows = _rows(path)
    if any(row["id"] == body for row in rows):
        raise ScaffoldError(f"{path} already has a body {body}.")
    rows.append(
        {
            "id": body,
            "name": name,
            "kind": "board",
            "reports_to": "",
            "organisation": "",
            "stage": "in place",
            "summary": TO_WRITE,
        }
    )
    _write(path, field_names("bodies"), rows)
    return [path]


def new_partnership(data: Path, partnership: str, name: str, areas: str) -> list[Path]:
    path = data / "partnerships" / "partnerships.csv"
    rows = _rows(path)
    if any(row["id"] == partnership for row in rows):
        raise ScaffoldError(f"{path} already has a partnership {partnership}.")
    rows.append(
        {
            "id": partnership,
            "name": name,
            "kind": "district CSP",
            "local_authorities": areas,
            "parent": "",
            "active_from": "",
            "active_to": "",
            "successor": "",
            "summary": TO_WRITE,
        }
    )
    _write(path, field_names("partnerships"), rows)
    return [path]


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), "utf-8")
