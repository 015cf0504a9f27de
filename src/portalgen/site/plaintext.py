"""Text from the data stays text when a page's Markdown becomes HTML.

Page templates write Markdown, so a value such as ``[Report a crime](https://evil.example)``
or ``{: onmouseover=… }`` would become a link or an attribute if it were written as it is.
Every value a ``.md.j2`` template writes therefore passes ``finalize`` (Jinja2 calls it for
each ``{{ … }}``, as autoescaping does): HTML is escaped, line breaks become spaces, and
each character Markdown or its extensions could act on becomes a hexadecimal character
reference (``&#x5b;``), which Markdown leaves as it is. Values that are already markup
(``Markup``: a macro's output, a cleaned summary, a chart) pass unchanged.

Once Markdown has run, ``restore`` writes those references back as the characters
themselves, so the published HTML is the same as for plain text written directly. It
never writes back ``<``, ``>``, ``&``, ``"`` or ``'``, and leaves scripts (JSON-LD) alone.

Portalgen's own page templates write HTML (``.html.j2``): there a value is only escaped as
HTML, and written on one line (``one_line``), as in a Markdown template.
"""

from __future__ import annotations

import re

from jinja2 import pass_context
from markupsafe import Markup, escape

ACTIVE = frozenset("\\`*_{}[]()#+!|~^=:$@")
"""Characters that Markdown, attribute lists, tables or common extensions act on
wherever they are (``<``, ``>``, ``&`` and quotes are escaped as HTML)."""
LINE_START = frozenset("-+.>=")
"""Characters that start a list, quote, rule or heading underline at the start of a line."""
_ORDERED = re.compile(r"^(\d+)([.)])")
_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")
_EDGES = re.compile(r"^[ \t]+|[ \t]+$")
_SCRIPT = re.compile(r"(<script\b[^>]*>)(.*?)(?=</script>)", re.S | re.I)
_REFERENCE = re.compile(r"&#x([0-9a-f]{2});", re.I)
_RESTORED = {f"{ord(char):x}": char for char in ACTIVE | LINE_START | {")"}}


def markdown_plain(value) -> Markup:
    """``value`` as text that Markdown shows exactly as written, on one line. Spaces at
    either end shrink to one (four would make a code block, two a line break), but stay: a
    template may write ``{{ "all " if … }}`` before a number."""
    text = _EDGES.sub(" ", _BREAKS.sub(" ", str(value)))
    ordered = _ORDERED.match(text)
    marker = len(ordered[1]) if ordered else 0
    return Markup("").join(
        _reference(char)
        if char in ACTIVE or (n == 0 and char in LINE_START) or (ordered and n == marker)
        else escape(char)
        for n, char in enumerate(text)
    )


AS_WRITTEN = frozenset({"redirect.html.j2", "partials/find_area.html.j2"})
"""HTML templates whose values are written exactly as they are, line breaks included."""


@pass_context
def finalize(context, value):
    """What a template writes for ``{{ value }}``: text safe in Markdown in a Markdown
    template, text on one line in a page template; markup as Jinja2 would write it."""
    if value is None or isinstance(value, Markup):
        return value
    name = context.name or ""
    if name.endswith(".md.j2"):
        return markdown_plain(value)
    if name in AS_WRITTEN or not isinstance(value, str):
        return value
    return one_line(value)


def one_line(text: str) -> str:
    """``text`` on one line, with the spaces at either end shrunk to one, as
    ``markdown_plain`` writes it (Markdown would have joined the lines anyway)."""
    if text[:1] not in " \t" and text[-1:] not in " \t" and not _BREAKS.search(text):
        return text
    return _EDGES.sub(" ", _BREAKS.sub(" ", text))


def restore(html: str) -> str:
    """The HTML Markdown made, with ``finalize``'s references written back as characters
    (but not inside a script, such as JSON-LD, whose text is data)."""
    parts = _SCRIPT.split(html)
    # split gives text, then each script's opening tag and body in turn
    return "".join(
        part if n % 3 == 2 else _REFERENCE.sub(_character, part) for n, part in enumerate(parts)
    )


def _character(match: re.Match) -> str:
    return _RESTORED.get(match[1].lower(), match[0])


def _reference(char: str) -> Markup:
    return Markup(f"&#x{ord(char):x};")  # noqa: S704 - a character reference, nothing else
