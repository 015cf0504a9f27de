"""“Cite this page”: a permalink and a short citation a councillor can paste into a paper.

The item's ids are read from its address, which is made of ids only, so the citation names
exactly what the permalink opens: ``Haringey Community Safety Partnership, "…" (plan
2013-14, priority p3), last updated 23 November 2026. https://…/priorities/p3/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.formats import NOT_STATED

FOLDERS = {
    "plans": "plan",
    "priorities": "priority",
    "bodies": "body",
    "terms": "terms of reference",
    "meetings": "meeting",
    "recommendations": "recommendation",
    "indicators": "indicator",
    "funding": "funding year",
    "maps": "map",
    "wards": "ward",
    "small-areas": "small area",
}
"""Folders in an address followed by an id, and what that id names."""


@dataclass(frozen=True)
class Citation:
    permalink: str
    text: str


def cite(page, partnership, site_url: str | None) -> Citation:
    """The permalink (absolute when the site's address is known) and citation of ``page``."""
    link = permalink(page.address, site_url)
    ids = ", ".join(ids_in(page.address))
    parts = [partnership.name] if partnership is not None else []
    parts.append(f"“{page.title}”" + (f" ({ids})" if ids else ""))
    updated = f"{page.updated.day} {page.updated:%B %Y}" if page.updated else NOT_STATED
    parts.append(f"last updated {updated}")
    return Citation(link, f"{', '.join(parts)}. {link}")


def permalink(address: str, site_url: str | None) -> str:
    """The page's address, absolute when the site's address is known."""
    return f"{(site_url or '').rstrip('/')}/{address}"


def ids_in(address: str) -> list[str]:
    """``plans/2013-14/priorities/p3/`` → ``plan 2013-14``, ``priority p3``."""
    parts = address.strip("/").split("/")
    return [
        f"{FOLDERS[folder]} {item}"
        for folder, item in zip(parts, parts[1:], strict=False)
        if folder in FOLDERS and item not in FOLDERS
    ]
