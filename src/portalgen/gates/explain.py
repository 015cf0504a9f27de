"""Problems in a built site, in an editor's words: the file to open first, what is wrong,
how to fix it. The same problem on many pages (it comes from a template in ``overrides/``)
is said once, with the number of pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FIXES = {
    "build": "",
    "links": "Correct the link, or remove it.",
    "loads": (
        "A portal loads nothing from other sites, so that they cannot follow its readers: "
        "put a copy in the portal's own files and use that, or remove it."
    ),
    "HTML": "Correct the HTML there: an end tag without its start tag, or an element left open.",
    "policy": "",
    "browser": "",
}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_POSITION = re.compile(r"^line \d+, column \d+: ")
_LOGGED = re.compile(r"^(?P<level>[A-Z]+)\s+-  (?P<message>.*)$")
_SAID = re.compile(r"^(Aborted with|There (is|are) \d+ problems? in the data:$)")
_DOC_FILE = re.compile(r"^Doc file '(?P<file>[^']+)' (?P<message>.*)$")


@dataclass(frozen=True)
class Explained:
    """One problem: ``file`` to open (a path in the portal, or a page of the built site)."""

    file: str
    text: str
    in_portal: bool = False

    def __str__(self) -> str:
        return self.text


class SiteProblems:
    """Turns ``<page>: <problem>`` lines from the gates and the build into ``Explained``."""

    def __init__(self, docs: Path, root: Path):
        self.docs, self.root = docs, root

    def build_warnings(self, output: str) -> list[Explained]:
        """The warnings and errors MkDocs printed, a line each (an error's lines after its
        first, such as each problem a ``DataError`` lists, are problems of their own)."""
        lines, level = [], None
        for line in _ANSI.sub("", output).splitlines():
            logged = _LOGGED.match(line)
            if logged:
                level, line = logged["level"], logged["message"]
            if level not in ("WARNING", "ERROR") or not line.strip() or _SAID.match(line):
                continue
            doc = _DOC_FILE.match(line)
            if doc:
                line = f"{self._docs_label()}/{doc['file']}: {doc['message']}"
            lines.append(line.strip().removeprefix("site/"))
        return self.explain("build", lines)

    def explain(self, gate: str, found: list[str]) -> list[Explained]:
        """Each distinct problem once, on its first page, with how many pages have it."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for line in found:
            page, _, message = line.partition(": ")
            if not message or " " in page:  # not about one page: MkDocs' own messages
                page, message = "", line
            groups.setdefault(_POSITION.sub("", message), []).append((page, message))
        return [self._one(gate, pages) for pages in groups.values()]

    def _one(self, gate: str, pages: list[tuple[str, str]]) -> Explained:
        if not pages[0][0]:
            return Explained("", pages[0][1])
        generated = [(page, message) for page, message in pages if not self._source(page)]
        page, message = generated[0] if len(pages) > 1 and generated else pages[0]
        source = self._source(page)
        where = f"{source} (page {_address(page)})" if source else f"site/{page}"
        if source == page:
            where = source
        others = len({page for page, _ in pages}) - 1
        if others:
            where += f" and {others} other page{'s' if others > 1 else ''}"
        fix = FIXES[gate]
        if others and not source:
            fix += " As it is on many pages, it most likely comes from a template in overrides/."
        fix = fix.strip()
        if fix:
            message += f"{'' if message.endswith('.') else '.'} {fix}"
        return Explained(source or f"site/{page}", f"{where}: {message}", bool(source))

    def _source(self, page: str) -> str | None:
        """The editor's file a page is made from (``content/about.md``), if any; a
        ``content/…`` path is one already."""
        if page.startswith(f"{self._docs_label()}/"):
            return page
        stem = page.removesuffix("index.html").removesuffix(".html").strip("/") or "index"
        for candidate in (f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md"):
            if (self.docs / candidate).is_file():
                return f"{self._docs_label()}/{candidate}"
        return None

    def _docs_label(self) -> str:
        try:
            return self.docs.relative_to(self.root).as_posix()
        except ValueError:
            return self.docs.as_posix()


def _address(page: str) -> str:
    return "/" + page.removesuffix("index.html")
