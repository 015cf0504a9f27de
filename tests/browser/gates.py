"""The gates every page kind must pass: axe-core, links and fragments, HTML parsing.

To add a page kind to the gates, add one example address of it to ``PAGE_KINDS``.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlparse

import html5lib
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

PAGE_KINDS = {
    "home": "",
    "places": "places/",
    "partnerships": "partnerships/",
    "partnership": "partnerships/haringey/",
    "county partnership": "partnerships/worcestershire/",
    "plan": "partnerships/haringey/plans/2013-14/",
    "priority": "partnerships/haringey/plans/2013-14/priorities/p3/",
    "plan changes": "partnerships/safer-stronger-bucks/plans/2014-15/changes/",
    "governance": "partnerships/north-lincolnshire/governance/",
    "body": "partnerships/worcestershire/bodies/safer-communities-board/",
    "terms of reference": (
        "partnerships/worcestershire/bodies/safer-communities-board/terms/2012-04-01/"
    ),
    "meetings": "partnerships/safer-stronger-bucks/meetings/",
    "meeting": "partnerships/safer-stronger-bucks/meetings/2014-05-13-select-committee/",
    "recommendations": "partnerships/worcestershire/recommendations/",
    "recommendation": "partnerships/worcestershire/recommendations/scb-2011-r2/",
    "funding": "partnerships/worcestershire/funding/",
    "funding year": "partnerships/worcestershire/funding/2012-13/",
    "performance": "partnerships/haringey/performance/",
    "indicator": "partnerships/north-lincolnshire/indicators/domestic-violence-crimes/",
    "ward map": "partnerships/haringey/maps/anti-social-behaviour/2017-18/",
    "small-area map": "partnerships/redditch/maps/imd-2019-score/2019/",
    "ward": "wards/E05000268/",
    "ward on current boundaries": "wards/E05011782/",
    "ward map on current boundaries": "partnerships/safer-devon/maps/all-crime/2024/",
    "small area": "small-areas/E01032244/",
    "areas A to Z": "partnerships/haringey/areas/",
    "open data": "open-data/",
    "glossary": "glossary/",
    "field reference": "field-reference/",
    "accessibility statement": "accessibility/",
    "editors' page": "how-to-edit/",
    "page not found": "partnerships/no-such-partnership/",
    "feed in a browser": "partnerships/worcestershire/recommendations/scb-2011-r2/feed.xml",
}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_AXE = Axe()


def axe_violations(page) -> list[str]:
    """Every WCAG 2.2 A/AA violation axe-core finds on the page: rule, element and page."""
    result = _AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{violation['id']}: {node['target']} on {page.url} ({violation['help']})"
        for violation in result.response["violations"]
        for node in violation["nodes"]
    ]


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _address_of(site: Path, html: Path) -> str:
    return html.relative_to(site).as_posix()


def _target(site: Path, html: Path, href: str, mount: str) -> tuple[Path, str]:
    url = urlparse(href)
    if href.startswith("/"):
        base, own = "", url.path.removeprefix(mount.rstrip("/"))
    else:
        base, own = posixpath.dirname(_address_of(site, html)), url.path
    path = (
        posixpath.normpath(posixpath.join(base, unquote(own).lstrip("/")))
        if url.path
        else (_address_of(site, html))
    )
    target = site / path
    if target.is_dir() or href.endswith("/") and url.path:
        target = target / "index.html"
    return target, url.fragment


def _internal(href: str, site_url: str) -> str | None:
    """``href`` as a link within the site, or None for a link to another site. A link to
    the site's own published address (``site_url``) is internal, and checked offline."""
    if site_url and href.startswith(site_url):
        return urlparse(site_url).path.rstrip("/") + "/" + href[len(site_url) :].lstrip("/")
    if urlparse(href).scheme or href.startswith("//"):
        return None
    return href


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """Internal links and #fragments in the built site that lead nowhere. Links to
    ``site_url`` and paths from the root of the site (``/portalgen/…``, as the 404 page
    writes them) are followed in the built folder, never fetched."""
    mount = urlparse(site_url).path or "/"
    ids: dict[Path, set[str]] = {}
    broken = []
    for html in html_files(site):
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        for anchor in soup.select("a[href]"):
            href = _internal(anchor["href"], site_url)
            if href is None:
                continue
            target, fragment = _target(site, html, href, mount)
            if not target.is_file():
                broken.append(f"{_address_of(site, html)}: {anchor['href']} leads to no page")
            elif fragment and fragment not in ids.setdefault(target, _ids(target)):
                broken.append(
                    f"{_address_of(site, html)}: {anchor['href']} has no #{fragment} there"
                )
    return broken


def _ids(html: Path) -> set[str]:
    soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
    return {element["id"] for element in soup.select("[id]")} | {
        element["name"] for element in soup.select("a[name]")
    }


def external_links(site: Path, site_url: str = "") -> list[str]:
    """Links to other sites: listed for a person to check, never fetched by the tests."""
    found = set()
    for html in html_files(site):
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        found |= {
            a["href"]
            for a in soup.select("a[href]")
            if urlparse(a["href"]).netloc and _internal(a["href"], site_url) is None
        }
    return sorted(found)


def html_errors(html: Path) -> list[str]:
    """Parse errors an HTML5 parser reports for the page."""
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html.read_bytes())
    return [
        f"{html.parent.name}/{html.name}: line {line}, column {column}: {code}"
        for (line, column), code, _ in parser.errors
    ]
