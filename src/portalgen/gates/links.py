"""Every internal link and #fragment leads somewhere; links to other sites are listed."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from .pages import address_of, html_files, internal, target, tree_of


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """Internal links and #fragments in the built site that lead nowhere. Links to
    ``site_url`` and paths from the root of the site (``/portalgen/…``, as the 404 page
    writes them) are followed in the built folder, never fetched."""
    mount = urlparse(site_url).path or "/"
    ids: dict[Path, set[str]] = {}
    broken = []
    for html in html_files(site):
        for written in tree_of(html).xpath("//a/@href"):
            href = internal(written, site_url)
            if href is None:
                continue
            page, fragment = target(site, html, href, mount)
            if not page.is_file():
                broken.append(f"{address_of(site, html)}: {written} leads to no page")
            elif fragment and fragment not in _cached_ids(ids, page):
                broken.append(f"{address_of(site, html)}: {written} has no #{fragment} there")
    return broken


def _cached_ids(ids: dict[Path, set[str]], page: Path) -> set[str]:
    if page not in ids:
        ids[page] = _ids(page)
    return ids[page]


def _ids(html: Path) -> set[str]:
    tree = tree_of(html)
    return {str(value) for value in tree.xpath("//@id | //a/@name")}


def external_links(site: Path, site_url: str = "") -> list[str]:
    """Links to other sites: listed for a person to check, never fetched."""
    found = set()
    for html in html_files(site):
        found |= {
            str(href)
            for href in tree_of(html).xpath("//a/@href")
            if urlparse(href).netloc and internal(href, site_url) is None
        }
    return sorted(found)
