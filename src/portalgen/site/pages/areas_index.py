"""An A to Z of the wards (or small areas) of each partnership, with its maps."""

from __future__ import annotations

from ...data import datafiles
from ...model.portal import Partnership, Portal
from .. import urls
from ..places import fold
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(p) for p in portal.partnerships if p.area_sets]


def page(partnership: Partnership) -> Page:
    letters: dict[str, list] = {}
    for area_set in partnership.area_sets:
        for area in area_set.areas:
            letters.setdefault(_letter(area.name), []).append(area)
    return Page(
        urls.areas_index(partnership),
        f"Wards and areas: {partnership.name}",
        "areas_index",
        {"partnership": partnership, "letters": sorted(letters.items())},
        key=partnership.id,
        sources=[datafiles.areas(partnership.id, s.id) for s in partnership.area_sets],
        codes=[(a.name, a.code) for s in partnership.area_sets for a in s.areas],
        description=f"Every ward or small area of {partnership.name}, A to Z, and its maps.",
    )


def _letter(name: str) -> str:
    """The letter an area is listed under; "#" for a name that starts with no letter."""
    first = fold(name)[:1].upper()
    return first if first.isalpha() else "#"
