"""``portalgen new``: start a package or add rows from what is already there, so an editor
never starts from a blank file and never meets a dead end. Each command creates whatever
package it needs, fills in what is known (names, not ids; the plan period from its
version; a partnership's kind from its councils' ONS codes), raises the version of each
package it changes with a ``changes:`` entry, and writes "To be written" where the editor
must fill something in: validation fails until every one is replaced."""

from __future__ import annotations

from pathlib import Path

from .data.checks import COUNCIL_TIERS
from .data.contract import DATE_PATTERN, ID_PATTERN, MAX_ID_LENGTH, VERSION_PATTERN
from .data.placeholders import TO_WRITE
from .data.problems import visible
from .scaffold_files import (
    ScaffoldError,
    add_resource,
    block,
    new_package,
    record_change,
    rows,
    write_rows,
)

__all__ = ["ScaffoldError", "TO_WRITE"]

TIERS = COUNCIL_TIERS
KINDS = {
    "unitary": "unitary CSP",
    "metropolitan borough": "unitary CSP",
    "London borough": "unitary CSP",
    "district": "district CSP",
    "county": "county strategy group",
}
"""A partnership's kind from the tier of the councils it covers."""
VOCABULARY_COLUMNS = "id,name,tier,abolished"


IDS = ("partnership", "id", "vintage", "body", "meeting", "reports_to", "organisation", "parent")
"""Arguments of ``portalgen new`` that are ids: each becomes part of a folder name, a file
name or a web address, so each is checked before anything is written."""
YEARS = ("version", "to", "year")
DATES = ("date",)


def check_arguments(values: dict) -> None:
    """Refuse an id, year or date that is not one (``../../x``), before anything is written."""
    for name, value in values.items():
        if value is None:
            continue
        shown = visible(value)
        if name in IDS and not _is_id(value):
            raise ScaffoldError(
                f'"{shown}" is not an id. Write it in lower-case letters and digits, words '
                f"joined by single hyphens (for example north-worcestershire), at most "
                f"{MAX_ID_LENGTH} characters: it becomes part of folder names and web addresses."
            )
        if name in YEARS and not VERSION_PATTERN.fullmatch(value):
            raise ScaffoldError(f'"{shown}" is not a financial year: write it as 2015-16.')
        if name in DATES and not DATE_PATTERN.fullmatch(value):
            raise ScaffoldError(
                f'"{shown}" is not a date: write it as YYYY-MM-DD, e.g. 2014-03-27.'
            )


def _is_id(value: str) -> bool:
    return ID_PATTERN.fullmatch(value) is not None and len(value) <= MAX_ID_LENGTH


def _partnership(data: Path, partnership: str) -> dict:
    found = [r for r in rows(data / "partnerships" / "partnerships.csv") if r["id"] == partnership]
    if not found:
        raise ScaffoldError(
            f'data/partnerships/partnerships.csv has no partnership "{partnership}". Add it '
            f'first: portalgen new partnership {partnership} "<its name>" <ONS code of each '
            "council it covers, separated by ;>"
        )
    return found[0]


def _label(path: Path) -> str:
    return path.as_posix()


# Partnerships and councils


def tier_of(code: str) -> str:
    tier = TIERS.get(code[:3])
    if tier is None:
        raise ScaffoldError(
            f'"{code}" is not the ONS code of an English council: it starts E06 (unitary), '
            "E07 (district), E08 (metropolitan borough), E09 (London borough) or E10 (county)."
        )
    return tier


def kind_of(codes: list[str]) -> str:
    """County strategy group if it covers a county, district CSP if only districts, else a
    unitary CSP (one council, one partnership)."""
    tiers = {tier_of(code) for code in codes}
    if "county" in tiers:
        return KINDS["county"]
    return KINDS["district"] if tiers == {"district"} else KINDS["unitary"]


def new_partnership(
    data: Path,
    partnership: str,
    name: str,
    areas: str,
    council: str | None = None,
    tier: str | None = None,
    kind: str | None = None,
    parent: str | None = None,
) -> list[Path]:
    """A partnership row; a council missing from the vocabulary is added when its name is
    given, and the exact row to add is named when it is not."""
    codes = [code.strip() for code in areas.split(";") if code.strip()]
    written = _add_councils(data, codes, council, tier)
    row = {
        "id": partnership,
        "name": name,
        "kind": kind or kind_of(codes),
        "local_authorities": ";".join(codes),
        "parent": parent or "",
        "summary": TO_WRITE,
    }
    written += _append(data / "partnerships", "partnerships", "partnership", row)
    written.append(record_change(data / "partnerships", f"Added {name}."))
    return written


def _add_councils(data: Path, codes: list[str], council, tier) -> list[Path]:
    folder = data / "vocabulary"
    path = folder / "local-authorities.csv"
    known = {row["id"] for row in rows(path)}
    missing = [code for code in codes if code not in known]
    if not missing:
        return []
    if council is None or len(missing) > 1:
        raise ScaffoldError(_missing_council(missing[0], tier))
    row = {"id": missing[0], "name": council, "tier": tier or tier_of(missing[0])}
    write_rows(path, "local-authorities", [*rows(path), row])
    return [path, record_change(folder, f"Added {council} ({missing[0]}).")]


def _missing_council(code: str, tier: str | None) -> str:
    tier = tier or tier_of(code)
    return (
        f"{code} is not in data/vocabulary/local-authorities.csv. Give the council's name "
        f'with --council "<its name>" (its tier, {tier}, comes from the code), or add this '
        f"row to data/vocabulary/local-authorities.csv (columns {VOCABULARY_COLUMNS}): "
        f"{code},<its name>,{tier},"
    )


# Packages


def new_plan(data: Path, partnership: str, version: str, to: str | None = None) -> list[Path]:
    """A draft plan version; its priorities are copied from the latest plan, statuses
    cleared, so they can be kept, reworded or removed. It runs as long as the latest plan
    did (one year if there is none) unless ``to`` says otherwise."""
    name = _partnership(data, partnership)["name"]
    folder = data / partnership / "plans" / version
    if folder.exists():
        raise ScaffoldError(f"{_label(folder)} already exists.")
    earlier = sorted(p for p in (data / partnership / "plans").glob("*") if p.is_dir())
    values = {
        "title": None,
        "period_from": version,
        "period_to": to or _period_to(version, earlier),
        "status": "draft",
        "adopted": "",
        "summary": None,
        "source_title": None,
    }
    comment = (
        f"# {name}: the plan from {version}, a draft. Fill in each {TO_WRITE!r}: the plan's\n"
        "# title as published, a plain-English summary for residents and the document it\n"
        "# comes from. Check period_to (the last year it covers). When the partnership adopts\n"
        "# it, write status: adopted and the date as adopted: YYYY-MM-DD.\n"
    )
    path = new_package(
        folder,
        f"{partnership}-plan-{version}",
        f"{name}: plan from {version}",
        block("plan", values),
        ["priorities", "actions"],
        comment,
    )
    priorities = rows(earlier[-1] / "priorities.csv") if earlier else []
    for row in priorities:
        row["status"], row["status_date"] = "", ""
    write_rows(folder / "priorities.csv", "priorities", priorities)
    return [path, folder / "priorities.csv", folder / "actions.csv"]


def _period_to(version: str, earlier: list[Path]) -> str:
    span = 0
    if earlier:
        text = (earlier[-1] / "datapackage.yaml").read_text("utf-8")
        span = _year(_value(text, "period_to") or "") - _year(_value(text, "period_from") or "")
    first = _year(version) + max(span, 0)
    return f"{first}-{(first + 1) % 100:02d}"


def _value(text: str, key: str) -> str | None:
    for line in text.splitlines():
        if line.strip().startswith(f"{key}:"):
            return line.split(":", 1)[1].strip().strip("\"'")
    return None


def _year(text: str) -> int:
    return int(text[:4]) if text[:4].isdigit() else 0


def new_governance(data: Path, partnership: str) -> list[Path]:
    name = _partnership(data, partnership)["name"]
    folder = data / partnership / "governance"
    comment = (
        f"# {name}: how it is run. Fill in each {TO_WRITE!r}, then add its boards and\n"
        "# groups with portalgen new body, and their meetings with portalgen new meeting.\n"
    )
    values = {"summary": None, "source_title": None}
    return [
        new_package(
            folder,
            f"{partnership}-governance",
            f"{name}: governance",
            block("governance", values),
            ["bodies"],
            comment,
        ),
        folder / "bodies.csv",
    ]


def new_performance(data: Path, partnership: str) -> list[Path]:
    name = _partnership(data, partnership)["name"]
    folder = data / partnership / "performance"
    comment = (
        f"# {name}: the figures it reports to show whether its work is working.\n"
        "# indicators.csv says what is measured; observations.csv holds the figures,\n"
        "# oldest first.\n"
    )
    path = new_package(
        folder,
        f"{partnership}-performance",
        f"{name}: performance",
        "",
        ["indicators", "observations"],
        comment,
    )
    return [path, folder / "indicators.csv", folder / "observations.csv"]


def new_funding(data: Path, partnership: str) -> list[Path]:
    name = _partnership(data, partnership)["name"]
    folder = data / partnership / "funding"
    comment = (
        f"# {name}: its money. Fill in each {TO_WRITE!r}; add one row to amounts.csv per\n"
        "# line per year; start each later year with portalgen new year.\n"
    )
    values = {"summary": None, "source_title": None}
    path = new_package(
        folder,
        f"{partnership}-funding",
        f"{name}: funding",
        block("funding", values),
        ["amounts"],
        comment,
    )
    return [path, folder / "amounts.csv"]


def new_areas(data: Path, partnership: str, vintage: str, kind: str = "ward") -> list[Path]:
    name = _partnership(data, partnership)["name"]
    folder = data / partnership / "areas" / vintage
    comment = (
        f"# {name}: one set of {kind} boundaries. Fill in each {TO_WRITE!r}; list each area\n"
        "# in areas.csv (ONS code, name, council) and put its shape, with the same code, in\n"
        "# boundaries.geojson.\n"
    )
    values = {
        "title": None,
        "kind": kind,
        "vintage": None,
        "source_title": None,
        "attribution": None,
    }
    path = new_package(
        folder,
        f"{partnership}-areas-{vintage}",
        f"{name}: {kind}s ({vintage})",
        block("areas", values),
        ["areas"],
        comment,
    )
    shapes = folder / "boundaries.geojson"
    shapes.write_text('{"type": "FeatureCollection", "features": []}\n', "utf-8")
    return [path, folder / "areas.csv", shapes]


# Rows


def _governance(data: Path, partnership: str, table: str) -> tuple[Path, list[Path]]:
    """The partnership's governance folder, made (and ``table`` listed) if need be."""
    folder = data / partnership / "governance"
    written = [] if folder.is_dir() else new_governance(data, partnership)
    return folder, written + add_resource(folder, table)


def new_body(
    data: Path,
    partnership: str,
    body: str,
    name: str,
    kind: str | None = None,
    reports_to: str | None = None,
    organisation: str | None = None,
) -> list[Path]:
    _partnership(data, partnership)
    folder, written = _governance(data, partnership, "bodies")
    row = {
        "id": body,
        "name": name,
        "kind": kind or TO_WRITE,
        "reports_to": reports_to or "",
        "organisation": organisation or "",
        "stage": "in place",
        "summary": TO_WRITE,
    }
    written += _append(folder, "bodies", "body", row)
    written.append(record_change(folder, f"Added the {name}."))
    return written


def new_meeting(data: Path, partnership: str, date: str, body: str) -> list[Path]:
    _partnership(data, partnership)
    folder, written = _governance(data, partnership, "meetings")
    bodies = {row["id"]: row["name"] for row in rows(folder / "bodies.csv")}
    if body not in bodies:
        raise ScaffoldError(
            f'{_label(folder / "bodies.csv")} has no body "{body}". Add it first: portalgen '
            f'new body {partnership} {body} "<its name>" --kind "<its kind>"'
        )
    row = {
        "id": f"{date}-{body}",
        "date": date,
        "body": body,
        "statutory_annual": TO_WRITE,
        "title": TO_WRITE,
        "summary": TO_WRITE,
    }
    written += _append(folder, "meetings", "meeting", row)
    written.append(record_change(folder, f"Added the {bodies[body]} meeting of {date}."))
    return written


def new_recommendation(
    data: Path,
    partnership: str,
    meeting: str,
    recommendation: str,
    number: str | None = None,
    kind: str = "recommendation",
    status: str = "proposed",
) -> list[Path]:
    """A recommendation made at ``meeting``, with the first line of its history: its
    status on the day of the meeting."""
    _partnership(data, partnership)
    folder, written = _governance(data, partnership, "recommendations")
    written += add_resource(folder, "recommendation-history")
    dates = {row["id"]: row["date"] for row in rows(folder / "meetings.csv")}
    if meeting not in dates:
        raise ScaffoldError(
            f'{_label(folder / "meetings.csv")} has no meeting "{meeting}". Add it first: '
            f"portalgen new meeting {partnership} <date, YYYY-MM-DD> <id of the body that met>"
        )
    row = {
        "id": recommendation,
        "meeting": meeting,
        "number": number or "",
        "kind": kind,
        "text": TO_WRITE,
    }
    written += _append(folder, "recommendations", kind, row)
    history = folder / "recommendation-history.csv"
    step = {"recommendation": recommendation, "date": dates[meeting], "status": status}
    write_rows(history, "recommendation-history", [*rows(history), step])
    written.append(history)
    written.append(record_change(folder, f"Added {kind} {number or recommendation}."))
    return written


def new_year(data: Path, partnership: str, year: str) -> list[Path]:
    """The next year's funding rows: every line of the latest year, amount TBC (never 0)."""
    _partnership(data, partnership)
    folder = data / partnership / "funding"
    written = [] if folder.is_dir() else new_funding(data, partnership)
    written += _add_year(data, year)
    path = folder / "amounts.csv"
    found = rows(path)
    if any(row["year"] == year for row in found):
        raise ScaffoldError(f"{_label(path)} already has rows for {year}.")
    if found:
        latest = max(row["year"] for row in found)
        for row in [r for r in found if r["year"] == latest]:
            found.append({**row, "year": year, "amount": "", "status": "tbc", "note": ""})
        write_rows(path, "amounts", found)
        written.append(record_change(folder, f"Added {year}, every amount to be confirmed."))
    return [*dict.fromkeys([*written, path])]


def _add_year(data: Path, year: str) -> list[Path]:
    """The financial year in the vocabulary, if it is not there yet."""
    folder = data / "vocabulary"
    path = folder / "financial-years.csv"
    found = rows(path)
    if any(row["id"] == year for row in found):
        return []
    first = _year(year)
    if not first or year != f"{first}-{(first + 1) % 100:02d}":
        raise ScaffoldError(f'"{year}" is not a financial year: write it as 2013-14.')
    row = {"id": year, "start": f"{first}-04-01", "end": f"{first + 1}-03-31"}
    write_rows(path, "financial-years", sorted([*found, row], key=lambda r: r["id"]))
    return [path, record_change(folder, f"Added the financial year {year}.")]


def _append(package: Path, table: str, what: str, row: dict) -> list[Path]:
    """Add ``row`` (columns not given are left empty) to ``<package>/<table>.csv``, unless
    its id is taken."""
    path = package / f"{table}.csv"
    found = rows(path)
    if any(existing["id"] == row["id"] for existing in found):
        raise ScaffoldError(f"{_label(path)} already has a {what} {row['id']}.")
    write_rows(path, table, [*found, row])
    return [path]
