"""The map as a way in: on a phone a first tap on a ward previews it and a second opens its
page; with a mouse, hovering previews and a click opens. Nothing is fetched from another
host."""

from __future__ import annotations

from conftest import recording_page

from portalgen.gates.browser import axe_violations

MAP = "partnerships/haringey/maps/anti-social-behaviour/2017-18/"
WARD, CODE = "Noel Park", "E05000275"


def inside(page, name: str) -> tuple[float, float]:
    """A point inside the ward's shape: where its name is placed (shown or not)."""
    box = page.locator(".pg-map-label span", has_text=name).bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def table_figure(page, name: str) -> str:
    row = page.locator("table.pg-area-figures tbody tr", has_text=name)
    return row.locator("td").first.inner_text()


def open_map(context, server: str):
    """The map page, with every error the browser reports (a refused script among them)."""
    page = recording_page(context, server)
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{server}{MAP}")
    page.locator(".pg-map").scroll_into_view_if_needed()
    return page


def test_first_tap_previews_a_ward_and_second_opens_it(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    page = open_map(context, server)
    page.touchscreen.tap(*inside(page, WARD))
    preview = page.locator(".pg-map-preview")
    preview.wait_for(state="visible")
    text = preview.inner_text()
    assert text.startswith(f"{WARD}: {table_figure(page, WARD)} (")
    assert "per 1,000 residents" in text
    link = preview.get_by_role("link", name=f"Open the page for {WARD}")
    assert link.get_attribute("href") == f"../../../../../wards/{CODE}/"
    assert page.url == f"{server}{MAP}"
    assert axe_violations(page) == []
    assert page.errors == []
    page.touchscreen.tap(*inside(page, WARD))
    page.wait_for_url(f"{server}wards/{CODE}/")
    assert page.get_by_role("heading", level=1).inner_text().removesuffix("¶") == WARD
    assert page.outside_requests == []
    context.close()


def test_a_tap_on_another_ward_moves_the_preview(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    page = open_map(context, server)
    page.touchscreen.tap(*inside(page, WARD))
    page.touchscreen.tap(*inside(page, "Alexandra"))
    preview = page.locator(".pg-map-preview")
    assert preview.inner_text().startswith("Alexandra: ")
    assert page.url == f"{server}{MAP}"
    preview.get_by_role("button", name="Close").click()
    assert preview.is_hidden()
    context.close()


def test_with_a_mouse_hover_previews_and_a_click_opens(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = open_map(context, server)
    page.mouse.move(*inside(page, WARD))
    tip = page.locator(".pg-map-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith(f"{WARD}: {table_figure(page, WARD)} (")
    assert page.locator(".pg-map-preview").is_hidden()
    page.mouse.click(*inside(page, WARD))
    page.wait_for_url(f"{server}wards/{CODE}/")
    assert page.outside_requests == []
    context.close()


def test_names_are_shown_where_they_fit_and_never_overlap(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = open_map(context, server)
    page.wait_for_load_state("load")
    shown = page.locator(".pg-map-label:not(.pg-map-label--hidden) span")
    assert shown.count() >= 10
    boxes = [shown.nth(i).bounding_box() for i in range(shown.count())]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = (
                a["x"] + a["width"] <= b["x"]
                or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"]
                or b["y"] + b["height"] <= a["y"]
            )
            assert apart, (a, b)
    before = shown.count()
    page.locator(".leaflet-control-zoom-out").click()
    page.wait_for_timeout(1000)
    assert 0 < shown.count() < before
    assert page.outside_requests == []
    context.close()


def test_from_the_keyboard_a_ward_is_named_and_enter_opens_it(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = open_map(context, server)
    ward = page.get_by_role("link", name=f"{WARD}: {table_figure(page, WARD)} (")
    ward.focus()
    assert page.locator(".pg-map-tip").inner_text().startswith(f"{WARD}: ")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}wards/{CODE}/")
    assert page.outside_requests == []
    context.close()
