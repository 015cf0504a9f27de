"""A resident's journey through the built portal, in Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(example_site):
    handler = functools.partial(_QuietHandler, directory=str(example_site.root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request to a host other than the local server."""
    context = browser.new_context()
    page = context.new_page()
    page.outside_requests = []
    local = urlparse(server).netloc

    def record(request):
        if (
            urlparse(request.url).scheme in ("http", "https")
            and urlparse(request.url).netloc != local
        ):
            page.outside_requests.append(request.url)

    page.on("request", record)
    yield page
    context.close()


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
