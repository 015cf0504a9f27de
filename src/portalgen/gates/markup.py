"""Every page parses as HTML5 (html5lib) without a parse error."""

from __future__ import annotations

from pathlib import Path

import html5lib


def html_errors(html: Path, site: Path | None = None) -> list[str]:
    """Parse errors an HTML5 parser reports for the page, each with the line it is on."""
    parser = html5lib.HTMLParser(strict=False)
    source = html.read_bytes()
    parser.parse(source)
    lines = source.decode("utf-8", "replace").splitlines()
    where = html.relative_to(site).as_posix() if site else f"{html.parent.name}/{html.name}"
    return [
        f"{where}: line {line}, column {column}: {_words(code, data)}{_quoted(lines, line)}"
        for (line, column), code, data in parser.errors
    ]


def _words(code: str, data) -> str:
    """html5lib's error code, with the tag it is about: ``unexpected-end-tag (i)``."""
    name = (data or {}).get("name") if isinstance(data, dict) else None
    return f"{code} ({name})" if name else code


def _quoted(lines: list[str], line: int) -> str:
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return f' in "{text[:80]}"' if text else ""
