"""Areas, ward figures and maps: validation messages exactly, pages by selectors, and two
builds of the same data compared byte for byte."""

from __future__ import annotations

import json
import re

import pytest
from conftest import Site, copy_project, problems, run_portalgen, set_cell, text
from shapely.geometry import Point, shape

AREAS = "data/haringey/areas/wd13"
FIGURES = "data/haringey/ward-figures/figures.csv"
MAP = "partnerships/haringey/maps/all-crime/2017-18/"
ASB_MAP = "partnerships/haringey/maps/anti-social-behaviour/2017-18/"
FIT = re.compile(r"\.fitBounds\(\s*\[\[([-\d.]+), ([-\d.]+)\], \[([-\d.]+), ([-\d.]+)\]\]")


def test_figure_must_use_its_vintages_codes(project):
    set_cell(project / FIGURES, 2, "area", "E05013593")
    assert problems(project) == [
        f"{FIGURES}:2 area: E05013593 is not an area of the wd13 boundaries "
        f"({AREAS}/areas.csv). A figure must use the area codes of its metric's boundary "
        "vintage."
    ]


def test_duplicate_and_negative_figures_are_rejected(project):
    set_cell(project / FIGURES, 3, "value", "-4")
    path = project / FIGURES
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + lines[4], "utf-8")
    assert problems(project) == [
        f'{FIGURES}:3 value: "-4" must be at least 0.',
        f'{FIGURES}:{len(lines) + 1} metric, period, area: repeats "all-crime", "2016-17", '
        '"E05000269", already on line 5. Only one row may have the same metric and period '
        "and area: delete one, or correct it.",
    ]


def test_boundaries_must_be_valid_wgs84_polygons_for_every_area(project):
    path = project / AREAS / "boundaries.geojson"
    data = json.loads(path.read_text("utf-8"))
    bow_tie = [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]
    data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": bow_tie}
    grid = [[[530000, 180000], [531000, 180000], [531000, 181000], [530000, 180000]]]
    data["features"][1]["geometry"] = {"type": "Polygon", "coordinates": grid}
    del data["features"][2]
    path.write_text(json.dumps(data), "utf-8")
    assert problems(project) == [
        f"{AREAS}/areas.csv:4 code: E05000268 has no shape in boundaries.geojson. Add its "
        "boundary, or remove the row.",
        f"{AREAS}/boundaries.geojson geometry: feature 1 (E05000266) is not a valid polygon "
        "(Self-intersection[0.5 0.5]).",
        f"{AREAS}/boundaries.geojson geometry: feature 2 (E05000267) has coordinates outside "
        "longitude -180 to 180 and latitude -90 to 90: save it in WGS84 (EPSG:4326, "
        "longitude then latitude), not British National Grid.",
    ]


def test_metric_must_name_a_boundary_vintage(project):
    set_cell(project / "data/redditch/ward-figures/metrics.csv", 2, "areas", "lsoa21")
    assert problems(project) == [
        'data/redditch/ward-figures/metrics.csv:2 areas: "lsoa21" is not a boundary vintage in '
        'data/redditch/areas/. Did you mean "lsoa11"?'
    ]


def test_map_page_has_local_leaflet_legend_attribution_and_every_ward(example_site):
    soup = example_site.soup(MAP)
    scripts = [s["src"] for s in soup.select("article script[src]")]
    assert scripts == [
        "../../../../../assets/portalgen/leaflet/leaflet.js",
        "../../../../../assets/portalgen/maps.js",
        "map.js",
    ]
    styles = [s["href"] for s in soup.select("article link[rel=stylesheet]")]
    assert styles == ["../../../../../assets/portalgen/leaflet/leaflet.css"]
    assert (example_site.root / "assets/portalgen/leaflet/leaflet.js").is_file()
    legend = [li.get_text(" ", strip=True) for li in soup.select("ul.pg-legend li")]
    assert len(legend) == 6 and legend[-1] == "No figure"
    assert legend[0] == "79.7 to 110.0"  # a rate per 1,000 always has one decimal place
    caption = text(soup.select_one("figure.pg-map figcaption"))
    assert "GeoJSON by Martin Chorley (CC BY 4.0)" in caption
    assert "data.police.uk" in caption
    rows = soup.select("table.pg-area-figures[data-pg-sortable] tbody tr")
    assert len(rows) == 19
    alexandra = [c.get_text(" ", strip=True) for c in rows[0].find_all(["th", "td"])]
    assert alexandra == ["Alexandra", "933", "79.7", "19", "+57"]
    assert rows[0].select_one("a")["href"] == "../../../../../wards/E05000266/"


def test_map_script_asks_no_other_host(example_site):
    for script in example_site.root.glob("partnerships/*/maps/*/*/map.js"):
        text = script.read_text("utf-8")
        assert re.findall(r"https?://", text) == [], script
        assert re.search(r"\n *portalgenMap\.attach\(map_\w+, geo_json_\w+\);\n$", text), script
    way_in = (example_site.root / "assets/portalgen/maps.js").read_text("utf-8")
    assert re.findall(r"https?://", way_in) == []
    assert "tabindex" in way_in and "innerHTML" not in way_in


def map_features(site: Site, address: str) -> tuple[str, list[dict]]:
    """The map's script and the areas it draws, as GeoJSON features."""
    text = (site.root / address / "map.js").read_text("utf-8")
    data = re.search(r"_add\((\{.*\})\);\n", text)[1]
    return text, json.loads(data)["features"]


def test_ward_map_names_each_ward_inside_its_shape_and_links_its_page(example_site):
    text, features = map_features(example_site, ASB_MAP)
    table = example_site.soup(ASB_MAP).select("table.pg-area-figures tbody th a")
    shown = {f["properties"]["name"]: f["properties"]["href"] for f in features}
    assert shown == {a.get_text(): a["href"] for a in table}
    assert len(shown) == 19
    for feature in features:
        properties = feature["properties"]
        latitude, longitude = properties["at"]
        assert shape(feature["geometry"]).contains(Point(longitude, latitude)), properties
        assert properties["href"] == f"../../../../../wards/{properties['code']}/"
        assert (example_site.root / ASB_MAP / properties["href"] / "index.html").is_file()
    noel_park = next(f["properties"] for f in features if f["properties"]["name"] == "Noel Park")
    assert re.fullmatch(r"[\d,]+ \([\d.]+ per 1,000 residents\)", noel_park["figure"])


def test_map_is_fitted_to_the_area(example_site):
    text, features = map_features(example_site, ASB_MAP)
    south, west, north, east = map(float, FIT.search(text).groups())
    shapes = [shape(f["geometry"]).bounds for f in features]
    assert (west, south) == (min(b[0] for b in shapes), min(b[1] for b in shapes))
    assert (east, north) == (max(b[2] for b in shapes), max(b[3] for b in shapes))
    assert text.index(".fitBounds(") < text.index("portalgenMap.attach(")
    assert '"zoom": 1,' in text and '"zoomSnap": 0.25' in text


def test_ward_page_figures_rank_and_partnership(example_site):
    soup = example_site.soup("wards/E05000268/")
    assert soup.select_one("h1").get_text(strip=True) == "Bruce Grove"
    rows = [
        [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]
        for row in soup.select("table.pg-area-history tbody tr")
    ]
    assert len(rows) == 19  # 9 crime and population rows, then 10 of grants (5 years, 2 metrics)
    assert rows[0][:2] == ["All crimes and anti-social behaviour reported to the police", "2016/17"]
    assert rows[0][4].endswith("of 19")
    covered = soup.select_one("dl.pg-facts dd").get_text(" ", strip=True)
    assert covered == "Haringey Community Safety Partnership"


def test_every_area_has_a_page_and_an_index_entry(example_site):
    index = example_site.soup("partnerships/haringey/areas/")
    assert len(index.select("article a[href^='../../../wards/']")) == 19
    redditch = example_site.soup("partnerships/redditch/areas/")
    links = redditch.select("article a[href^='../../../small-areas/']")
    assert len(links) == 55
    for link in links:
        assert (example_site.root / "small-areas" / link["href"].split("/")[-2]).is_dir()


@pytest.mark.build
def test_two_builds_of_the_same_data_are_byte_identical(tmp_path):
    sites = []
    for name in ("first", "second"):
        project = copy_project(tmp_path / name)
        assert run_portalgen(project, "build").returncode == 0
        sites.append(project / "site")
    first = sorted(p.relative_to(sites[0]) for p in sites[0].rglob("*") if p.is_file())
    second = sorted(p.relative_to(sites[1]) for p in sites[1].rglob("*") if p.is_file())
    assert first == second
    different = [p for p in first if (sites[0] / p).read_bytes() != (sites[1] / p).read_bytes()]
    assert different == []


@pytest.mark.build
def test_base_tiles_only_when_configured(tmp_path):
    project = copy_project(tmp_path / "portal")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace(
            "      data_dir: data\n",
            "      data_dir: data\n"
            "      map_tiles: https://tiles.example.org/{z}/{x}/{y}.png\n"
            "      map_tiles_attribution: Example tiles\n",
        ),
        "utf-8",
    )
    assert run_portalgen(project, "build").returncode == 0
    script = (Site(project / "site").root / MAP / "map.js").read_text("utf-8")
    assert "https://tiles.example.org/{z}/{x}/{y}.png" in script
