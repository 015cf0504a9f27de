"""Listing the pages makes no page body it need not: a map is drawn, and a download made,
when it is first read (issue 24: ``portalgen validate`` lists every page for its address
checks, and a build reads them all)."""

from __future__ import annotations

import pytest
from conftest import REPO

from portalgen import load_portal
from portalgen.site import downloads, maps
from portalgen.site.pages import all_pages


@pytest.fixture(scope="module")
def portal():
    return load_portal(REPO / "data", REPO)


def test_listing_the_pages_draws_no_map_and_reading_one_draws_it_once(portal, monkeypatch):
    drawn = []
    choropleth = maps.choropleth
    monkeypatch.setattr(
        maps, "choropleth", lambda *given: drawn.append(given) or choropleth(*given)
    )
    map_pages = [page for page in all_pages(portal) if page.template == "area_map"]
    assert len(map_pages) > 20
    page = map_pages[0]
    assert "map.js" in page.downloads and "map.json" not in page.downloads
    assert drawn == []
    script = page.downloads["map.js"]
    assert page.context["map"].html.startswith("<div")
    assert page.context["map"].script is script
    assert len(drawn) == 1
    assert script == choropleth(*drawn[0]).script


def test_downloads_are_made_once_when_first_read():
    made = []

    def script():
        made.append(1)
        return "var x;\n"

    files = downloads.with_json({"map.js": script, "t.csv": "\ufeffa,b\r\n=1,2\r\n"})
    assert list(files) == ["map.js", "t.csv", "t.json"]
    assert made == []
    assert files["map.js"] == files["map.js"] == "var x;\n"
    assert made == [1]
    assert files["t.csv"] == "\ufeffa,b\r\n'=1,2\r\n"
    assert '"a": "=1"' in files["t.json"]


def test_listing_the_pages_makes_no_area_figures_and_no_zip(portal, monkeypatch):
    from portalgen.site import packaging
    from portalgen.site.pages import area
    from portalgen.site.render import environment, render_page

    made = []
    for module, name in ((area, "happening"), (packaging, "_archive")):
        real = getattr(module, name)
        monkeypatch.setattr(
            module, name, lambda *a, real=real, name=name: made.append(name) or real(*a)
        )
    pages = all_pages(portal)
    assert made == []
    ward = next(page for page in pages if page.address == "wards/E05000266/")
    assert 'id="pg-place-burglary"' in render_page(ward, environment())
    assert made == ["happening"]
    open_data = next(page for page in pages if page.template == "open_data")
    zips = [name for name in open_data.downloads if name.endswith(".zip")]
    assert len(zips) > 20
    assert open_data.downloads[zips[0]].startswith(b"PK")
    assert made == ["happening", "_archive"]
