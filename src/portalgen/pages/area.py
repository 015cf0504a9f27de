"""A page per ward or small area, at an address made from its ONS code (/wards/E05000266/)."""

from __future__ import annotations

from .. import datafiles, urls
from ..areas import Area
from ..model import Portal
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [
        page(area, portal)
        for partnership in portal.partnerships
        for area_set in partnership.area_sets
        for area in area_set.areas
    ]


def page(area: Area, portal: Portal) -> Page:
    area_set = area.area_set
    return Page(
        urls.area(area),
        f"{area.name} ({area.kind}, {area.code})",
        "area",
        {
            "area": area,
            "area_set": area_set,
            "figures": figures(area),
            "partnerships": covering(area, portal),
            "priorities": naming(area, portal),
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


def covering(area: Area, portal: Portal) -> list:
    """Partnerships whose area includes the local authority the area is in."""
    return [
        p
        for p in portal.partnerships
        if any(la.id == area.local_authority for la in p.local_authorities)
    ]


def naming(area: Area, portal: Portal) -> list:
    """Priorities, in plans of the partnerships covering it, whose text names the area."""
    name = area.name.casefold()
    found = []
    for partnership in covering(area, portal):
        for plan in partnership.plans:
            for priority in plan.priorities:
                texts = [priority.title, priority.summary or ""]
                texts += [action.title for action in priority.actions]
                if any(name in text.casefold() for text in texts):
                    found.append(priority)
    return found
