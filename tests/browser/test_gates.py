"""Accessibility, keyboard, no-JavaScript, privacy, links, HTML and mobile gates.

Each gate runs on every page kind in ``gates.PAGE_KINDS`` and is shown to fail on a
deliberately broken page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, recording_page, site_url
from gates import PAGE_KINDS
from searching import search

from portalgen.gates import broken_links, external_links, html_errors, html_files
from portalgen.gates.browser import PAGE_WIDTH, PHONE, axe_violations, content_problems

REPORT = REPO / "reports" / "external-links.txt"
BROKEN_PAGE = """<!doctype html><html><head><title>x</title></head><body>
<main><p style="color:#aaa;background:#fff">faint text</p><img src="x.png">
<a href="missing/">gone</a> <a href="#nowhere">nowhere</a><table><td>cell</td></table>
</main></body></html>"""


@pytest.fixture
def broken_site(tmp_path) -> Path:
    (tmp_path / "index.html").write_text(BROKEN_PAGE, "utf-8")
    (tmp_path / "stray.html").write_text("<p>unclosed <b>bold</p></i>", "utf-8")
    return tmp_path


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_wcag_violation(page, server, kind):
    page.goto(f"{server}{PAGE_KINDS[kind]}")
    assert axe_violations(page) == []
    assert page.outside_requests == []


def test_axe_finds_no_violation_in_search_results(page, server):
    page.goto(server)
    search(page, "Redditch")
    assert axe_violations(page) == []


def test_axe_gate_fails_on_a_broken_page(page, broken_site):
    page.goto(broken_site.joinpath("index.html").as_uri())
    rules = {violation.split(":")[0] for violation in axe_violations(page)}
    assert {"image-alt", "color-contrast"} <= rules


def test_every_internal_link_and_fragment_resolves(example_site):
    assert broken_links(example_site.root, site_url()) == []
    report = external_links(example_site.root, site_url())
    assert all(link.startswith(("https://", "http://", "mailto:")) for link in report)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(
        "Links to other sites (not fetched by the tests):\n"
        + "".join(f"{link}\n" for link in report),
        "utf-8",
    )


def test_link_gate_fails_on_broken_links(broken_site):
    assert broken_links(broken_site) == [
        "index.html: missing/ leads to no page",
        "index.html: #nowhere has no #nowhere there",
    ]


def test_link_gate_follows_links_to_the_published_address_offline(tmp_path):
    (tmp_path / "here").mkdir()
    (tmp_path / "here/index.html").write_text('<p id="top">x</p>', "utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="https://csp.example.org/portal/here/#top">fine</a>'
        '<a href="/portal/here/">fine</a>'
        '<a href="https://csp.example.org/portal/gone/">gone</a>'
        '<a href="https://csp.example.org/portal/here/#nowhere">nowhere</a>'
        '<a href="https://www.gov.uk/">another site</a>',
        "utf-8",
    )
    assert broken_links(tmp_path, "https://csp.example.org/portal/") == [
        "index.html: https://csp.example.org/portal/gone/ leads to no page",
        "index.html: https://csp.example.org/portal/here/#nowhere has no #nowhere there",
    ]
    assert external_links(tmp_path, "https://csp.example.org/portal/") == ["https://www.gov.uk/"]


def test_every_page_parses_as_html5_without_errors(example_site):
    errors = [error for html in html_files(example_site.root) for error in html_errors(html)]
    assert errors == []


def test_html_gate_fails_on_bad_markup(broken_site):
    assert html_errors(broken_site / "stray.html")


def tab_to(page, text: str, limit: int = 300) -> None:
    """Press Tab until the focused element's text is ``text``, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText.trim()") == text:
            return
    raise AssertionError(f"{text!r} cannot be reached with the Tab key on {page.url}")


def focus_is_visible(page) -> bool:
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    outline_style, outline_width, box_shadow = style
    return (outline_style != "none" and outline_width != "0px") or box_shadow != "none"


def test_keyboard_only_journey_with_visible_focus(page, server):
    page.goto(server)
    tab_to(page, "Find a partnership")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}partnerships/")
    tab_to(page, "Worcestershire Safer Communities Board")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}partnerships/worcestershire/")
    tab_to(page, "Domestic abuse")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}partnerships/worcestershire/plans/2011-12/priorities/p3/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Priority 3: Domestic")


@pytest.fixture
def unguarded_page(browser, server):
    """A page whose security policy is set aside, so a test can break its styles on purpose:
    the policy refuses a style added to the page, as it should."""
    context = browser.new_context(bypass_csp=True)
    yield recording_page(context, server)
    context.close()


def test_focus_gate_fails_when_outline_removed(unguarded_page, server):
    page = unguarded_page
    page.goto(server)
    page.add_style_tag(
        content="*:focus, *:focus-visible { outline: none !important;"
        " box-shadow: none !important; }"
    )
    tab_to(page, "Find a partnership")
    assert not focus_is_visible(page)


@pytest.fixture
def no_script_page(browser, server):
    context = browser.new_context(java_script_enabled=False)
    yield recording_page(context, server)
    context.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_pages_work_without_javascript(no_script_page, server, kind):
    no_script_page.goto(f"{server}{PAGE_KINDS[kind]}")
    assert content_problems(no_script_page) == []
    assert no_script_page.outside_requests == []


def test_no_javascript_gate_fails_on_a_script_built_page(no_script_page, tmp_path):
    page = tmp_path / "scripted.html"
    page.write_text(
        "<!doctype html><title>x</title><article></article><script>"
        "document.querySelector('article').innerHTML = '<h1>Made by script</h1>'"
        "</script>",
        "utf-8",
    )
    no_script_page.goto(page.as_uri())
    assert content_problems(no_script_page) == ["no visible heading", "almost no text"]


def test_privacy_gate_fails_on_a_third_party_font(page, tmp_path):
    html = tmp_path / "fonts.html"
    html.write_text(
        '<!doctype html><title>x</title><link rel="stylesheet" '
        'href="https://fonts.googleapis.com/css?family=Roboto"><p>x</p>',
        "utf-8",
    )
    page.goto(html.as_uri())
    assert page.outside_requests == ["https://fonts.googleapis.com/css?family=Roboto"]


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(**PHONE)
    yield recording_page(context, server)
    context.close()


@pytest.fixture
def unguarded_phone(browser, server):
    """A phone whose security policy is set aside (see ``unguarded_page``)."""
    context = browser.new_context(**PHONE, bypass_csp=True)
    yield recording_page(context, server)
    context.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_scrolling_on_a_phone(phone, server, kind):
    phone.goto(f"{server}{PAGE_KINDS[kind]}")
    assert phone.evaluate(PAGE_WIDTH) <= 360


def test_phone_gate_fails_on_a_wide_page(unguarded_phone, server):
    phone = unguarded_phone
    phone.goto(f"{server}{PAGE_KINDS['plan']}")
    phone.add_style_tag(
        content=".pg-table-wrap { overflow: visible; } .pg-table { min-width: 900px; }"
    )
    assert phone.evaluate(PAGE_WIDTH) > 360


def test_phone_journey(phone, server):
    phone.goto(server)
    phone.get_by_role("link", name="Find a partnership").click()
    phone.get_by_role("article").get_by_role(
        "link", name="Safer and Stronger Bucks Partnership"
    ).click()
    phone.get_by_role("article").get_by_role("link", name="Anti-social behaviour").first.click()
    assert phone.get_by_role("heading", level=1).inner_text().startswith("Priority")
    assert phone.evaluate(PAGE_WIDTH) <= 360
    assert phone.outside_requests == []


def test_accessibility_statement_has_the_required_sections(example_site):
    page = example_site.soup("accessibility")
    headings = [h.get_text(strip=True) for h in page.select("article h2, article h3")]
    for heading in (
        "How accessible this website is",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
    ):
        assert heading in headings
    text = " ".join(page.select_one("article").get_text(" ").split())
    assert (
        "This website is partially compliant with the Web Content Accessibility "
        "Guidelines version 2.2 AA standard" in text
    )
    assert page.select_one('article a[href="mailto:accessibility@example.org"]')
