"""Markup and script in every text field of the example stay text, everywhere they appear.

Every free-text column of every CSV file, every package's summary, titles and change
notes, and every area's name on the map get a payload that would run script or add an
element if it were ever written out as HTML. The example is then built for real and
looked at as a resident would: each page kind in Chromium (with a map tooltip open and a
search made), every feed, the JSON-LD, the downloads and the security policy of each page.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import copy_project, run_portalgen, serving
from gates import PAGE_KINDS
from lxml import etree
from schema_fields import text_fields
from searching import search

from portalgen import check_data
from portalgen.data.contract import schema_descriptor
from portalgen.site.csp import (
    THEME_SCRIPTS,
    inline_scripts,
    is_theme_script,
    policy,
    protect,
    unknown_scripts,
)

pytestmark = pytest.mark.xdist_group("injection")
"""One worker runs the whole module, so its module-wide fixture is made once."""

MARK = "window.__pwned=1"
PAYLOAD = f'<script>{MARK}</script><img src=x onerror="{MARK}" data-pwned="1">'
PROSE = f"{PAYLOAD} [a link](javascript:{MARK}) <b data-pwned>bold</b>"
BLOCK_TEXT = ("title", "source_title", "chair", "chair_selection", "meeting_frequency")
PWNED = "() => [window.__pwned, document.querySelectorAll('[data-pwned]').length]"


def _inject_csv(path: Path, fields: list[str]) -> int:
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    columns = [rows[0].index(name) for name in fields if name in rows[0]]
    for row in rows[1:]:
        for column in columns:
            row[column] = f"{row[column]} {PAYLOAD}"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")
    return len(columns) * (len(rows) - 1)


def _inject_descriptor(path: Path, block: str | None) -> int:
    descriptor = yaml.safe_load(path.read_text("utf-8"))
    count = 0
    for change in descriptor.get("changes", []):
        change["summary"] = f"{change['summary']} {PAYLOAD}"
        count += 1
    values = descriptor.get(block) or {}
    for key in (*BLOCK_TEXT, "summary"):
        if isinstance(values.get(key), str):
            values[key] = f"{values[key]} {PROSE if key == 'summary' else PAYLOAD}"
            count += 1
    path.write_text(yaml.safe_dump(descriptor, allow_unicode=True, sort_keys=False), "utf-8")
    return count


def _inject_boundaries(path: Path) -> int:
    data = json.loads(path.read_text("utf-8"))
    for feature in data["features"]:
        feature["properties"]["name"] += f" {PAYLOAD}"
    path.write_text(json.dumps(data), "utf-8")
    return len(data["features"])


def inject(project: Path) -> int:
    """Put payloads in every text field of ``project``'s data; how many values changed."""
    packages, problems = check_data(project / "data", project)
    assert not problems
    count = 0
    for package in packages:
        folder = package.source.folder
        for resource in package.source.descriptor.get("resources", []):
            fields = text_fields(schema_descriptor(resource["name"]))
            count += _inject_csv(folder / resource["path"], fields)
        count += _inject_descriptor(folder / "datapackage.yaml", package.source.kind.metadata)
        if (folder / "boundaries.geojson").is_file():
            count += _inject_boundaries(folder / "boundaries.geojson")
    return count


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("injected"))
    assert inject(project) > 1000
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def injected_server(injected):
    with serving(injected) as address:
        yield address


def _settle(page) -> None:
    """Wait until the page has loaded all it loads. Chromium never reports the network idle
    for a feed it shows through XSLT, so for a feed wait for its page to load."""
    page.wait_for_load_state("load" if page.url.endswith(".xml") else "networkidle")


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=str)
def test_no_script_runs_and_no_element_is_added(kind, browser, injected_server) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{injected_server}{PAGE_KINDS[kind]}")
    _settle(page)
    if page.locator(".leaflet-interactive").count():
        page.locator(".leaflet-interactive").first.hover(force=True)
        page.wait_for_selector(".leaflet-tooltip")
        assert MARK in page.locator(".leaflet-tooltip").inner_text()
    assert page.evaluate(PWNED) == [None, 0]
    assert dialogs == []
    if kind not in ("home", "accessibility statement", "editors' page", "page not found", "search"):
        assert MARK in page.locator("body").inner_text(), "the payload is shown, as text"
    context.close()


def test_search_results_show_markup_as_text(browser, injected_server) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(injected_server)
    assert search(page, "pwned").count() > 0
    assert page.evaluate(PWNED) == [None, 0]
    context.close()


def test_prose_links_only_to_web_pages(injected) -> None:
    page = BeautifulSoup(
        (injected / "partnerships/haringey/plans/2013-14/index.html").read_text("utf-8"),
        "html.parser",
    )
    prose = page.select_one(".pg-prose")
    assert MARK in prose.get_text()
    assert prose.select("a")[0].get("href") is None  # the javascript: link lost its address
    assert prose.select("script, img, [data-pwned]") == []


def test_feeds_hold_markup_as_text(injected) -> None:
    feeds = sorted(injected.rglob("feed.xml"))
    assert len(feeds) > 10
    seen = 0
    for feed in feeds:
        tree = etree.parse(str(feed))
        for text in tree.iterfind(".//{http://www.w3.org/2005/Atom}summary"):
            assert text.get("type") == "text"
            seen += MARK in (text.text or "")
    assert seen > 0


def test_json_ld_cannot_close_its_script_and_keeps_the_text(injected) -> None:
    pages = [injected / "partnerships/haringey/maps/population/2017/index.html"]
    pages += [injected / "partnerships/worcestershire/funding/index.html"]
    for path in pages:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        (script,) = soup.select('script[type="application/ld+json"]')
        assert "<" not in script.string
        assert MARK in json.dumps(json.loads(script.string))


def test_downloads_keep_the_text_as_data(injected) -> None:
    downloads = sorted(injected.glob("partnerships/worcestershire/funding/*.csv"))
    downloads += sorted(injected.glob("partnerships/*/performance/*.csv"))
    assert len(downloads) >= 4
    for download in downloads:
        cells = [
            cell for row in csv.reader(io.StringIO(download.read_text("utf-8"))) for cell in row
        ]
        assert any(cell.endswith(PAYLOAD) for cell in cells), download.name
        records = json.loads(download.with_suffix(".json").read_text("utf-8"))["rows"]
        assert any(PAYLOAD in str(value) for row in records for value in row.values())


def test_every_page_allows_only_its_own_inline_scripts(injected) -> None:
    pages = sorted(injected.rglob("*.html"))
    assert len(pages) > 250
    for path in pages:
        html = path.read_text("utf-8")
        soup = BeautifulSoup(html, "html.parser")
        meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert meta is not None, path
        assert unknown_scripts(html) == [], path
        theirs = [script for script in inline_scripts(html) if is_theme_script(script)]
        # Only the search page may compile WebAssembly (Pagefind), and it must.
        wasm = path.relative_to(injected).as_posix() == "search/index.html"
        assert meta["content"] == policy(theirs, wasm=wasm), path
        assert "unsafe-inline" not in meta["content"]
        assert soup.select("[data-pwned], [onerror]") == [], path


def test_an_injected_inline_script_is_not_allowed_to_run() -> None:
    theme = next(script for script in THEME_SCRIPTS if script.startswith("var target"))
    html = f"<html><head><script>{theme}</script></head><body><script>{MARK}</script></body>"
    protected = BeautifulSoup(protect(html), "html.parser")
    content = protected.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert content == policy([theme])
    assert policy([MARK]).split("script-src ")[1].split(";")[0] not in content
    assert unknown_scripts(html) == [MARK]


@pytest.mark.build
def test_a_build_with_an_unknown_inline_script_fails(project) -> None:
    (project / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block scripts %}{{ super() }}<script>alert(1)</script>'
        "{% endblock %}\n",
        "utf-8",
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 1
    assert (
        "WARNING -  site/index.html: has an inline script that is not the theme's, so the "
        "page's security policy stops it from running: <script>alert(1)… If it comes from "
        "overrides/, move it into a .js file there and load it with src=; if it comes from "
        "data, report it as a bug in portalgen."
    ) in result.stderr
    assert not (project / "site").exists()


@pytest.mark.build
def test_a_content_page_with_script_fails_and_says_what_to_remove(project) -> None:
    about = project / "content/about.md"
    about.write_text(
        about.read_text("utf-8")
        + '\n<script>alert(1)</script>\n\n[Report](javascript:alert(1)){ onclick="alert(1)" }\n',
        "utf-8",
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 1
    rule = (
        "Pages may use Markdown and simple HTML, but no scripts, frames, forms, inline styles, "
        "event handlers or links other than web pages, email addresses and pages of the site. "
        "Remove it."
    )
    for item in ("<script> element", "javascript: link on <a>", "onclick attribute on <a>"):
        where = "WARNING -  content/about.md: the portal does not publish the"
        assert f"{where} {item} on this page. {rule}" in result.stderr
    assert not (project / "site").exists()


def test_a_content_page_keeps_its_markdown_and_simple_html(example_site) -> None:
    page = example_site.soup("how-to-edit")
    assert page.select("article table td code")
    assert page.select("article ol li")


LISTEN = """document.addEventListener("securitypolicyviolation", (event) =>
  event.target.localName === "xslt-warning-banner" ||
  (window.__violations = window.__violations || []).push(
    `${event.violatedDirective} ${event.blockedURI || "inline"}`));"""
"""Records what the policy refuses, but for the styles of the notice Chromium itself puts
on a feed it shows through XSLT (``xslt-warning-banner``): that is the browser's, not ours."""


def _violations(browser, server: str, address: str, then=None) -> list[str]:
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(LISTEN)
    page.goto(f"{server}{address}")
    _settle(page)
    if then:
        then(page)
    found = page.evaluate("window.__violations || []")
    context.close()
    return found


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=str)
def test_the_site_works_under_its_policy(kind, browser, server) -> None:
    """Nothing the site itself loads or runs is refused: maps draw, search and sorting run."""

    def use(page):
        if page.locator(".pg-map").count():
            assert page.locator(".leaflet-interactive").count() > 0
        if page.locator("header input[type=search]").count():  # not on a feed
            search(page, "Redditch")

    assert _violations(browser, server, PAGE_KINDS[kind], use) == []


def test_the_policy_gate_sees_a_refused_script(browser, server) -> None:
    def inject(page):
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.__ran = 1'; document.head.append(s); }"
        )

    assert _violations(browser, server, "", inject) == ["script-src-elem inline"]
