"""Generated pages are rendered by the engine straight to HTML (issue 24): their headings,
table of contents and front matter are what MkDocs made from Markdown, and a site's own
Markdown template still works."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import Site, run_portalgen

from portalgen.site import headings, render

HARINGEY_PLAN = "partnerships/haringey/plans/2013-14"


def test_headings_get_the_toc_extensions_ids_and_permanent_links():
    text, toc = headings.finish(
        "<h1 data-pg-toc>St David&#39;s &amp; Topsham</h1>\n\n"
        '<h2 data-pg-toc id="costs">What it costs</h2>\n\n'
        "<h3 data-pg-toc>Costs</h3>\n\n"
        "<h3 data-pg-toc>Costs</h3>\n"
    )
    soup = BeautifulSoup(text, "html.parser")
    assert [h["id"] for h in soup.select("h1, h2, h3")] == [
        "st-davids-topsham",
        "costs",
        "costs_1",
        "costs_2",
    ]
    permalink = soup.select_one("h2 a.headerlink")
    assert (permalink["href"], permalink["title"], permalink.get_text()) == (
        "#costs",
        "Permanent link",
        "¶",
    )
    assert toc == [
        {
            "level": 1,
            "id": "st-davids-topsham",
            "name": "St David&#39;s &amp; Topsham",
            "children": [
                {
                    "level": 2,
                    "id": "costs",
                    "name": "What it costs",
                    "children": [
                        {"level": 3, "id": "costs_1", "name": "Costs", "children": []},
                        {"level": 3, "id": "costs_2", "name": "Costs", "children": []},
                    ],
                }
            ],
        }
    ]


def test_a_heading_keeps_its_other_data_attributes():
    text, toc = headings.finish('<h1 data-pg-toc data-pagefind-weight="10">Haringey</h1>')
    heading = BeautifulSoup(text, "html.parser").h1
    assert heading["id"] == "haringey" and heading["data-pagefind-weight"] == "10"
    assert not heading.has_attr("data-pg-toc")
    assert toc[0]["name"] == "Haringey"


def test_blocks_are_spaced_as_markdown_spaced_them():
    text, _ = headings.finish(
        "<h2 data-pg-toc>A</h2>\n\n\n<div>raw</div>\n\n\n\n"
        f"<p>made from text</p>{headings.MARK}\n\n<div>raw</div>\n"
    )
    assert text == (
        '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>\n'
        "<div>raw</div>\n\n<p>made from text</p>\n<div>raw</div>"
    )


def test_headings_written_without_the_mark_are_left_alone():
    text, toc = headings.finish('<h2 id="about-this-data">About this data</h2>')
    assert text == '<h2 id="about-this-data">About this data</h2>'
    assert toc == []


def test_a_value_is_text_on_one_line_and_an_empty_one_makes_no_paragraph():
    env = render.environment()
    template = env.from_string("{{ text | para }}|{{ empty | para }}|{{ text }}")
    template.name = "pages/example.html.j2"
    out = template.render(text="  **Bold** <b>\nnext  ", empty=" \n ")
    assert out == f"<p>**Bold** &lt;b&gt; next</p>{headings.MARK}|| **Bold** &lt;b&gt; next "


def test_a_generated_page_has_its_headings_ids_and_permanent_links(example_site):
    page = BeautifulSoup(
        example_site.path(HARINGEY_PLAN).read_text("utf-8"), "html.parser"
    ).select_one("article")
    found = [(h.name, h["id"]) for h in page.select("h1, h2")][:3]
    assert found == [
        ("h1", "community-safety-strategy-2013-2017"),
        ("h2", "priorities"),
        ("h2", "p1"),
    ]
    for heading in page.select("h2[id]"):
        if heading["id"] == "about-this-data":  # written as HTML: no permanent link
            assert heading.select_one("a.headerlink") is None
            continue
        assert heading.select_one("a.headerlink")["href"] == f"#{heading['id']}"


def test_the_contents_sidebar_lists_a_generated_pages_headings(example_site):
    page = example_site.soup(HARINGEY_PLAN)
    links = page.select("nav.md-nav--secondary a.md-nav__link")
    entries = [(a["href"], a.get_text(" ", strip=True)) for a in links]
    assert entries[:3] == [
        ("#priorities", "Priorities"),
        ("#p1", "1. Confidence in policing and community safety"),
        ("#p2", "2. Prevent and minimise gang-related activity and victimisation"),
    ]
    ids = {h["id"] for h in page.select("article [id]")}
    assert {href.removeprefix("#") for href, _ in entries} <= ids


def test_the_contents_of_a_place_page_nest_its_headings(example_site):
    page = example_site.soup("wards/E05000266")
    top = page.select("nav.md-nav--secondary > ul > li > a.md-nav__link")
    assert [a["href"] for a in top] == ["#happening", "#being-done", "#costs", "#decides"]
    nested = page.select_one("nav.md-nav--secondary a[href='#happening']").find_parent("li")
    inner = [a.get_text(strip=True) for a in nested.find("nav").select("a.md-nav__link")]
    assert inner == ["Every figure for Alexandra"]


def test_title_description_and_search_boost_come_from_the_engine(example_site):
    page = example_site.soup("partnerships/haringey")
    assert page.title.get_text().startswith("Haringey Community Safety Partnership - ")
    assert page.select_one('meta[name="description"]')["content"]
    # The boost the search ranks by (theme/main.html hands it to Pagefind).
    boost = page.select_one("[data-pagefind-body]")["data-pagefind-meta"]
    assert boost == "boost:4"  # pages/partnership.py
    ward = example_site.soup("wards/E05000266")
    assert ward.select_one("[data-pagefind-body]")["data-pagefind-meta"] == "boost:0.5"
    # A partnership's name weighs most in its page's text (Pagefind's heaviest weight).
    assert page.select_one("h1")["data-pagefind-weight"] == "10"
    # Older years' maps are left out of search; the latest links to them.
    latest = example_site.soup("partnerships/haringey/maps/burglary/2017-18")
    assert latest.select_one("[data-pagefind-body]") is not None
    older = example_site.soup("partnerships/haringey/maps/burglary/2016-17")
    assert older.select_one("[data-pagefind-body]") is None
    assert older.select_one("article h1").get_text().startswith("Burglaries")


def test_every_place_in_the_a_to_z_is_its_own_list_item(example_site):
    page = example_site.soup("partnerships/safer-devon/areas")
    items = page.select_one("h3#letter-a").find_next_sibling("ul").select("li")
    assert items[0].get_text(strip=True) == "Allington & Strete"
    assert all("- " not in item.get_text() for item in items)


@pytest.mark.build
def test_an_html_override_wins_and_a_stale_markdown_partial_is_named(project):
    pages = project / "overrides/portalgen/pages"
    pages.mkdir(parents=True, exist_ok=True)
    (pages / "priority.html.j2").write_text(
        '<h1 data-pg-toc>Custom {{ priority.title }}</h1>\n\n<h2 data-pg-toc id="mine">Mine</h2>\n',
        "utf-8",
    )
    assert run_portalgen(project, "build").returncode == 0
    page = Site(project / "site").soup(f"{HARINGEY_PLAN}/priorities/p1")
    assert page.select_one("article h1").get_text(strip=True) == (
        "Custom Confidence in policing and community safety"
    )
    toc = page.select("nav.md-nav--secondary a.md-nav__link")
    assert [a["href"] for a in toc] == ["#mine"]

    partial = project / "overrides/portalgen/partials/macros.md.j2"
    partial.parent.mkdir(parents=True)
    partial.write_text("{% macro status(progress) %}mine{% endmacro %}\n", "utf-8")
    result = run_portalgen(project, "build")
    assert result.returncode != 0  # the example's build is strict
    assert (
        "overrides/portalgen/partials/macros.md.j2: portalgen's page templates are now "
        "written in HTML and use partials/macros.html.j2, so this Markdown override is no "
        "longer used."
    ) in result.stderr


def test_a_markdown_partial_is_not_named_when_a_markdown_page_may_use_it(tmp_path):
    (tmp_path / "portalgen/pages").mkdir(parents=True)
    (tmp_path / "portalgen/partials").mkdir()
    (tmp_path / "portalgen/partials/macros.md.j2").write_text("", "utf-8")
    assert render.unused_overrides(tmp_path) != []
    (tmp_path / "portalgen/pages/priority.md.j2").write_text("# Mine\n", "utf-8")
    assert render.unused_overrides(tmp_path) == []


def test_the_ids_other_pages_may_link_to_are_collected():
    from portalgen_mkdocs.html_pages import anchors

    text = '<h2 id="a&amp;b">A</h2><a name="n">N</a><div data-id="x" class="c" id="y"></div>'
    assert anchors(text) == {"a&b", "n", "y"}


def test_a_template_added_to_the_overrides_counts_from_the_next_build(tmp_path):
    """The chosen template is remembered for one build only: under ``mkdocs serve`` the
    environment is kept, and a page's own template an editor adds is used from the next
    build."""
    env = render.environment(tmp_path)
    names = ("pages/withdrawn-old-page.html.j2", "pages/withdrawn.html.j2")
    assert render.choose(env, names).name == "pages/withdrawn.html.j2"
    own = tmp_path / "portalgen" / "pages" / "withdrawn-old-page.html.j2"
    own.parent.mkdir(parents=True)
    own.write_text("<h1>Ours</h1>\n", "utf-8")
    assert render.choose(env, names).name == "pages/withdrawn.html.j2"
    render.forget_choices(env)
    assert render.choose(env, names).filename == str(own)
