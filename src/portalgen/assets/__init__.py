"""Stylesheet and scripts that portalgen's pages need, served from the site itself.

The plugin adds each file to the built site under ``assets/portalgen/`` and links it from
every page, so a portal needs no copy of its own and makes no request to another host.
"""

from __future__ import annotations

from importlib import resources

FOLDER = "assets/portalgen"
STYLESHEETS = ("portalgen.css",)
SCRIPTS = ("sort.js",)


def files() -> dict[str, bytes]:
    """Site path → content of every asset, in a stable order."""
    package = resources.files("portalgen.assets")
    return {
        f"{FOLDER}/{name}": package.joinpath(name).read_bytes() for name in (*STYLESHEETS, *SCRIPTS)
    }


def stylesheets() -> list[str]:
    return [f"{FOLDER}/{name}" for name in STYLESHEETS]


def scripts() -> list[str]:
    return [f"{FOLDER}/{name}" for name in SCRIPTS]
