"""A resident finds their area from the home page: by name, keyboard only, on a phone,
without JavaScript, and by their location, which never leaves the browser."""

from __future__ import annotations

import json
import re

import pytest
from conftest import REPO, recording_page
from shapely.geometry import Point, Polygon, shape

from portalgen.gates.browser import axe_violations

NOEL_PARK = "wards/E05000275/"
ANSWERS = ("happening", "being-done", "costs", "decides")
BOUNDARIES = REPO / "data/haringey/areas/wd13/boundaries.geojson"


def _inside(code: str) -> dict:
    """A point well inside the ward's polygon, as the browser's geolocation gives it."""
    features = json.loads(BOUNDARIES.read_text("utf-8"))["features"]
    ward = next(f for f in features if f["properties"]["code"] == code)
    point = shape(ward["geometry"]).buffer(-0.001).representative_point()
    return {"latitude": point.y, "longitude": point.x}


def _suggestions(page) -> list[str]:
    page.wait_for_selector("#pg-find-list li[role=option]")
    return page.locator("#pg-find-list .pg-find__name").all_inner_texts()


def test_typing_a_ward_name_then_enter_opens_the_ward(page, server):
    page.goto(server)
    page.fill("#pg-find-input", "Noel")
    assert _suggestions(page)[0] == "Noel Park"
    page.press("#pg-find-input", "Enter")
    page.wait_for_url(f"{server}{NOEL_PARK}")
    assert page.locator("h1").inner_text().startswith("Noel Park")
    assert page.outside_requests == []


def test_one_click_on_a_suggestion_opens_it(page, server):
    page.goto(server)
    page.fill("#pg-find-input", "park noel")
    page.click("#pg-find-list li[role=option] >> text=Noel Park")
    page.wait_for_url(f"{server}{NOEL_PARK}")


def test_keyboard_only(page, server):
    """Tab to the box, type, arrow down to the first suggestion, Enter."""
    page.goto(server)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "pg-find-input":
            break
    assert page.evaluate("document.activeElement.id") == "pg-find-input"
    page.keyboard.type("noel")
    _suggestions(page)
    box = page.locator("#pg-find-input")
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "pg-find-option-0"
    assert page.locator("#pg-find-option-0").get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}{NOEL_PARK}")


def test_escape_closes_the_suggestions(page, server):
    page.goto(server)
    page.fill("#pg-find-input", "Haringey")
    names = _suggestions(page)
    assert "Haringey" in names
    page.press("#pg-find-input", "Escape")
    assert page.locator("#pg-find-list").is_hidden()
    assert page.locator("#pg-find-input").get_attribute("aria-expanded") == "false"


def test_the_open_suggestions_pass_axe(page, server):
    page.goto(server)
    page.fill("#pg-find-input", "Redditch")
    _suggestions(page)
    page.keyboard.press("ArrowDown")
    assert axe_violations(page) == []


def test_accents_and_case_do_not_matter(page, server):
    page.goto(server)
    page.fill("#pg-find-input", "NÖEL")
    assert _suggestions(page)[0] == "Noel Park"


def test_a_council_leads_to_its_partnership(page, server):
    page.goto(server)
    page.fill("#pg-find-input", "Redditch")
    page.wait_for_selector("#pg-find-list li[role=option]")
    options = page.locator("#pg-find-list li[role=option]")
    texts = options.all_inner_texts()
    council = next(i for i, text in enumerate(texts) if "council, covered by" in text)
    options.nth(council).click()
    page.wait_for_url(f"{server}partnerships/redditch/")


def test_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    page = recording_page(context, server)
    page.goto(server)
    box = page.locator("#pg-find-input").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.fill("#pg-find-input", "Noel")
    page.locator("#pg-find-list li[role=option]").first.tap()
    page.wait_for_url(f"{server}{NOEL_PARK}")
    assert page.outside_requests == []
    context.close()


def test_without_javascript_the_box_leads_to_the_a_to_z(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server)
    assert page.locator(".pg-find__locate").is_hidden()
    page.fill("#pg-find-input", "Noel")
    page.press("#pg-find-input", "Enter")
    page.wait_for_url(lambda url: url == f"{server}places/?q=Noel")
    page.goto(server)
    page.click("text=See all places A to Z")
    page.wait_for_url(f"{server}places/")
    page.click("a >> text=Noel Park")
    page.wait_for_url(f"{server}{NOEL_PARK}")
    context.close()


def _located(browser, server, where: dict):
    context = browser.new_context(geolocation=where, permissions=["geolocation"])
    page = recording_page(context, server)
    page.goto(server)
    assert page.get_by_text("Your location stays on this device").is_visible()
    page.click("text=Use my location")
    return context, page


def _current_ward_at(site, where: dict) -> str:
    """The address of the published current ward holding the point (Noel Park while the
    2013 wards are Haringey's newest; its successor once newer wards are added)."""
    shapes = json.loads((site.root / "assets/portalgen/places-shapes.json").read_text("utf-8"))
    point = Point(where["longitude"], where["latitude"])
    return next(
        area["url"]
        for area in shapes["areas"]
        if area["kind"] == "ward"
        and sum(Polygon(ring).contains(point) for ring in area["rings"]) % 2
    )


def test_use_my_location_inside_a_ward_opens_it(browser, server, example_site):
    where = _inside("E05000275")
    ward = _current_ward_at(example_site, where)
    assert ward.startswith("wards/")
    context, page = _located(browser, server, where)
    page.wait_for_url(f"{server}{ward}")
    assert page.outside_requests == []
    context.close()


def test_use_my_location_says_when_the_ward_is_an_old_boundary(browser, server):
    """Haringey's newest wards on the portal are 2013's, so the resident is told."""
    context = browser.new_context(geolocation=_inside("E05000275"), permissions=["geolocation"])
    page = recording_page(context, server)
    # 204 No Content: the browser stays on the home page, so the message can be read.
    page.route("**/wards/**", lambda route: route.fulfill(status=204))
    page.goto(server)
    page.click("text=Use my location")
    page.locator(".pg-find__located").get_by_text(
        "You are in Noel Park as its boundaries were before 2022"
    ).wait_for()
    context.close()


def test_use_my_location_outside_every_ward_says_so(browser, server):
    context, page = _located(browser, server, {"latitude": 55.9533, "longitude": -3.1883})
    message = page.locator(".pg-find__located")
    message.get_by_text("not inside any ward").wait_for()
    assert page.url == server
    assert page.outside_requests == []
    context.close()


SECTION_TEXT = """id => {
    const parts = [];
    for (let node = document.getElementById(id).nextElementSibling;
         node && node.tagName !== "H2"; node = node.nextElementSibling) {
        parts.push(node.innerText);
    }
    return parts.join("\\n");
}"""
DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September"
    r"|October|November|December) \d{4}\b"
)


def _type_and_enter(page, server):
    page.goto(server)
    page.fill("#pg-find-input", "Noel")
    _suggestions(page)
    page.press("#pg-find-input", "Enter")


def _keyboard_only(page, server):
    page.goto(server)
    while page.evaluate("document.activeElement.id") != "pg-find-input":
        page.keyboard.press("Tab")
    page.keyboard.type("noel")
    _suggestions(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def _tap_on_a_phone(page, server):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(server)
    page.fill("#pg-find-input", "Noel")
    _suggestions(page)
    page.locator("#pg-find-list li[role=option]").first.tap()


@pytest.mark.parametrize("journey", [_type_and_enter, _keyboard_only, _tap_on_a_phone])
def test_the_place_page_answers_the_four_questions(browser, server, journey):
    """Type a ward's name, choose it (two actions), and read the four answers on arrival."""
    context = browser.new_context(has_touch=journey is _tap_on_a_phone)
    page = recording_page(context, server)
    journey(page, server)
    page.wait_for_url(f"{server}{NOEL_PARK}")
    headings = page.locator("article h2[id]").evaluate_all("hs => hs.map(h => h.id)")
    assert [h for h in headings if h in ANSWERS] == list(ANSWERS)
    happening, doing, costs, decides = (page.evaluate(SECTION_TEXT, h) for h in ANSWERS)
    assert re.search(r"\d[\d,]* in 2017/18", happening)
    assert "than the whole partnership area" in happening
    assert page.locator("#across ~ ol.pg-place-priorities a").count() >= 1, doing
    assert "£" in costs and "publishes no figures for its spending" in costs
    assert DATE.search(decides.split("Last meeting", 1)[1]), decides
    assert "Next meeting" in decides
    assert page.outside_requests == []
    if journey is _tap_on_a_phone:
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
