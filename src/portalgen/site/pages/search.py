"""The search page, at /search/: the header's search form sends its words here.

With JavaScript, ``assets/search.js`` asks the site's Pagefind index (``site/search.py``)
and lists the pages found; without it, the page says so and links to the A to Z pages,
where every partnership and place is listed.
"""

from __future__ import annotations

from ...model.portal import Portal
from .. import assets, search, urls
from . import places
from .page import Page

ADDRESS = "search/"
SCRIPT = f"{assets.FOLDER}/{assets.SEARCH_SCRIPTS[0]}"


def pages(portal: Portal) -> list[Page]:
    return [page(portal)]


def page(portal: Portal) -> Page:
    return Page(
        ADDRESS,
        "Search",
        "search",
        {
            "bundle": urls.relative(ADDRESS, f"{search.BUNDLE}/"),
            "script": urls.relative(ADDRESS, SCRIPT).rstrip("/"),
            "a_to_z": [
                (urls.partnerships_index(), "All partnerships, A to Z"),
                (places.ADDRESS, "Find your area: every ward, council and partnership, A to Z"),
            ],
        },
        description="Search the portal's pages.",
    )
