"""“Cite this page”: a permalink and a citation a councillor can paste into a paper.

The citation names what the permalink opens, in words: the site, the partnership, the plan or
body the page belongs to, the page's title in full, how old its facts are, the full address and
the day the reader saw it, which only the reader's browser knows (``accessed`` is filled in by
``copy.js``; the build writes a placeholder). Ids stay in the address::

    Community Safety Partnerships portal, Haringey Community Safety Partnership, Community
    Safety Strategy 2013-2017, “Priority 3: …”, facts as reported on 27 March 2014.
    https://…/priorities/p3/ (accessed [the date you read it]).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.formats import NOT_STATED

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
    parts = [site_name] if site_name else []
    parts += [partnership.name] if partnership is not None else []
    parts += names_in(page)
    parts.append(f"“{page.full_title or page.title}”")
    parts.append(as_at(page))
    return Citation(link, f"{', '.join(parts)}. {link}")


def as_at(page) -> str:
    """How old the page's facts are: the day they were reported where the data says so, else
    the day its data last changed on the portal."""
    reported = getattr(page, "reported", None)
    if reported is not None and reported.date is not None:
        return f"{reported.lead.lower()} {_day(reported.date)}"
    return f"data as at {_day(page.updated) if page.updated else NOT_STATED}"


def _day(value) -> str:
    return f"{value.day} {value:%B %Y}"


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
        if name and name not in (page.full_title or page.title):
            names.append(name)
    return names
