"""Maps made with plain-text elements are the maps folium alone makes, and share nothing."""

from __future__ import annotations

import branca.element
import jinja2
import pytest
from conftest import REPO

from portalgen import load_portal
from portalgen.site import maps

TEXTS = [
    "",
    "\n",
    "one line",
    "ends with a line ending\n",
    "ends with two\n\n",
    "\n    var map_1 = L.map(\n        'map_1', {});\n    ",
    "Windows\r\nline endings\r\n",
    "old Mac\rline endings\r",
    'a shape named "{ braces }" and {"json": {"nested": [1, 2]}}',
    "a shape named {{ 6 * 7 }}",
    "a shape named {% if true %}yes{% endif %}",
    "a shape named {# hidden #}",
]
"""What folium hands branca as an element's template: rendered text, sometimes with line
endings of every kind, braces of JSON, or Jinja markup from an area's name."""


@pytest.mark.parametrize("text", TEXTS)
def test_a_plain_text_element_renders_as_jinja_renders_it(text):
    assert maps._element_template(text).render(this=None, kwargs={}) == (
        jinja2.Template(text).render(this=None, kwargs={})
    )


def test_a_plain_text_element_answers_what_else_branca_asks_as_jinja_would():
    plain = maps._element_template("var map_1 = L.map();\n")
    assert plain.module.__dict__.get("script") is None  # as MacroElement.render asks
    assert str(plain.module) == jinja2.Template("var map_1 = L.map();\n").render()


def test_text_with_jinja_markup_is_still_a_jinja_template():
    assert isinstance(maps._element_template("{{ 6 * 7 }}"), jinja2.Template)
    assert maps._element_template("{{ 6 * 7 }}").render() == "42"


@pytest.fixture(scope="module")
def portal():
    return load_portal(REPO / "data", REPO)


def every_map(portal) -> list[maps.MapParts]:
    made = []
    for partnership in portal.partnerships:
        for metric in partnership.metrics:
            for period in metric.periods:
                links = {area.code: f"../{area.code}/" for area in metric.area_set.areas}
                key = f"{partnership.id}_{metric.id}_{period}".replace("-", "_")
                made.append(maps.choropleth(key, metric, period, links, portal.map_tiles))
    return made


def test_every_map_is_byte_identical_to_folium_alone(portal, monkeypatch):
    quick = every_map(portal)
    monkeypatch.setattr(maps, "PLAIN_TEXT_ELEMENTS", False)
    alone = every_map(portal)
    assert len(quick) > 20
    for ours, folium_alone in zip(quick, alone, strict=True):
        assert ours.html == folium_alone.html
        assert ours.script == folium_alone.script


def test_branca_is_left_as_it_was_after_each_map(portal):
    every_map(portal)
    assert branca.element.Template is jinja2.Template
    assert len(branca.element.Element(template="{{ 6 * 7 }}").render()) == 2


def test_two_maps_share_no_state(portal):
    haringey = portal.partnership("haringey")
    metric = haringey.metrics[0]
    links = {area.code: f"../{area.code}/" for area in metric.area_set.areas}
    first = maps.choropleth("first", metric, metric.periods[0], links)
    other = maps.choropleth("other", metric, metric.periods[-1], links)
    again = maps.choropleth("first", metric, metric.periods[0], links)
    assert (again.html, again.script) == (first.html, first.script)
    assert "first_" not in other.script + other.html
    assert "other_" in other.script
    assert other.script != first.script.replace("first_", "other_")
