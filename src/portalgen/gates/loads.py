"""Nothing is loaded from another site: no script, style, image, font or frame, in the
pages or in their stylesheets (``url()``, ``@import``). A link a reader follows is not a
load; a map's tile server, when ``map_tiles`` names one, is loaded by script, not here."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from .pages import address_of, html_files, internal, tree_of

LOADED = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)


def third_party_loads(site: Path, site_url: str = "") -> list[str]:
    """Each address on another site that a page or stylesheet of ``site`` would load."""
    found = []
    for html in html_files(site):
        found += [
            f"{address_of(site, html)}: loads {url} from another site"
            for url in _page_loads(html)
            if _elsewhere(url, site_url)
        ]
    for css in sorted(site.rglob("*.css")):
        found += [
            f"{address_of(site, css)}: loads {url} from another site"
            for url in _css_loads(css.read_text("utf-8", "replace"))
            if _elsewhere(url, site_url)
        ]
    return found


def _page_loads(html: Path) -> list[str]:
    tree = tree_of(html)
    urls = []
    for name, attributes in LOADED.items():
        for element in tree.iter(name):
            for attribute in attributes:
                urls += _urls(element.get(attribute), attribute)
    for link in tree.xpath("//link[@href]"):
        if LOADED_LINKS & set(link.get("rel", "").lower().split()):
            urls.append(link.get("href"))
    for style in tree.iter("style"):
        urls += _css_loads(style.text_content())
    for value in tree.xpath("//@style"):
        urls += _css_loads(str(value))
    return urls


def _urls(value: str | None, attribute: str) -> list[str]:
    if not value:
        return []
    if attribute == "srcset":
        return [part.split()[0] for part in value.split(",") if part.strip()]
    return [value.strip()]


def _css_loads(css: str) -> list[str]:
    return [match[1] or match[2] for match in _CSS_URL.finditer(css)]


def _elsewhere(url: str, site_url: str) -> bool:
    if not (urlparse(url).netloc or url.startswith("//")):
        return False
    return internal(url, site_url) is None
