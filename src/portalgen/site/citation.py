"""“Cite this page”: a permalink and a short citation a councillor can paste into a paper.

The citation names what the permalink opens, in words: the partnership, the plan or body the
page belongs to, and the page's title: ``Haringey Community Safety Partnership, Haringey
Community Safety Strategy 2013-2017, "Priority 3: …", last updated 23 November 2026.
https://…/priorities/p3/``. Ids stay in the address.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.formats import NOT_STATED


@dataclass(frozen=True)
class Citation:
    permalink: str
    text: str


def cite(page, partnership, site_url: str | None) -> Citation:
    """The permalink (absolute when the site's address is known) and citation of ``page``."""
    link = permalink(page.address, site_url)
    parts = [partnership.name] if partnership is not None else []
    parts += names_in(page)
    parts.append(f"“{page.title}”")
    updated = f"{page.updated.day} {page.updated:%B %Y}" if page.updated else NOT_STATED
    parts.append(f"last updated {updated}")
    return Citation(link, f"{', '.join(parts)}. {link}")


def permalink(address: str, site_url: str | None) -> str:
    """The page's address, absolute when the site's address is known."""
    return f"{(site_url or '').rstrip('/')}/{address}"


CONTAINERS = ("plan", "body")
"""Context keys of the things a page belongs to, named in its citation."""


def names_in(page) -> list[str]:
    """The names of the plan or body the page belongs to, unless the page is that thing."""
    names = []
    for key in CONTAINERS:
        item = page.context.get(key)
        name = getattr(item, "title", None) or getattr(item, "name", None)
        if name and name not in page.title:
            names.append(name)
    return names
