"""Prose editors write: a package's summary, and the pages in ``content/``.

Both may use Markdown. Neither may run script, load a frame or change a page's look: what
reaches the site passes an allow-list of elements and attributes (nh3), and links may
only go to web pages, email addresses or other pages of the site. A summary is Markdown
without HTML, so ``<script>`` in one is shown as text; a content page may use simple
HTML, and anything the allow-list removes is named, so the editor can take it out.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

SCHEMES = {"http", "https", "mailto"}
SUMMARY_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote"}
SUMMARY_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
GENERIC = {"id", "class", "title", "lang", "dir", "role"}
URL_ATTRIBUTES = ("href", "src", "cite")
PAGE_ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": GENERIC,
    "img": nh3.ALLOWED_ATTRIBUTES["img"] | {"loading"},
}


class _NoHtml(markdown.Extension):
    """Markdown in which HTML and character references are text, not markup."""

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")


def summary_html(text: str | None) -> Markup:
    """A summary's Markdown as HTML for a page: paragraphs, lists, emphasis and links."""
    if not text:
        return Markup("")
    html = markdown.markdown(str(text), extensions=[_NoHtml()], output_format="html")
    clean = nh3.clean(
        html, tags=SUMMARY_TAGS, attributes=SUMMARY_ATTRIBUTES, url_schemes=SCHEMES, link_rel=None
    )
    return Markup(f'<div class="pg-prose">\n{clean}\n</div>')  # noqa: S704 - cleaned above


def clean_page(html: str) -> tuple[str, list[str]]:
    """A content page's HTML with only allowed elements and attributes, and what was
    removed, in words (``<script> element``, ``onclick attribute on <img>``)."""
    clean = nh3.clean(
        html,
        tags=nh3.ALLOWED_TAGS,
        attributes=PAGE_ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=False,
    )
    return clean, removed(html, clean)


def removed(before: str, after: str) -> list[str]:
    """What is in ``before`` but not in ``after``: elements, attributes and link schemes."""
    lost = _inventory(before) - _inventory(after)
    return sorted(lost)


def _inventory(html: str) -> Counter:
    parser = _Inventory()
    parser.feed(html)
    parser.close()
    return parser.found


class _Inventory(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: Counter = Counter()

    def handle_starttag(self, tag, attrs):
        self.found[f"<{tag}> element"] += 1
        for name, value in attrs:
            self.found[f"{name} attribute on <{tag}>"] += 1
            if name in URL_ATTRIBUTES and _scheme(value) not in SCHEMES | {""}:
                self.found[f"{_scheme(value)}: link on <{tag}>"] += 1

    handle_startendtag = handle_starttag


def _scheme(value: str | None) -> str:
    try:
        return urlsplit((value or "").strip()).scheme.lower()
    except ValueError:
        return "unreadable"
