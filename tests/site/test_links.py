"""Links people can use: full permanent addresses, a full citation, feeds a browser shows as
a page, a helpful page-not-found page and linked source documents."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import Site, replace_line, run_portalgen
from lxml import etree

SITE_URL = "https://portalgen.github.io/portalgen/"
SITE_NAME = "Community Safety Partnerships portal"
ATOM = "{http://www.w3.org/2005/Atom}"
PRIORITY = "partnerships/haringey/plans/2013-14/priorities/p3/"
RECOMMENDATION = "partnerships/worcestershire/recommendations/scb-2011-r2/"


def test_the_example_is_published_at_its_github_pages_address(example_site):
    page = example_site.soup(PRIORITY)
    assert page.select_one("link[rel=canonical]")["href"] == SITE_URL + PRIORITY
    assert page.select_one("input#pg-permalink")["value"] == SITE_URL + PRIORITY
    sitemap = (example_site.root / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{SITE_URL}{PRIORITY}</loc>" in sitemap


def test_copy_link_sits_under_the_title_and_is_hidden_until_it_can_work(example_site):
    article = example_site.soup(PRIORITY).select_one("article")
    share = article.select_one("h1 + .pg-share")
    button = share.select_one("button.pg-copy")
    assert button.get_text() == "Copy link"
    assert button.has_attr("hidden")
    assert button["data-pg-copy"] == "pg-permalink"
    assert share.select_one('a[href="#cite-this-page"]').get_text() == (
        "Permanent link and citation"
    )
    assert article.select_one("#cite-this-page #pg-permalink")


def test_the_citation_is_full(example_site):
    cite = example_site.soup(PRIORITY).select_one("#cite-this-page")
    assert cite.select_one(".pg-citation").get_text() == (
        f"{SITE_NAME}, Haringey Community Safety Partnership, Community Safety Strategy "
        "2013-2017, “Priority 3: Domestic and gender-based violence/abuse”, facts as reported "
        f"on 27 March 2014. {SITE_URL}{PRIORITY} (accessed [the date you read it])."
    )
    assert cite.select_one(".pg-citation .pg-accessed").get_text() == "[the date you read it]"
    buttons = {b.get_text(): b["data-pg-copy"] for b in cite.select("button.pg-copy[hidden]")}
    assert buttons == {"Copy link": "pg-permalink", "Copy citation": "pg-citation"}
    assert not cite.select("pre"), "a <pre> gets the theme's copy icon over the text"


def test_the_citation_gives_a_shortened_title_in_full(example_site):
    page = example_site.soup(RECOMMENDATION)
    assert page.select_one("h1").get_text().endswith("…")
    citation = page.select_one(".pg-citation").get_text()
    assert "…" not in citation
    assert (
        "“Recommendation 2: Merge the Bromsgrove, Redditch and Wyre Forest partnerships into"
        in citation
    )


def feed(site: Site, address: str) -> tuple[bytes, etree._Element]:
    xml = (site.root / address / "feed.xml").read_bytes()
    return xml, etree.fromstring(xml)


def test_every_feed_has_the_stylesheet_and_a_title_naming_its_item(example_site):
    paths = sorted(example_site.root.rglob("feed.xml"))
    assert len(paths) > 50
    for path in paths:
        address = path.parent.relative_to(example_site.root).as_posix()
        depth = 0 if address == "." else address.count("/") + 1
        xml = path.read_bytes()
        instruction = f'<?xml-stylesheet type="text/xsl" href="{"../" * depth}'
        assert xml.split(b"\n")[1].decode() == (f'{instruction}assets/portalgen/feed.xsl"?>'), (
            address
        )
    titles = {
        address: feed(example_site, address)[1].findtext(f"{ATOM}title")
        for address in ("", "partnerships/haringey/", PRIORITY, RECOMMENDATION)
    }
    assert titles == {
        "": f"{SITE_NAME}: what is new",
        "partnerships/haringey/": "Haringey Community Safety Partnership: what is new",
        PRIORITY: "Haringey Community Safety Partnership, Community Safety Strategy "
        "2013-2017: priority 3, Domestic and gender-based violence/abuse",
        RECOMMENDATION: "Worcestershire Safer Communities Board: Recommendation 2, Merge the "
        "Bromsgrove, Redditch and Wyre Forest partnerships into a…",
    }


def test_no_feed_is_titled_by_its_kind_alone(example_site):
    """A recommendation without a number was titled just "Recommendation"."""
    bare = {"Recommendation", "Action"}
    for path in example_site.root.rglob("feed.xml"):
        root = etree.fromstring(path.read_bytes())
        titles = [root.findtext(f"{ATOM}title")]
        titles += [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
        for title in titles:
            assert not any(title.endswith(f": {kind}") for kind in bare), (path, title)
            assert not any(f", {kind}:" in title for kind in bare), (path, title)


def test_the_feed_stylesheet_carries_the_pages_policy(example_site):
    xsl = (example_site.root / "assets/portalgen/feed.xsl").read_text("utf-8")
    policy = example_site.soup("").select_one('meta[http-equiv="Content-Security-Policy"]')
    assert "PORTALGEN_POLICY" not in xsl
    assert "script-src 'self';" in xsl  # no inline script allowed at all
    assert (
        policy["content"].split("; ")[2:]
        == (xsl.split('Content-Security-Policy" content="')[1].split('"')[0].split("; ")[2:])
    )
    assert (example_site.root / "assets/portalgen/feed.css").is_file()
    etree.XSLT(etree.fromstring(xsl.encode("utf-8")))  # a stylesheet lxml can compile


def test_the_feed_stylesheet_makes_a_page_of_the_feed(example_site):
    xml, root = feed(example_site, RECOMMENDATION)
    xsl = etree.XSLT(etree.parse(str(example_site.root / "assets/portalgen/feed.xsl")))
    page = xsl(etree.fromstring(xml).getroottree())
    html = etree.tostring(page, method="html", encoding="unicode")
    assert '<html lang="en-GB">' in html
    assert 'href="../../../../assets/portalgen/feed.css"' in html
    assert page.findtext(".//h1") == root.findtext(f"{ATOM}title")
    assert f"{SITE_URL}{RECOMMENDATION}feed.xml" in html
    links = [a.get("href") for a in page.iter("a")]
    assert links[0] == SITE_URL + RECOMMENDATION
    dates = [t.text.strip() for t in page.iter("time")]
    assert dates == ["15 November 2011", "22 September 2011"]


def test_the_page_not_found_page_helps(example_site):
    page = BeautifulSoup((example_site.root / "404.html").read_text("utf-8"), "html.parser")
    article = page.select_one("article")
    assert article.select_one("h1").get_text() == "Page not found"
    text = " ".join(article.get_text(" ").split())
    assert "Addresses on this portal are permanent." in text
    assert "most likely mistyped or cut short" in text
    form = article.select_one('form[role="search"]')
    assert form["action"] == "/portalgen/search/" and form["method"] == "get"
    assert form.select_one('label[for="pg-notfound-q"]').get_text() == "Search the portal"
    assert form.select_one("input#pg-notfound-q")["name"] == "q"
    assert {a.get_text(): a["href"] for a in article.select("ul a")} == {
        "All partnerships": "/portalgen/partnerships/",
        "Find your area: every ward, council and partnership from A to Z": "/portalgen/places/",
        "The home page": "/portalgen/",
    }
    assert page.select_one('link[rel="stylesheet"][href^="/portalgen/assets/"]')


def test_a_redirect_names_its_full_address_as_canonical(example_site):
    terms = example_site.soup(
        "partnerships/worcestershire/bodies/safer-communities-board/terms/latest"
    )
    assert terms.select_one("link[rel=canonical]")["href"] == (
        f"{SITE_URL}partnerships/worcestershire/bodies/safer-communities-board/terms/2011-09-22/"
    )
    assert terms.select_one("main a")["href"] == "../2011-09-22/"


def test_a_source_document_without_an_address_says_so(example_site):
    facts = example_site.soup("partnerships/haringey/plans/2013-14").select_one("dl")
    source = next(dt for dt in facts.select("dt") if dt.get_text() == "Source document")
    dd = source.find_next_sibling("dd")
    assert not dd.select("a")
    assert dd.get_text() == (
        "Year end roundup 2013-14, report to the Community Safety Partnership Board, "
        "27 March 2014 (this portal holds no web address for it)"
    )
    text = example_site.root.joinpath(
        "partnerships/safer-stronger-bucks/meetings/2014-05-13-select-committee/index.html"
    ).read_text("utf-8")
    assert "not online" not in text


@pytest.mark.build
def test_a_source_document_with_an_address_is_linked(project):
    descriptor = project / "data/haringey/plans/2013-14/datapackage.yaml"
    replace_line(
        descriptor,
        20,
        "  source_date: 2014-03-27",
        "  source_date: 2014-03-27\n  source_url: https://example.org/year-end-roundup-2013-14.pdf",
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    facts = Site(project / "site").soup("partnerships/haringey/plans/2013-14").select_one("dl")
    source = next(dt for dt in facts.select("dt") if dt.get_text() == "Source document")
    dd = source.find_next_sibling("dd")
    assert dd.select_one("a")["href"] == "https://example.org/year-end-roundup-2013-14.pdf"
    assert dd.get_text() == (
        "Year end roundup 2013-14, report to the Community Safety Partnership Board, 27 March 2014"
    )
