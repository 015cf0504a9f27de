"""Read and check an areas package's ``boundaries.geojson``: real polygons, in WGS84
longitude and latitude, one for each area in ``areas.csv`` and no other."""

from __future__ import annotations

import json

from shapely.geometry import shape
from shapely.validation import explain_validity

from .checked import Checked
from .load import read_text
from .problems import Problem
from .shapes import GENERALISE, MAX_FILE_BYTES, file_problem, shape_problem

FILE = "boundaries.geojson"
POLYGONS = ("Polygon", "MultiPolygon")
UNITED_KINGDOM = (-9.0, 49.8, 2.0, 61.0)
"""West, south, east and north edges, in degrees, of a box round the United Kingdom (the
Isles of Scilly to Shetland, Northern Ireland to Lowestoft)."""


def check_boundaries(package: Checked) -> None:
    """Parse the boundaries into ``package.attachments["boundaries"]``, or add problems."""
    label = package.source.file_label(FILE)
    text, problems = read_text(package.source.folder / FILE, label)
    if text is None:
        package.problems += problems
        return
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        message = f"is larger than {MAX_FILE_BYTES // 2**20} MB, the most a boundaries file may be."
        package.problems.append(Problem(label, None, None, f"{message} {GENERALISE}"))
        return
    try:
        data = json.loads(text)
    except ValueError as error:
        package.problems.append(
            Problem(
                label, getattr(error, "lineno", None), None, f"is not valid GeoJSON: {error.msg}."
            )
        )
        return
    except RecursionError:
        message = "is not GeoJSON portalgen can read: its lists are nested too deeply."
        package.problems.append(Problem(label, None, None, message))
        return
    found = _feature_problems(data, label)
    features = data.get("features") if isinstance(data, dict) else None
    features = features if isinstance(features, list) else []
    codes = [f["properties"]["code"] for f in features if _has_code(f)]
    found += _code_problems(package, codes, label)
    package.problems += found
    if not found:
        package.attachments["boundaries"] = data


def _has_code(feature) -> bool:
    return (
        isinstance(feature, dict)
        and isinstance(feature.get("properties"), dict)
        and isinstance(feature["properties"].get("code"), str)
        and bool(feature["properties"]["code"])
    )


def _code_missing(feature, where: str) -> str:
    properties = feature.get("properties") if isinstance(feature, dict) else None
    code = properties.get("code") if isinstance(properties, dict) else None
    if code is None or code == "":
        return f"{where} has no code property."
    shown = json.dumps(code, allow_nan=True)[:24]
    return (
        f"{where} has a code that is not text ({shown}). Write it in double quotes, for "
        'example "E05000266".'
    )


def _feature_problems(data, label: str) -> list[Problem]:
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return [Problem(label, None, None, 'must be a GeoJSON "FeatureCollection".')]
    features = data.get("features") or []
    if not isinstance(features, list):
        return [Problem(label, None, None, 'must have a list of "features".')]
    problems, sound, points = [], [], 0
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        if not _has_code(feature):
            problems.append(Problem(label, None, "code", _code_missing(feature, where)))
            continue
        message, count = _size_problem(feature.get("geometry"))
        if message:
            code = feature["properties"]["code"]
            problems.append(Problem(label, None, "geometry", f"{where} ({code}) {message}"))
        else:
            points += count
            sound.append((number, feature))
    too_many = file_problem(points)
    if too_many:
        return [*problems, Problem(label, None, None, too_many)]
    return problems + _shape_problems(sound, label)


def _size_problem(geometry) -> tuple[str | None, int]:
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGONS:
        return "is not a Polygon or MultiPolygon.", 0
    return shape_problem(geometry)


def _shape_problems(features: list[tuple[int, dict]], label: str) -> list[Problem]:
    """Shapes of a bounded size, read by shapely: real polygons in WGS84."""
    problems = []
    for number, feature in features:
        code = feature["properties"]["code"]
        where = f"feature {number} ({code})"
        message, bounds = _geometry_problem(feature["geometry"])
        if message:
            problems.append(Problem(label, None, "geometry", f"{where} {message}"))
        elif bounds and not _in_united_kingdom(bounds):
            problems.append(Problem(label, None, "geometry", _abroad(where, bounds), warning=True))
    return problems


def _geometry_problem(geometry: dict) -> tuple[str | None, tuple | None]:
    """What is wrong with a shape, else its bounds (west, south, east, north)."""
    try:
        polygon = shape(geometry)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        return f"has coordinates that do not make a shape ({error}).", None
    west, south, east, north = polygon.bounds
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        return (
            "has coordinates outside longitude -180 to 180 and latitude -90 to 90: save it "
            "in WGS84 (EPSG:4326, longitude then latitude), not British National Grid."
        ), None
    if not polygon.is_valid:
        return f"is not a valid polygon ({explain_validity(polygon)}).", None
    return None, polygon.bounds


def _in_united_kingdom(bounds: tuple) -> bool:
    west, south, east, north = bounds
    edge_west, edge_south, edge_east, edge_north = UNITED_KINGDOM
    return edge_west <= west and east <= edge_east and edge_south <= south and north <= edge_north


def _abroad(where: str, bounds: tuple) -> str:
    west, south, east, north = bounds
    return (
        f"{where} is not in the United Kingdom: it reaches from longitude {west:.2f} to "
        f"{east:.2f} and latitude {south:.2f} to {north:.2f}. Check that each point is "
        "written longitude first, then latitude (for London, [-0.1, 51.5]), in WGS84 degrees."
    )


def _code_problems(package: Checked, codes: list[str], label: str) -> list[Problem]:
    listed = package.ids("areas", "code")
    problems = [
        Problem(label, None, "code", f'has a shape for "{code}", which is not in areas.csv.')
        for code in sorted(set(codes) - set(listed))
    ]
    problems += [
        Problem(label, None, "code", f"has more than one shape for {code}.")
        for code in sorted({c for c in codes if codes.count(c) > 1})
    ]
    problems += [
        Problem(
            package.source.file_label("areas.csv"),
            row["_line"],
            "code",
            f"{row['code']} has no shape in {FILE}. Add its boundary, or remove the row.",
        )
        for row in package.rows("areas")
        if row["code"] not in codes
    ]
    return problems
