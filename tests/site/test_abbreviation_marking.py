"""Marking a page's abbreviations looks only where a term starts, and marks what a reading
of every piece of the page, one at a time, marks."""

from __future__ import annotations

import pytest

from portalgen.model.portal import Term
from portalgen.site import abbreviations
from portalgen.site.abbreviations import Abbreviations

TERMS = [
    Term("UK", "United Kingdom", "A country."),
    Term("MAC UK", None, "A charity."),
    Term("CSP", "Community Safety Partnership", "A partnership."),
    Term("CC BY", "Creative Commons Attribution", "A licence."),
    Term("BY", "By-law", "A rule."),
]

PAGES = [
    '<article><a href="/UK/" title="UK">MAC UK</a> <code>UK</code> UKs in the UK</article>',
    "<article><CODE>UK</CODE> UK <Pre>CSP</pRe> CSP</article>",
    "<article><svg/>UK <svg><text>CSP</text></svg> CSP</article>",
    "<article><pre><code>UK</code> UK</pre> UK <codex>CSP</codex></article>",
    "<article><!-- <code> --> UK <!-- </code> --> CSP</article>",
    "<article></code> UK <code> CSP</code></article>",
    "<article>XCC BY CC BY and BY-law BY</article>",
    "<article><p>UK</p><p>UK</p><kbd>CSP</kbd><p>CSP</p></article>",
    "<article><p>a < b UK</article>",
    "<article><p>last</p><code UK</article>",
    "<article><script>if (a<b) { UK }</script><textarea>CSP</textarea> UK CSP</article>",
    "<article><abbr title='x'>UK</abbr> UK</article>",
    "<nav>UK</nav><article>no term here</article><footer>UK</footer>",
]
"""Terms in text, tags, comments and skipped elements of every case; half words; a term
inside another; text with a ``<`` that opens no tag."""


def one_piece_at_a_time(marker: Abbreviations, page: str) -> str:
    """Every piece of the page in order, as portalgen marked pages before it looked only
    where a term starts."""
    start, end = page.find("<article"), page.rfind("</article>")
    if start < 0 or end < start:
        return page
    seen: set[str] = set()
    depth, out = 0, []
    for piece in abbreviations._PIECES.split(page[start:end]):
        tag = abbreviations._TAG.match(piece)
        if tag and tag.group(2).lower() in abbreviations.SKIPPED and not piece.endswith("/>"):
            depth += -1 if tag.group(1) else 1
        elif depth == 0 and not piece.startswith("<"):
            piece = marker.pattern.sub(lambda match: marker._first(match, seen), piece)
        out.append(piece)
    return page[:start] + "".join(out) + page[end:]


@pytest.mark.parametrize("page", PAGES)
def test_marking_is_the_reading_of_every_piece(page):
    marker = Abbreviations(TERMS)
    assert marker.mark(page) == one_piece_at_a_time(marker, page)


@pytest.mark.parametrize("page", PAGES)
def test_a_term_that_could_run_across_a_tag_is_looked_for_everywhere(page):
    marker = Abbreviations([*TERMS, Term("A>B", "A to B", "A road.")])
    assert marker.across_tags
    assert marker.mark(page + "A>B") == one_piece_at_a_time(marker, page + "A>B")
    assert marker.mark("<article>A>B UK</article>") == (
        '<article><abbr title="A to B">A>B</abbr> <abbr title="United Kingdom">UK</abbr></article>'
    )


def test_marks_after_skipped_elements_of_any_case_and_not_inside_them():
    marker = Abbreviations(TERMS)
    assert marker.mark("<article><CODE>UK</CODE> UK <svg/>CSP</article>") == (
        '<article><CODE>UK</CODE> <abbr title="United Kingdom">UK</abbr> '
        '<svg/><abbr title="Community Safety Partnership">CSP</abbr></article>'
    )


def test_a_term_after_a_half_word_is_still_found():
    marker = Abbreviations(TERMS)
    assert marker.mark("<article>XCC BY</article>") == (
        '<article>XCC <abbr title="By-law">BY</abbr></article>'
    )
