"""What ``portalgen validate`` imports (issue 24): a warm run, every package taken from the
validation cache, imports neither frictionless nor the map, template or MkDocs libraries,
and a cold run draws no map. Their start-up was most of a warm run's time; these tests keep
the saving from silently coming back. Each run is a fresh ``python -m portalgen`` with
``PYTHONPROFILEIMPORTTIME`` (``-X importtime``), which lists every module it imports."""

from __future__ import annotations

from pathlib import Path

from conftest import run_portalgen

PROFILE = {"PYTHONPROFILEIMPORTTIME": "1"}
MAPS = {"folium", "branca"}
"""What drawing a map needs (``site/maps.py``), beside shapely (which reads boundaries too)."""
NOT_WARM = {"frictionless", "jinja2", "mkdocs", "material", "shapely", *MAPS}


def imported(stderr: str) -> set[str]:
    """The top-level packages a run imported, from its ``-X importtime`` lines."""
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names - {"package"}  # the header line: "import time: self [us] | cumulative | …"


def validate(project: Path) -> set[str]:
    result = run_portalgen(project, "validate", env=PROFILE)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "data: all data packages are valid.\n"
    return imported(result.stderr)


def test_a_warm_validate_imports_neither_frictionless_nor_folium(project: Path):
    cold = validate(project)
    assert {"frictionless", "portalgen"} <= cold  # the listing sees what a run imports
    warm = validate(project)
    assert "portalgen" in warm
    assert warm & NOT_WARM == set()


def test_a_cold_validate_lists_the_map_pages_without_drawing_them(project: Path):
    assert validate(project) & MAPS == set()
