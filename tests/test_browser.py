"""A resident's journey through the built portal, in Debian's Chromium driven by Playwright."""

from __future__ import annotations

import pytest


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
    assert row.locator("td").nth(2).inner_text() == "13.5%"
    assert row.locator("td").nth(3).inner_text() == "9% (2013-14)"
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


def search(page, query: str):
    """Type into material's search box, as a person does, and wait for its answer."""
    page.click("input.md-search__input")
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return results
