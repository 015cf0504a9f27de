"""A page per ward or small area, at an address made from its ONS code (/wards/E05000266/)."""

from __future__ import annotations

from ...data import datafiles
from .. import urls
from ...model.areas import Area
from ...model.portal import Portal
from .page import Page


def pages(portal: Portal) -> list[Page]:
    councils = _by_council(portal)
    return [
        page(area, councils)
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


def page(area: Area, councils: dict[str, list]) -> Page:
    """The area's page; ``councils`` are the partnerships by local authority (``_by_council``)."""
    area_set = area.area_set
    covering = councils.get(area.local_authority, [])
    return Page(
        urls.area(area),
        f"{area.name} ({area.kind}, {area.code})",
        "area",
        {
            "area": area,
            "area_set": area_set,
            "figures": figures(area),
            "partnerships": covering,
            "priorities": naming(area, covering),
        },
        key=area.code,
        sources=[
            datafiles.areas(area_set.partnership.id, area_set.id),
            datafiles.ward_figures(area_set.partnership.id),
        ],
        description=f"Figures for {area.name} over time, and the partnerships that cover it.",
        search_boost=0.5,
    )


def figures(area: Area) -> list[dict]:
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


def naming(area: Area, covering: list) -> list:
    """Priorities, in plans of the partnerships covering it, whose text names the area."""
    name = area.name.casefold()
    found = []
    for partnership in covering:
        for plan in partnership.plans:
            for priority in plan.priorities:
                texts = [priority.title, priority.summary or ""]
                texts += [action.title for action in priority.actions]
                if any(name in text.casefold() for text in texts):
                    found.append(priority)
    return found
