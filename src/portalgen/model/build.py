"""Turn validated packages (typed rows) into the model."""

from __future__ import annotations

import datetime as dt

from ..data.checked import Checked, Row
from . import timing
from .addresses import Redirect, Withdrawal
from .build_areas import build_area_set, build_metrics
from .build_funding import build_funding
from .build_governance import build_governance
from .build_performance import build_performance
from .portal import (
    Action,
    LocalAuthority,
    Organisation,
    Partnership,
    Plan,
    Portal,
    Priority,
    Progress,
    Source,
    Status,
    Term,
)


def build_portal(packages: list[Checked], as_of: dt.date | None = None) -> Portal:
    by_kind = {}
    for package in packages:
        by_kind.setdefault(package.source.kind.name, []).append(package)
    vocabulary = by_kind["vocabulary"][0].tables
    statuses: dict[str, dict[str, Status]] = {}
    for row in vocabulary["statuses"]:
        scheme = statuses.setdefault(row["scheme"], {})
        scheme[row["id"]] = Status(row["id"], row["label"], row["description"])
    organisations = {row["id"]: _organisation(row) for row in vocabulary["organisations"]}
    areas = {
        row["id"]: LocalAuthority(row["id"], row["name"], row["tier"], row.get("abolished"))
        for row in vocabulary["local-authorities"]
    }
    partnerships = _partnerships(by_kind["partnerships"][0].tables["partnerships"], areas)
    portal = Portal(partnerships, organisations, statuses, as_of=as_of or dt.date.today())
    portal.packages = sorted(packages, key=lambda p: p.source.label)
    portal.glossary = _glossary(vocabulary.get("glossary", []))
    for package in sorted(by_kind.get("plan", []), key=lambda p: p.source.version):
        partnership = portal.partnership(package.source.partnership)
        plan = _plan(package, portal)
        plan.partnership = partnership
        partnership.plans.append(plan)
    for package in by_kind.get("governance", []):
        partnership = portal.partnership(package.source.partnership)
        terms = [t for t in by_kind.get("terms", []) if t.source.partnership == partnership.id]
        partnership.governance = build_governance(package, terms, portal)
        for body in partnership.governance.bodies:
            body.partnership = partnership
    for package in by_kind.get("performance", []):
        partnership = portal.partnership(package.source.partnership)
        build_performance(package, partnership, portal)
    for package in sorted(by_kind.get("areas", []), key=lambda p: p.source.version):
        partnership = portal.partnership(package.source.partnership)
        partnership.area_sets.append(build_area_set(package, partnership))
    for package in by_kind.get("ward-figures", []):
        partnership = portal.partnership(package.source.partnership)
        partnership.metrics = build_metrics(package, partnership)
    for package in by_kind.get("funding", []):
        partnership = portal.partnership(package.source.partnership)
        partnership.funding = build_funding(package, partnership, portal)
    for package in by_kind.get("addresses", []):
        _addresses(package, portal)
    timing.mark(portal)
    return portal


def _glossary(rows) -> list[Term]:
    terms = [Term(row["term"], row.get("expansion"), row["definition"]) for row in rows]
    return sorted(terms, key=lambda term: term.term.casefold())


def _addresses(package: Checked, portal: Portal) -> None:
    portal.redirects = [
        Redirect(row["from"], row["to"], row["date"], row["reason"], row["_line"])
        for row in package.tables.get("redirects", [])
    ]
    portal.withdrawn = [
        Withdrawal(
            row["address"],
            row["title"],
            row["date"],
            row["reason"],
            row.get("see_also"),
            row["_line"],
        )
        for row in package.tables.get("withdrawn", [])
    ]


def _organisation(row: Row) -> Organisation:
    return Organisation(
        row["id"], row["name"], row["sector"], row["responsible_authority"], row.get("website")
    )


def _partnerships(rows: list[Row], areas: dict[str, LocalAuthority]) -> list[Partnership]:
    partnerships = {
        row["id"]: Partnership(
            row["id"],
            row["name"],
            row["kind"],
            [areas[code] for code in row["local_authorities"].split(";")],
            row["summary"],
            row.get("active_from"),
            row.get("active_to"),
        )
        for row in rows
    }
    for row in rows:
        partnership = partnerships[row["id"]]
        if row.get("parent"):
            partnership.parent = partnerships[row["parent"]]
            partnership.parent.children.append(partnership)
        if row.get("successor"):
            partnership.successor = partnerships[row["successor"]]
            partnership.successor.predecessors.append(partnership)
    return list(partnerships.values())


def _progress(row: Row, portal: Portal) -> Progress:
    status = portal.statuses["progress"][row["status"]] if row.get("status") else None
    return Progress(status, row.get("status_date"))


def _owner(row: Row, portal: Portal) -> Organisation | None:
    return portal.organisations.get(row["owner"]) if row.get("owner") else None


def _plan(package: Checked, portal: Portal) -> Plan:
    meta = package.metadata
    plan = Plan(
        package.source.version,
        meta["title"],
        meta["period_from"],
        meta["period_to"],
        portal.statuses["plan"][meta["status"]],
        meta.get("adopted"),
        meta["summary"],
        Source(meta["source_title"], meta.get("source_date"), meta.get("source_url")),
    )
    priorities = {row["id"]: _priority(row, portal) for row in package.tables["priorities"]}
    for row in package.tables["actions"]:
        priorities[row["priority"]].actions.append(
            Action(
                row["id"],
                row["kind"],
                row["title"],
                _owner(row, portal),
                row.get("due"),
                _progress(row, portal),
                _areas(row),
            )
        )
    plan.priorities = sorted(priorities.values(), key=lambda p: (p.number, p.id))
    for priority in plan.priorities:
        priority.plan = plan
    return plan


def _priority(row: Row, portal: Portal) -> Priority:
    return Priority(
        row["id"],
        row["number"],
        row["title"],
        row.get("summary"),
        _owner(row, portal),
        _progress(row, portal),
        _areas(row),
    )


def _areas(row: Row) -> tuple[str, ...]:
    """The codes of the ``areas`` column (which a file may leave out), in their order."""
    return tuple(code.strip() for code in (row.get("areas") or "").split(";") if code.strip())
