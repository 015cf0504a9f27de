"""A page per ward or small area, at an address made from its ONS code (/wards/E05000266/).

It answers a resident's four questions in order: what is happening here, what is being done
here, what it costs, and who decides and when (``model/place.py`` works out each answer).
"""

from __future__ import annotations

import datetime as dt

from ...data import datafiles
from ...model import place
from ...model.areas import Area
from ...model.funding import table_name
from ...model.portal import Partnership, Portal
from .. import urls
from ..sparkline import sparkline
from .page import Page


def pages(portal: Portal) -> list[Page]:
    councils = _by_council(portal)
    return [
        page(area, councils, portal.as_of)
        for partnership in portal.partnerships
        for area_set in partnership.area_sets
        for area in area_set.areas
    ]


def _by_council(portal: Portal) -> dict[str, list]:
    """Partnerships by the local authorities they cover, in portal order: looked up once per
    area, not searched (7,000 wards times 300 partnerships)."""
    found: dict[str, list] = {}
    for partnership in portal.partnerships:
        for council in dict.fromkeys(la.id for la in partnership.local_authorities):
            found.setdefault(council, []).append(partnership)
    return found


def page(area: Area, councils: dict[str, list], as_of: dt.date) -> Page:
    """The area's page; ``councils`` are the partnerships by local authority (``_by_council``)
    and ``as_of`` the day the portal is built for, which "next meeting" is counted from."""
    area_set = area.area_set
    covering = councils.get(area.local_authority, [])
    return Page(
        urls.area(area),
        f"{area.name} ({area.kind}, {area_set.boundaries})",
        "area",
        {
            "area": area,
            "area_set": area_set,
            "partnerships": covering,
            "residents": place.residents(area),
        },
        later=lambda: {
            **happening(area),
            **being_done(area, covering),
            **costs(area, covering),
            **decides(covering, as_of),
        },
        key=area.code,
        sources=_sources(area_set, covering),
        codes=[(area.name, area.code)],
        description=f"What is happening in {area.name}, what is being done, what it costs "
        "and who decides.",
        search_boost=0.5,
    )


def happening(area: Area) -> dict:
    readings = place.readings(area)
    return {
        "readings": readings,
        "trends": {r.metric.id: sparkline(r.trend, r.metric.unit) for r in readings},
        "figures": figures(area),
    }


def being_done(area: Area, covering: list[Partnership]) -> dict:
    return {"tied": place.tied(area, covering), "plans": place.current_plans(covering)}


def costs(area: Area, covering: list[Partnership]) -> dict:
    return {
        "money": place.readings(area, money=True),
        "grants": place.grants_in(area, covering),
        "spending": [s for s in map(place.latest_spending, covering) if s],
        "received": [(p, place.latest_received(p)) for p in covering if place.latest_received(p)],
        "table_name": table_name,
    }


def decides(covering: list[Partnership], as_of: dt.date) -> dict:
    return {"deciders": [place.decider(p, as_of) for p in covering], "as_of": as_of, "ago": ago}


def ago(day: dt.date, as_of: dt.date) -> str:
    """How long before (or after) ``as_of`` a day is, roughly, in words: "about 12 years"."""
    days = abs((as_of - day).days)
    for size, unit in ((365, "year"), (30, "month"), (7, "week"), (1, "day")):
        if days >= size:
            count = round(days / size) if size > 1 else days
            return f"about {count} {unit}{'s' if count != 1 else ''}"
    return "the same day"


def figures(area: Area) -> list[dict]:
    """Every figure for the area, every period: the table under the summaries."""
    rows = []
    for metric in area.area_set.metrics:
        for period in metric.periods:
            if area.code in metric.values[period]:
                rows.append(
                    {
                        "metric": metric,
                        "period": period,
                        "value": metric.values[period][area.code],
                        "rate": metric.rate(period, area.code),
                        "rank": metric.ranks(period).get(area.code),
                        "of": len(metric.values[period]),
                    }
                )
    return rows


def _sources(area_set, covering: list[Partnership]) -> list[str]:
    found = [
        datafiles.areas(area_set.partnership.id, area_set.id),
        datafiles.ward_figures(area_set.partnership.id),
    ]
    for partnership in covering:
        found += [datafiles.plan(partnership.id, plan.version) for plan in partnership.plans]
        if partnership.funding:
            found.append(datafiles.funding(partnership.id))
        if partnership.governance:
            found.append(datafiles.governance(partnership.id))
    return list(dict.fromkeys(found))
