"""A resident's journey through the built portal, in Debian's Chromium driven by Playwright."""

from __future__ import annotations

import pytest
from searching import search


def test_home_to_priority_journey(page, server):
    page.goto(server)
    page.get_by_role("link", name="Find a partnership").click()
    page.get_by_role("article").get_by_role(
        "link", name="Haringey Community Safety Partnership"
    ).click()
    assert page.url == f"{server}partnerships/haringey/"
    page.get_by_role("link", name="Domestic and gender-based violence/abuse").first.click()
    assert page.url == f"{server}partnerships/haringey/plans/2013-14/priorities/p3/"
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text().startswith("Priority 3: Domestic and gender-based violence")
    measures = page.locator("table.pg-measures")
    assert measures.is_visible()
    row = measures.locator("tr", has_text="MARAC")
    assert row.locator("td").nth(1).inner_text() == "13.5% (period not stated)"
    assert row.locator("td").nth(2).inner_text() == "9% (2013/14)"
    assert page.outside_requests == []


@pytest.mark.parametrize(
    "address",
    [
        "",
        "partnerships/",
        "partnerships/worcestershire/",
        "partnerships/haringey/plans/2013-14/",
        "partnerships/haringey/plans/2013-14/priorities/p1/",
        "about/",
    ],
)
def test_no_request_leaves_the_site(page, server, address):
    page.goto(f"{server}{address}")
    page.wait_for_load_state("networkidle")
    results = search(page, "Haringey")
    assert results.count() > 0
    assert page.outside_requests == []


def test_councillor_opens_a_recommendation_by_its_permalink(page, server):
    page.goto(f"{server}partnerships/worcestershire/recommendations/scb-2011-r2/")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading.removesuffix("¶") == (
        "Recommendation 2: Merge the Bromsgrove, Redditch and Wyre Forest partnerships into a…"
    )
    history = page.get_by_role("list", name="Status history, oldest first")
    steps = history.get_by_role("listitem")
    assert steps.count() == 2
    assert steps.nth(0).inner_text().startswith("22 September 2011: Proposed.")
    assert steps.nth(1).inner_text().startswith("15 November 2011: Proposed.")
    page.get_by_role("link", name="Safer Communities Board, 22 September 2011").click()
    assert page.url == (
        f"{server}partnerships/worcestershire/meetings/2011-09-22-safer-communities-board/"
    )
    assert page.outside_requests == []


def test_resident_finds_who_chairs_a_board_from_the_home_page(page, server):
    page.goto(server)
    page.get_by_role("link", name="Find a partnership").click()
    page.get_by_role("article").get_by_role("link", name="Safer Devon Partnership").click()
    page.get_by_role("link", name="Boards, groups, structure chart").click()
    assert page.url == f"{server}partnerships/safer-devon/governance/"
    chart = page.get_by_role("list", name="Structure of Safer Devon Partnership")
    chart.get_by_role("link", name="Safer Devon Partnership Executive Member Group").click()
    facts = page.locator("dl.pg-facts").first
    chair = facts.locator("dt", has_text="Chair").locator("xpath=following-sibling::dd[1]")
    assert chair.inner_text() == (
        "Devon County Council's executive portfolio holder for community safety (draft terms)"
    )
    assert page.outside_requests == []


def test_tracker_sorts_by_a_column_with_javascript(page, server):
    page.goto(f"{server}partnerships/worcestershire/recommendations/")
    table = page.locator("table[data-pg-sortable]").first
    numbers = table.locator("tbody tr td:nth-child(2)")
    assert numbers.all_inner_texts() == ["1", "2", "3", "4", "5", "6"]
    heading = table.get_by_role("columnheader", name="Number")
    heading.get_by_role("button").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    heading.get_by_role("button").click()
    assert heading.get_attribute("aria-sort") == "descending"
    assert numbers.all_inner_texts() == ["6", "5", "4", "3", "2", "1"]
    due = table.get_by_role("columnheader", name="Due")
    due.get_by_role("button").press("Enter")
    assert table.locator("tbody tr td:nth-child(5)").all_inner_texts() == [
        "1 April 2012 Overdue",
        "1 April 2012 Overdue",
        "April 2014 Overdue",
        "Not stated",
        "Not stated",
        "Not stated",
    ]


def test_resident_finds_what_redditch_received_in_2011_12(page, server):
    page.goto(server)
    page.get_by_role("link", name="Find a partnership").click()
    page.get_by_role("article").get_by_role(
        "link", name="Worcestershire Safer Communities Board"
    ).click()
    page.get_by_role("article").get_by_role(
        "link", name="Redditch Community Safety Partnership"
    ).click()
    assert page.url == f"{server}partnerships/redditch/"
    table = page.get_by_role("table", name="Money Redditch Community Safety Partnership received")
    row = table.get_by_role("row").filter(has_text="2011/12")
    assert row.get_by_role("cell").nth(2).inner_text() == "£107,400"
    row.get_by_role("link", name="2011/12").click()
    assert page.url == f"{server}partnerships/worcestershire/funding/2011-12/"
    line = page.locator("tr#spending-redditch-csp")
    assert line.get_by_role("cell").nth(1).inner_text() == "£107,400"
    with page.expect_download() as download:
        page.get_by_role("link", name="Download this table as CSV").nth(1).click()
    assert download.value.suggested_filename == "spending-2011-12.csv"
    assert page.outside_requests == []


def test_resident_moves_to_a_ward_on_the_map_by_keyboard(page, server):
    page.goto(f"{server}partnerships/haringey/")
    page.get_by_role("link", name="Wards and areas: maps and figures").click()
    page.get_by_role("link", name="2017/18").first.click()
    assert page.url == f"{server}partnerships/haringey/maps/all-crime/2017-18/"
    wards = page.locator("path.leaflet-interactive")
    wards.first.wait_for()
    assert wards.count() == 19
    for _ in range(300):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
        if label.startswith("Bruce Grove:"):
            break
    assert label == "Bruce Grove: 1,630 (108.0 per 1,000 residents)"  # rates: one decimal place
    # Leaflet fades a closed tooltip out for 200 ms, so the last ones may still be there.
    tooltip = page.locator(".leaflet-tooltip").filter(has_text="Bruce Grove")
    assert tooltip.inner_text() == label
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{server}wards/E05000268/"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bruce Grove")
    assert page.outside_requests == []
