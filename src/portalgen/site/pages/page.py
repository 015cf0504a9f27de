"""What every page kind produces."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

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
    later: Callable[[], dict] | None = None
    """More of ``context``, made when the page is rendered rather than when it is listed
    (an area page's figures, plans, costs and deciders): the address checks of ``portalgen
    validate`` list every page and render none."""
    key: str = ""
    description: str = ""
    sources: list[str] = field(default_factory=list)
    """The data the page is made from, relative to the data folder (see ``datafiles``)."""
    codes: list[tuple[str, str]] = field(default_factory=list)
    """The ONS codes the page's data uses, each with its name: shown only under "About this
    data", for data users, so the main text speaks in names."""
    downloads: Mapping[str, Any] = field(default_factory=dict)
    """Files published beside the page (``spending-2011-12.csv`` → its text), such as a
    table as CSV; the page links to them by name. A value may be a function that makes the
    text (a map's script): ``all_pages`` turns them into ``downloads.Files``, which makes
    each when it is first read."""
    rows: list[str] = field(default_factory=list)
    """Rows of shared tables the page shows (``partnerships/partnerships.csv#haringey``): a
    change to a shared table dates only the pages whose rows changed (see ``history``)."""
    uses: list[str] = field(default_factory=list)
    """Rows of shared tables the page only uses (a council's name): they date the page's
    "last changed" once they change, never its "added"."""
    added: dt.date | None = None
    """When the page's data was added to the portal; set for every page at once."""
    updated: dt.date | None = None
    """When the page's data last changed on the portal (see ``history``); set for every
    page at once."""
    reported: object | None = None
    """The document or meeting the page's facts are as reported in (a ``Source``, with a
    title and date), when the page has one."""
    versions: list = field(default_factory=list)
    """The versions of the packages the page is made from."""
    search_boost: float | None = None
    """How far up the site search puts the page: above 1 for the pages a resident looks for
    first (a partnership), below 1 for the many alike (each small area)."""
    searched: bool = True
    """Whether the site search finds the page: not a map of an older year (the latest
    year's map links to them), so a ward's name finds the ward, not its maps."""
    feed: object | None = None
    """The Atom feed that follows this page, if there is one (see ``feeds.follow``)."""
    full_title: str = ""
    """The title in full, for the citation, where ``title`` is shortened for menus."""

    @property
    def src_uri(self) -> str:
        return urls.source_path(self.address)

    def link(self, address: str) -> str:
        return urls.relative(self.address, address)
