"""Counts an editor's page can show, taken from the data so they stay true.

An editor writes ``<span id="partnership-count">partnerships</span>`` in a page in
``content/``; the site writes the number of partnerships on the portal there, GOV.UK style
(one to nine in words, 10 and over in figures): "10 partnerships".
"""

from __future__ import annotations

import re

from ..model.portal import Portal

_PLACEHOLDER = re.compile(r'<span id="partnership-count">[^<]*</span>')
_WORDS = "no one two three four five six seven eight nine".split()


def fill(html: str, portal: Portal) -> str:
    """``html`` with the partnership count in place of its placeholder."""
    return _PLACEHOLDER.sub(lambda _: counted(len(portal.partnerships), "partnership"), html)


def counted(count: int, noun: str) -> str:
    number = _WORDS[count] if count < len(_WORDS) else f"{count:,}"
    return f"{number} {noun}{'' if count == 1 else 's'}"
