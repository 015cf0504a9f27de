"""Turn a partnership's validated governance package and terms versions into the model."""

from __future__ import annotations

import datetime as dt

from ..data.checked import Checked, Row
from .governance import (
    Body,
    Clause,
    Governance,
    Meeting,
    Member,
    Paper,
    Post,
    Recommendation,
    StatusChange,
    Terms,
    Tie,
)
from .portal import Portal, Source


def build_governance(package: Checked, terms: list[Checked], portal: Portal) -> Governance:
    meta = package.metadata
    governance = Governance(meta["summary"], _source(meta), meta.get("staffing_note"))
    tables = package.tables
    bodies = {row["id"]: _body(row, portal) for row in tables["bodies"]}
    for row in tables["bodies"]:
        if row.get("reports_to"):
            bodies[row["id"]].parent = bodies[row["reports_to"]]
            bodies[row["reports_to"]].children.append(bodies[row["id"]])
    for row in tables.get("ties", []):
        target = bodies.get(row["target"]) or portal.organisations[row["target"]]
        bodies[row["body"]].ties.append(Tie(row["relation"], target, row.get("note")))
    for version in sorted(terms, key=lambda p: p.source.version):
        _add_terms(bodies[version.source.body], version, portal)
    governance.bodies = list(bodies.values())
    governance.meetings = _meetings(tables, bodies)
    governance.recommendations = _recommendations(tables, governance.meetings, portal)
    governance.staffing = [_post(row) for row in tables.get("staffing", [])]
    return governance


def _source(meta: dict) -> Source:
    return Source(meta["source_title"], meta.get("source_date"), meta.get("source_url"))


def _organisation(value: str | None, portal: Portal):
    return portal.organisations[value] if value else None


def _body(row: Row, portal: Portal) -> Body:
    return Body(
        row["id"],
        row["name"],
        row["kind"],
        row["stage"],
        row["summary"],
        _organisation(row.get("organisation"), portal),
    )


def _add_terms(body: Body, package: Checked, portal: Portal) -> None:
    meta = package.metadata
    terms = Terms(
        dt.date.fromisoformat(package.source.version),
        meta["title"],
        portal.statuses["plan"][meta["status"]],
        meta.get("effective_to"),
        meta.get("chair"),
        meta.get("chair_selection"),
        meta.get("meeting_frequency"),
        meta.get("quorum"),
        meta.get("review"),
        _source(meta),
        [Clause(row["section"], row["text"]) for row in package.tables["clauses"]],
        [_member(row, portal) for row in package.tables["members"]],
        body,
    )
    if body.terms:
        terms.previous, body.terms[-1].next = body.terms[-1], terms
    body.terms.append(terms)


def _member(row: Row, portal: Portal) -> Member:
    return Member(
        _organisation(row.get("organisation"), portal),
        row["role"],
        row.get("statutory"),
        row.get("voting"),
        row.get("note"),
    )


def _meetings(tables: dict, bodies: dict[str, Body]) -> list[Meeting]:
    meetings = {}
    for row in tables.get("meetings", []):
        body = bodies[row["body"]]
        meetings[row["id"]] = Meeting(
            row["id"],
            row["date"],
            body,
            row.get("public"),
            row["statutory_annual"],
            row["title"],
            row["summary"],
            row.get("decisions"),
        )
        body.meetings.append(meetings[row["id"]])
    for row in tables.get("papers", []):
        meetings[row["meeting"]].papers.append(Paper(row["title"], row.get("url")))
    return sorted(meetings.values(), key=lambda m: (m.date, m.id), reverse=True)


def _recommendations(tables: dict, meetings: list[Meeting], portal: Portal) -> list[Recommendation]:
    by_id = {meeting.id: meeting for meeting in meetings}
    items = {}
    for row in tables.get("recommendations", []):
        meeting = by_id[row["meeting"]]
        items[row["id"]] = Recommendation(
            row["id"],
            row.get("number"),
            row["kind"],
            row["text"],
            _organisation(row.get("owner"), portal),
            row.get("owner_role"),
            row.get("due"),
            meeting,
        )
        meeting.recommendations.append(items[row["id"]])
    scheme = portal.statuses["recommendation"]
    for row in tables.get("recommendation-history", []):
        change = StatusChange(row["date"], scheme[row["status"]], row.get("note"))
        items[row["recommendation"]].history.append(change)
    return list(items.values())


def _post(row: Row) -> Post:
    wte = row.get("wte")
    return Post(
        row["profile"],
        row["team"],
        row["post"],
        None if wte is None else float(wte),
        row.get("posts"),
        row["vulnerable"],
        row.get("note"),
    )
