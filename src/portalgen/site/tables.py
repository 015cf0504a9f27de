"""Tables in editors' pages (``content/``) made to fit a phone, as portalgen's own are.

A Markdown table is put in the same box as every table portalgen writes: a region named
after the table's columns, which the keyboard can reach and which scrolls on its own when
the table is wider than the screen, so the page itself never scrolls sideways.
"""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_HEADING = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def scrolling_tables(page: str) -> str:
    """``page``'s HTML with each table without a class in a named, focusable region."""
    return _TABLE.sub(_wrapped, page)


def _wrapped(match: re.Match) -> str:
    return (
        f'<div class="pg-table-wrap" role="region" aria-label="{_name(match.group(1))}" '
        f'tabindex="0">\n{match.group(0)}\n</div>'
    )


def _name(table: str) -> str:
    """ "Table: File, What it holds": the table's column headings."""
    head = table.split("</thead>")[0]
    headings = [html.unescape(_TAG.sub("", h)).strip() for h in _HEADING.findall(head)]
    columns = ", ".join(h for h in headings if h)
    return html.escape(f"Table: {columns}" if columns else "Table", quote=True)
