"""A generated page's HTML finished as MkDocs would have made it from Markdown.

Page templates (``.html.j2``) write HTML. Two things Markdown used to do are done here:

- A heading written ``<h2 data-pg-toc>Costs</h2>`` (or ``<h2 data-pg-toc id="costs">``)
  gets the id and permanent link the ``toc`` extension gives a Markdown heading (the same
  ``slugify`` and ``unique``), and an entry in the page's table of contents. Headings
  without ``data-pg-toc`` are left as written and, as before, are not in the contents.
  Other ``data-`` attributes written after it (``data-pagefind-weight="10"``) are kept.
- Markdown put a blank line after a block of HTML but none after a block it made itself (a
  heading, a paragraph, a list). A template marks the end of such a block with
  ``<!--/md-->``; the marker and the blank lines after it become one line break. Runs of
  blank lines left by blocks a template did not write become one, as in Markdown.
"""

from __future__ import annotations

import html
import re

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

MARK = "<!--/md-->"
_HEADING = re.compile(
    r'<h([1-6]) data-pg-toc(?: id="([^"]*)")?((?: data-[a-z-]+="[^"]*")*)>(.*?)</h\1>', re.S
)
_EXPLICIT = re.compile(r'<h[1-6] data-pg-toc id="([^"]*)">')
_AFTER_MARK = re.compile(re.escape(MARK) + r"\n*")
_BLANK_RUNS = re.compile(r"\n(?:[ \t]*\n)+")


def finish(text: str) -> tuple[str, list[dict]]:
    """``text`` with its headings' ids and permanent links and its blocks spaced as Markdown
    spaced them, and the table of contents: nested headings (level, id, name, children)."""
    used = set(_EXPLICIT.findall(text))
    counters: dict[str, int] = {}
    tokens: list[dict] = []

    def heading(match: re.Match) -> str:
        level, more, inner = int(match[1]), match[3], match[4]
        name = strip_tags(inner)
        anchor = match[2] or unique(slugify(html.unescape(name), "-"), used, counters)
        tokens.append({"level": level, "id": anchor, "name": name, "children": []})
        link = f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a>'
        return f'<h{level} id="{anchor}"{more}>{inner}{link}</h{level}>{MARK}'

    text = _HEADING.sub(heading, text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return _AFTER_MARK.sub("\n", text).strip(), nest_toc_tokens(tokens)
