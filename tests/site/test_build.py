"""Real MkDocs builds of the example portal, checked by CSS selectors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, Site, copy_project, run_portalgen, set_cell

PARTNERSHIPS = [
    "north-lincolnshire",
    "safer-devon",
    "worcestershire",
    "safer-stronger-bucks",
    "haringey",
]
HARINGEY_PLAN = "partnerships/haringey/plans/2013-14"


def plan_folders() -> list[Path]:
    return sorted((REPO / "data").glob("*/plans/*/datapackage.yaml"))


def test_a_page_for_every_partnership_and_plan_version(example_site):
    for partnership in PARTNERSHIPS:
        page = example_site.soup(f"partnerships/{partnership}")
        assert page.select_one("article h1").get_text(strip=True)
    assert len(plan_folders()) >= 5
    for descriptor in plan_folders():
        version, partnership = descriptor.parent.name, descriptor.parents[2].name
        page = example_site.soup(f"partnerships/{partnership}/plans/{version}")
        assert page.select("table.pg-priorities tbody tr")


def test_partnership_home_shows_current_priorities(example_site):
    page = example_site.soup("partnerships/haringey")
    assert (
        page.select_one("article h1").get_text(strip=True)
        == "Haringey Community Safety Partnership"
    )
    rows = page.select("table.pg-priorities tbody tr")
    assert [row.select("td")[1].get_text(strip=True) for row in rows][:2] == [
        "Confidence in policing and community safety",
        "Prevent and minimise gang-related activity and victimisation",
    ]
    assert rows[0].select_one("a")["href"] == "plans/2013-14/priorities/p1/"


def test_plan_page_facts_and_source(example_site):
    page = example_site.soup(HARINGEY_PLAN)
    facts = {
        dt.get_text(strip=True): dd.get_text(" ", strip=True)
        for dt, dd in zip(page.select("dl.pg-facts dt"), page.select("dl.pg-facts dd"), strict=True)
    }
    assert facts["Period"] == "2013/14 to 2016/17"
    assert facts["Status"] == "Adopted; ended 31 March 2017"
    assert facts["Adopted"] == "Not stated"
    assert facts["Source document"] == (
        "Year end roundup 2013-14, report to the Community Safety Partnership Board, 27 March 2014"
        " (this portal holds no web address for it)"
    )
    assert page.select_one("h2#p3").get_text(strip=True).startswith("3. Domestic")


def test_priority_page_figures_and_statuses(example_site):
    page = example_site.soup(f"{HARINGEY_PLAN}/priorities/p3")
    assert (
        page.select_one("article h1").get_text(strip=True)
        == "Priority 3: Domestic and gender-based violence/abuse"
    )
    measures = {
        row.select("td")[0].get_text(strip=True): [
            td.get_text(" ", strip=True) for td in row.select("td")[1:]
        ]
        for row in page.select("table.pg-measures tbody tr")
    }
    marac = next(value for key, value in measures.items() if "MARAC" in key)
    assert marac[:2] == ["13.5% (period not stated)", "9% (2013/14)"]
    assert marac[3].startswith("Off track")
    table = page.select_one("table.pg-measures")
    assert "Lead" not in [th.get_text() for th in table.select("thead th")]
    assert table.find_parent("div").find_next_sibling("p").get_text() == (
        "No lead is given for these measures in the source."
    )
    caption = page.select_one("table.pg-measures caption").get_text(strip=True)
    assert caption.startswith("Measures of success")
    assert all(th.get("scope") == "col" for th in page.select("table.pg-table thead th"))


def test_missing_status_is_not_stated_not_invented(example_site):
    page = example_site.soup("partnerships/worcestershire/plans/2011-12/priorities/p1")
    label = next(dt for dt in page.select("dl.pg-facts dt") if dt.get_text() == "Status")
    status = label.find_next_sibling("dd").select_one(".pg-status")
    assert status.get_text(strip=True) == "Not stated"
    assert "pg-status--none" in status["class"]


def test_navigation_lists_partnerships_and_plans(example_site):
    nav = example_site.soup("partnerships").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link")]
    assert "Haringey Community Safety Partnership" in labels
    assert "Worcestershire Safer Communities Board" in labels


def test_nothing_loaded_from_another_host(example_site):
    for html in example_site.root.rglob("*.html"):
        text = html.read_text("utf-8")
        soup = BeautifulSoup(text, "html.parser")
        for tag, attribute in (
            ("script", "src"),
            ("link:not([rel=canonical])", "href"),  # the page's own published address
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
        ):
            for element in soup.select(f"{tag}[{attribute}]"):
                assert not urlparse(element[attribute]).netloc, (html, element)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html


@pytest.mark.build
def test_text_is_escaped_everywhere(project):
    path = project / "data/worcestershire/plans/2011-12/priorities.csv"
    path.write_text(
        path.read_text("utf-8").replace(
            "Reducing reoffending",
            "Reducing <script>alert(1)</script> *reoffending* [x](javascript:1)",
        ),
        "utf-8",
    )
    assert run_portalgen(project, "build").returncode == 0
    site = Site(project / "site")
    for address in (
        "partnerships/worcestershire",
        "partnerships/worcestershire/plans/2011-12",
        "partnerships/worcestershire/plans/2011-12/priorities/p1",
    ):
        page = site.soup(address)
        assert not page.select("article script, article em, article a[href^=javascript]")
        assert "<script>alert(1)</script>" in page.select_one("article").get_text()


@pytest.mark.build
def test_failed_build_leaves_previous_site(project):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", "utf-8")
    path = project / "data/haringey/plans/2013-14/actions.csv"
    path.write_text(path.read_text("utf-8").replace("metropolitan-police", "met"), "utf-8")
    result = run_portalgen(project, "build")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        'data/haringey/plans/2013-14/actions.csv:2 owner: "met" is not an organisation in '
        "data/vocabulary/organisations.csv."
    ) in result.stderr
    assert "The site was not built; site/ is unchanged." in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text("utf-8") == "previous site"
    assert not list(project.glob(".portalgen-build-*"))


@pytest.mark.build
def test_plain_mkdocs_build_fails_with_the_same_messages(project):
    path = project / "data/vocabulary/organisations.csv"
    path.write_text(path.read_text("utf-8").replace(",police,yes", ",police,maybe", 1), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode != 0
    assert (
        'data/vocabulary/organisations.csv:4 responsible_authority: "maybe" is not yes or '
        "no. Write yes or no." in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


@pytest.mark.build
def test_every_build_reflects_the_latest_data(project):
    assert run_portalgen(project, "build").returncode == 0
    path = project / "data/partnerships/partnerships.csv"
    path.write_text(
        path.read_text("utf-8").replace(
            "Haringey Community Safety Partnership", "Haringey Safer Communities Partnership"
        ),
        "utf-8",
    )
    assert run_portalgen(project, "build").returncode == 0
    page = Site(project / "site").soup("partnerships/haringey")
    assert (
        page.select_one("article h1").get_text(strip=True)
        == "Haringey Safer Communities Partnership"
    )


@pytest.mark.build
def test_site_template_overrides_win(project):
    override = project / "overrides/portalgen/pages/priority.md.j2"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text("# Custom {{ priority.title }}\n", "utf-8")
    assert run_portalgen(project, "build").returncode == 0
    page = Site(project / "site").soup(f"{HARINGEY_PLAN}/priorities/p1")
    assert (
        page.select_one("article h1").get_text(strip=True)
        == "Custom Confidence in policing and community safety"
    )


def test_areas_are_named_not_just_coded(example_site):
    page = example_site.soup("partnerships/north-worcestershire")
    label = next(dt for dt in page.select("dl.pg-facts dt") if dt.get_text() == "Areas covered")
    areas = [li.get_text(" ", strip=True) for li in label.find_next_sibling("dd").select("li")]
    assert areas == ["Bromsgrove (district)", "Redditch (district)", "Wyre Forest (district)"]
    codes = page.select_one("aside.pg-about .pg-codes").get_text(" ", strip=True)
    assert codes == "ONS codes: Bromsgrove E07000234; Redditch E07000236; Wyre Forest E07000239."


@pytest.mark.build
def test_without_a_nav_the_editors_pages_and_statement_appear_once(project):
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text[: text.index("\nnav:")], "utf-8")
    assert run_portalgen(project, "build").returncode == 0
    nav = Site(project / "site").soup("about").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a.md-nav__link")]
    assert labels.count("Accessibility statement") == 1
    assert "About this portal" in labels and "How to edit the portal" in labels


def test_each_page_names_the_data_it_is_made_from(example_site):
    aside = example_site.soup("partnerships/haringey/plans/2013-14/").select_one("aside.pg-sources")
    assert [c.get_text() for c in aside.select("code")] == ["data/haringey/plans/2013-14/"]
    ward = example_site.soup("wards/E05000266/").select_one("aside.pg-sources")
    assert [c.get_text() for c in ward.select("code")] == [
        "data/haringey/areas/wd13/",
        "data/haringey/ward-figures/",
        "data/haringey/plans/2013-14/",
        "data/haringey/governance/",
    ]


@pytest.mark.build
def test_pages_link_to_their_data_in_the_repository(tmp_path):
    project = copy_project(tmp_path / "portal")
    config = project / "mkdocs.yml"
    config.write_text(
        "repo_url: https://github.com/example/portal\n" + config.read_text("utf-8"), "utf-8"
    )
    assert run_portalgen(project, "build").returncode == 0
    soup = Site(project / "site").soup("partnerships/worcestershire/funding/2011-12/")
    links = [a["href"] for a in soup.select("aside.pg-sources a")]
    assert links == ["https://github.com/example/portal/tree/main/data/worcestershire/funding/"]


@pytest.mark.build
def test_markup_in_a_title_stays_text(project):
    """material writes page titles into <title> unescaped; portalgen escapes them first."""
    payload = "Board </title><script>alert(1)</script>"
    set_cell(project / "data/worcestershire/governance/bodies.csv", 2, "name", payload)
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    page = Site(project / "site").soup("partnerships/worcestershire/bodies/safer-communities-board")
    assert page.title.get_text().startswith(payload)
    assert not [s for s in page.select("script") if "alert(1)" in (s.string or "")]
