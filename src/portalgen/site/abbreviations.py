"""``<abbr>`` on the first use of each glossary term in a page's main text.

One pass over the finished HTML of a page, after MkDocs has made it and its search index,
so the index and the navigation keep the plain words. Only text inside the page's
``<article>`` is touched, and never the inside of a tag (attributes, ``href``s), code,
scripts, styles, drawings (SVG), form controls or an ``<abbr>`` already there.
"""

from __future__ import annotations

import bisect
import html
import itertools
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


_SKIPPED_TAG = re.compile(
    "<(/?)(?:{})(?![a-zA-Z0-9-])".format(
        "|".join("".join(f"[{c}{c.upper()}]" for c in name) for name in sorted(SKIPPED))
    )
)
"""Where a tag of ``SKIPPED`` may start, in any case of ASCII letters (as ``_TAG`` reads
it): only where a piece starts is it a tag."""


class Abbreviations:
    """The glossary's terms, ready to mark pages with. A term with no expansion (a name,
    such as "MAC UK") is found but left as it is, so "UK" inside it is not marked."""

    def __init__(self, terms: list[Term]):
        self.expansions = {term.term: term.expansion for term in terms}
        self.pattern = term_pattern(list(self.expansions))
        self.starts = _starts(list(self.expansions))
        self.across_tags = any("<" in term or ">" in term for term in self.expansions)

    def mark(self, page: str) -> str:
        """``page`` with each term's first use in its ``<article>`` wrapped in ``<abbr>``."""
        start, end = page.find("<article"), page.rfind("</article>")
        if self.pattern is None or start < 0 or end < start:
            return page
        return page[:start] + self._mark_main(page[start:end]) + page[end:]

    def _mark_main(self, main: str) -> str:
        """Each piece of text outside a skipped element, in order, with terms marked. The
        pieces are the text between tags; only the pieces where the pattern finds a term in
        the whole of ``main``, and only the tags of skipped elements, are looked at."""
        pieces = _PIECES.split(main)
        ends = list(itertools.accumulate(map(len, pieces)))
        tags, depths = _skipped_tags(main, pieces, ends)
        seen: set[str] = set()
        for index in self._with_terms(main, pieces, ends):
            before = bisect.bisect_left(tags, index)
            if (before == 0 or depths[before - 1] == 0) and not pieces[index].startswith("<"):
                pieces[index] = self.pattern.sub(
                    lambda match: self._first(match, seen), pieces[index]
                )
        return "".join(pieces)

    def _with_terms(self, main: str, pieces: list[str], ends: list[int]) -> list[int]:
        """The text pieces (even indexes) that may hold a term, in order: those where a term
        starts, whole word or not (a piece's first term, if it has one, starts there or
        after a shorter start there). A term with ``<`` or ``>`` could run across a tag, so
        then every piece may."""
        if self.across_tags:
            return list(range(0, len(pieces), 2))
        found = {bisect.bisect_right(ends, match.start()) for match in self.starts.finditer(main)}
        return sorted(index for index in found if index % 2 == 0)

    def _first(self, match: re.Match, seen: set[str]) -> str:
        term = match.group(1)
        if term in seen or not self.expansions[term]:
            return match.group(0)
        seen.add(term)
        title = html.escape(self.expansions[term], quote=True)
        return f'<abbr title="{title}">{match.group(0)}</abbr>'


def _starts(terms: list[str]) -> re.Pattern | None:
    """Any of ``terms``, whole word or not: quicker to look for than ``term_pattern``."""
    if not terms:
        return None
    return re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)))


def _skipped_tags(main: str, pieces: list[str], ends: list[int]) -> tuple[list[int], list[int]]:
    """The index of each piece that opens or closes a skipped element (not ``<svg/>``), and
    the depth inside skipped elements after it."""
    tags, changes = [], []
    for match in _SKIPPED_TAG.finditer(main):
        index = bisect.bisect_right(ends, match.start())
        if index % 2 and ends[index - 1] == match.start() and not pieces[index].endswith("/>"):
            tags.append(index)
            changes.append(-1 if match.group(1) else 1)
    return tags, list(itertools.accumulate(changes))
