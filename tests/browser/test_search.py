"""The site search (Pagefind, at /search/), as residents use it: from the header on any page,
on a phone, with a screen reader, and without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from searching import STATUS, results, search, titles

BUNDLE = "search/pagefind/"


def test_searching_redditch_finds_its_partnership_funding_and_areas(page, server):
    """The partnership first (pages carry a search boost, and its name weighs most on its
    page): a place's name finds its partnership and small areas. With "funding", the
    county's funding page, which has both words and the money it gave Redditch's
    partnership, comes first and the partnership (whose page says "money") second: the
    order changed when the figures tables and the older years' maps left the index (issue
    24), and the page that answers "Redditch funding" first is what a resident wants."""
    page.goto(server)
    search(page, "Redditch")
    assert page.url == f"{server}search/?q=Redditch"
    found = titles(page)
    assert found[0] == "Redditch Community Safety Partnership"
    assert any(re.fullmatch(r"Redditch 0\d\d[A-E]", title) for title in found), found
    page.goto(server)
    search(page, "Redditch funding")
    found = titles(page)
    assert found[:2] == [
        "Funding: Worcestershire Safer Communities Board",
        "Redditch Community Safety Partnership",
    ], found
    page.get_by_role("link", name="Funding: Worcestershire Safer Communities Board").click()
    assert page.url == f"{server}partnerships/worcestershire/funding/"
    assert page.outside_requests == []


def test_each_result_is_a_link_with_an_extract_of_its_page(page, server):
    page.goto(f"{server}search/?q=Haringey")
    first = results(page).first
    assert first.get_by_role("heading", level=2).inner_text() == (
        "Haringey Community Safety Partnership"
    )
    assert first.get_by_role("link").get_attribute("href") == "/portalgen/partnerships/haringey/"
    assert first.locator("mark").first.inner_text().lower() == "haringey"
    assert "Haringey" in first.locator(".pg-search__extract").inner_text()


def test_the_number_found_is_announced(page, server):
    """A screen reader hears how many pages were found (a polite live region), and the
    list of results has a name."""
    page.goto(f"{server}search/?q=Redditch")
    results(page)
    status = page.get_by_role("status").filter(has_text="found")
    assert re.fullmatch(r"\d+ pages found for ‘Redditch’\.", status.inner_text())
    assert page.get_by_role("list", name="Search results").get_by_role("listitem").count() == 10
    page.get_by_role("main").get_by_role("searchbox", name="Search the portal").fill("xylophone")
    page.get_by_role("main").get_by_role("button", name="Search", exact=True).click()
    expect(page.locator(STATUS)).to_have_text(
        "No pages found for ‘xylophone’. Check the spelling, try fewer words, or use the A to Z "
        "pages below."
    )
    assert page.url == f"{server}search/?q=xylophone"
    assert page.get_by_role("list", name="Search results").is_hidden()


def test_more_results_continue_the_list_and_take_the_focus(page, server):
    page.goto(f"{server}search/?q=Redditch")
    results(page)
    page.get_by_role("button", name="Show more results").click()
    expect(page.locator(".pg-search__result")).to_have_count(20)
    focused = page.evaluate(
        "document.activeElement.closest('li') === "
        "document.querySelectorAll('.pg-search__result')[10]"
    )
    assert focused


@pytest.fixture
def no_script_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_search_leads_to_the_a_to_z_pages(no_script_page, server):
    page = no_script_page
    page.goto(server)
    field = page.get_by_role("banner").get_by_role("searchbox", name="Search the portal")
    field.fill("Redditch")
    field.press("Enter")
    page.wait_for_url(f"{server}search/?q=Redditch")
    article = page.get_by_role("article")
    assert "Search needs JavaScript" in article.inner_text()
    assert page.locator(".pg-search__results").is_hidden()
    article.get_by_role("link", name=re.compile("^Find your area")).click()
    page.wait_for_url(f"{server}places/")
    assert page.get_by_role("link", name="Redditch", exact=True).count() > 0
    page.go_back()
    article.get_by_role("link", name="All partnerships, A to Z").click()
    page.wait_for_url(f"{server}partnerships/")


def test_on_a_phone_the_header_offers_a_search_button(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{server}partnerships/haringey/")
    header = page.get_by_role("banner")
    assert header.get_by_role("searchbox").is_hidden()  # no room: the search page has it
    header.get_by_role("button", name="Search").click()
    page.wait_for_url(f"{server}search/?q=")
    field = page.get_by_role("main").get_by_role("searchbox", name="Search the portal")
    field.fill("Haringey")
    field.press("Enter")
    assert results(page).first.inner_text().startswith("Haringey Community Safety Partnership")
    context.close()


def test_search_runs_on_the_page_without_pagefind_s_worker(page, server):
    """Pagefind's web worker is a 41 KB download more for a few questions: the page searches
    on its own thread (issue 24), and still finds the partnership."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{server}search/?q=Haringey")
    assert results(page).first.inner_text().startswith("Haringey Community Safety Partnership")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith(f"{BUNDLE}pagefind.js") for url in fetched), fetched
    assert not any("pagefind-worker" in url for url in fetched), fetched


def test_without_the_boost_files_the_pages_are_ranked_the_same(page, server):
    """The live preview shows the search page before its index and boost files are written:
    then the best 30 pages are loaded for their boost, and come in the same order."""
    page.goto(f"{server}search/?q=Redditch%20funding")
    ranked = titles_after(page)
    page.route("**/search/pagefind/boost/**", lambda route: route.fulfill(status=404))
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{server}search/?q=Redditch%20funding")
    assert titles_after(page) == ranked
    assert len([url for url in fetched if "/fragment/" in url]) == 30  # loaded for boosts
    assert ranked[:2] == [  # see the Redditch journey above for this order
        "Funding: Worcestershire Safer Communities Board",
        "Redditch Community Safety Partnership",
    ]


def titles_after(page) -> list[str]:
    results(page)
    return titles(page)


def test_one_search_downloads_a_small_part_of_the_index(page, server, example_site):
    """Pagefind fetches the parts of the index a query needs: measured through Chromium's
    DevTools protocol (Playwright's request sizes), one search fetches a few of the index's
    chunks and only the 10 pages it shows (their boosts come from the small boost files),
    not the whole index as material's search did."""
    bundle = example_site.root / BUNDLE
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request))
    page.goto(f"{server}search/?q=Redditch")
    results(page)
    page.wait_for_load_state("networkidle")
    got = {
        r.url.split(BUNDLE, 1)[1]: r.sizes()["responseBodySize"] for r in fetched if BUNDLE in r.url
    }
    chunks = {name for name in got if name.startswith("index/")}
    pages = {name for name in got if name.startswith("fragment/")}
    all_chunks = list((bundle / "index").iterdir())
    all_pages = list((bundle / "fragment").iterdir())
    assert 1 <= len(chunks) < len(all_chunks) / 4, sorted(chunks)
    assert len(pages) == 10 < len(all_pages), sorted(pages)
    assert 1 <= len({name for name in got if name.startswith("boost/")}) <= 31
    data = {name: size for name, size in got.items() if ".pf_" in name}
    on_disk = sum(f.stat().st_size for f in bundle.rglob("*.pf_*"))
    assert sum(data.values()) < on_disk / 8, (sum(data.values()), on_disk)
