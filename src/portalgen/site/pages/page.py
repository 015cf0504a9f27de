"""What every page kind produces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import urls


@dataclass
class Page:
    """A page to generate: where it lives, its title, which template, and what it receives.

    ``template`` is a page kind (``plan``); the renderer looks for ``pages/plan-<key>.md.j2``
    before ``pages/plan.md.j2`` so one page can be customised without forking the rest.
    """

    address: str
    title: str
    template: str
    context: dict = field(default_factory=dict)
    key: str = ""
    description: str = ""
    sources: list[str] = field(default_factory=list)
    """The data the page is made from, relative to the data folder (see ``datafiles``)."""
    downloads: dict[str, str] = field(default_factory=dict)
    """Files published beside the page (``spending-2011-12.csv`` → its text), such as a
    table as CSV; the page links to them by name."""
    updated: dt.date | None = None
    """When the page's data last changed (see ``history``); set for every page at once."""
    versions: list = field(default_factory=list)
    """The versions of the packages the page is made from."""
    search_boost: float | None = None
    """How far up the site search puts the page: above 1 for the pages a resident looks for
    first (a partnership), below 1 for the many alike (each small area)."""
    feed: object | None = None
    """The Atom feed that follows this page, if there is one (see ``feeds.follow``)."""
    full_title: str = ""
    """The title in full, for the citation, where ``title`` is shortened for menus."""

    @property
    def src_uri(self) -> str:
        return urls.source_path(self.address)

    def link(self, address: str) -> str:
        return urls.relative(self.address, address)
