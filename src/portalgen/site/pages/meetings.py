"""A list of each partnership's meetings, newest first, with the statutory annual one marked."""

from __future__ import annotations

from ...data import datafiles
from ...model.portal import Partnership, Portal
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(p) for p in portal.partnerships if p.governance and p.governance.meetings]


def page(partnership: Partnership) -> Page:
    return Page(
        urls.meetings(partnership),
        f"Meetings of {partnership.name}",
        "meetings",
        {"partnership": partnership, "meetings": partnership.governance.meetings},
        key=partnership.id,
        description=f"Meetings, papers and decisions of {partnership.name}.",
        sources=[datafiles.governance(partnership.id)],
    )
