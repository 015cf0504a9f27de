"""The pages of a built site, and where in it a link leads."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlparse

import lxml.html


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def address_of(site: Path, html: Path) -> str:
    """The page's path in the built site: ``partnerships/haringey/index.html``."""
    return html.relative_to(site).as_posix()


_PARSER = lxml.html.HTMLParser(encoding="utf-8")


def tree_of(html: Path) -> lxml.html.HtmlElement:
    """The page parsed by lxml (libxml2): fast enough to read every page of a large site."""
    source = html.read_bytes()
    if not source.strip():
        return lxml.html.fromstring("<html></html>")
    return lxml.html.document_fromstring(source, parser=_PARSER)


def internal(href: str, site_url: str) -> str | None:
    """``href`` as a link within the site, or None for a link to another site. A link to
    the site's own published address (``site_url``) is internal, and checked offline."""
    if site_url and href.startswith(site_url):
        return urlparse(site_url).path.rstrip("/") + "/" + href[len(site_url) :].lstrip("/")
    if urlparse(href).scheme or href.startswith("//"):
        return None
    return href


def target(site: Path, html: Path, href: str, mount: str) -> tuple[Path, str]:
    """The file an internal ``href`` on ``html`` opens, and its #fragment."""
    url = urlparse(href)
    if href.startswith("/"):
        base, own = "", url.path.removeprefix(mount.rstrip("/"))
    else:
        base, own = posixpath.dirname(address_of(site, html)), url.path
    path = (
        posixpath.normpath(posixpath.join(base, unquote(own).lstrip("/")))
        if url.path
        else address_of(site, html)
    )
    found = site / path
    if found.is_dir() or href.endswith("/") and url.path:
        found = found / "index.html"
    return found, url.fragment
