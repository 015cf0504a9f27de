"""“Cite this page”: a permalink and a citation a councillor can paste into a paper.

The item's ids are read from its address, which is made of ids only, so the citation names
exactly what the permalink opens. It carries the site's name, the page's title in full, how
old its data is, the full address and the day the reader saw it, which only the reader's
browser knows (``accessed`` is filled in by ``copy.js``; the build writes a placeholder)::

    Community Safety Partnerships portal, Haringey Community Safety Partnership, “Priority
    3: …” (plan 2013-14, priority p3), data as at 23 November 2026.
    https://…/priorities/p3/ (accessed [the date you read it]).
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


ACCESSED = "[the date you read it]"
"""What the citation says for the day it was read, until the reader's browser fills it in."""


@dataclass(frozen=True)
class Citation:
    permalink: str
    text: str
    """Everything before the accessed date: the citation is ``text`` then ``accessed``."""
    accessed: str = ACCESSED

    def __str__(self) -> str:
        return f"{self.text} (accessed {self.accessed})."


def cite(page, partnership, site_url: str | None, site_name: str = "") -> Citation:
    """The permalink (absolute when the site's address is known) and citation of ``page``."""
    link = permalink(page.address, site_url)
    ids = ", ".join(ids_in(page.address))
    parts = [site_name] if site_name else []
    parts += [partnership.name] if partnership is not None else []
    parts.append(f"“{page.full_title or page.title}”" + (f" ({ids})" if ids else ""))
    updated = f"{page.updated.day} {page.updated:%B %Y}" if page.updated else NOT_STATED
    parts.append(f"data as at {updated}")
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
