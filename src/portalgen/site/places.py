"""The place index: every ward and small area, council and partnership, with the page to open.

Made at build time from the portal and published as files of the site, so the home page's
"Find your area" box needs no other service: ``places.json`` (names to match as a resident
types) and ``places-shapes.json`` (the current boundaries, for "Use my location", matched in
the browser). The ``/places/`` page lists the same places A to Z for readers without
JavaScript.

A boundary vintage is *old* when its package says when it stopped being used
(``in_use_until: 2022-05``), or when another vintage of the same partnership is newer, and
newer means a later year in its ``vintage`` field ("ONS wards, December 2013"). A vintage
that says neither is never marked old: the portal does not guess. "Use my location" matches
current boundaries, and old ones only for a partnership that has no current ones, saying so.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass

from ..model.areas import AreaSet
from ..model.portal import Partnership, Portal
from . import urls

FOLDER = "assets/portalgen"
INDEX = f"{FOLDER}/places.json"
SHAPES = f"{FOLDER}/places-shapes.json"
PATHS = (INDEX, SHAPES)
"""The files ``files`` writes, named without making them (the address checks need no more)."""
KIND_ORDER = {"ward": 0, "small area": 1, "council": 2, "partnership": 3}


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    """ward, small area, council or partnership."""
    within: str
    """Where it is, in words: the council of a ward, the partnership of a council."""
    url: str
    """The address of the page to open, from the site's root (``wards/E05000268/``)."""
    old: str = ""
    """For an area of an old boundary vintage, the year the newer boundaries start."""

    @property
    def where(self) -> str:
        """What and where it is, in words: "ward in Haringey (old boundary, before 2022)"."""
        linking = ", covered by " if self.kind == "council" else " in "
        text = f"{self.kind}{linking}{self.within}" if self.within else self.kind
        return f"{text} (old boundary, before {self.old})" if self.old else text


def fold(text: str) -> str:
    """Lower case without accents, as the box matches: "Šoho" and "soho" are the same."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _year(area_set: AreaSet) -> int | None:
    years = re.findall(r"\b(?:19|20)\d\d\b", area_set.vintage)
    return int(years[-1]) if years else None


def replaced_in(area_set: AreaSet) -> str:
    """The year the boundaries stopped being used, or that of the next newer vintage of the
    same partnership; "" if they are current."""
    if area_set.in_use_until:
        return area_set.in_use_until[:4]
    year = _year(area_set)
    newer = [y for s in area_set.partnership.area_sets if (y := _year(s)) and year and y > year]
    return str(min(newer)) if newer else ""


def _councils(partnership: Partnership) -> dict[str, str]:
    return {la.id: la.name for la in partnership.local_authorities}


def _areas(partnership: Partnership) -> list[Place]:
    councils = _councils(partnership)
    return [
        Place(
            area.name,
            area.kind,
            councils.get(area.local_authority, partnership.name),
            urls.area(area),
            replaced_in(area_set),
        )
        for area_set in partnership.area_sets
        for area in area_set.areas
    ]


def _bodies(partnership: Partnership) -> list[Place]:
    address = urls.partnership(partnership)
    places = [Place(partnership.name, "partnership", "", address)]
    places += [
        Place(name, "council", partnership.name, address)
        for name in dict.fromkeys(_councils(partnership).values())
    ]
    return places


def places(portal: Portal) -> list[Place]:
    """Every place, sorted by name (without accents), then kind; a council covered by more
    than one partnership leads first to the most local one (covering fewest councils)."""
    found = {
        place
        for partnership in portal.partnerships
        for place in (*_areas(partnership), *_bodies(partnership))
    }
    size = {urls.partnership(p): len(_councils(p)) for p in portal.partnerships}

    def key(place: Place):
        local = size[place.url] if place.kind == "council" else 0
        return (fold(place.name), KIND_ORDER[place.kind], local, place.old, place.url, place.within)

    return sorted(found, key=key)


def letter(place: Place) -> str:
    first = fold(place.name)[:1].upper()
    return first if first.isalpha() else "#"


def by_letter(portal: Portal) -> list[tuple[str, list[Place]]]:
    letters: dict[str, list[Place]] = {}
    for place in places(portal):
        letters.setdefault(letter(place), []).append(place)
    return sorted(letters.items())


def shapes(portal: Portal) -> list[dict]:
    """The areas of every current vintage with their rings (simplified as on the maps)."""
    from . import maps  # folium and shapely: not for the address checks, which only list pages

    found = []
    for partnership in portal.partnerships:
        for area_set in _located_sets(partnership):
            old = replaced_in(area_set)
            for feature in maps.simplified(area_set)["features"]:
                area = area_set.area(feature["properties"]["code"])
                found.append(
                    {"name": area.name, "kind": area.kind, "url": urls.area(area), "old": old}
                    | {"rings": _rings(feature["geometry"])}
                )
    return sorted(found, key=lambda s: (KIND_ORDER[s["kind"]], s["url"]))


def _located_sets(partnership: Partnership) -> list[AreaSet]:
    """The vintages "Use my location" matches: the current ones, or, where the partnership
    has none on the portal, its newest old ones (a resident there still gets a page)."""
    current = [s for s in partnership.area_sets if not replaced_in(s)]
    if current or not partnership.area_sets:
        return current
    newest = max(replaced_in(s) for s in partnership.area_sets)
    return [s for s in partnership.area_sets if replaced_in(s) == newest]


def _rings(geometry: dict) -> list:
    """Every ring of a polygon or multipolygon: a point is inside when it is inside an odd
    number of them (holes included), as the browser counts."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return [ring for polygon in polygons for ring in polygon]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def files(portal: Portal) -> dict[str, str]:
    """Site path → content of the place index and the shapes, the same for the same data."""
    return {
        INDEX: _json({"places": [asdict(p) | {"where": p.where} for p in places(portal)]}),
        SHAPES: _json({"areas": shapes(portal)}),
    }


PLACEHOLDER = '<div id="find-your-area"></div>'
"""Where an editor's page (``content/index.md``) asks for the "Find your area" box. The
box is a form, which the allow-list for content pages removes, so portalgen puts it in
after the page is cleaned."""


def examples(portal: Portal) -> list[str]:
    """Names to try, from the portal's own places: the first current ward, council and
    partnership in A to Z order (one of each kind there is), each a different name."""
    first: dict[str, str] = {}
    for place in places(portal):
        if place.old or place.kind == "small area" or place.kind in first:
            continue
        if not any(name in place.name or place.name in name for name in first.values()):
            first[place.kind] = place.name  # not "Bromsgrove or Bromsgrove CSP"
    return [first[kind] for kind in KIND_ORDER if kind in first]


def with_find_box(html: str, env, address: str, portal: Portal) -> str:
    """``html`` with the box in place of its placeholder; ``address`` is the page's."""
    if PLACEHOLDER not in html:
        return html
    root = urls.relative(address, "")
    box = env.get_template("partials/find_area.html.j2").render(
        root=root,
        index=INDEX,
        shapes=SHAPES,
        examples=examples(portal),
        # no "Use my location" without a boundary to look in (without simplifying them all)
        locate=any(partnership.area_sets for partnership in portal.partnerships),
    )
    return html.replace(PLACEHOLDER, box, 1)
