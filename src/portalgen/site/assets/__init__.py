"""Stylesheet and scripts that portalgen's pages need, served from the site itself.

The plugin adds each file to the built site under ``assets/portalgen/`` and links it from
every page, so a portal needs no copy of its own and makes no request to another host.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import xstatic.pkg.leaflet

FOLDER = "assets/portalgen"
STYLESHEETS = ("portalgen.css",)
SCRIPTS = ("sort.js", "places.js", "copy.js")
MAP_SCRIPTS = ("maps.js",)
"""Served like the others, but linked only from map pages, after Leaflet."""
SEARCH_SCRIPTS = ("search.js",)
"""Served like the others, but linked only from the search page."""
FEED_FILES = ("feed.xsl", "feed.css")
"""What makes an Atom feed a readable page when it is opened in a browser."""
FEED_STYLESHEET = f"{FOLDER}/feed.xsl"
POLICY_PLACEHOLDER = b"PORTALGEN_POLICY"
"""Where ``feed.xsl`` takes the security policy of every page, for the page it makes."""


def files(policy: str = "") -> dict[str, bytes]:
    """Site path → content of every asset, in a stable order; ``policy`` is the security
    policy the feed stylesheet gives the page it makes."""
    package = resources.files("portalgen.site.assets")
    found = {
        f"{FOLDER}/{name}": package.joinpath(name).read_bytes()
        for name in (*STYLESHEETS, *SCRIPTS, *MAP_SCRIPTS, *SEARCH_SCRIPTS, *FEED_FILES)
    }
    for name in (*SCRIPTS, *MAP_SCRIPTS, *SEARCH_SCRIPTS):
        path = f"{FOLDER}/{name}"
        found[path] = compact(found[path].decode("utf-8")).encode("utf-8")
    found[FEED_STYLESHEET] = found[FEED_STYLESHEET].replace(
        POLICY_PLACEHOLDER, policy.encode("utf-8")
    )
    return found


def compact(script: str) -> str:
    """``script`` as served: without its comment lines, blank lines and indentation, about a
    third smaller (``search.js`` 9.9 KB → 6.1 KB, what a first search downloads at 300
    partnerships; issue 24). A comment after code on its line stays, so a ``//`` or ``/*``
    in a string is never taken for one; a comment that begins a line ends its last line.
    Only portalgen's own scripts are compacted: one written otherwise (code after a
    comment's end on its line, a multi-line template string) is refused, not broken."""
    if "`" in script:
        raise ValueError("a template string (`…`) may span lines: compacting could change it")
    kept, in_comment = [], False
    for line in script.split("\n"):
        text = line.strip()
        if in_comment or text.startswith("/*"):
            if "*/" in text and not text.endswith("*/"):
                raise ValueError(f"code after the end of a comment on its line: {text[:60]}")
            in_comment = not text.endswith("*/")
        elif text and not text.startswith("//"):
            kept.append(text)
    return "\n".join(kept) + "\n"


def stylesheets() -> list[str]:
    return [f"{FOLDER}/{name}" for name in STYLESHEETS]


def scripts() -> list[str]:
    return [f"{FOLDER}/{name}" for name in SCRIPTS]


LEAFLET = "assets/portalgen/leaflet"
"""Where Leaflet (from the xstatic-leaflet package) is served, for map pages only."""


def leaflet_files() -> dict[str, bytes]:
    """Leaflet's script, stylesheet and control images, to serve from the site itself."""
    base = Path(xstatic.pkg.leaflet.BASE_DIR)
    files = {
        f"{LEAFLET}/{name}": (base / name).read_bytes() for name in ("leaflet.js", "leaflet.css")
    }
    for image in sorted((base / "images").glob("*.png")):
        files[f"{LEAFLET}/images/{image.name}"] = image.read_bytes()
    return files
