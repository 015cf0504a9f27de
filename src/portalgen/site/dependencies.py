"""What each generated page can show, so that under ``mkdocs serve`` a page is rendered
again only when that has changed (``Renders``). A build for publishing renders every page.

The rule is conservative:

- a page of a kind in ``LOCAL_KINDS`` depends on every package of each partnership it
  *reaches*: a partnership in its context, or the partnership of anything there (a plan,
  an indicator, an area set …), looked for in lists, tuples and dicts too, and in what
  the function making the rest of its context at render time (``later``) holds; and each
  partnership its sources lie under; and of every partnership *tied* to those, in turn:
  parent, successor, children, predecessors, and partnerships one's funding pays;
- a page of a kind in ``SHARED_KINDS`` (the glossary, the field reference …) depends on
  the partnerships it reaches, if any, and the world alone otherwise;
- a local page that reaches no partnership is rendered every time, and so is a page of
  any other kind (lists of every partnership or place, open data, search …);
- every page depends on the ``world``: the shared packages (the partnerships, the
  vocabulary, the addresses), the data folder's files outside any package, the portal's
  "as at" date, address and map tiles, and the templates and their environment;
- and on its own fields (title, dates, versions, feed, the names of its downloads …).

Packages are compared by the hash of their files (``data.cache.package_key``), not by date.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from ..data.cache import package_key
from ..data.load import PackageSource
from ..model.portal import Partnership, Portal
from .pages import Page
from .render import Rendered

LOCAL_KINDS = frozenset(
    {
        "partnership",
        "plan",
        "plan_changes",
        "priority",
        "governance",
        "body",
        "terms",
        "meetings",
        "meeting",
        "recommendations",
        "recommendation",
        "funding",
        "funding_year",
        "performance",
        "indicator",
        "areas_index",
        "area_map",
        "area",
    }
)
"""Page kinds about one partnership (or the partnerships covering one area)."""

SHARED_KINDS = frozenset({"field_reference", "glossary", "withdrawn", "accessibility"})
"""Page kinds made from the shared packages, the schemas and ``mkdocs.yml`` alone."""

TEMPLATES = Path(__file__).parent / "templates"

DEPTH = 3
"""How deep into lists, tuples and dicts of a page's context partnerships are looked for."""


def package_keys(portal: Portal) -> list[tuple[PackageSource, str]]:
    """Each package of ``portal`` with the hash of its files (``data.cache.package_key``):
    worked out once a rebuild, for both ``partnership_hashes`` and ``places_key``."""
    return [(package.source, package_key(package.source, None)) for package in portal.packages]


def partnership_hashes(keys: list[tuple[PackageSource, str]]) -> tuple[dict[str, str], str]:
    """The hash of each partnership's packages, by partnership id, and of the shared ones
    (the packages of no partnership); ``keys`` from ``package_keys``."""
    found: dict[str | None, hashlib._Hash] = {}
    for source, key in keys:
        digest = found.setdefault(source.partnership, hashlib.sha256())
        digest.update(f"{source.label}\0{key}\0".encode())
    shared = found.pop(None, hashlib.sha256()).hexdigest()
    return {key: digest.hexdigest() for key, digest in found.items()}, shared


def places_key(keys: list[tuple[PackageSource, str]]) -> str:
    """What the place index and shapes (``places.files``) are made from: the shared
    packages (partnerships, councils) and every areas package; ``keys`` from
    ``package_keys``."""
    digest = hashlib.sha256()
    for source, key in keys:
        if source.partnership is None or source.kind.name == "areas":
            digest.update(f"{source.label}\0{key}\0".encode())
    return digest.hexdigest()


class Kept:
    """A value made from some of the data, kept while that is unchanged (its ``key``)."""

    def __init__(self) -> None:
        self.key: str | None = None
        self.value = None

    def get(self, key: str, make: Callable[[], object]):
        if key != self.key:
            self.key, self.value = key, make()
        return self.value


def ties(portal: Portal) -> dict[str, frozenset[str]]:
    """Each partnership's id → the ids of every partnership tied to it, in turn (its group)."""
    groups = {p.id: {p.id} for p in portal.partnerships}
    for partnership in portal.partnerships:
        for other in _tied(partnership):
            merged = groups[partnership.id] | groups.get(other.id, {other.id})
            for member in merged:
                groups[member] = merged
    return {key: frozenset(group) for key, group in groups.items()}


def _tied(partnership: Partnership) -> Iterable[Partnership]:
    yield from (p for p in (partnership.parent, partnership.successor) if p is not None)
    yield from partnership.children
    yield from partnership.predecessors
    if partnership.funding is not None:
        paid = (amount.recipient for amount in partnership.funding.amounts)
        yield from (p for p in paid if isinstance(p, Partnership))
    yield from (amount.funding.partnership for amount in partnership.received)


def reached(page: Page, known: Iterable[str]) -> set[str]:
    """The ids of the partnerships ``page`` reaches (see the module's docstring)."""
    found = {source.split("/", 1)[0] for source in page.sources} & set(known)
    values = [(value, 0) for value in [*page.context.values(), *_later(page)]]
    while values:
        value, depth = values.pop()
        owner = _owner(value)
        if owner is not None:
            found.add(owner.id)
        if depth < DEPTH and isinstance(value, (list, tuple, set, frozenset)):
            values += [(item, depth + 1) for item in value]
        elif depth < DEPTH and isinstance(value, dict):
            values += [(item, depth + 1) for item in value.values()]
    return found


def _later(page: Page) -> list:
    """What a page's ``later`` (the part of its context made when it is rendered, if the
    page has one) is made from: the values its function holds."""
    later = getattr(page, "later", None)
    cells = getattr(later, "__closure__", None) or ()
    return [cell.cell_contents for cell in cells]


def _owner(value) -> Partnership | None:
    if isinstance(value, Partnership):
        return value
    if isinstance(value, (str, int, float, list, tuple, dict, set, frozenset)) or value is None:
        return None
    owner = getattr(value, "partnership", None)
    if owner is None:
        owner = getattr(getattr(value, "area_set", None), "partnership", None)
    return owner if isinstance(owner, Partnership) else None


NOT_FIELDS = ("context", "later", "downloads", "feed")
"""Page fields ``fields`` leaves to the rest of the key (the data a page reaches) or takes
in part (the names of its downloads, its feed's path and title)."""


def fields(page: Page) -> str:
    """What a page's output depends on besides its context: its own fields, every one of
    them, so a field added to ``Page`` is counted without being listed here."""
    feed = (page.feed.path, page.feed.title) if page.feed is not None else None
    own = [getattr(page, f.name) for f in dataclasses.fields(page) if f.name not in NOT_FIELDS]
    return repr((own, sorted(page.downloads), feed))


class Renders:
    """The last build's rendered pages and their downloads, each with what it was made
    from: a page whose inputs are the same is not rendered again, nor its downloads made."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[str, Rendered, dict[str, str]]] = {}
        self.rendered: list[str] = []
        """The pages rendered (not reused) by the last ``render_all``."""
        self.pages = 0
        """How many pages the last ``render_all`` was given."""

    def render_all(
        self,
        pages: list[Page],
        portal: Portal,
        keys: list[tuple[PackageSource, str]],
        world: str,
        render: Callable[[Page], Rendered],
    ) -> dict[str, Rendered]:
        """Each page's output by its source path, reused (with the page's downloads) where
        its inputs have not changed; ``keys`` are the packages' (``package_keys``), ``world``
        what every page depends on besides the data."""
        hashes, shared = partnership_hashes(keys)
        groups = ties(portal)
        world = f"{world}\0{shared}\0{portal.as_of}\0{portal.site_url}\0{portal.map_tiles}"
        made, self.rendered, last = {}, [], self.last
        self.pages = len(pages)
        self.last = {}
        for page in pages:
            key = _key(page, hashes, groups, world)
            kept = last.get(page.src_uri)
            if key is not None and kept is not None and kept[0] == key:
                made[page.src_uri], page.downloads = kept[1], kept[2]
            else:
                made[page.src_uri] = render(page)
                page.downloads = dict(page.downloads.items())
                self.rendered.append(page.src_uri)
            if key is not None:
                self.last[page.src_uri] = (key, made[page.src_uri], page.downloads)
        return made


def _key(page: Page, hashes: dict[str, str], groups: dict, world: str) -> str | None:
    """All ``page`` is made from, or None if that is not known (render it every time)."""
    if page.template not in LOCAL_KINDS | SHARED_KINDS:
        return None
    partnerships = reached(page, hashes.keys() | groups.keys())
    if not partnerships and page.template in LOCAL_KINDS:
        return None
    tied = sorted(set().union(*(groups.get(p, {p}) for p in partnerships)))
    packages = [(p, hashes.get(p)) for p in tied]
    return f"{world}\0{fields(page)}\0{packages!r}"


def world(env, watched: dict, data_dir: Path, portal: Portal) -> str:
    """What every page depends on besides its data: the template environment, the files
    ``watched`` outside ``data/`` (``mkdocs.yml``, ``overrides/`` …: their sizes and
    times), portalgen's own templates, and the data folder's files outside any package."""
    packages = {package.source.folder.resolve() for package in portal.packages}
    loose = [
        path
        for path in data_dir.resolve().rglob("*")
        if path.parent not in packages and not path.is_dir()
    ]
    state = [(str(path), file_state(path)) for path in [*loose, *sorted(TEMPLATES.rglob("*"))]]
    return repr((id(env), sorted(watched.items()), state))


def file_state(path: Path) -> tuple[int, int]:
    """A file's size and time of change, ``(-1, -1)`` if it cannot be read."""
    try:
        status = path.stat()
    except OSError:
        return (-1, -1)
    return (status.st_size, status.st_mtime_ns)
