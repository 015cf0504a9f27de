"""Atom feeds: valid against RFC 4287's schema, findable, and changed only by the data."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from conftest import REPO, Site, copy_project, run_portalgen, set_cell
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = etree.RelaxNG(etree.parse(str(REPO / "tests/schemas/atom.rng")))
RECOMMENDATION = "partnerships/worcestershire/recommendations/scb-2011-r2/"
PRIORITY = "partnerships/haringey/plans/2013-14/priorities/p3/"
SITE_URL = "https://portalgen.github.io/portalgen/"


def feeds(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("feed.xml"))
    }


def entries(xml: bytes) -> list[dict[str, str]]:
    root = etree.fromstring(xml)
    return [
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "link": entry.find(f"{ATOM}link").get("href"),
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def test_every_feed_is_valid_atom_with_unique_ids_and_working_links(example_site):
    found = feeds(example_site.root)
    assert "feed.xml" in found and f"{RECOMMENDATION}feed.xml" in found
    for path, xml in found.items():
        document = etree.fromstring(xml)
        assert SCHEMA.validate(document), (path, SCHEMA.error_log.last_error)
        ids = [entry["id"] for entry in entries(xml)]
        assert len(ids) == len(set(ids)), path
        assert all(i.startswith("urn:uuid:") for i in ids), path
        for entry in entries(xml):
            link, _, anchor = entry["link"].removeprefix(SITE_URL).partition("#")
            target = posixpath.normpath(link)
            page = example_site.root / target / "index.html"
            assert page.is_file(), (path, entry)
            assert not anchor or f'id="{anchor}"' in page.read_text("utf-8"), (path, entry)


def test_the_recommendation_feed_follows_its_history(example_site):
    xml = (example_site.root / RECOMMENDATION / "feed.xml").read_bytes()
    root = etree.fromstring(xml)
    assert root.findtext(f"{ATOM}title") == (
        "Worcestershire Safer Communities Board: Recommendation 2, Merge the Bromsgrove, "
        "Redditch and Wyre Forest partnerships into a…"
    )
    title = (
        "Worcestershire Safer Communities Board, Recommendation 2 (Merge the Bromsgrove, "
        "Redditch and Wyre Forest…): proposed"
    )
    link = SITE_URL + RECOMMENDATION
    assert [(e["title"], e["updated"], e["link"]) for e in entries(xml)] == [
        (title, "2011-11-15T00:00:00+00:00", link),
        (title, "2011-09-22T00:00:00+00:00", link),
    ]
    page = example_site.soup(RECOMMENDATION)
    assert page.select_one('head link[rel~="alternate"][type="application/atom+xml"]')["href"] == (
        "feed.xml"
    )
    assert page.select_one(".pg-feed a")["href"] == "feed.xml"


def test_the_portal_feed_is_found_from_the_home_page(example_site):
    home = example_site.soup("")
    link = home.select_one('head link[type="application/atom+xml"]')
    assert link["href"] == "feed.xml"
    assert link["rel"] == ["alternate", "feed"]  # not rel="alternate" alone: see feeds.py
    assert home.select_one('article a[href="feed.xml"]')
    titles = [e["title"] for e in entries((example_site.root / "feed.xml").read_bytes())]
    assert (
        "Haringey Community Safety Partnership: Community Safety Strategy 2013-2017 "
        "(2013/14 to 2016/17), adopted"
    ) in titles
    assert any(t.startswith("Safer and Stronger Bucks Partnership") for t in titles)


@pytest.mark.build
def test_feeds_change_only_when_the_data_does(tmp_path, example_site):
    """Another build date leaves every feed as it was; a new status adds one entry, dated
    from the data, to the feeds that follow it and to no other."""
    project = copy_project(tmp_path / "portal")
    history = project / "data/worcestershire/governance/recommendation-history.csv"
    result = run_portalgen(project, "build", env={"SOURCE_DATE_EPOCH": "1900000000"})
    assert result.returncode == 0, result.stderr
    before = feeds(project / "site")
    assert before == feeds(example_site.root)
    lines = history.read_text("utf-8")
    history.write_text(lines + "scb-2011-r2,2012-03-01,agreed,Agreed by the Board.\n", "utf-8")
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    after = feeds(project / "site")
    changed = sorted(path for path in after if after[path] != before[path])
    assert changed == [
        "feed.xml",
        "partnerships/worcestershire/feed.xml",
        f"{RECOMMENDATION}feed.xml",
    ]
    first = entries(after[f"{RECOMMENDATION}feed.xml"])[0]
    assert first["title"].endswith(": agreed")
    assert first["updated"] == "2012-03-01T00:00:00+00:00"
    assert (
        entries(after[f"{RECOMMENDATION}feed.xml"])[1]
        == entries(before[f"{RECOMMENDATION}feed.xml"])[0]
    )


@pytest.mark.build
def test_feed_links_are_absolute_when_the_site_address_is_known(tmp_path):
    project = copy_project(tmp_path / "portal")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "site_url: https://portalgen.github.io/portalgen/", "site_url: https://csp.example.org/"
        ),
        "utf-8",
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    root = etree.fromstring((project / "site" / PRIORITY / "feed.xml").read_bytes())
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {
        "alternate": f"https://csp.example.org/{PRIORITY}",
        "self": f"https://csp.example.org/{PRIORITY}feed.xml",
    }
    assert SCHEMA.validate(root)
    assert Site(project / "site").soup(PRIORITY).select_one(".pg-feed a")


@pytest.mark.build
def test_an_action_status_links_to_its_row(project):
    actions = project / "data/haringey/plans/2013-14/actions.csv"
    set_cell(actions, 2, "status", "done")
    set_cell(actions, 2, "status_date", "2014-03-27")
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    feed = project / "site/partnerships/haringey/plans/2013-14/priorities/p1/feed.xml"
    done = [e for e in entries(feed.read_bytes()) if e["title"].endswith(": done")]
    row = f"{SITE_URL}partnerships/haringey/plans/2013-14/priorities/p1/#p1-a1"
    assert [(e["link"], e["updated"]) for e in done] == [(row, "2014-03-27T00:00:00+00:00")]
    page = Site(project / "site").soup("partnerships/haringey/plans/2013-14/priorities/p1")
    assert page.select_one("tr#p1-a1")
