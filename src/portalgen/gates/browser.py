"""The gates that need a browser: axe-core (WCAG 2.2 A and AA), the page without
JavaScript, and no horizontal scrolling on a 360 px phone, in headless Chromium.

Needs the ``browser`` extra (Playwright and axe-playwright-python) and a Chromium: the one
``PORTALGEN_CHROMIUM`` names, else Debian's ``/usr/bin/chromium``.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from urllib.parse import urlparse

from .pages import address_of, html_files
from .serve import mount_of, serving

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
PAGE_WIDTH = "document.documentElement.scrollWidth"
MISSING = "no-such-page-here/"
"""An address the site does not have, to check its page-not-found page."""
_REDIRECT = re.compile(rb'<meta http-equiv="refresh"', re.I)

NO_CHROMIUM = (
    "--browser was asked for, but there is no Chromium: install it (on Debian: apt-get "
    "install chromium) or name one in PORTALGEN_CHROMIUM, or leave out --browser."
)
NO_EXTRA = (
    "--browser was asked for, but Playwright and axe-playwright-python are not installed: "
    'install them with pip install "portalgen[browser]", or leave out --browser.'
)


def chromium() -> Path | None:
    """The Chromium to use, or None when there is none."""
    path = Path(os.environ.get("PORTALGEN_CHROMIUM", "/usr/bin/chromium"))
    return path if path.is_file() and os.access(path, os.X_OK) else None


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_violations(page) -> list[str]:
    """Every WCAG 2.2 A/AA violation axe-core finds on the page: rule, element and page."""
    result = _axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{violation['id']}: {node['target']} on {page.url} ({violation['help']})"
        for violation in result.response["violations"]
        for node in violation["nodes"]
    ]


def content_problems(page) -> list[str]:
    """What a reader without JavaScript would miss: heading, text, table rows."""
    if page.locator("article").count() == 0:
        return ["there is no main text (no <article> element)"]
    article = page.locator("article").first
    problems = []
    if not article.locator("h1").first.is_visible():
        problems.append("no visible heading")
    if len(article.inner_text()) < 200:
        problems.append("almost no text")
    for number, table in enumerate(article.locator("table").all(), 1):
        if not table.is_visible() or table.locator("tbody tr").count() == 0:
            problems.append(f"table {number} is hidden or empty")
    return problems


def kind_of(address: str) -> tuple[str, ...]:
    """The shape of an address, its ids left out: ``partnerships/*/plans/*/priorities/*``.
    Pages with the same shape are pages of the same kind."""
    parts = address.removesuffix("index.html").strip("/").split("/")
    return tuple(
        "*" if n % 2 or any(c.isdigit() for c in part) else part
        for n, part in enumerate(p for p in parts if p)
    )


def one_of_each_kind(site: Path) -> list[str]:
    """The address of the largest page of each kind (the most to check), then a feed and an
    address the site does not have (to see its page-not-found page); no redirect pages."""
    chosen: dict[tuple[str, ...], Path] = {}
    for html in html_files(site):
        if html.name != "index.html" or _REDIRECT.search(html.read_bytes()[:2000]):
            continue
        kind = kind_of(address_of(site, html))
        if kind not in chosen or html.stat().st_size > chosen[kind].stat().st_size:
            chosen[kind] = html
    addresses = [address_of(site, html).removesuffix("index.html") for html in chosen.values()]
    feeds = sorted(site.rglob("feed.xml"))
    missing = [MISSING] if (site / "404.html").is_file() else []
    return sorted(addresses) + [address_of(site, f) for f in feeds[:1]] + missing


def browser_problems(site: Path, site_url: str, executable: Path) -> tuple[int, list[str]]:
    """How many pages were opened, and each problem found on them, ``<page>: <problem>``."""
    from playwright.sync_api import sync_playwright

    addresses = one_of_each_kind(site)
    with serving(site, mount_of(site_url)) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), headless=True, args=CHROMIUM_ARGS
        )
        try:
            found = _all_gates(browser, root, addresses)
        finally:
            browser.close()
    return len(addresses), found


def _all_gates(browser, root: str, addresses: list[str]) -> list[str]:
    pages = {
        "axe": browser.new_context().new_page(),
        "script": browser.new_context(java_script_enabled=False).new_page(),
        "phone": browser.new_context(**PHONE).new_page(),
    }
    outside: list[str] = []
    local = urlparse(root).netloc
    for page in pages.values():
        page.on("request", lambda request: _record(request.url, local, outside))
    found = []
    for address in addresses:
        shown = address or "index.html"
        found += [f"{shown}: {problem}" for problem in _page_gates(pages, root + address)]
        found += [f"{shown}: loads {url} from another site" for url in outside]
        outside.clear()
    return found


def _page_gates(pages, url: str) -> list[str]:
    problems = []
    pages["axe"].goto(url)
    problems += [
        f"fails WCAG 2.2 AA: {violation.split(' on ')[0]}"
        for violation in axe_violations(pages["axe"])
    ]
    pages["script"].goto(url)
    if not url.endswith(".xml"):
        problems += [
            f"without JavaScript, {problem}" for problem in content_problems(pages["script"])
        ]
    pages["phone"].goto(url)
    width = pages["phone"].evaluate(PAGE_WIDTH)
    if width > 360:
        problems.append(f"scrolls sideways on a 360 px phone: the page is {width} px wide")
    return problems


def _record(url: str, local: str, outside: list[str]) -> None:
    parts = urlparse(url)
    if parts.scheme in ("http", "https") and parts.netloc != local:
        outside.append(url)
