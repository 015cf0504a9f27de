"""Links people can use, in Chromium: copying the permanent link and the citation, a feed
opened in the browser, and the page-not-found page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import recording_page
from playwright.sync_api import expect
from searching import results

from portalgen.gates.browser import axe_violations

SITE_URL = "https://portalgen.github.io/portalgen/"
SITE_NAME = "Community Safety Partnerships portal"
PRIORITY = "partnerships/haringey/plans/2013-14/priorities/p3/"
RECOMMENDATION = "partnerships/worcestershire/recommendations/scb-2011-r2/"


@pytest.fixture
def clipboard_page(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield recording_page(context, server)
    context.close()


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def today() -> str:
    day = dt.date.today()
    return f"{day.day} {day:%B %Y}"


def test_copy_link_under_the_title_copies_the_full_address(clipboard_page, server):
    page = clipboard_page
    page.goto(server + PRIORITY)
    share = page.locator("article .pg-share")
    share.get_by_role("button", name="Copy link").click()
    expect(share.get_by_role("status")).to_have_text("Link copied.")
    assert clipboard(page) == SITE_URL + PRIORITY
    assert page.outside_requests == []


def test_copy_citation_copies_the_whole_citation_with_todays_date(clipboard_page, server):
    page = clipboard_page
    page.goto(server + RECOMMENDATION)
    cite = page.get_by_role("complementary", name="Cite this page")
    assert cite.locator(".pg-accessed").inner_text() == today()
    cite.get_by_role("button", name="Copy citation").click()
    expect(cite.locator("#pg-citation-status")).to_have_text("Citation copied.")
    text = clipboard(page)
    assert text.startswith(
        f"{SITE_NAME}, Worcestershire Safer Communities Board, “Recommendation 2: "
    )
    assert "…" not in text
    assert text.endswith(f". {SITE_URL}{RECOMMENDATION} (accessed {today()}).")
    assert text == " ".join(cite.locator(".pg-citation").inner_text().split())
    cite.get_by_role("button", name="Copy link").click()
    expect(cite.locator("#pg-permalink-status")).to_have_text("Link copied.")
    assert clipboard(page) == SITE_URL + RECOMMENDATION


def test_copy_buttons_only_appear_with_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = recording_page(context, server)
    page.goto(server + PRIORITY)
    assert page.locator("button.pg-copy").count() == 3
    assert page.locator("button.pg-copy:visible").count() == 0
    page.get_by_role("link", name="Permanent link and citation").click()
    field = page.get_by_label("Permanent link")
    assert field.is_visible() and field.input_value() == SITE_URL + PRIORITY
    assert (
        page.locator(".pg-citation")
        .inner_text()
        .endswith(f"{SITE_URL}{PRIORITY} (accessed [the date you read it]).")
    )
    context.close()


def test_a_feed_opens_as_a_readable_page(page, server):
    page.goto(server + RECOMMENDATION + "feed.xml")
    assert page.locator("html").get_attribute("lang") == "en-GB"
    title = page.get_by_role("heading", level=1).inner_text()
    assert title.startswith("Worcestershire Safer Communities Board: Recommendation 2, Merge")
    assert page.title() == f"{title} (feed)"
    assert "This is a feed" in page.locator(".pg-feed-about").inner_text()
    assert page.locator(".pg-feed-address").inner_text() == f"{SITE_URL}{RECOMMENDATION}feed.xml"
    entries = page.locator(".pg-feed-entries li")
    assert entries.count() == 2
    assert entries.first.locator("time").inner_text() == "15 November 2011"
    assert entries.first.get_by_role("link").get_attribute("href") == SITE_URL + RECOMMENDATION
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontWeight") == "700"
    assert not page.locator("xslt-warning-banner").is_visible()  # Chromium's notice, hidden
    assert axe_violations(page) == []
    assert page.outside_requests == []


@pytest.mark.parametrize("address", ["", "partnerships/haringey/"])
def test_a_page_with_a_feed_does_not_download_the_sitemap(page, server, address):
    """material's JavaScript downloads the sitemap.xml beside any link[rel=alternate] (it
    takes it for a translation): the whole site's list of pages, megabytes for a national
    portal, on every first view of the home page. The feed's link says rel="alternate feed",
    which feed readers find and material leaves alone."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(server + address)
    page.wait_for_load_state("networkidle")
    feed = page.locator('head link[rel~="alternate"][type="application/atom+xml"]')
    assert feed.get_attribute("href") == "feed.xml"
    assert any("/javascripts/bundle." in url for url in fetched)  # material's script ran
    assert not [url for url in fetched if "sitemap" in url]


def test_a_feed_page_is_under_the_security_policy(page, server):
    page.goto(server + "partnerships/haringey/feed.xml")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "style-src 'self'" in policy
    colour = page.evaluate(
        """() => { const probe = document.createElement('p');
        probe.innerHTML = '<span style="color: rgb(255, 0, 0)">x</span>';
        document.body.append(probe);
        return getComputedStyle(probe.firstChild).color; }"""
    )
    assert colour != "rgb(255, 0, 0)"


def test_a_missing_address_gets_a_helpful_page(page, server):
    response = page.goto(server + "partnerships/haringey/plans/2031-32/")
    assert response.status == 404
    article = page.get_by_role("article")
    assert article.get_by_role("heading", level=1).inner_text() == "Page not found"
    assert re.search(r"old address takes you\s+to the new one", article.inner_text())
    article.get_by_role("link", name="All partnerships").click()
    page.wait_for_url(server + "partnerships/")
    page.go_back()
    article.get_by_role("searchbox", name="Search the portal").fill("Redditch")
    article.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(server + "search/?q=Redditch")
    assert "Redditch" in results(page).first.inner_text()
    assert page.outside_requests == []
