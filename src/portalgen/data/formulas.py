"""A warning for text a spreadsheet would run as a formula.

The portal's CSV downloads put ``'`` before any cell that starts as a formula does, so a
spreadsheet shows it as text (OWASP's advice on "CSV injection"). The data itself is kept
exactly as written, so the editor is told: text that starts with ``=``, ``+`` or ``@``, or
with ``-`` and no figure after it, is most likely a mistake, or an attack.
"""

from __future__ import annotations

import re

from .glossary import table_texts
from .problems import Problem

_FORMULA = re.compile(r"[=+@]|-(?![0-9.])")


def check_formulas(context) -> list[Problem]:
    """A warning for each text cell that starts as a spreadsheet formula does."""
    return [
        _warning(where, text)
        for package in context.packages
        for where, text in table_texts(package)
        if _FORMULA.match(text)
    ]


def _warning(where: tuple[str, int | None, str], text: str) -> Problem:
    path, line, field = where
    return Problem(
        path,
        line,
        field,
        f'starts with "{text[0]}", so a spreadsheet would read it as a formula and could run '
        "it. The portal's CSV downloads put ' before it so it shows as text. If it is meant "
        f'as words, start it with a word instead of "{text[0]}".',
        warning=True,
    )


CHECKS = [check_formulas]
