"""Generated pages the engine rendered to HTML, handed to MkDocs without Markdown.

MkDocs still gets a ``.md`` file for each such page, so its address, navigation, sitemap
entry and ``page.meta`` are made as for any page; only reading the source and converting
it are replaced, with what the engine already made: the HTML, the front matter's keys and
the table of contents. Links in the HTML are already final relative addresses, so
MkDocs has none to rewrite; the page's ids are still collected, so MkDocs can check links
to them from other pages (``validation: anchors``).
"""

from __future__ import annotations

import html
import re

from mkdocs.structure.toc import get_toc

_ANCHORS = re.compile(r'<[^>]*?\sid="([^"]*)"|<a\s[^>]*?\bname="([^"]*)"')


def serve_html(page, rendered) -> None:
    """Make ``page`` (a MkDocs ``Page``) read and render as ``rendered`` (the engine's
    ``Rendered``) instead of converting Markdown."""

    def read_source(config) -> None:
        page.markdown, page.meta = rendered.text, dict(rendered.meta)

    def render(config, files) -> None:
        page.content = rendered.text
        page.toc = get_toc(rendered.toc)
        page.present_anchor_ids = anchors(rendered.text)
        page.links_to_anchors = {}

    page.read_source, page.render = read_source, render


def anchors(text: str) -> set[str]:
    """The ids in ``text`` (and names of ``<a>``), which links may point to with ``#``."""
    return {html.unescape(a or b) for a, b in _ANCHORS.findall(text)}
