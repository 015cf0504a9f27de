"""The example data for "where I live" (issue 17): a Safer Devon ward on its December 2023
boundaries shows its crime with a rate per 1,000 residents, a ward whose figure would be
incomplete shows none rather than a low one, and a Haringey ward shows its grants. The
expected figures are worked out here from the CSV files, not copied from the pages."""

from __future__ import annotations

import csv

from conftest import REPO

DEVON = REPO / "data/safer-devon"
HARINGEY = REPO / "data/haringey"
AXMINSTER = "E05011782"
ST_DAVIDS = "E05011020"
BRUCE_GROVE = "E05000268"


def figures(package) -> dict[tuple[str, str, str], float]:
    """(metric, period, area) → value, from the package's figures.csv."""
    with (package / "ward-figures/figures.csv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        return {(r["metric"], r["period"], r["area"]): float(r["value"]) for r in rows}


def area_name(package, vintage: str, code: str) -> str:
    with (package / "areas" / vintage / "areas.csv").open(encoding="utf-8", newline="") as handle:
        return next(row["name"] for row in csv.DictReader(handle) if row["code"] == code)


def history(site, code: str) -> list[list[str]]:
    """The rows of a ward page's figures table, as the reader sees them."""
    soup = site.soup(f"wards/{code}/")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in soup.select("table.pg-area-history tbody tr")
    ]


def test_devon_ward_shows_its_2024_crime_with_a_rate_per_1000(example_site):
    data = figures(DEVON)
    crimes = data[("all-crime", "2024", AXMINSTER)]
    residents = data[("population", "2019", AXMINSTER)]
    soup = example_site.soup(f"wards/{AXMINSTER}/")
    assert soup.select_one("h1").get_text(strip=True) == area_name(DEVON, "wd23", AXMINSTER)
    row = next(
        r
        for r in history(example_site, AXMINSTER)
        if r[0] == "All crimes and anti-social behaviour reported to the police" and r[1] == "2024"
    )
    assert row[2] == f"{crimes:,.0f}"
    assert abs(float(row[3]) - 1000 * crimes / residents) < 0.05
    assert "Safer Devon Partnership" in soup.select_one("dl.pg-facts dd").get_text(" ", strip=True)


def test_devon_ward_whose_small_areas_were_split_shows_no_crime_figure(example_site):
    assert ("all-crime", "2024", ST_DAVIDS) not in figures(DEVON)
    rows = history(example_site, ST_DAVIDS)
    assert [row[0] for row in rows] == ["Residents (mid-2019 estimate)"]
    soup = example_site.soup("partnerships/safer-devon/maps/all-crime/2024/")
    table = soup.select("table.pg-area-figures tbody tr")
    assert len(table) == 168
    st_davids = next(r for r in table if r.select_one("a")["href"].endswith(f"/{ST_DAVIDS}/"))
    cells = [cell.get_text(" ", strip=True) for cell in st_davids.find_all(["th", "td"])]
    assert cells[1:3] == ["Not stated", "Not stated"]
    note = soup.select_one("article").get_text(" ", strip=True)
    assert "St David's" in note and "first drawn in 2021" in note


def test_haringey_ward_shows_grants_to_organisations_in_it(example_site):
    amount = figures(HARINGEY)[("grants-amount", "2017", BRUCE_GROVE)]
    title = "Grants to organisations in the ward (360Giving): amount awarded"
    row = next(r for r in history(example_site, BRUCE_GROVE) if r[0] == title and r[1] == "2017")
    assert row[2] == f"£{amount:,.0f}"
    assert row[3] == "–"
    soup = example_site.soup("partnerships/haringey/maps/grants-amount/2017/")
    text = soup.select_one("article").get_text(" ", strip=True)
    assert "not money spent by the Community Safety Partnership" in text
    assert "360Giving GrantNav" in text
