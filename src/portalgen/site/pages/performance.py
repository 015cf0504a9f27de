"""A performance page per partnership: every indicator, where it stands, by priority."""

from __future__ import annotations

from ...data import datafiles
from ...model.portal import Partnership, Portal
from .. import urls
from ..downloads import csv_text
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(p) for p in portal.partnerships if p.indicators]


def page(partnership: Partnership) -> Page:
    groups: list[tuple] = []
    for indicator in partnership.indicators:
        if not groups or groups[-1][0] is not indicator.priority:
            groups.append((indicator.priority, []))
        groups[-1][1].append(indicator)
    return Page(
        urls.performance(partnership),
        f"Performance: {partnership.name}",
        "performance",
        {"partnership": partnership, "groups": groups},
        key=partnership.id,
        description=f"The figures {partnership.name} reports, and whether they are on track.",
        sources=[datafiles.performance(partnership.id)],
        downloads={"indicators.csv": observations_csv(partnership)},
    )


def observations_csv(partnership: Partnership, indicators=None) -> str:
    header = [
        "indicator",
        "title",
        "unit",
        "direction",
        "period",
        "value",
        "baseline",
        "target",
        "target_text",
        "status",
        "status_date",
        "note",
    ]
    rows = [
        [
            i.id,
            i.title,
            i.unit,
            i.direction,
            o.period,
            o.value,
            o.baseline,
            o.target,
            o.target_text,
            o.status.id if o.status else None,
            o.status_date,
            o.note,
        ]
        for i in (indicators or partnership.indicators)
        for o in i.observations
    ]
    return csv_text(header, rows)
