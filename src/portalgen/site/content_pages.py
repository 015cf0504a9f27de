"""Editors' own pages in ``content/``: what their front matter may say, and which other
files may sit beside them.

A page's front matter reaches the theme's templates (the ``<title>``, the navigation, the
``<meta name="description">``), which write it as it is. So only a few keys are allowed,
and their text is escaped here, once, as portalgen does for the pages it makes.

Only files that cannot run script in the site's origin are published from ``content/``:
pictures, documents and data (``SAFE_FILES``). A web page, SVG, script, stylesheet or
XML file is refused, and a picture or PDF must start as its kind of file does, so a web
page renamed ``.png`` is refused too. Scripts and styles belong in ``overrides/``.
"""

from __future__ import annotations

import html
from pathlib import Path

ZIP = (b"PK\x03\x04",)
SAFE_FILES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".pdf": (b"%PDF-",),
    ".csv": (),
    ".txt": (),
    ".json": (),
    ".geojson": (),
    ".zip": ZIP,
    ".docx": ZIP,
    ".xlsx": ZIP,
    ".pptx": ZIP,
    ".odt": ZIP,
    ".ods": ZIP,
    ".odp": ZIP,
}
"""Kinds of file a content folder may hold beside its pages, and how each must start
(nothing to check for plain text)."""

TEXT_KEYS = ("title", "description")
HIDE = frozenset({"navigation", "toc", "footer", "feedback", "path", "tags"})
SEARCH = {"boost": (int, float), "exclude": (bool,)}
KEYS = "title, description, hide and search"


def file_problem(label: str, path: Path) -> str | None:
    """Why ``path`` (named ``label``) may not be published from ``content/``, if it may not."""
    suffix = path.suffix.lower()
    if suffix not in SAFE_FILES:
        kinds = ", ".join(name.lstrip(".") for name in SAFE_FILES)
        return (
            f"{label}: the portal does not publish {suffix or 'files without an ending'} "
            "files from content/, since a web page, SVG picture or script there could run in "
            f"the portal's pages. Pages are Markdown (.md); other files may be {kinds}. "
            "Remove it, or save it as one of those; scripts and styles belong in overrides/."
        )
    starts = SAFE_FILES[suffix]
    with path.open("rb") as file:
        head = file.read(16)
    if starts and not head.startswith(starts):
        return (
            f"{label}: is named {suffix} but is not a {suffix.lstrip('.').upper()} file. "
            f"Save it again as a real {suffix.lstrip('.').upper()} file, or remove it."
        )
    return None


def front_matter(label: str, meta: dict) -> tuple[dict, list[str]]:
    """``meta`` with its text escaped for the theme's templates, and what is not allowed."""
    clean, problems = {}, []
    for key, value in meta.items():
        problem = _problem(key, value)
        if problem:
            problems.append(f"{label}: front matter {key}: {problem}")
        elif key in TEXT_KEYS:
            clean[key] = html.escape(str(value), quote=True)
        else:
            clean[key] = value
    return clean, problems


def _problem(key: str, value) -> str | None:
    if key in TEXT_KEYS:
        if isinstance(value, (dict, list)):
            return "must be text on one line."
        return None
    if key == "hide":
        if not isinstance(value, list) or not set(map(str, value)) <= HIDE:
            return f"must be a list of some of: {', '.join(sorted(HIDE))}."
        return None
    if key == "search":
        allowed = isinstance(value, dict) and all(
            k in SEARCH and isinstance(v, SEARCH[k]) for k, v in value.items()
        )
        return None if allowed else "may only set boost (a number) and exclude (true or false)."
    return f"is not allowed: content pages may set {KEYS}. Remove it."
