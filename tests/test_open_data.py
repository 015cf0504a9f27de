"""The open-data page and its zips: each zip re-validates with frictionless on its own and
carries its licence, attribution and column descriptions."""

from __future__ import annotations

import json
import zipfile

from frictionless import Package


def test_every_package_is_listed_with_its_rows(example_site):
    soup = example_site.soup("open-data/")
    zips = [a["href"] for a in soup.select("article a[download]")]
    assert len(zips) == 25  # every datapackage.yaml under data/
    assert "worcestershire-funding.zip" in zips
    captions = [c.get_text(" ", strip=True) for c in soup.select("table.pg-columns caption")]
    assert any(c.startswith("amounts.csv: 29 rows,") for c in captions)
    rows = soup.select("#worcestershire-funding ~ .pg-table-wrap table")[0].select("tbody tr")
    first = [cell.get_text(" ", strip=True) for cell in rows[0].find_all(["th", "td"])]
    assert first == ["year", "string", "Financial year, for example 2011-12."]


def test_each_zip_revalidates_and_names_its_licence(example_site, tmp_path):
    for archive in sorted((example_site.root / "open-data").glob("*.zip")):
        folder = tmp_path / archive.stem
        with zipfile.ZipFile(archive) as opened:
            opened.extractall(folder)
        descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
        assert descriptor["licenses"][0]["path"].startswith("https://"), archive.name
        report = Package(str(folder / "datapackage.json")).validate()
        assert report.valid, (archive.name, report.flatten(["rowNumber", "type", "note"]))
        readme = (folder / "README.md").read_text("utf-8")
        assert "Attribution:" in readme
        assert descriptor["version"] == "1.0.0", archive.name
        assert descriptor["changes"] == [
            {"version": "1.0.0", "date": "2026-11-23", "summary": "First published on the portal."}
        ]
        assert "- 1.0.0 (2026-11-23): First published on the portal." in readme


def test_boundaries_travel_with_their_attribution(example_site, tmp_path):
    with zipfile.ZipFile(example_site.root / "open-data/haringey-areas-wd13.zip") as opened:
        names = opened.namelist()
        readme = opened.read("README.md").decode("utf-8")
    assert names == ["README.md", "areas.csv", "boundaries.geojson", "datapackage.json"]
    assert "GeoJSON by Martin Chorley (CC BY 4.0)" in readme
