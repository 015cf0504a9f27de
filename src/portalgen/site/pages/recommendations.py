"""A tracker per partnership: every recommendation and action, grouped by where it stands."""

from __future__ import annotations

from ...data import datafiles
from ...model import timing
from ...model.governance import OPEN_STATUSES
from ...model.portal import Partnership, Portal
from .. import urls
from .page import Page

CLOSED_STATUSES = ("done", "dropped")


def pages(portal: Portal) -> list[Page]:
    return [
        page(p, portal)
        for p in portal.partnerships
        if p.governance and p.governance.recommendations
    ]


def page(partnership: Partnership, portal: Portal) -> Page:
    items = partnership.governance.recommendations
    statuses = portal.statuses["recommendation"]
    groups = [
        (statuses[status], [item for item in items if item.status.status.id == status])
        for status in (*OPEN_STATUSES, *CLOSED_STATUSES)
        if status in statuses
    ]
    return Page(
        urls.recommendations(partnership),
        f"Recommendations and actions: {partnership.name}",
        "recommendations",
        {
            "partnership": partnership,
            "open_groups": [g for g in groups if g[0].id in OPEN_STATUSES],
            "closed_groups": [g for g in groups if g[0].id not in OPEN_STATUSES],
            "open_count": sum(item.is_open for item in items),
            "closed_count": sum(not item.is_open for item in items),
            "tally": timing.tally(items),
        },
        key=partnership.id,
        description=f"What {partnership.name} has been asked to do, and what happened.",
        sources=[datafiles.governance(partnership.id)],
    )
