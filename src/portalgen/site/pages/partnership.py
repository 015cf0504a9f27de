"""A home page per partnership: who it is, what it covers, its latest published priorities.
It is dated by everything of the partnership's, so it says when the partnership was added to
the portal and when anything of it last changed."""

from __future__ import annotations

from ...data import datafiles
from ...model.portal import Partnership, Portal
from .. import urls
from .governance import annual_meeting
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(partnership, portal) for partnership in portal.partnerships]


def page(partnership: Partnership, portal: Portal) -> Page:
    return Page(
        urls.partnership(partnership),
        partnership.name,
        "partnership",
        {
            "partnership": partnership,
            "plan": partnership.current_plan,
            "annual": annual_meeting(partnership, portal),
        },
        key=partnership.id,
        description=partnership.summary,
        sources=[datafiles.PARTNERSHIPS, f"{partnership.id}/"],
        uses=[f"{datafiles.LOCAL_AUTHORITIES}#{area.id}" for area in partnership.local_authorities],
        codes=[(area.name, area.id) for area in partnership.local_authorities],
        search_boost=4,
    )
