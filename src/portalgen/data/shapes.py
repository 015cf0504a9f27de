"""How big a boundary may be, checked on the GeoJSON itself before shapely reads it.

shapely's simplification takes time that grows with the square of a shape's points (a
shape of 50,000 points took 12.7 s, one of 200,000 crashed the build), a shape made of
thousands of parts becomes a map script of megabytes on every map page, and a point that
is ``NaN`` stops shapely with an error. Real boundaries are far inside these bounds: the
largest ONS ward or small area in the example and in the shared open data has 540 points
and 6 parts, the largest file 10,508 points (478 KB).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

MAX_POINTS = 10_000
"""Points in one area's shape (every ring of every part)."""
MAX_PARTS = 500
"""Separate parts (polygons) of one area's MultiPolygon: islands, say."""
MAX_FILE_POINTS = 100_000
"""Points in one boundaries file, over all its areas."""
MAX_FILE_BYTES = 10 * 2**20
"""Size of one boundaries file: 10 MB."""
GENERALISE = (
    "Use a generalised version of the boundaries (the ONS publishes each at 20 m and "
    "200 m, BGC and BSC), or simplify them, for example with mapshaper."
)


@dataclass
class Tally:
    """What a walk over a geometry's coordinates found."""

    points: int = 0
    bad: list = field(default_factory=list)
    """Coordinates that are not plain finite numbers."""


def shape_problem(geometry: dict) -> tuple[str | None, int]:
    """What is wrong with the size or the numbers of a Polygon or MultiPolygon, if
    anything, and how many points it has."""
    coordinates = geometry.get("coordinates")
    polygons = coordinates if geometry["type"] == "MultiPolygon" else [coordinates]
    if not isinstance(polygons, list) or not all(isinstance(p, list) for p in polygons):
        return "has coordinates that do not make a shape.", 0
    if len(polygons) > MAX_PARTS:
        return (
            f"has {len(polygons):,} separate parts; an area may have at most {MAX_PARTS}. "
            + GENERALISE
        ), 0
    tally = Tally()
    for ring in (ring for polygon in polygons for ring in polygon):
        _walk_ring(ring, tally)
    if tally.points > MAX_POINTS:
        return (
            f"has {tally.points:,} points; an area may have at most {MAX_POINTS:,}. " + GENERALISE
        ), tally.points
    if tally.bad:
        return (
            f"has a coordinate that is not a number ({tally.bad[0]}). Each point must be "
            "[longitude, latitude], written as plain numbers."
        ), tally.points
    return None, tally.points


def _walk_ring(ring, tally: Tally) -> None:
    if not isinstance(ring, list):
        tally.bad.append(_shown(ring))
        return
    for point in ring:
        tally.points += 1
        if not isinstance(point, list) or len(point) < 2:
            tally.bad.append(_shown(point))
            continue
        tally.bad += [_shown(value) for value in point if not _finite(value)]


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _shown(value) -> str:
    text = repr(value) if not isinstance(value, float) else str(value)
    text = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}.get(text, text)
    return text if len(text) <= 24 else text[:24] + "…"


def file_problem(points: int) -> str | None:
    if points > MAX_FILE_POINTS:
        return (
            f"has {points:,} points in all; a boundaries file may have at most "
            f"{MAX_FILE_POINTS:,}. " + GENERALISE
        )
    return None
