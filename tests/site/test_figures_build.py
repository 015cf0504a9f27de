"""Funding and performance pages of the built example, read by CSS selectors; CSV downloads
read back as a spreadsheet would."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import Site, copy_project, run_portalgen, set_cell, text

WORCS = "partnerships/worcestershire/funding/"


def cells(row) -> list[str]:
    return [text(cell) for cell in row.find_all(["th", "td"])]


def read_csv(site: Site, path: str) -> list[dict]:
    text = (site.root / path).read_text("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_year_page_lines_changes_and_totals(example_site):
    soup = example_site.soup(f"{WORCS}2011-12/")
    spending = soup.select_one("table.pg-funding--spending")
    redditch = cells(spending.select_one("tr#spending-redditch-csp"))
    assert redditch == [
        "Redditch CSP",
        "Redditch Community Safety Partnership",
        "£107,400",
        "Final",
        "+£17,073",
        "+18.9%",
    ]
    assert spending.find_parent("div").find_next_sibling("p").get_text() == (
        "No note is given for these lines in the source."
    )
    bromsgrove = cells(spending.select_one("tr#spending-bromsgrove-csp"))
    assert bromsgrove[4:6] == ["−£15,879", "−18.1%"]
    total, stated = (cells(row) for row in spending.select("tfoot tr"))
    assert total[:2] == ["Total of final figures", "£644,338"]
    assert stated[:2] == ["Total stated in the source", "£644,338"]
    assert stated[2] == "Covers the lines of the source's table 1. They add up to it."


def test_source_that_does_not_add_up_is_shown(example_site):
    soup = example_site.soup(f"{WORCS}2010-11/")
    stated = cells(soup.select("table.pg-funding--spending tfoot tr")[1])
    assert stated[1] == "£707,000"
    assert stated[2].startswith(
        "Covers the lines of the source's table 1. Those lines add up to £707,753, £753 more "
        "than the total the source states."
    )


def test_tbc_and_provisional_are_marked_and_left_out_of_totals(example_site):
    soup = example_site.soup(f"{WORCS}2012-13/")
    income = soup.select_one("table.pg-funding--income")
    rows = [cells(row) for row in income.select("tbody tr")]
    assert rows[0][2:4] == ["£275,000*", "Provisional"]
    assert rows[1][2:4] == ["Not known (TBC)", "To be confirmed"]
    total = cells(income.select_one("tfoot tr"))
    assert total[1] == "None final"
    assert total[2] == (
        "Leaves out 2 figures: Community Safety Fund (provisional), WCC Community Safety "
        "Grant Contribution (to be confirmed)."
    )
    assert "£0" not in soup.select_one("article").get_text()


def figure_pages(site: Site) -> list[str]:
    """Every funding, funding-year, performance and indicator page of the built site."""
    found = []
    for html in sorted(site.root.glob("partnerships/*/*/**/index.html")):
        address = html.parent.relative_to(site.root).as_posix() + "/"
        if any(part in address for part in ("/funding/", "/performance/", "/indicators/")):
            found.append(address)
    return found


def test_every_figures_table_has_a_csv_download(example_site):
    pages = figure_pages(example_site)
    assert len(pages) >= 25
    for address in pages:
        soup = example_site.soup(address)
        for table in soup.select("article table"):
            wrap = table.find_parent("div", class_="pg-table-wrap")
            link = wrap.find_next("a", attrs={"download": True})
            assert link is not None, (address, table.caption.get_text())
            assert (example_site.root / address / link["href"]).is_file(), link["href"]


def test_csv_download_holds_the_figures(example_site):
    rows = read_csv(example_site, f"{WORCS}2012-13/spending-2012-13.csv")
    by_line = {row["line"]: row for row in rows}
    assert by_line["redditch-csp"]["amount"] == "56086"
    assert by_line["redditch-csp"]["status"] == "provisional"
    assert by_line["redditch-csp"]["counted_in_totals"] == "no"
    assert by_line["daat"]["amount"] == ""
    assert by_line["daat"]["status"] == "tbc"
    everything = read_csv(example_site, f"{WORCS}funding.csv")
    assert len(everything) == 29
    assert (
        sum(
            float(r["amount"])
            for r in everything
            if r["year"] == "2011-12" and r["flow"] == "income"
        )
        == 644338
    )


def test_county_page_compares_districts(example_site):
    soup = example_site.soup(WORCS)
    table = soup.select_one("table.pg-districts")
    header = cells(table.select_one("thead tr"))
    assert header == [
        "Partnership",
        "2010/11",
        "Share 2010/11",
        "2011/12",
        "Share 2011/12",
        "2012/13",
        "Share 2012/13",
    ]
    rows = {cells(row)[0]: cells(row)[1:] for row in table.select("tbody tr")}
    assert rows["Redditch Community Safety Partnership"] == [
        "£90,327",
        "16.4%",
        "£107,400",
        "20.4%",
        "£56,086*",
        "20.4%",
    ]
    chart = soup.select("figure.pg-chart-figure")[1]
    assert chart.select_one(".pg-bars")["role"] == "img"
    provisional = chart.select(".pg-bars__row--provisional")
    assert "Redditch Community Safety Partnership £56,086 provisional" in [
        bar_text(row) for row in provisional
    ]
    assert all(row.select_one("rect.pg-hatch") for row in provisional)


def bar_text(row) -> str:
    return row.select_one(".pg-bars__label").get_text(" ", strip=True)


def test_year_chart_names_each_series_by_what_the_money_is(example_site):
    soup = example_site.soup(WORCS)
    figure = soup.select_one("figure.pg-chart-figure")
    chart = figure.select_one(".pg-bars")
    assert chart["role"] == "img"
    assert soup.find(id=chart["aria-labelledby"]).name == "figcaption"
    groups = {
        group.select_one(".pg-bars__group-label").get_text(): [
            bar_text(row) for row in group.select(".pg-bars__row")
        ]
        for group in chart.select(".pg-bars__group")
    }
    assert groups == {
        "2009/10": ["Home Office capital funding £176,000"],
        "2010/11": ["Income £707,000", "Spending £707,753", "Home Office capital funding £88,000"],
        "2011/12": ["Income £644,338", "Spending £644,338"],
        "2012/13": ["Income no final figure", "Spending no final figure"],
    }
    assert figure.figcaption.get_text(" ", strip=True) == (
        "Final income and spending of Worcestershire Safer Communities Board by year. "
        "The figures are in the table below."
    )
    assert not figure.select(".pg-key, text")
    rows = [cells(row) for row in soup.select("table.pg-funding-years tbody tr")]
    assert rows[1] == ["2010/11", "the source's table 1", "£707,000", "£707,753", "None"]
    assert rows[2] == ["2010/11", "the text of the source", "£88,000", "None listed", "None"]
    assert figure.find_next_sibling("div").select_one("table.pg-funding-years")


def test_district_page_shows_money_received(example_site):
    soup = example_site.soup("partnerships/redditch/")
    rows = [cells(row) for row in soup.select("table.pg-received tbody tr")]
    assert rows[1][:4] == [
        "2011/12",
        "Worcestershire Safer Communities Board",
        "Redditch CSP",
        "£107,400",
    ]


def test_indicator_page_trend_and_table(example_site):
    soup = example_site.soup(
        "partnerships/north-lincolnshire/indicators/domestic-violence-incidents/"
    )
    narrow, wide = soup.select("figure.pg-chart-figure svg.pg-line-chart")
    assert "pg-line-chart--narrow" in narrow["class"] and "pg-line-chart--wide" in wide["class"]
    assert len(wide.select_one("polyline.pg-line")["points"].split()) == 4
    values = [t.get_text() for t in wide.select("text.pg-value")]
    assert values == ["1,236", "1,000", "940", "1,114"]
    assert [t.get_text() for t in wide.select("text.pg-axis")][-4:] == [
        "1999",
        "2000",
        "2001",
        "2002",
    ]
    rows = [cells(row)[:2] for row in soup.select("table.pg-observations tbody tr")]
    assert rows == [
        ["1999 (starting figure)", "1,236"],
        ["2000", "1,000"],
        ["2001", "940"],
        ["2002", "1,114"],
    ]
    rows = read_csv(
        example_site,
        "partnerships/north-lincolnshire/indicators/domestic-violence-incidents/domestic-violence-incidents.csv",
    )
    assert [r["value"] for r in rows] == ["1236", "1000", "940", "1114"]


def test_outcome_page_shows_its_indicators_and_stated_status(example_site):
    soup = example_site.soup("partnerships/haringey/plans/2013-14/priorities/p4/")
    rows = {cells(row)[0]: cells(row)[1:] for row in soup.select("table.pg-measures tbody tr")}
    iom = rows["Cases handled by the Integrated Offender Management team"]
    assert iom[:3] == [
        "70 (period not stated)",
        "209 (2013/14)",
        "Key MOPAC target (level not given)",
    ]
    assert iom[3] == "On track (as at 27 March 2014)"


@pytest.mark.build
def test_status_is_worked_out_from_a_numeric_target(tmp_path):
    project = copy_project(tmp_path / "portal")
    observations = project / "data/haringey/performance/observations.csv"
    set_cell(observations, 12, "target", "2800")
    assert run_portalgen(project, "build").returncode == 0
    soup = Site(project / "site").soup("partnerships/haringey/indicators/asb-cad-calls/")
    facts = {
        dt.get_text(): dd.get_text(" ", strip=True)
        for dt, dd in zip(soup.select("dl.pg-facts dt"), soup.select("dl.pg-facts dd"), strict=True)
    }
    assert facts["Status"] == "On track (worked out: the latest figure meets its target)"
    assert facts["Target"] == "2,800"
    set_cell(observations, 12, "target", "2000")
    assert run_portalgen(project, "build").returncode == 0
    soup = Site(project / "site").soup("partnerships/haringey/indicators/asb-cad-calls/")
    status = soup.select_one("dl.pg-facts dd").get_text(" ", strip=True)
    assert (
        status == "At risk (worked out: the latest figure misses its target but beats the baseline)"
    )


@pytest.mark.build
def test_grants_carry_the_transparency_code_fields(tmp_path):
    project = copy_project(tmp_path / "portal")
    funding = project / "data/worcestershire/funding"
    (funding / "grants.csv").write_text(
        "id,date_awarded,period_from,period_to,funder,beneficiary,registration_number,"
        "purpose,amount,ward\n"
        "2011-victim-support,2011-06-01,2011-07-01,2012-03-31,worcestershire-county-council,"
        "Victim Support,GB-CHC-298028,Support for victims of crime,12000,\n",
        "utf-8",
    )
    descriptor = funding / "datapackage.yaml"
    descriptor.write_text(
        descriptor.read_text("utf-8") + "  - name: grants\n    path: grants.csv\n", "utf-8"
    )
    assert run_portalgen(project, "build").returncode == 0
    soup = Site(project / "site").soup(WORCS)
    row = cells(soup.select_one("table.pg-grants tbody tr"))
    assert row == [
        "1 June 2011",
        "Victim Support",
        "GB-CHC-298028",
        "Support for victims of crime",
        "1 July 2011 to 31 March 2012",
        "£12,000",
        "Worcestershire County Council",
    ]


@pytest.mark.build
def test_chart_draws_a_clawback_below_zero(tmp_path):
    project = copy_project(tmp_path / "portal")
    amounts = project / "data/worcestershire/funding/amounts.csv"
    set_cell(amounts, 2, "amount", "-16000")
    set_cell(amounts, 2, "clawback", "yes")
    assert run_portalgen(project, "build").returncode == 0
    soup = Site(project / "site").soup(WORCS)
    row = soup.select_one("figure.pg-chart-figure .pg-bars__row")
    assert bar_text(row) == "Home Office capital funding −£16,000"
    zero = float(row.select_one("line.pg-zero")["x1"].rstrip("%"))
    bar = row.select_one("rect.pg-bar")
    start, length = float(bar["x"].rstrip("%")), float(bar["width"].rstrip("%"))
    assert 0 < zero and round(start + length, 1) == round(zero, 1)


@pytest.mark.build
def test_computed_status_when_higher_is_better(tmp_path):
    project = copy_project(tmp_path / "portal")
    observations = project / "data/haringey/performance/observations.csv"
    set_cell(observations, 3, "target", "60")
    assert run_portalgen(project, "build").returncode == 0
    soup = Site(project / "site").soup("partnerships/haringey/indicators/police-confidence/")
    assert soup.select_one("dl.pg-facts dd").get_text(" ", strip=True) == (
        "At risk (worked out: the latest figure misses its target but beats the baseline)"
    )
    set_cell(observations, 2, "value", "58")
    assert run_portalgen(project, "build").returncode == 0
    soup = Site(project / "site").soup("partnerships/haringey/indicators/police-confidence/")
    assert soup.select_one("dl.pg-facts dd").get_text(" ", strip=True) == (
        "Off track (worked out: the latest figure misses its target)"
    )
