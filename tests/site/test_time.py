"""Time stated honestly (#18): what each page's facts are as at, when its data was added to
the portal and last changed there, ended plans, superseded plans, overdue work."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import Site, copy_project, run_portalgen

HARINGEY_PLAN = "partnerships/haringey/plans/2013-14"
BUCKS_OLD_PLAN = "partnerships/safer-stronger-bucks/plans/2013-14"
NEW = "example-town"
PLAN_YAML = """name: example-town-plan-2026-27
version: 1.0.0
changes:
  - version: 1.0.0
    date: 2027-01-15
    summary: First published on the portal.
title: "Example Town CSP: plan 2026/27"
plan:
  title: Example Town plan 2026/27
  period_from: 2026-27
  period_to: 2026-27
  status: adopted
  summary: One priority.
  source_title: Example Town plan
  source_date: 2026-12-01
licenses:
  - name: OGL-UK-3.0
    title: Open Government Licence v3.0
    path: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/
resources:
  - name: priorities
    path: priorities.csv
  - name: actions
    path: actions.csv
"""


def text(element) -> str:
    return element.get_text(" ", strip=True)


def pages(site: Path) -> dict[str, str]:
    """Each page (its address) → its "last changed on this portal" date, where it has one."""
    dates = {}
    for file in sorted(site.rglob("index.html")):
        html = file.read_text("utf-8")
        if 'class="pg-updated"' in html:
            address = file.parent.relative_to(site).as_posix()
            dates[address] = html.split('class="pg-updated"')[1].split('datetime="')[1][:10]
    return dates


def commit(project: Path, day: str, message: str) -> None:
    env = {"GIT_AUTHOR_DATE": f"{day}T10:00:00Z", "GIT_COMMITTER_DATE": f"{day}T10:00:00Z"}
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", message], cwd=project, check=True, env=env)


def add_partnership(project: Path) -> None:
    """A partnership's row in the shared partnerships table, its plan, and a new version of
    the partnerships package, as an editor would add them."""
    table = project / "data/partnerships/partnerships.csv"
    row = f"{NEW},Example Town Community Safety Partnership,district CSP,E07000235,,,,,A test.\n"
    table.write_text(table.read_text("utf-8") + row, "utf-8")
    descriptor = project / "data/partnerships/datapackage.yaml"
    descriptor.write_text(
        descriptor.read_text("utf-8").replace(
            "version: 1.0.0\nchanges:\n",
            "version: 1.1.0\nchanges:\n  - version: 1.1.0\n    date: 2027-01-15\n"
            "    summary: Added Example Town.\n",
        ),
        "utf-8",
    )
    plan = project / f"data/{NEW}/plans/2026-27"
    plan.mkdir(parents=True)
    (plan / "datapackage.yaml").write_text(PLAN_YAML, "utf-8")
    (plan / "priorities.csv").write_text(
        "id,number,title,summary,owner,status,status_date\np1,1,Safer streets,,,,\n", "utf-8"
    )
    (plan / "actions.csv").write_text(
        "id,priority,kind,title,owner,due,status,status_date\n"
        "p1-a1,p1,action,Light the underpass.,,2026-27,,\n",
        "utf-8",
    )


@pytest.mark.build
def test_a_new_partnership_dates_only_its_own_pages(tmp_path):
    """Two commits: the second adds a partnership (a row in the shared partnerships table
    and a new package). Only its pages, and the list of partnerships, show the later date."""
    project = copy_project(tmp_path / "portal")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    commit(project, "2026-12-01", "The example")
    add_partnership(project)
    commit(project, "2027-01-15", "Example Town added")
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    dated = pages(project / "site")
    later = sorted(address for address, day in dated.items() if day == "2027-01-15")
    assert later == [
        "partnerships",
        f"partnerships/{NEW}",
        f"partnerships/{NEW}/plans/2026-27",
        f"partnerships/{NEW}/plans/2026-27/priorities/p1",
    ]
    assert dated["partnerships/haringey"] == "2026-11-29"
    assert dated[HARINGEY_PLAN] == "2026-11-23"
    site = Site(project / "site")
    new = site.soup(f"partnerships/{NEW}")
    assert text(new.select_one(".pg-added")) == "Added to this portal: 15 January 2027"
    haringey = site.soup("partnerships/haringey")
    assert text(haringey.select_one(".pg-added")) == "Added to this portal: 23 November 2026"
    assert text(haringey.select_one(".pg-updated")) == (
        "Last changed on this portal: 29 November 2026"
    )
    priority = site.soup(f"partnerships/{NEW}/plans/2026-27/priorities/p1")
    assert priority.select_one(".pg-plan-notice") is None
    assert priority.select_one(".pg-overdue") is None


def test_an_ended_plan_says_so_on_the_plan_and_each_priority(example_site):
    notice = (
        "This plan has ended. It covered 2013/14 to 2016/17 and ended on 31 March 2017. "
        "No later plan has been published on this portal."
    )
    plan = example_site.soup(HARINGEY_PLAN)
    assert text(plan.select_one("article .pg-plan-notice--ended")) == notice
    priorities = [a["href"] for a in plan.select("table.pg-priorities a")]
    assert len(priorities) == 6
    for href in priorities:
        page = example_site.soup(f"{HARINGEY_PLAN}/{href}")
        assert text(page.select_one("article .pg-plan-notice--ended")) == notice, href
        assert text(page.select_one("dl.pg-facts .pg-status--ended")) == (
            "Adopted; ended 31 March 2017"
        )
    assert plan.select_one(".pg-status--adopted") is None


def test_the_partnership_page_lists_its_latest_published_priorities(example_site):
    page = example_site.soup("partnerships/haringey")
    headings = [text(h) for h in page.select("article h2")]
    assert "Latest published priorities" in headings
    assert "Current priorities" not in headings
    assert page.select_one("article .pg-plan-notice--ended") is not None
    assert page.select_one(".pg-status--adopted") is None


def test_every_page_under_a_superseded_plan_carries_the_banner(example_site):
    plan = example_site.soup(BUCKS_OLD_PLAN)
    hrefs = [a["href"] for a in plan.select("table.pg-priorities a")]
    assert len(hrefs) == 6
    for address in [BUCKS_OLD_PLAN, *(f"{BUCKS_OLD_PLAN}/{href}" for href in hrefs)]:
        page = example_site.soup(address)
        banner = page.select_one("article .pg-plan-notice--superseded")
        assert text(banner).startswith("A later plan replaces this one."), address
        latest = banner.select_one("a")
        assert text(latest) == "Safer Bucks Plan 2014/15 (2014/15, draft)"
        assert latest["href"] in ("../2014-15/", "../../../2014-15/")
        assert page.select_one("article .pg-warning") is None
    later = example_site.soup("partnerships/safer-stronger-bucks/plans/2014-15/changes")
    assert later.select_one(".pg-plan-notice--superseded") is None
    assert later.select_one(".pg-plan-notice--ended") is not None


def test_the_tracker_opens_with_exact_counts_and_marks_overdue_work(example_site):
    counts = {
        "worcestershire": "6 recommendations: none done, 3 overdue, 3 proposed.",
        "north-lincolnshire": "16 recommendations: none done, 16 proposed.",
        "safer-devon": "4 recommendations: none done, 2 overdue, 2 proposed.",
        "safer-stronger-bucks": "2 actions: none done, 2 overdue.",
        "haringey": "1 recommendation: none done, 1 proposed.",
    }
    for partnership, line in counts.items():
        page = example_site.soup(f"partnerships/{partnership}/recommendations")
        assert text(page.select_one("article .pg-tally")) == line
    page = example_site.soup("partnerships/worcestershire/recommendations")
    due = {
        text(row.select_one("td:nth-of-type(2)")): text(row.select_one("td:nth-of-type(5)"))
        for row in page.select("table.pg-recommendations tbody tr")
    }
    assert due == {
        "1": "Not stated",
        "2": "1 April 2012 Overdue",
        "3": "Not stated",
        "4": "Not stated",
        "5": "1 April 2012 Overdue",
        "6": "April 2014 Overdue",
    }
    assert text(page.select_one(".pg-overdue-note")) == (
        "Overdue means past its due date at 29 November 2026, the date of the portal's "
        "latest data, with no report that it was done."
    )


def test_an_overdue_recommendation_says_so_on_its_page(example_site):
    page = example_site.soup(
        "partnerships/safer-stronger-bucks/recommendations/select-committee-2014-a1"
    )
    facts = {
        text(dt): text(dd)
        for dt, dd in zip(page.select("dl.pg-facts dt"), page.select("dl.pg-facts dd"), strict=True)
    }
    assert facts["Due"] == (
        "June 2014 Overdue (at 29 November 2026, the date of the portal's latest data, with no "
        "report that it was done)"
    )


def test_plan_actions_past_their_year_are_overdue(example_site):
    page = example_site.soup(f"{HARINGEY_PLAN}/priorities/p3")
    tables = [
        table
        for table in page.select("table.pg-actions")
        if "Due" in [text(th) for th in table.select("thead th")]
    ]
    table = tables[0]  # the areas for attention: the achievements give no due dates
    due = [text(th) for th in table.select("thead th")].index("Due")
    rows = table.select("tbody tr")
    marked = [text(row.select("td")[due]) for row in rows if row.select(".pg-overdue")]
    assert marked and set(marked) <= {"2013/14 Overdue", "2014/15 Overdue"}
    unmarked = [text(row.select("td")[due]) for row in rows if not row.select(".pg-overdue")]
    assert set(unmarked) <= {"Not stated"}


def test_pages_say_what_their_facts_are_as_at(example_site):
    plan = example_site.soup(HARINGEY_PLAN)
    assert text(plan.select_one(".pg-as-at")) == (
        "Facts as reported on: 27 March 2014 , in Year end roundup 2013-14, report to the "
        "Community Safety Partnership Board."
    )
    tracker = example_site.soup("partnerships/worcestershire/recommendations")
    assert text(tracker.select_one(".pg-as-at")) == (
        "Statuses as last reported on: 15 November 2011 ."
    )
    for address in (HARINGEY_PLAN, "partnerships/haringey", "wards/E05000266"):
        page = example_site.soup(address)
        assert "Last updated" not in page.get_text()
        assert page.select_one(".pg-added time")["datetime"] == "2026-11-23"


def test_every_figure_says_its_period(example_site):
    """A starting figure the source gives without a period says so, rather than reading as
    a figure of today."""
    page = example_site.soup("partnerships/haringey/performance")
    figures = [
        text(cell)
        for row in page.select("table.pg-measures tbody tr")
        for cell in row.select("td")[1:]
    ]
    assert "50% (period not stated)" in figures
    assert all(f == "Not stated" or f.endswith(")") for f in figures), figures


def test_a_ward_page_says_its_partnership_plan_has_ended(example_site):
    page = example_site.soup("wards/E05000268")
    across = page.select_one("h3#across").find_next("p")
    assert text(across) == (
        "Haringey Community Safety Partnership: Community Safety Strategy 2013-2017 "
        "(2013/14 to 2016/17, adopted; ended 31 March 2017)"
    )
