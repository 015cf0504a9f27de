"""Governance pages of the built example portal, read as a person would: by CSS selectors."""

from __future__ import annotations

import re

import pytest
from conftest import Site, copy_project, run_portalgen, text

SCB = "partnerships/worcestershire/bodies/safer-communities-board/"


def cells(row) -> list[str]:
    return [text(cell) for cell in row.find_all(["th", "td"])]


def first_facts(soup) -> dict[str, str]:
    """The first list of facts on the page (the one under its heading), as label → text."""
    facts = soup.select_one("dl.pg-facts")
    return dict(
        zip(
            [term.get_text() for term in facts.select("dt")],
            [value.get_text(" ", strip=True) for value in facts.select("dd")],
            strict=True,
        )
    )


def test_body_page_shows_current_terms_and_members(example_site):
    soup = example_site.soup(SCB)
    assert soup.select_one("h1").get_text(strip=True) == "Safer Communities Board"
    members = soup.select_one("table.pg-members")
    assert "under the terms of 22 September 2011" in members.caption.get_text()
    rows = [cells(row) for row in members.select("tbody tr")]
    assert rows[0][:3] == [
        "Senior representative of Worcestershire County Council",
        "Worcestershire County Council",
        "yes",
    ]
    assert rows[-1][:3] == ["Wider stakeholders", "Not named in the source", "no"]
    assert "Voting" not in [th.get_text() for th in members.select("thead th")]
    assert members.find_parent("div").find_next_sibling("p").get_text() == (
        "No voting is given for these members in the source."
    )
    assert rows[3] == [
        "Senior representative of the Police Authority",
        "Not named in the source",
        "yes",
        "The report names responsible authorities in general (local authorities, police, "
        "police authority, fire and rescue authority, primary care trusts, probation trusts); "
        "it does not list the Board's members.",
    ]
    versions = [cells(row) for row in soup.select("table.pg-versions tbody tr")]
    assert versions == [
        [
            "1 April 2012",
            "Proposed role and membership of the Safer Communities Board from April 2012",
            "Draft",
        ],
        [
            "22 September 2011",
            "Role and membership of the Safer Communities Board as the report of 22 September "
            "2011 describes them",
            "Adopted",
        ],
    ]


def test_terms_change_is_a_readable_difference(example_site):
    soup = example_site.soup(f"{SCB}terms/2012-04-01/")
    changes = soup.select_one(".pg-changes")
    lines = [item.get_text(" ", strip=True) for item in changes.select("li")]
    assert (
        "Added: Coordinates strategy across the two partnerships, North and South Worcestershire."
        in lines
    )
    assert (
        "Removed: Funds the community safety partnerships and wider section 17 community "
        "safety work."
    ) in lines
    assert (
        "Reworded: “Is a theme group of the Worcestershire Partnership.” became “Its place as a "
        "theme group of the Worcestershire Partnership is likely to change.”"
    ) in lines
    assert "Added: Associate members, a small number still to be agreed (non-voting)" in lines
    assert "Removed: Wider stakeholders" in lines
    assert (
        "Changed: Senior representative of West Mercia Police: voting Not stated → voting" in lines
    )
    paragraphs = [p.get_text(" ", strip=True) for p in changes.select("p")]
    assert (
        "How often it meets changed from Not stated to “Fewer meetings than before (the number "
        "is not stated)”."
    ) in paragraphs


def test_older_terms_point_to_the_later_version(example_site):
    soup = example_site.soup(f"{SCB}terms/2011-09-22/")
    assert soup.select_one(".pg-warning") is None  # a note, not a warning: it was right then
    warning = soup.select_one(".pg-terms-notice")
    assert warning.get_text(" ", strip=True).startswith(
        "A later version exists. These terms of reference are kept as they were published."
    )
    assert warning.select_one("a")["href"] == "../2012-04-01/"
    facts = first_facts(soup)
    assert facts["Applies until"] == "No end date"
    assert facts["Status"] == "Adopted"


def test_draft_only_body_shows_its_draft_and_chair(example_site):
    soup = example_site.soup("partnerships/safer-devon/bodies/executive-member-group/")
    facts = first_facts(soup)
    assert facts["Chair"] == (
        "Devon County Council's executive portfolio holder for community safety (draft terms)"
    )
    assert facts["How often it meets"] == "To be determined; at least twice a year"
    assert "There are no adopted terms of reference." in soup.select_one("article").get_text()


def test_structure_chart_nests_reporting_lines(example_site):
    chart = example_site.soup("partnerships/worcestershire/governance/").select_one("ul.pg-tree")
    top = chart.select_one(":scope > li")
    assert chart["aria-label"] == "Structure of Worcestershire Safer Communities Board"
    assert top.select_one(":scope > .pg-node").get_text() == "The partnership"  # named once, above
    board = top.select_one(":scope > ul > li")
    assert board.select_one(":scope > a").get_text() == "Safer Communities Board"
    group = board.select_one(":scope > ul:not(.pg-ties) > li")
    assert group.select_one(":scope > a").get_text() == "SCB Policy and Commissioning Group"
    task = group.select_one(":scope > ul > li > a")
    assert task.get_text() == "Future arrangements task and finish group"
    ties = [li.get_text(" ", strip=True) for li in board.select(":scope > ul.pg-ties > li")]
    assert "Funded by: West Mercia Police and Crime Commissioner" in ties
    local = board.select_one(":scope > ul:not(.pg-ties) > li:last-child")
    assert local.select_one(":scope > .pg-node").get_text() == "Local partnerships under it"
    districts = [a.get_text() for a in local.select(":scope > ul > li > a")]
    assert districts == [
        "South Worcestershire Community Safety Partnership",
        "Bromsgrove Community Safety Partnership",
        "Redditch Community Safety Partnership",
        "Wyre Forest Community Safety Partnership",
        "North Worcestershire Community Safety Partnership",
    ]


def test_scrutiny_committee_is_tied_in_the_chart(example_site):
    chart = example_site.soup("partnerships/safer-stronger-bucks/governance/").select_one(
        "ul.pg-tree"
    )
    ties = [li.get_text(" ", strip=True) for li in chart.select("ul.pg-ties > li")]
    assert any(
        tie.startswith("Scrutinised by: Transport, Environment and Communities Select Committee")
        for tie in ties
    ), ties


def test_staffing_tables_have_totals(example_site):
    soup = example_site.soup("partnerships/north-lincolnshire/governance/")
    current, proposed = soup.select("table.pg-staffing")
    assert current.caption.get_text() == "Current staff"
    subtotals = [cells(row)[:2] for row in current.select("tr.pg-subtotal")]
    assert subtotals == [
        ["Community Safety: total", "8.5"],
        ["Crime Reduction and Community Cohesion Unit/Admin: total", "3.5"],
        ["DAT: total", "5.5"],
        ["DIP: total", "3.0"],  # the same decimal places as the column above
    ]
    assert cells(current.select_one("tfoot tr"))[:3] == [
        "Total",
        "20.5",
        "4.5 whole-time equivalent",
    ]
    assert current.find_parent("div").find_next_sibling("p").get_text() == (
        "No number of posts is given for these posts in the source."
    )
    assert cells(proposed.select_one("tfoot tr"))[:3] == ["Total", "1.5", "22"]
    text = soup.select_one("article").get_text(" ", strip=True)
    assert (
        "The total of posts leaves out 2 rows for which the source gives no number of posts."
        in text
    )
    assert "vulnerable to either short term funding" in text


def test_meeting_page_marks_the_statutory_annual_meeting(example_site):
    soup = example_site.soup(
        "partnerships/safer-stronger-bucks/meetings/2014-05-13-select-committee/"
    )
    assert (
        soup.select_one(".pg-notice")
        .get_text(" ", strip=True)
        .startswith("Statutory annual meeting.")
    )
    papers = [li.get_text(" ", strip=True) for li in soup.select("article ul li")][:2]
    assert papers == [
        "Crime and Disorder information paper (this portal holds no web address for it)",
        "Draft Safer Bucks Plan (this portal holds no web address for it)",
    ]


def test_partnership_page_flags_an_old_annual_meeting(example_site):
    bucks = example_site.soup("partnerships/safer-stronger-bucks/").select_one(".pg-warning")
    assert bucks.get_text(" ", strip=True).startswith(
        "No statutory annual meeting in the last 12 months. The last one recorded here was on "
        "13 May 2014, more than 12 months before"
    )
    worcs = example_site.soup("partnerships/worcestershire/")
    assert worcs.select_one(".pg-warning") is None
    assert (
        worcs.select_one(".pg-note")
        .get_text(" ", strip=True)
        .startswith("The data on this portal holds no record of a statutory annual meeting.")
    )
    assert example_site.soup("partnerships/bromsgrove/").select_one(".pg-warning") is None


@pytest.mark.build
def test_recent_annual_meeting_is_not_flagged(tmp_path):
    """Counted from the date of the portal's latest data, whatever the day of the build."""
    project = copy_project(tmp_path / "portal")
    for descriptor in (project / "data").rglob("datapackage.yaml"):
        text = re.sub(r"date: 2026-11-2\d", "date: 2014-12-01", descriptor.read_text("utf-8"))
        descriptor.write_text(text, "utf-8")
    result = run_portalgen(project, "build", env={"SOURCE_DATE_EPOCH": "1900000000"})
    assert result.returncode == 0, result.stdout
    soup = Site(project / "site").soup("partnerships/safer-stronger-bucks/")
    assert soup.select_one(".pg-warning") is None
    assert soup.select_one(".pg-notice").get_text(" ", strip=True) == (
        "The last statutory annual meeting recorded here was on 13 May 2014."
    )


def test_tracker_groups_open_and_closed_without_javascript(example_site):
    soup = example_site.soup("partnerships/worcestershire/recommendations/")
    headings = [
        h.get_text(strip=True) for h in soup.select("article h2:not(#about-this-data), article h3")
    ]
    assert headings == ["Open (6)", "Proposed (6)", "Closed (0)"]
    table = soup.select_one("#proposed ~ .pg-table-wrap table[data-pg-sortable]")
    rows = [cells(row) for row in table.select("tbody tr")]
    assert [row[1] for row in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[1][4] == "1 April 2012 Overdue"
    assert rows[5][4] == "April 2014 Overdue"
    links = [a["href"] for a in table.select("a")]
    assert links[0] == "scb-2011-r1/"


def test_recommendation_page_shows_its_timeline(example_site):
    soup = example_site.soup("partnerships/worcestershire/recommendations/scb-2011-r2/")
    assert soup.select_one("h1").get_text(strip=True) == (
        "Recommendation 2: Merge the Bromsgrove, Redditch and Wyre Forest partnerships into a…"
    )
    steps = [li.get_text(" ", strip=True) for li in soup.select("ol.pg-timeline li")]
    assert steps[0] == (
        "22 September 2011: Proposed. Put to the Safer Communities Board in the report of "
        "22 September 2011."
    )
    assert steps[1].startswith("15 November 2011: Proposed. The report was published again")
    facts = first_facts(soup)
    assert facts["Due"] == (
        "1 April 2012 Overdue (at 29 November 2026, the date of the portal's latest data, "
        "with no report that it was done)"
    )
    assert facts["Owner"] == "Responsible authorities of Bromsgrove, Redditch and Wyre Forest"
    assert facts["Status"] == "Proposed (last recorded 15 November 2011)"


@pytest.mark.build
def test_done_recommendation_moves_to_closed(tmp_path):
    project = copy_project(tmp_path / "portal")
    history = project / "data/safer-stronger-bucks/governance/recommendation-history.csv"
    history.write_text(
        history.read_text("utf-8")
        + "select-committee-2014-a1,2014-07-01,done,The Needs Assessment was shared.\n",
        "utf-8",
    )
    assert run_portalgen(project, "build").returncode == 0
    soup = Site(project / "site").soup("partnerships/safer-stronger-bucks/recommendations/")
    headings = [
        h.get_text(strip=True) for h in soup.select("article h2:not(#about-this-data), article h3")
    ]
    assert headings == ["Open (1)", "Agreed (1)", "Closed (1)", "Done (1)"]
    done = soup.select_one("#done ~ .pg-table-wrap table")
    assert "Share the Needs Assessment" in done.get_text()
