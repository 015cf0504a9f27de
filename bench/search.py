"""What a visitor downloads to search: one query typed into a page's search box in Chromium.

Works whichever search the site has. The page is loaded and left to settle; then the search
box is clicked and the query typed (and sent, where the box is a form that opens a search
page), and every response from then until the network has been quiet for a second is
counted, over the wire (Playwright's ``Request.sizes()``: CDP's ``encodedDataLength``, of
the page and its workers). That includes a search page the form opens, and what it loads.
The bench's server does not compress, and that uncompressed figure is the one the target
is about; beside it, ``gzip_bytes`` is what the same files would weigh if the host
compressed them as GitHub Pages does (each file's body gzipped, with the same headers; a
file the browser already had, answered "not modified", counts as it was sent; Pagefind's
own files are compressed already, and weigh the same).
Search files the page fetched while loading, before anyone typed (material's
``search/search_index.json``) are counted too: a search cannot run without them.
"""

from __future__ import annotations

import contextlib
import gzip
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from measure import CHROMIUM, CHROMIUM_ARGS, SEARCH_FILES, serving
from playwright.sync_api import TimeoutError as PlaywrightTimeout

BOX = ".md-search__input, input[type='search'], input[name='q'], .pagefind-ui__search-input"
"""material's search box, or a search input (portalgen's header form), or Pagefind's UI."""
RESULTS = ".md-search-result__item, .pg-search__result, .pagefind-ui__result"
"""A result on screen: material's, portalgen's search page's, Pagefind UI's."""
SENDS = "box => Boolean(box.form && box.form.getAttribute('action'))"
"""Whether the box is in a form that opens a search page (material's form has no action:
it searches as you type, and Enter would open the first result)."""
SHOWN = 60
QUIET = 1.0
"""Seconds without a request in flight after which the search has finished."""


@dataclass
class Search:
    query: str
    bytes: int
    requests: int
    results: int
    engine: str
    gzip_bytes: int = 0
    """The same files' bytes if the host compressed them (see the module's note)."""


def engine(site) -> str:
    """Which search the built site has, from its files."""
    if (site / "pagefind").is_dir() or (site / "search" / "pagefind").is_dir():
        return "Pagefind"
    if (site / "search" / "search_index.json").is_file():
        return "material (lunr, one index)"
    return "unknown"


def search_bytes(site, address: str, queries: list[str]) -> list[Search]:
    """One fresh browser context per query, so nothing is cached between them."""
    from playwright.sync_api import sync_playwright

    found = []
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for query in queries:
            found.append(_search(browser, base + address, query, engine(site), site))
        browser.close()
    return found


class _Traffic:
    """Requests of the page and its workers: which are in flight, and the bytes of each that
    finished (body as sent plus headers, Playwright's ``Request.sizes()``, which is what
    CDP's ``encodedDataLength`` counts; CDP on the page alone misses the workers' requests).
    Keyed by the request itself, which keeps it alive, so no key is used twice."""

    def __init__(self, context):
        self.urls, self.sizes, self.pending, self.last = {}, {}, set(), time.monotonic()
        self.heads = {}
        context.on("request", self._sent)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)

    def _sent(self, request):
        self.urls[request] = request.url
        self.pending.add(request)
        self.last = time.monotonic()

    def _finished(self, request):
        sizes = request.sizes()
        body = sizes["responseBodySize"]
        response = request.response()
        if not body and response:  # a worker's script: Chromium gives only its headers' size
            body = int(response.headers.get("content-length", 0))
        self.sizes[request] = body + sizes["responseHeadersSize"]
        self.heads[request] = sizes["responseHeadersSize"]
        self._failed(request)

    def _failed(self, request):
        self.pending.discard(request)
        self.last = time.monotonic()

    def settle(self, page, timeout: float = 120) -> None:
        """Wait until nothing has been in flight for ``QUIET`` seconds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            page.wait_for_timeout(100)
            if not self.pending and time.monotonic() - self.last >= QUIET:
                return
        raise TimeoutError(f"still loading: {[request.url for request in self.pending]}")


def _results(page) -> int:
    """Results on screen, given up to ``SHOWN`` seconds to appear (material's worker builds
    its index from the downloaded file first, which takes seconds on a busy machine)."""
    with contextlib.suppress(PlaywrightTimeout):
        page.locator(RESULTS).first.wait_for(timeout=SHOWN * 1000)
    return page.locator(RESULTS).count()


def _search(browser, url: str, query: str, kind: str, site: Path | None = None) -> Search:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    traffic = _Traffic(context)
    page = context.new_page()
    page.goto(url, wait_until="load")
    traffic.settle(page)
    loaded = set(traffic.sizes)
    box = page.locator(BOX).filter(visible=True).first
    box.click()
    box.press_sequentially(query, delay=50)
    if box.evaluate(SENDS):
        with page.expect_navigation():
            box.press("Enter")
    traffic.settle(page)
    results = _results(page)
    context.close()
    counted = {
        key: size
        for key, size in traffic.sizes.items()
        if key not in loaded or any(part in traffic.urls[key] for part in SEARCH_FILES)
    }
    zipped = sum(
        min(size, traffic.heads[key] + _gzipped(site, traffic.urls[key]))
        for key, size in counted.items()
        if site
    )
    return Search(query, sum(counted.values()), len(counted), results, kind, zipped)


def _gzipped(site: Path, url: str) -> int:
    """The bytes of the file served at ``url`` once gzipped (never more than as it is)."""
    path = site / unquote(urlparse(url).path).lstrip("/")
    if path.is_dir() or not path.suffix:
        path = path / "index.html"
    if not path.is_file():
        return 0
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))
