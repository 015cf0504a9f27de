"""``portalgen init``: a new portal for one partnership, ready to check and publish.

It writes what a partnership needs to publish on its own, without this repository: the
settings (``mkdocs.yml``), the editors' pages (``content/``), the data (``data/``: portalgen's
default vocabulary and the partnership's row), the workflow that checks every pull request
and publishes ``main`` to GitHub Pages, a ``.gitignore``, the pinned ``requirements.txt`` and
a README for its editors. The files come from ``starter/`` beside this module: templates
(``.j2``) filled in with the partnership's name and council, other files copied as they are.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from .scaffold import kind_of, tier_of
from .scaffold_files import ScaffoldError, rows, today, write_rows

STARTER = files("portalgen") / "starter"
RENAMED = {"gitignore": ".gitignore", "workflow.yml": ".github/workflows/portal.yml"}
"""Files kept under another name in the package, so that packaging tools and this
repository's own workflows do not take them for their own."""
SUFFIXES = ("-community-safety-partnership", "-safety-partnership", "-partnership")
MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|])")
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


class InitError(ScaffoldError):
    """The portal cannot be written as asked, said in plain English."""


@dataclass(frozen=True)
class Portal:
    """What ``init`` writes into the templates."""

    name: str
    id: str
    council: str
    council_name: str
    site_url: str
    email: str | None


def init(
    folder: Path,
    name: str,
    council: str,
    *,
    partnership: str | None = None,
    council_name: str | None = None,
    site_url: str | None = None,
    email: str | None = None,
) -> list[Path]:
    """Write a new portal into ``folder`` (new, or empty) and return the files written."""
    if folder.exists() and any(folder.iterdir()):
        raise InitError(f"{folder.as_posix()} is not empty: choose a new folder for the portal.")
    tier_of(council.strip())  # a clear message for a code that is not a council's
    portal = Portal(
        name=_name(name),
        id=partnership or identifier(name),
        council=council.strip(),
        council_name=_council_name(council.strip(), council_name),
        site_url=_site_url(site_url or DEFAULT_SITE_URL),
        email=email,
    )
    written = _starter(folder, portal)
    written += _partnership(folder / "data", portal)
    return sorted(written)


def identifier(name: str) -> str:
    """A short id from the partnership's name, for its addresses: "Demo Community Safety
    Partnership" gives ``demo``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    for suffix in SUFFIXES:
        if slug.endswith(suffix) and slug != suffix.strip("-"):
            return slug.removesuffix(suffix)
    if not slug:
        raise InitError('Give the partnership\'s name in letters, e.g. --name "Anytown CSP".')
    return slug


def _name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InitError('Give the partnership\'s name, e.g. --name "Anytown CSP".')
    return name


def _council_name(code: str, given: str | None) -> str:
    known = {row["id"]: row["name"] for row in rows(_file("data/vocabulary/local-authorities.csv"))}
    if given:
        return given
    if code in known:
        return known[code]
    raise InitError(
        f"portalgen does not know the council {code}. Give its name as well, for example "
        f'--council-name "Anytown" (the name the Office for National Statistics uses).'
    )


def _site_url(url: str) -> str:
    if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?", url):
        raise InitError(
            f'"{url}" is not a web address. Give where the portal will be published, '
            "e.g. --site-url https://<owner>.github.io/<repository>/"
        )
    return url if url.endswith("/") else f"{url}/"


def _file(path: str) -> Path:
    return Path(str(STARTER / path))


def _starter(folder: Path, portal: Portal) -> list[Path]:
    """Every file of ``starter/``: templates filled in, the rest copied."""
    environment = Environment(
        keep_trailing_newline=True, undefined=StrictUndefined, autoescape=False
    )
    environment.filters["md"] = lambda text: MARKDOWN.sub(r"\\\1", text)
    values = {
        **vars(portal),
        "today": today().isoformat(),
        "first_year": _financial_year(today().year, today().month),
        "portalgen_version": metadata.version("portalgen"),
    }
    root = _file("")
    written = []
    for source in sorted(path for path in root.rglob("*") if path.is_file()):
        relative = source.relative_to(root).as_posix()
        if "__pycache__" in relative:
            continue
        relative = relative.removesuffix(".j2")
        target = folder / RENAMED.get(relative, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".j2":
            text = environment.from_string(source.read_text("utf-8")).render(values)
            target.write_text(text, "utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written


def _financial_year(year: int, month: int) -> str:
    start = year if month >= 4 else year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def _partnership(data: Path, portal: Portal) -> list[Path]:
    """The partnership's row, and its council's if portalgen's list lacks it."""
    written = []
    councils = data / "vocabulary" / "local-authorities.csv"
    known = rows(councils)
    if portal.council not in {row["id"] for row in known}:
        row = {"id": portal.council, "name": portal.council_name, "tier": tier_of(portal.council)}
        write_rows(councils, "local-authorities", [*known, row])
        written.append(councils)
    path = data / "partnerships" / "partnerships.csv"
    row = {
        "id": portal.id,
        "name": portal.name,
        "kind": kind_of([portal.council]),
        "local_authorities": portal.council,
        "summary": (
            f"The community safety partnership for {portal.council_name}. Its plans, "
            "meetings and figures have not yet been added to this portal."
        ),
    }
    write_rows(path, "partnerships", [row])
    return [*written, path]
