"""The search index (Pagefind, in search/pagefind/) holds what a page says, not the sources
and citation box every generated page ends with; each page carries its boost; the search
page, the page-not-found page and pages an editor leaves out are not in it."""

from __future__ import annotations

import gzip
import json

import pytest
from conftest import run_portalgen

BUNDLE = "search/pagefind"


def indexed(root) -> dict[str, dict]:
    """Each indexed page's address → what Pagefind keeps of it (its text and metadata): a
    fragment is gzip-compressed JSON after a signature."""
    pages = {}
    for path in (root / BUNDLE / "fragment").iterdir():
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[fragment["url"]] = fragment
    return pages


@pytest.fixture(scope="module")
def pages(example_site):
    return indexed(example_site.root)


def test_sources_and_citation_are_left_out_of_search(pages):
    text = " ".join(page["content"] for page in pages.values())
    assert "Data for this page" not in text
    assert "Cite this page" not in text
    assert "Permanent address on this site" not in text
    assert "¶" not in text  # the headings' permanent links
    assert "Confidence in policing" in text


def test_every_page_a_reader_finds_is_indexed_with_its_title(pages, example_site):
    made = {
        "/" + path.parent.relative_to(example_site.root).as_posix().removeprefix(".") + "/"
        for path in example_site.root.rglob("index.html")
        if "data-pagefind-body" in path.read_text("utf-8")
    }
    assert set(pages) == {url.replace("//", "/") for url in made}
    partnership = pages["/partnerships/haringey/"]
    assert partnership["meta"]["title"] == "Haringey Community Safety Partnership"


def test_pages_carry_their_search_boost(pages):
    assert pages["/partnerships/haringey/"]["meta"]["boost"] == "4"
    assert pages["/partnerships/worcestershire/funding/"]["meta"]["boost"] == "2"
    assert pages["/places/"]["meta"]["boost"] == "2"
    assert pages["/small-areas/E01032244/"]["meta"]["boost"] == "0.5"
    assert "boost" not in pages["/about/"]["meta"]


def test_the_boost_files_list_every_page_whose_boost_is_not_1_once(example_site):
    """search.js ranks by boost from these small files, not by loading each page's text."""
    bundle = example_site.root / BUNDLE
    folder = bundle / "boost"
    spread = int((folder / "spread.json").read_text("utf-8"))
    files = sorted(path for path in folder.glob("*.json") if path.stem != "spread")
    assert [path.stem for path in files] == [f"{n:0{spread}x}" for n in range(16**spread)]
    listed = {}
    for path in files:
        for boost, ids in json.loads(path.read_text("utf-8")).items():
            for page in ids:
                assert page.endswith(path.stem) and page not in listed, (path.name, page)
                listed[page] = boost
    ids = {}
    for path in (bundle / "fragment").iterdir():
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        ids[fragment["url"]] = path.name.removesuffix(".pf_fragment")
        if fragment["meta"].get("boost", "1") != "1":
            assert listed.pop(ids[fragment["url"]]) == fragment["meta"]["boost"]
    assert listed == {}
    assert ids["/partnerships/haringey/"][-spread:] in {path.stem for path in files}


def test_only_the_latest_year_of_each_map_is_indexed(pages):
    """A ward's name finds the ward, not every year of its maps; the latest map links to
    the other years."""
    maps = sorted(url for url in pages if url.startswith("/partnerships/haringey/maps/"))
    assert maps == [
        "/partnerships/haringey/maps/all-crime/2017-18/",
        "/partnerships/haringey/maps/anti-social-behaviour/2017-18/",
        "/partnerships/haringey/maps/burglary/2017-18/",
        "/partnerships/haringey/maps/grants-amount/2017/",
        "/partnerships/haringey/maps/grants-number/2017/",
        "/partnerships/haringey/maps/population/2017/",
        "/partnerships/haringey/maps/violent-crime/2017-18/",
    ]


def test_a_place_is_searched_by_its_words_not_its_tables_of_figures(pages):
    """The table of every figure and the licence attributions are left out of a place's
    text; its name, headings, figures in words and priorities stay."""
    ward = pages["/wards/E05000266/"]["content"]
    assert ward.startswith("Alexandra. Alexandra is a ward in Haringey wards")
    assert "933 in 2017/18, or 79.7 for every 1,000 residents" in ward
    assert "What is being done here" in ward and "Confidence in policing" in ward
    assert "Every figure for Alexandra" in ward  # the heading, not its table
    assert "WhatPeriodFigure" not in ward and "19 of 19" not in ward
    assert "Open Government Licence" not in ward and "Ordnance Survey" not in ward
    latest = pages["/partnerships/haringey/maps/burglary/2017-18/"]["content"]
    assert "Figures by area" in latest and "Alexandra" not in latest


def test_a_term_and_its_description_are_separate_words_in_a_result(pages):
    """A search result's extract is the page's text: a description list's term and its
    description read as two phrases ("Covered by Haringey …"), not run together."""
    ward = pages["/wards/E05000267/"]["content"]
    assert "Covered by Haringey Community Safety Partnership" in ward
    assert "People living here 14,972 in 2017" in ward
    text = " ".join(page["content"] for page in pages.values())
    assert "Covered byHaringey" not in text and "People living here1" not in text


def test_search_and_missing_pages_are_not_indexed(pages, example_site):
    assert "/search/" not in pages
    assert not any(url.startswith("/404") for url in pages)
    assert "data-pagefind-body" not in (example_site.root / "404.html").read_text("utf-8")
    assert "/partnerships/haringey/" in pages


def test_abbreviations_are_searched_as_the_words_on_the_page(pages):
    text = " ".join(page["content"] for page in pages.values())
    assert "<abbr" not in text and "&lt;abbr" not in text
    assert "MOPAC" in text


@pytest.mark.build
def test_a_page_its_editor_leaves_out_of_search_is_not_indexed(project):
    about = project / "content" / "about.md"
    about.write_text("---\nsearch:\n  exclude: true\n---\n" + about.read_text("utf-8"), "utf-8")
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    pages = indexed(project / "site")
    assert "/about/" not in pages
    assert "/how-to-edit/" in pages
