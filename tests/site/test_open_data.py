"""The open-data page and its zips: each zip re-validates with frictionless on its own and
carries its licence, attribution and column descriptions."""

from __future__ import annotations

import csv
import io
import json
import urllib.request
import zipfile

from conftest import REPO
from frictionless import Package

SITE_URL = "https://portalgen.github.io/portalgen/"


def test_every_package_is_listed_with_its_rows(example_site):
    soup = example_site.soup("open-data/")
    zips = [a["href"] for a in soup.select("article a[download]")]
    assert len(zips) == len(list((REPO / "data").rglob("datapackage.yaml")))
    assert "worcestershire-funding.zip" in zips
    captions = [c.get_text(" ", strip=True) for c in soup.select("table.pg-columns caption")]
    assert any(c.startswith("amounts.csv: 29 rows,") for c in captions)
    rows = soup.select("#worcestershire-funding ~ .pg-table-wrap table")[0].select("tbody tr")
    first = [cell.get_text(" ", strip=True) for cell in rows[0].find_all(["th", "td"])]
    assert first == ["year", "string", "Financial year, for example 2011-12."]


def test_each_zip_revalidates_and_names_its_licence(example_site, server, tmp_path):
    """Each zip, downloaded from the served site as a reuser would, re-validates."""
    page = example_site.soup("open-data")
    links = [a["href"] for a in page.select("article a[download]")]
    for link in links:
        archive = tmp_path / link
        with urllib.request.urlopen(f"{server}open-data/{link}") as response:
            archive.write_bytes(response.read())
        folder = tmp_path / archive.stem
        with zipfile.ZipFile(archive) as opened:
            opened.extractall(folder)
        descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
        assert descriptor["licenses"][0]["path"].startswith("https://"), archive.name
        report = Package(str(folder / "datapackage.json")).validate()
        assert report.valid, (archive.name, report.flatten(["rowNumber", "type", "note"]))
        readme = (folder / "README.md").read_text("utf-8")
        assert "Attribution:" in readme
        changes = descriptor["changes"]
        assert descriptor["version"] == changes[0]["version"], archive.name
        assert changes[-1]["version"] == "1.0.0", archive.name
        for change in changes:
            line = f"- {change['version']} ({change['date']}): {change['summary']}"
            assert line in readme, archive.name


def test_boundaries_travel_with_their_attribution(example_site, tmp_path):
    with zipfile.ZipFile(example_site.root / "open-data/haringey-areas-wd13.zip") as opened:
        names = opened.namelist()
        readme = opened.read("README.md").decode("utf-8")
    assert names == ["README.md", "areas.csv", "boundaries.geojson", "datapackage.json"]
    assert "GeoJSON by Martin Chorley (CC BY 4.0)" in readme


def test_every_csv_download_has_the_same_table_as_json(example_site):
    """Numbers are numbers, empty cells are null (never 0), and the licence travels along."""
    pairs = sorted(example_site.root.rglob("*.csv"))
    assert len(pairs) > 20
    for path in pairs:
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
        document = json.loads(path.with_suffix(".json").read_text("utf-8"))
        assert document["licence"] == "Open Government Licence v3.0"
        assert document["columns"] == rows[0]
        assert len(document["rows"]) == len(rows) - 1, path
        for row, record in zip(rows[1:], document["rows"], strict=True):
            for cell, value in zip(row, record.values(), strict=True):
                assert (value is None) == (cell == ""), (path, cell, value)
                if isinstance(value, (int, float)):
                    assert float(cell) == value
    year = example_site.root / "partnerships/worcestershire/funding/2011-12"
    spending = json.loads((year / "spending-2011-12.json").read_text("utf-8"))["rows"]
    assert spending[0]["amount"] == 20000
    page = example_site.soup("partnerships/worcestershire/funding/2011-12")
    links = [a["href"] for a in page.select(".pg-download a")]
    assert "spending-2011-12.json" in links and "spending-2011-12.csv" in links


def test_pages_with_downloads_describe_them_as_a_dataset(example_site):
    """schema.org Dataset JSON-LD names the licence, and each file it lists exists."""
    page = example_site.soup("partnerships/worcestershire/funding/2011-12")
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    described = json.loads(scripts[0].string)
    assert described["@type"] == "Dataset"
    assert described["license"] == (
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    )
    assert described["creator"]["name"] == "Worcestershire Safer Communities Board"
    assert described["dateModified"] == "2026-11-29"
    files = [d["contentUrl"] for d in described["distribution"]]
    folder = f"{SITE_URL}partnerships/worcestershire/funding/2011-12/"
    assert files == [
        f"{folder}income-2011-12.csv",
        f"{folder}income-2011-12.json",
        f"{folder}spending-2011-12.csv",
        f"{folder}spending-2011-12.json",
    ]
    for url in files:
        assert (example_site.root / url.removeprefix(SITE_URL)).is_file()
    assert not example_site.soup("partnerships/haringey/governance").select(
        'script[type="application/ld+json"]'
    )


def test_no_text_in_the_data_can_close_the_json_ld_element():
    from portalgen.site.metadata import script

    block = str(script({"name": "</script><script>alert(1)</script>"}))
    assert block.count("</script>") == 1 and block.endswith("</script>")
    inner = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(inner)["name"] == "</script><script>alert(1)</script>"


def test_the_dcat_catalogue_lists_every_package(example_site):
    catalogue = json.loads((example_site.root / "open-data/catalog.jsonld").read_text("utf-8"))
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    datasets = sorted(catalogue["dcat:dataset"], key=lambda d: d["dct:identifier"])
    zips = sorted((example_site.root / "open-data").glob("*.zip"), key=lambda z: z.stem)
    assert [d["dct:identifier"] for d in datasets] == [z.stem for z in zips]
    for dataset, archive in zip(datasets, zips, strict=True):
        with zipfile.ZipFile(archive) as opened:
            descriptor = json.loads(opened.read("datapackage.json"))
        licence = descriptor["licenses"][0]["path"]
        assert dataset["dct:license"]["@id"] == licence  # OGL, or CC BY for boundaries
        assert dataset["owl:versionInfo"] == descriptor["version"]
        (distribution,) = dataset["dcat:distribution"]
        assert distribution["dcat:downloadURL"]["@id"] == f"{SITE_URL}open-data/{archive.name}"
        assert distribution["dcat:byteSize"]["@value"] == str(archive.stat().st_size)
    page = example_site.soup("open-data")
    assert page.select_one('article a[href="catalog.jsonld"]')


def test_each_package_says_its_version_and_last_change(example_site):
    page = example_site.soup("open-data")
    facts = page.select_one("#worcestershire-funding ~ dl.pg-facts")
    labels = [dt.get_text() for dt in facts.select("dt")]
    values = [dd.get_text(" ", strip=True) for dd in facts.select("dd")]
    assert dict(zip(labels, values, strict=True))["Version"] == (
        "1.1.0, last changed 29 November 2026: Marked the 2010/11 and 2011/12 figures of "
        "Table 1 as final: the report gives them as the last two years' allocations, beside "
        "provisional figures for 2012/13."
    )
