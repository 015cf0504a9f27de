"""A boundary outside the United Kingdom is most likely latitude and longitude swapped, or
a shape moved by mistake: validation warns, naming the file and the area (issue 23)."""

from __future__ import annotations

import json

from conftest import REPO, problems

BOUNDARIES = "data/haringey/areas/wd13/boundaries.geojson"
LABEL = f"{BOUNDARIES} geometry:"


def moved(project, feature: int, change) -> None:
    path = project / BOUNDARIES
    data = json.loads(path.read_text("utf-8"))
    rings = data["features"][feature]["geometry"]["coordinates"]
    data["features"][feature]["geometry"]["coordinates"] = [
        [change(x, y) for x, y in ring] for ring in rings
    ]
    path.write_text(json.dumps(data), "utf-8")


def test_the_example_is_in_the_united_kingdom():
    assert not [p for p in problems(REPO) if "United Kingdom" in p]


def test_latitude_and_longitude_swapped_is_warned_of(project):
    moved(project, 0, lambda x, y: [y, x])
    [warning] = [p for p in problems(project) if "United Kingdom" in p]
    assert warning.startswith(f"{LABEL} feature 1 (E05000266) is not in the United Kingdom: ")
    assert warning == (
        f"{LABEL} feature 1 (E05000266) is not in the United Kingdom: it reaches from "
        "longitude 51.59 to 51.61 and latitude -0.15 to -0.12. Check that each point is "
        "written longitude first, then latitude (for London, [-0.1, 51.5]), in WGS84 degrees."
    )


def test_a_shape_moved_to_france_is_warned_of_and_the_rest_is_valid(project):
    moved(project, 2, lambda x, y: [x + 2.45, y - 2.75])  # Haringey to Paris
    found = problems(project)
    [warning] = [p for p in found if "United Kingdom" in p]
    assert f"{LABEL} feature 3 (E05000268) is not in the United Kingdom" in warning
    assert "latitude 48.8" in warning
    assert len(found) == 1  # a warning only: the site can still be built
