"""``<abbr>`` on the first use of each glossary term in a page's main text.

One pass over the finished HTML of a page, after MkDocs has made it and its search index,
so the index and the navigation keep the plain words. Only text inside the page's
``<article>`` is touched, and never the inside of a tag (attributes, ``href``s), code,
scripts, styles, drawings (SVG), form controls or an ``<abbr>`` already there.
"""

from __future__ import annotations

import html
import re

from ..data.glossary import term_pattern
from ..model.portal import Term

_PIECES = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
SKIPPED = frozenset(
    {
        "abbr",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "svg",
        "textarea",
        "select",
        "button",
        "title",
        "template",
    }
)


class Abbreviations:
    """The glossary's terms, ready to mark pages with. A term with no expansion (a name,
    such as "MAC UK") is found but left as it is, so "UK" inside it is not marked."""

    def __init__(self, terms: list[Term]):
        self.expansions = {term.term: term.expansion for term in terms}
        self.pattern = term_pattern(list(self.expansions))

    def mark(self, page: str) -> str:
        """``page`` with each term's first use in its ``<article>`` wrapped in ``<abbr>``."""
        start, end = page.find("<article"), page.rfind("</article>")
        if self.pattern is None or start < 0 or end < start:
            return page
        return page[:start] + self._mark_main(page[start:end]) + page[end:]

    def _mark_main(self, main: str) -> str:
        seen: set[str] = set()
        depth, out = 0, []
        for piece in _PIECES.split(main):
            tag = _TAG.match(piece)
            if tag and tag.group(2).lower() in SKIPPED and not piece.endswith("/>"):
                depth += -1 if tag.group(1) else 1
            elif depth == 0 and not piece.startswith("<"):
                piece = self.pattern.sub(lambda match: self._first(match, seen), piece)
            out.append(piece)
        return "".join(out)

    def _first(self, match: re.Match, seen: set[str]) -> str:
        term = match.group(1)
        if term in seen or not self.expansions[term]:
            return match.group(0)
        seen.add(term)
        title = html.escape(self.expansions[term], quote=True)
        return f'<abbr title="{title}">{match.group(0)}</abbr>'
