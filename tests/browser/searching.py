"""Searching the portal as a person does: the header's search field, then the search page."""

from __future__ import annotations

from playwright.sync_api import expect

STATUS = "#pg-search-status"
RESULTS = ".pg-search__result"


def search(page, query: str):
    """Type ``query`` into the header's search field and press Enter; wait until the search
    page says what it found, and return its results."""
    field = page.get_by_role("banner").get_by_role("searchbox", name="Search the portal")
    field.fill(query)
    field.press("Enter")
    return results(page)


def results(page):
    """The search page's results, once it has said how many it found."""
    expect(page.locator(STATUS)).to_contain_text("found", timeout=15000)
    return page.locator(RESULTS)


def titles(page) -> list[str]:
    return [title.inner_text() for title in page.locator(f"{RESULTS} h2").all()]
