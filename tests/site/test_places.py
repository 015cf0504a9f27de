"""The place index and the A to Z of places: what a resident can find, and where it leads."""

from __future__ import annotations

import json
from types import SimpleNamespace

from portalgen.model.areas import AreaSet
from portalgen.site import places


def _vintages(*names: str) -> list[AreaSet]:
    partnership = SimpleNamespace(area_sets=[])
    for index, vintage in enumerate(names):
        partnership.area_sets.append(
            AreaSet(f"v{index}", "Wards", "ward", vintage, "", None, "", {}, partnership)
        )
    return partnership.area_sets


def test_a_vintage_is_old_when_the_same_partnership_has_a_newer_one():
    old, newer, newest = _vintages("ONS wards, December 2013", "May 2022", "ONS wards 2023")
    assert places.replaced_in(old) == "2022"
    assert places.replaced_in(newer) == "2023"
    assert places.replaced_in(newest) == ""


def test_a_vintage_that_says_when_it_stopped_is_old_without_a_newer_one():
    (wards,) = _vintages("ONS wards, December 2013")
    wards.in_use_until = "2022-05"
    assert places.replaced_in(wards) == "2022"


def test_a_vintage_without_a_year_is_never_called_old():
    dated, undated = _vintages("ONS wards, December 2013", "Wards as the council draws them")
    assert places.replaced_in(dated) == ""
    assert places.replaced_in(undated) == ""


def test_an_old_ward_says_so_in_words():
    ward = places.Place("Noel Park", "ward", "Haringey", "wards/E05000275/", "2022")
    assert ward.where == "ward in Haringey (old boundary, before 2022)"
    council = places.Place("Redditch", "council", "Redditch CSP", "partnerships/redditch/")
    assert council.where == "council, covered by Redditch CSP"


def test_names_are_matched_without_accents_or_case():
    assert places.fold("Saint-Étienne") == places.fold("saint-etienne")


def test_the_index_lists_every_ward_council_and_partnership_in_order(example_site):
    index = json.loads((example_site.root / places.INDEX).read_text("utf-8"))["places"]
    found = {(p["name"], p["kind"]): p for p in index}
    assert found["Noel Park", "ward"]["url"] == "wards/E05000275/"
    assert found["Noel Park", "ward"]["where"] == "ward in Haringey (old boundary, before 2022)"
    assert found["Axminster", "ward"]["where"] == "ward in East Devon"
    assert found["Haringey", "council"]["url"] == "partnerships/haringey/"
    assert found["Safer Devon Partnership", "partnership"]["url"] == "partnerships/safer-devon/"
    assert found["Teignbridge", "council"]["where"] == "council, covered by Safer Devon Partnership"
    redditch = [p["url"] for p in index if (p["name"], p["kind"]) == ("Redditch", "council")]
    assert redditch[0] == "partnerships/redditch/"
    names = [places.fold(p["name"]) for p in index]
    assert names == sorted(names)


def test_the_shapes_are_the_current_wards_or_else_the_newest_old_ones(example_site):
    """Devon's wards are current; Haringey's 2013 wards are old, but the newest it has."""
    shapes = json.loads((example_site.root / places.SHAPES).read_text("utf-8"))["areas"]
    noel = next(s for s in shapes if s["url"] == "wards/E05000275/")
    assert (noel["name"], noel["old"]) == ("Noel Park", "2022")
    axminster = next(s for s in shapes if s["url"] == "wards/E05011782/")
    assert axminster["old"] == ""
    assert noel["rings"][0][0] == noel["rings"][0][-1]


def test_the_a_to_z_links_every_place_grouped_by_letter(example_site):
    soup = example_site.soup("places/")
    assert soup.h1.get_text(strip=True) == "Find your area"
    section = soup.find(id="letter-n").find_next("ul")
    item = next(li for li in section.find_all("li") if li.a.get_text() == "Noel Park")
    assert item.a["href"] == "../wards/E05000275/"
    assert item.get_text(" ", strip=True) == (
        "Noel Park , ward in Haringey (old boundary, before 2022)"
    )
    jumps = [a["href"] for a in soup.select("ul.pg-letters a")]
    assert "#letter-n" in jumps and "#letter-h" in jumps


def test_the_home_page_leads_with_the_box_that_works_without_javascript(example_site):
    soup = example_site.soup("")
    box = soup.select_one("main section.pg-find")
    assert box is soup.select_one("main h1").find_next("section")
    form = box.select_one("form")
    assert form["action"] == "./places/" and form["method"] == "get"
    assert box.select_one("label[for=pg-find-input]") is not None
    assert box.select_one("a[href='./places/']").get_text() == "See all places A to Z"
    locate = box.select_one(".pg-find__locate")
    assert locate.has_attr("hidden")
    assert "never sent or stored" in locate.get_text()
