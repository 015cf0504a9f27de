"""Hostile input II, sizes and numbers (issue 23, classes 8, 10 and 11, the NaN parts of 6
and 7, the stale build folders of 12): numbers that are not plain decimals, boundaries too
large to simplify, cells and files too large to publish, redirect chains checked in linear
time, and staging folders that killed builds leave behind.

Each case is run with ``test_hostile.validate`` (bounded in time and memory) and must give
its exact message; inputs that are valid but large are built, and must build quickly.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, copy_project, run_portalgen, serving
from test_hostile import (
    AMOUNTS,
    BOUNDARIES,
    DESCRIPTOR,
    FIGURES,
    OBSERVATIONS,
    PRIORITIES,
    Case,
    cell,
    edit,
    together,
    validate,
)

from portalgen import publish
from portalgen.data import numbers, shapes, sizes
from portalgen.model.addresses import Redirect
from portalgen.site import addresses

pytestmark = pytest.mark.xdist_group("hostile-sizes")

STAFFING = "data/north-lincolnshire/governance/staffing.csv"
MAP = "partnerships/haringey/maps/all-crime/2017-18/"
DIGITS = "Write the number with digits only, for example 176000 or 13.5."
WHOLE = "Write the number with digits only, for example 3."
NOT_STATED = "Leave the cell empty if the figure is not stated."
GENERALISE = (
    "Use a generalised version of the boundaries (the ONS publishes each at 20 m and 200 m, "
    "BGC and BSC), or simplify them, for example with mapshaper."
)
SHORTEN = "Shorten it: give the gist here and link to the full text with the source's web address."


def amount(line: int, value: str, message: str) -> Case:
    return Case(
        f"amount-{value[:12]}",
        cell(AMOUNTS, line, "amount", value),
        f"{AMOUNTS}:{line} amount: {message}",
    )


def plain(value: str, why: str, fix: str = DIGITS) -> str:
    return f'"{value}" is not a plain number ({why}). {fix}'


NUMBERS = [
    amount(2, "NaN", f'"NaN" is not a number. {DIGITS} {NOT_STATED}'),
    amount(3, "Infinity", f'"Infinity" is not a number. {DIGITS} {NOT_STATED}'),
    amount(4, " 176000 ", '" 176000 " has a space at the start or end. Delete it: write "176000".'),
    amount(5, "17_6000", plain("17_6000", "it has an underscore")),
    amount(6, "-0", '"-0" is minus zero. Write 0, without the minus sign.'),
    amount(7, "1e308", plain("1e308", "it is written with an exponent")),
    amount(8, "1E3", plain("1E3", "it is written with an exponent")),
    amount(
        9,
        "9" * 401,
        '"999999999999999999999999…" (401 characters) is more than an amount of money can be '
        "here (at most 10,000,000,000). Check the figure.",
    ),
    amount(10, "+5", plain("+5", "it starts with a + sign")),
    amount(11, "00012", plain("00012", "it starts with a 0")),
    amount(12, "٣", plain("٣", "it uses characters other than the digits 0 to 9")),
    amount(
        13,
        "12.345",
        '"12.345" has 3 decimal places; an amount of money has at most 2. '
        "Round it as the source does.",
    ),
    amount(
        14,
        "-10000000001",
        '"-10000000001" is less than an amount of money can be here (at '
        "least -10,000,000,000). Check the figure.",
    ),
    amount(15, "1.", plain("1.", "a decimal point needs a digit on each side")),
    Case(
        "figure-nan",
        cell(FIGURES, 2, "value", "nan"),
        f'{FIGURES}:2 value: "nan" is not a number. {DIGITS} {NOT_STATED}',
    ),
    Case(
        "priority-number-underscore",
        cell(PRIORITIES, 2, "number", "1_0"),
        f"{PRIORITIES}:2 number: " + plain("1_0", "it has an underscore", WHOLE),
    ),
    Case(
        "priority-number-minus-zero",
        cell(PRIORITIES, 3, "number", "-0"),
        f'{PRIORITIES}:3 number: "-0" is minus zero. Write 0, without the minus sign.',
    ),
    Case(
        "wte-too-large",
        cell(STAFFING, 2, "wte", "5000"),
        f'{STAFFING}:2 wte: "5000" is more than a number of whole-time equivalent posts can be '
        "here (at most 1,000). Check the figure.",
    ),
    Case(
        "observation-percent",
        cell(OBSERVATIONS, 2, "value", "1000000000"),
        f'{OBSERVATIONS}:2 value: "1000000000" is not a percentage between -100 and 1,000. '
        'Check the figure, or the unit of "police-confidence" in indicators.csv.',
    ),
    Case(
        "observation-infinity",
        cell(OBSERVATIONS, 3, "value", "-inf"),
        f'{OBSERVATIONS}:3 value: "-inf" is not a number. {DIGITS} {NOT_STATED}',
    ),
]


def geometry(feature: int, change) -> Callable[[Path], None]:
    """Change the geometry of one feature of Haringey's boundaries, written with
    Python's json, which writes NaN and Infinity as JavaScript does."""

    def mutate(project: Path) -> None:
        path = project / BOUNDARIES
        data = json.loads(path.read_text("utf-8"))
        data["features"][feature - 1]["geometry"] = change(
            data["features"][feature - 1]["geometry"]
        )
        path.write_text(json.dumps(data), "utf-8")

    return mutate


def first_point(value):
    def change(shape: dict) -> dict:
        ring = shape["coordinates"][0] if shape["type"] == "Polygon" else shape["coordinates"][0][0]
        ring[0][0] = value
        return shape

    return change


def nan_code(number: int) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        path = project / BOUNDARIES
        data = json.loads(path.read_text("utf-8"))
        data["features"][number - 1]["properties"]["code"] = float("nan")
        path.write_text(json.dumps(data), "utf-8")

    return mutate


def comb(points: int, west: float = -0.12, south: float = 51.58) -> dict:
    """A valid polygon whose north edge is ``points`` teeth, each wider than the 15 m the
    build simplifies to, so simplification keeps them: the slowest shape to simplify."""
    width, teeth = 0.01, points - 3
    top = [
        [west + width * i / teeth, south + 0.01 + (0.0005 if i % 2 else 0)] for i in range(teeth)
    ]
    ring = [[west, south], *top, [west + width, south], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def islands(parts: int) -> dict:
    square = [[-0.1, 51.59], [-0.1, 51.5901], [-0.0999, 51.5901], [-0.0999, 51.59], [-0.1, 51.59]]
    polygons = [[[[x + 0.0002 * n, y] for x, y in square]] for n in range(parts)]
    return {"type": "MultiPolygon", "coordinates": polygons}


def feature(number: int, code: str) -> str:
    return f"{BOUNDARIES} geometry: feature {number} ({code})"


WARDS = ["E05000266", "E05000267", "E05000268", "E05000269", "E05000270"]
NOT_A_NUMBER = "Each point must be [longitude, latitude], written as plain numbers."
SHAPES = [
    Case(
        "geojson-nan",
        geometry(1, first_point(float("nan"))),
        f"{feature(1, WARDS[0])} has a coordinate that is not a number (NaN). {NOT_A_NUMBER}",
    ),
    Case(
        "geojson-infinity",
        geometry(2, first_point(float("inf"))),
        f"{feature(2, WARDS[1])} has a coordinate that is not a number (Infinity). {NOT_A_NUMBER}",
    ),
    Case(
        "geojson-text",
        geometry(3, first_point("51.5")),
        f"{feature(3, WARDS[2])} has a coordinate that is not a number ('51.5'). {NOT_A_NUMBER}",
    ),
    Case(
        "geojson-nan-code",
        nan_code(6),
        (
            f"{BOUNDARIES} code: feature 6 has a code that is not text (NaN). Write it in double "
            'quotes, for example "E05000266".',
            "data/haringey/areas/wd13/areas.csv:7 code: E05000271 has no shape in "
            "boundaries.geojson. Add its boundary, or remove the row.",
        ),
    ),
    Case(
        "geojson-200000-points",
        geometry(1, lambda _: comb(200_000)),
        f"{feature(1, WARDS[0])} has 200,000 points; an area may have at most 10,000. "
        + GENERALISE,
    ),
    Case(
        "geojson-10001-points",
        geometry(2, lambda _: comb(10_001)),
        f"{feature(2, WARDS[1])} has 10,001 points; an area may have at most 10,000. " + GENERALISE,
    ),
    Case(
        "geojson-50000-parts",
        geometry(4, lambda _: islands(50_000)),
        f"{feature(4, WARDS[3])} has 50,000 separate parts; an area may have at most 500. "
        + GENERALISE,
    ),
    Case(
        "geojson-501-parts",
        geometry(5, lambda _: islands(501)),
        f"{feature(5, WARDS[4])} has 501 separate parts; an area may have at most 500. "
        + GENERALISE,
    ),
]


def many_points(project: Path) -> None:
    """Eleven areas of 9,500 points each: each within its bound, the file (with its other
    eight wards, 221 points) not."""
    for number in range(1, 12):
        geometry(number, lambda _: comb(9_500))(project)


def padded(project: Path) -> None:
    """A file of 12 MB that is within every other bound: a long property."""
    path = project / BOUNDARIES
    data = json.loads(path.read_text("utf-8"))
    data["features"][0]["properties"]["padding"] = "x" * (12 * 2**20)
    path.write_text(json.dumps(data), "utf-8")


FILES = [
    Case(
        "geojson-file-points",
        many_points,
        f"{BOUNDARIES} has 104,721 points in all; a boundaries file may have at most 100,000. "
        + GENERALISE,
    ),
    Case(
        "geojson-file-bytes",
        padded,
        f"{BOUNDARIES} is larger than 10 MB, the most a boundaries file may be. " + GENERALISE,
    ),
]


def more_periods(count: int):
    def mutate(project: Path) -> None:
        path = project / FIGURES
        rows = [f"all-crime,{1950 + n},E05000266,5\n" for n in range(count)]
        with path.open("a", encoding="utf-8") as file:
            file.writelines(rows)

    return mutate


OUTPUT = [
    Case(
        "cell-one-megabyte",
        cell(PRIORITIES, 2, "summary", "x" * 2**20),
        f"{PRIORITIES}:2 summary: is 1,048,576 characters long; a cell may hold at most 5,000. "
        + SHORTEN,
    ),
    Case(
        "cell-5001",
        cell(PRIORITIES, 3, "title", "y" * 5_001),
        f"{PRIORITIES}:3 title: is 5,001 characters long; a cell may hold at most 5,000. "
        + SHORTEN,
    ),
    Case(
        "block-summary",
        edit(
            DESCRIPTOR,
            "  title: Community Safety Strategy 2013-2017",
            "  title: " + "z" * 10_001,
        ),
        f"{DESCRIPTOR}:10 plan.title: is 10,001 characters long; it may be at most 10,000. "
        + SHORTEN,
    ),
    Case(
        "periods-per-metric",
        more_periods(60),
        f'{FIGURES}:411 period: gives metric "all-crime" its 51st period; a metric may have at '
        "most 50, since each is a map page. Give older periods a metric of their own, or leave "
        "them out.",
    ),
]

CASES = [
    together(*NUMBERS),
    together(*(case for case in SHAPES if "points" not in case.name)),
    *(case for case in SHAPES if "points" in case.name),
    *FILES,
    together(*OUTPUT),
]


def _run(case: Case, root: Path):
    project = root / case.name.replace(" ", "")[:80]
    project.mkdir()
    shutil.copytree(REPO / "data", project / "data")
    case.mutate(project)
    return validate(project)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("hostile-sizes")
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = {case.name: pool.submit(_run, case, root) for case in CASES}
    return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name[:60])
def test_too_large_or_not_a_number_is_explained(case: Case, outcomes) -> None:
    outcome = outcomes[case.name]
    assert not outcome.timed_out
    assert "Traceback" not in outcome.output, outcome.output
    assert outcome.returncode == 1, outcome.output
    lines = outcome.output.splitlines()
    for expected in case.lines:
        assert expected in lines, outcome.output
    assert len(lines) == 1 + len(case.lines), "one message per problem, no other"


def test_a_polygon_of_200000_points_is_refused_before_shapely_reads_it() -> None:
    """The shape that crashed the build after 94 s is counted and refused in a fraction of
    a second (its validation case above gives the message), where shapely took 17 s to
    simplify a quarter of it."""
    shape = comb(200_000)
    started = time.perf_counter()
    message, points = shapes.shape_problem(shape)
    seconds = time.perf_counter() - started
    assert points == 200_000
    assert message.startswith("has 200,000 points; an area may have at most 10,000.")
    assert seconds < 2, f"took {seconds:.1f} s"


@pytest.mark.build
@pytest.mark.browser
def test_shapes_and_figures_at_their_bounds_build_and_draw(tmp_path, browser) -> None:
    """Valid data at the bounds: an area of 10,000 points shaped to be slow to simplify,
    amounts and figures at the largest and smallest their magnitudes allow. It builds, with
    no traceback; a tiny negative percentage reads 0%, not -0%; the map script stays small,
    and Chromium draws every ward (Leaflet's own simplification of the same shape
    overflowed the browser's stack, and no ward was drawn)."""
    project = copy_project(tmp_path / "portal")
    geometry(1, lambda _: comb(10_000, west=-0.16, south=51.575))(project)
    cell(AMOUNTS, 2, "amount", "10000000000")(project)
    cell(AMOUNTS, 3, "amount", "0.01")(project)
    cell(OBSERVATIONS, 2, "value", "1000")(project)
    cell(OBSERVATIONS, 3, "value", "-0.000001")(project)
    cell(FIGURES, 2, "value", "1000000000")(project)
    cell(FIGURES, 3, "value", "0.000001")(project)
    started = time.perf_counter()
    result = run_portalgen(project, "build", "-d", str(tmp_path / "site"))
    seconds = time.perf_counter() - started
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stderr
    assert seconds < 180, f"took {seconds:.0f} s"
    indicator = tmp_path / "site/partnerships/haringey/indicators/police-confidence/index.html"
    words = BeautifulSoup(indicator.read_text("utf-8"), "html.parser").get_text(" ")
    assert "0% (2013/14 Q3)" in " ".join(words.split()) and "-0%" not in words
    scripts = list((tmp_path / "site/partnerships/haringey/maps").rglob("map.js"))
    assert scripts and max(path.stat().st_size for path in scripts) < 1_000_000
    with serving(tmp_path / "site") as address:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{address}{MAP}")
        page.locator(".pg-map").scroll_into_view_if_needed()
        page.wait_for_function("document.querySelectorAll('path.leaflet-interactive').length")
        assert page.locator("path.leaflet-interactive").count() == 19
        assert errors == []
        page.close()


class _Portal:
    """The two things the address check reads from a portal."""

    def __init__(self, redirects: list[Redirect]):
        self.redirects = redirects
        self.withdrawn = []


def _chain(length: int, end: str = "/") -> list[Redirect]:
    rows = [Redirect(f"/old/{n}/", f"/old/{n + 1}/", None, "moved", n + 2) for n in range(length)]
    return [*rows, Redirect(f"/old/{length}/", end, None, "moved", length + 2)]


def _check(redirects: list[Redirect], monkeypatch) -> tuple[list, float]:
    monkeypatch.setattr(addresses, "latest_redirects", lambda portal: [])
    started = time.perf_counter()
    problems = addresses.check("data/urls.lock", [], {"/"}, _Portal(redirects))
    return problems, time.perf_counter() - started


def test_a_chain_of_8000_redirects_is_checked_in_linear_time(monkeypatch) -> None:
    """8,000 redirects in one chain took 18 s (9 s on this machine) when each was followed
    to its end; followed once, they take well under a second."""
    problems, seconds = _check(_chain(8_000), monkeypatch)
    assert problems == []
    assert seconds < 1, f"took {seconds:.1f} s"
    resolved = addresses.resolved(_Portal(_chain(8_000)))
    assert {redirect.target for redirect in resolved} == {"/"}


def test_a_long_chain_into_a_circle_is_named_on_every_row(monkeypatch) -> None:
    rows = [*_chain(3_000, end="/old/0/")]
    problems, seconds = _check(rows, monkeypatch)
    assert seconds < 1
    assert len(problems) == len(rows)
    assert problems[0].message == "/old/1/ goes round in a circle of redirects. Send it to a page."


def test_a_chain_to_a_missing_page_is_named_with_its_end(monkeypatch) -> None:
    problems, _ = _check(_chain(2_000, end="/gone/"), monkeypatch)
    assert {problem.message for problem in problems} == {
        "/gone/ is not a page on the site. Check the address against data/urls.lock, or send "
        "readers to a page the site still makes."
    }


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_stale_build_folders_are_removed_and_only_those(tmp_path) -> None:
    """What killed builds left (their process is gone, or, named before names had a
    process id, a day old) goes; a running build's folder, a recent unnamed one, a link and
    anything not named as a build names it stay."""
    dead, alive = _dead_pid(), os.getpid()
    stale = [f".portalgen-build-{dead}-abc123", ".portalgen-build-old_one"]
    kept = [f".portalgen-build-{alive}-xyz789", ".portalgen-build-recent1", ".portalgen-builder"]
    for name in stale + kept:
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("partial", "utf-8")
    (tmp_path / f".portalgen-build-{dead}-abc123.lock").write_text("/\n", "utf-8")
    (tmp_path / f".portalgen-build-{alive}-xyz789.lock").write_text("/\n", "utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / f".portalgen-build-{dead}-link").symlink_to(outside, target_is_directory=True)
    day_ago = time.time() - 2 * 24 * 60 * 60
    os.utime(tmp_path / ".portalgen-build-old_one", (day_ago, day_ago))
    publish.remove_stale(tmp_path)
    left = sorted(path.name for path in tmp_path.iterdir())
    assert left == sorted(
        [*kept, f".portalgen-build-{alive}-xyz789.lock", f".portalgen-build-{dead}-link", "outside"]
    )
    assert outside.is_dir()


@pytest.mark.build
def test_a_build_cleans_up_after_a_killed_build(tmp_path) -> None:
    project = copy_project(tmp_path / "portal")
    dead = _dead_pid()
    (project / f".portalgen-build-{dead}-killed").mkdir()
    (project / f".portalgen-build-{dead}-killed.lock").write_text("/\n", "utf-8")
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    assert not list(project.glob(".portalgen-build-*"))
    ignored = (REPO / ".gitignore").read_text("utf-8").splitlines()
    assert {".portalgen-build-*/", ".portalgen-build-*.lock"} <= set(ignored)


def test_limits_are_stated_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("### Sizes and numbers", 1)[1].split("\n## ", 1)[0]
    stated = [
        f"{shapes.MAX_POINTS:,}",
        f"{shapes.MAX_PARTS:,}",
        f"{shapes.MAX_FILE_POINTS:,}",
        f"{shapes.MAX_FILE_BYTES // 2**20} MB",
        f"{sizes.MAX_CELL:,}",
        f"{sizes.MAX_TEXT:,}",
        f"{sizes.MAX_ROWS:,}",
        f"{sizes.MAX_PERIODS}",
        *(f"{magnitude.limit:,}" for magnitude in numbers.MAGNITUDES.values()),
    ]
    missing = [number for number in stated if number not in section]
    assert not missing, f"the README does not state {missing}"


def test_the_field_reference_gives_each_number_its_bounds() -> None:
    reference = (REPO / "docs/field-reference.md").read_text("utf-8")
    assert (
        "- **`amount`**: may be empty; a plain number, without £, commas or % (digits only; up "
        "to 10,000,000,000, to 2 decimal places)."
    ) in reference
    assert "a whole number (digits only; up to 100,000). Number of posts." in reference
