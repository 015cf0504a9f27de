"""Choropleth maps with folium, made at build time, with nothing fetched from another host.

folium writes a Leaflet map as a ``<div>`` and a script. We take just those two: the
script is published as a file beside the page, Leaflet itself is served from the site
(``xstatic-leaflet``), there are no base tiles unless a tile server is configured, and the
legend is plain HTML, so no d3 or CDN link appears. folium's element ids come from random
bytes; while a map is made they come from a counter instead, so the same data gives the
same page. The map's script ends by handing the map to ``maps.js`` (a file in
``site/assets/``), which names the areas where their names fit and makes each shape a way
to its place page: with the Tab key and Enter, a click, or a first tap to preview and a
second to open.
"""

from __future__ import annotations

import contextlib
import html
import itertools
import json
import weakref
from dataclasses import dataclass

import branca.element
import folium
import jinja2
import jinja2.lexer
from shapely.geometry import mapping, shape
from shapely.ops import polylabel

from ..data.formats import number
from ..model.areas import AreaSet, Metric

COLOURS = ("#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b")
"""Light to dark: higher figures are darker. Each class is also named in the legend, whose
swatches (.pg-swatch--1 to --5 in portalgen.css) use the same colours."""
NO_FIGURE = "#ffffff"
SIMPLIFY_DEGREES = 0.0002
"""About 15 metres: finer than a ward map on a phone can show."""
PLACES = 5
"""Coordinates are rounded to 5 decimal places, about a metre."""
BROWSER_SMOOTHING = 0
"""Leaflet simplifies each shape again in the browser, by a recursion as deep as the shape
has points in the worst case: a valid shape of 5,000 points (a comb) overflowed the
browser's stack and no area was drawn. The build has already simplified the shapes to
about 15 metres, so Leaflet's own smoothing (``smoothFactor``) is turned off."""
ZOOM_SNAP = 0.25
"""Zoom in quarter steps, so that fitting the map to the area fills the frame (whole steps
can leave the area at half the frame's width)."""

WAY_IN = "portalgenMap.attach({map}, {layer});"
"""The call in the map's script that hands the map to ``maps.js`` (in ``site/assets/``),
which labels the areas, previews an area on hover or a first tap, and opens its page on a
click, a second tap or Enter."""


class _WayIn(branca.element.MacroElement):
    """The ``WAY_IN`` call, written after folium has drawn and fitted the map."""

    _template = jinja2.Template("{% macro script(this, kwargs) %}{{ this.call }}\n{% endmacro %}")

    def __init__(self, world: folium.Map, layer: folium.GeoJson):
        super().__init__()
        self.call = WAY_IN.format(map=world.get_name(), layer=layer.get_name())


@dataclass
class Band:
    low: float
    high: float
    colour: str
    label: str


@dataclass
class MapParts:
    html: str
    """The map's container, to put in the page."""
    script: str
    """The script that draws it, to publish as a file beside the page."""
    bands: list[Band]


_SIMPLIFIED: weakref.WeakKeyDictionary[AreaSet, dict] = weakref.WeakKeyDictionary()
"""Simplified boundaries by area set; an entry goes when its portal does (mkdocs serve
loads a new portal on every change)."""


_BOUNDS: weakref.WeakKeyDictionary[AreaSet, list[list[float]]] = weakref.WeakKeyDictionary()
"""The box around each area set's simplified boundaries, kept as ``_SIMPLIFIED`` is."""


def simplified(area_set: AreaSet) -> dict:
    """The area set's boundaries, simplified and rounded once, and shared by all its maps."""
    if area_set not in _SIMPLIFIED:
        _SIMPLIFIED[area_set] = _simplify(area_set.geojson)
    return _SIMPLIFIED[area_set]


def _simplify(geojson: dict) -> dict:
    features = []
    for feature in geojson["features"]:
        geometry = shape(feature["geometry"]).simplify(SIMPLIFY_DEGREES, preserve_topology=True)
        features.append(
            {
                "type": "Feature",
                "properties": {**feature["properties"], "at": _label_point(geometry)},
                "geometry": _rounded(mapping(geometry)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _label_point(geometry) -> list[float]:
    """Where the area's name goes, as [latitude, longitude]: the point of its largest part
    farthest from the edge, so that the name sits inside even a curved or hollow shape."""
    parts = getattr(geometry, "geoms", [geometry])
    largest = max(parts, key=lambda part: part.area)
    point = polylabel(largest, tolerance=SIMPLIFY_DEGREES)
    return [round(point.y, PLACES), round(point.x, PLACES)]


def _rounded(geometry: dict) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(c, PLACES) for c in value]
            return [walk(v) for v in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def bands(values: list[float], unit: str) -> list[Band]:
    """Up to five classes of (nearly) equal numbers of areas, lowest first."""
    ordered = sorted(values)
    if not ordered:
        return []
    count = min(len(COLOURS), len(set(ordered)))
    edges = [ordered[round(i * (len(ordered) - 1) / count)] for i in range(count + 1)]
    result = []
    for i in range(count):
        low, high = edges[i], edges[i + 1]
        result.append(Band(low, high, COLOURS[i], f"{number(low, unit)} to {number(high, unit)}"))
    return result


def colour(value: float | None, classes: list[Band]) -> str:
    if value is None:
        return NO_FIGURE
    for band in classes:
        if value <= band.high:
            return band.colour
    return classes[-1].colour


def choropleth(
    map_id: str,
    metric: Metric,
    period: str,
    links: dict[str, str],
    tiles: tuple[str, str] | None = None,
) -> MapParts:
    """The map of ``metric`` in ``period``; ``links`` gives each area code its page."""
    shown = _shown_values(metric, period)
    unit = "rate" if metric.per_1000 else metric.unit
    classes = bands([v for v in shown.values() if v is not None], unit)
    data = simplified(metric.area_set)
    features = []
    for feature in data["features"]:
        code = feature["properties"]["code"]
        properties = {
            "code": code,
            "name": feature["properties"]["name"],
            "figure": _figure(metric, period, code),
            "href": links[code],
            "fill": colour(shown.get(code), classes),
            "at": feature["properties"]["at"],
        }
        features.append({**feature, "properties": properties})
    collection = {"type": "FeatureCollection", "features": features}
    with _counted_ids(map_id), _plain_text_elements():
        parts = _render(collection, bounds(metric.area_set), tiles)
    return MapParts(*parts, classes)


def _shown_values(metric: Metric, period: str) -> dict[str, float | None]:
    codes = [area.code for area in metric.area_set.areas]
    if metric.per_1000:
        return {code: metric.rate(period, code) for code in codes}
    return {code: metric.values.get(period, {}).get(code) for code in codes}


def _figure(metric: Metric, period: str, code: str) -> str:
    value = metric.values.get(period, {}).get(code)
    text = number(value, metric.unit)
    rate = metric.rate(period, code)
    return f"{text} ({number(rate, 'rate')} per 1,000 residents)" if rate is not None else text


@contextlib.contextmanager
def _counted_ids(prefix: str):
    """folium's element ids from a counter, not random bytes, while one map is made."""
    counter = itertools.count()
    original = branca.element.Element.__dict__["_generate_id"]
    branca.element.Element._generate_id = classmethod(lambda cls: f"{prefix}_{next(counter)}")
    try:
        yield
    finally:
        branca.element.Element._generate_id = original


PLAIN_TEXT_ELEMENTS = True
"""Whether maps are made with ``_plain_text_elements``; False makes them as folium alone
does (``bench/maps.py`` and the tests compare the two)."""


@contextlib.contextmanager
def _plain_text_elements():
    """folium renders each part of a map (the map's options, the GeoJSON layer with all its
    shapes, the fitting) to text, then hands that text to a branca ``Element`` as a Jinja
    template, which Jinja compiles, at about 1 ms for every 100 KB, only to give the same
    text back. While a map is made, a text without Jinja markup becomes a ``_PlainText``
    instead, which gives back what Jinja would (see ``_PlainText``), without compiling it.
    A text with markup (an area named "{{ x }}") is compiled as before."""
    if not PLAIN_TEXT_ELEMENTS:
        yield
        return
    original = branca.element.Template
    branca.element.Template = _element_template
    try:
        yield
    finally:
        branca.element.Template = original


MARKUP = ("{{", "{%", "{#")
"""What starts Jinja markup, with Jinja's default delimiters (which branca's templates use)."""


def _element_template(source: str):
    if any(start in source for start in MARKUP):
        return jinja2.Template(source)
    return _PlainText(str(source))


class _PlainText:
    """A Jinja template of text alone, rendered as Jinja renders it: line endings made
    ``\n`` and one final line ending dropped (Jinja's ``keep_trailing_newline`` is off).
    Anything else asked of it goes to the template Jinja compiles."""

    def __init__(self, source: str):
        self.source = source
        self.text = "\n".join(_without_last_empty(jinja2.lexer.newline_re.split(source)[::2]))

    def render(self, *args, **kwargs) -> str:
        return self.text

    def __getattr__(self, name: str):
        return getattr(jinja2.Template(self.source), name)


def _without_last_empty(lines: list[str]) -> list[str]:
    return lines[:-1] if lines[-1] == "" else lines


def _render(data: dict, fitted: list[list[float]], tiles) -> tuple[str, str]:
    world = folium.Map(
        location=None, tiles=None, zoom_start=None, control_scale=False, zoom_snap=ZOOM_SNAP
    )
    if tiles:
        # Leaflet writes the attribution as HTML: the site's credit is text.
        attribution = html.escape(tiles[1])
        folium.TileLayer(tiles=tiles[0], attr=attribution, name="Base map").add_to(world)
    layer = folium.GeoJson(
        data,
        style_function=lambda f: {
            "fillColor": f["properties"]["fill"],
            "color": "#0b0c0c",
            "weight": 1,
            "fillOpacity": 0.85,
        },
        smooth_factor=BROWSER_SMOOTHING,
    ).add_to(world)
    world.fit_bounds(fitted)
    _WayIn(world, layer).add_to(world)
    figure = world.get_root()
    figure.render()
    return figure.html.render().strip(), figure.script.render().strip() + "\n"


def bounds(area_set: AreaSet) -> list[list[float]]:
    """The box around the area set's simplified boundaries, [[south, west], [north, east]],
    worked out once and shared by all its maps."""
    if area_set not in _BOUNDS:
        _BOUNDS[area_set] = _bounds(simplified(area_set))
    return _BOUNDS[area_set]


def _bounds(data: dict) -> list[list[float]]:
    shapes = [shape(f["geometry"]) for f in data["features"]]
    west = min(s.bounds[0] for s in shapes)
    south = min(s.bounds[1] for s in shapes)
    east = max(s.bounds[2] for s in shapes)
    north = max(s.bounds[3] for s in shapes)
    return [[south, west], [north, east]]


def geojson_size(data: dict) -> int:
    return len(json.dumps(data, separators=(",", ":")))
