"""Find your area: every ward, small area, council and partnership A to Z, at /places/.

The home page's search box sends a reader without JavaScript here; with JavaScript it
matches the same places (``site/places.py``) as the reader types.
"""

from __future__ import annotations

from ...data import datafiles
from ...model.portal import Portal
from .. import places
from .page import Page

ADDRESS = "places/"


def pages(portal: Portal) -> list[Page]:
    return [page(portal)]


def page(portal: Portal) -> Page:
    return Page(
        ADDRESS,
        "Find your area",
        "places",
        {"letters": places.by_letter(portal)},
        sources=[datafiles.areas(p.id, s.id) for p in portal.partnerships for s in p.area_sets],
        description="Every ward, small area, council and partnership on the portal, A to Z.",
        search_boost=2,
    )
