"""Addresses never break: data/urls.lock, redirects, withdrawals and ``latest``."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import (
    REPO,
    Site,
    copy_project,
    recording_page,
    run_portalgen,
    serving,
    set_cell,
    site_url,
)

from portalgen.gates import broken_links, html_errors
from portalgen.gates.browser import axe_violations

WYRE_FOREST = "/partnerships/wyre-forest/"
NORTH_WORCS = "/partnerships/north-worcestershire/"
ADDRESSES = "data/addresses"


def lock_line(project, address: str) -> int:
    lines = (project / "data/urls.lock").read_text("utf-8").splitlines()
    return lines.index(address) + 1


def merge_wyre_forest(project) -> None:
    """Wyre Forest CSP goes from the portal, as when it merged into North Worcestershire."""
    partnerships = project / "data/partnerships/partnerships.csv"
    lines = partnerships.read_text("utf-8").splitlines(keepends=True)
    partnerships.write_text("".join(line for line in lines if not line.startswith("wyre-forest,")))
    amounts = project / "data/worcestershire/funding/amounts.csv"
    amounts.write_text(amounts.read_text("utf-8").replace(",wyre-forest,", ",,"), "utf-8")


@pytest.mark.build
def test_the_register_holds_every_address_the_example_publishes(tmp_path):
    """The committed data/urls.lock is current: a build of the example adds nothing."""
    project = copy_project(tmp_path / "portal")
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    built = (project / "data/urls.lock").read_text("utf-8").splitlines()
    committed = (REPO / "data/urls.lock").read_text("utf-8").splitlines()
    missing = sorted(set(built) - set(committed))
    assert missing == [], "data/urls.lock is out of date: run make site and commit it"
    assert built == committed
    published = (REPO / "data/urls.lock").read_text("utf-8").splitlines()
    for address in ("/", "/partnerships/haringey/plans/2013-14/priorities/p1/", WYRE_FOREST):
        assert address in published


@pytest.mark.build
def test_a_new_page_is_added_to_the_register(project):
    set_cell(project / "data/haringey/plans/2013-14/priorities.csv", 2, "id", "p9")
    for name in ("plans/2013-14/actions.csv", "performance/indicators.csv"):
        path = project / "data/haringey" / name
        path.write_text(path.read_text("utf-8").replace(",p1,", ",p9,"), "utf-8")
    redirects = project / ADDRESSES / "redirects.csv"
    redirects.write_text(
        redirects.read_text("utf-8") + "/partnerships/haringey/plans/2013-14/priorities/p1/,"
        "/partnerships/haringey/plans/2013-14/priorities/p9/,2026-11-23,Renumbered.\n"
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    published = (project / "data/urls.lock").read_text("utf-8").splitlines()
    assert "/partnerships/haringey/plans/2013-14/priorities/p9/" in published
    assert "/partnerships/haringey/plans/2013-14/priorities/p1/" in published


@pytest.mark.build
def test_dropping_a_published_address_fails_the_build_and_names_it(project):
    merge_wyre_forest(project)
    site_before = (project / "site").exists()
    result = run_portalgen(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"data/urls.lock:{lock_line(project, WYRE_FOREST)} {WYRE_FOREST} was published, but "
        "the site no longer has a page there, so links to it in papers and minutes would "
        "break. Add a row to data/addresses/redirects.csv sending it to the page that "
        "replaces it, or to data/addresses/withdrawn.csv saying when and why it was "
        "withdrawn."
    ) in result.stderr
    assert (project / "site").exists() == site_before


@pytest.mark.build
def test_a_redirect_keeps_a_merged_partnerships_address(project, browser):
    merge_wyre_forest(project)
    redirects = project / ADDRESSES / "redirects.csv"
    redirects.write_text(
        redirects.read_text("utf-8")
        + f"{WYRE_FOREST},{NORTH_WORCS},2012-04-01,Wyre Forest CSP merged into North "
        "Worcestershire CSP.\n",
        "utf-8",
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    moved = Site(project / "site").soup(WYRE_FOREST.strip("/"))
    assert moved.select_one('meta[http-equiv="refresh"]')["content"] == (
        "0; url=../north-worcestershire/"
    )
    assert moved.select_one("main a")["href"] == "../north-worcestershire/"
    assert html_errors(project / "site/partnerships/wyre-forest/index.html") == []
    assert "merged into North Worcestershire" in moved.select_one("main").get_text()
    with serving(project / "site") as server:
        context = browser.new_context(java_script_enabled=False)
        page = recording_page(context, server)
        page.goto(server + WYRE_FOREST.lstrip("/"))
        page.wait_for_url(server + NORTH_WORCS.lstrip("/"))
        assert (
            page.locator("article h1")
            .inner_text()
            .startswith("North Worcestershire Community Safety Partnership")
        )
        context.close()


@pytest.mark.build
def test_a_withdrawn_page_says_when_and_why(project, browser):
    merge_wyre_forest(project)
    withdrawn = project / ADDRESSES / "withdrawn.csv"
    withdrawn.write_text(
        withdrawn.read_text("utf-8") + f"{WYRE_FOREST},Wyre Forest Community Safety "
        f"Partnership,2012-04-01,The partnership no longer exists.,{NORTH_WORCS}\n",
        "utf-8",
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    page = Site(project / "site").soup(WYRE_FOREST.strip("/"))
    assert page.select_one("article h1").get_text(strip=True) == (
        "Withdrawn: Wyre Forest Community Safety Partnership"
    )
    assert page.select_one(".pg-warning").get_text(" ", strip=True) == (
        "This page was withdrawn on 1 April 2012. The partnership no longer exists."
    )
    assert page.select_one('article a[href="../north-worcestershire/"]')
    site = project / "site"
    assert html_errors(site / "partnerships/wyre-forest/index.html") == []
    assert broken_links(site, site_url(project)) == []
    with serving(site) as server:
        context = browser.new_context()
        tab = recording_page(context, server)
        tab.goto(server + WYRE_FOREST.lstrip("/"))
        assert axe_violations(tab) == []
        context.close()


@pytest.mark.build
def test_redirects_that_clash_or_lead_nowhere_are_told_together(project):
    redirects = project / ADDRESSES / "redirects.csv"
    redirects.write_text(
        redirects.read_text("utf-8")
        + f"{NORTH_WORCS},/partnerships/haringey/,2012-04-01,Moved.\n"
        + "/partnerships/old/,/partnerships/nowhere/,2012-04-01,Moved.\n"
        + "/a/,/b/,2012-04-01,Moved.\n/b/,/a/,2012-04-01,Moved.\n",
        "utf-8",
    )
    withdrawn = project / ADDRESSES / "withdrawn.csv"
    withdrawn.write_text(
        withdrawn.read_text("utf-8") + "/partnerships/old/,Old,2012-04-01,Gone.,\n", "utf-8"
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(ADDRESSES)]
    assert errors == [
        f"{ADDRESSES}/redirects.csv:2 from: {NORTH_WORCS} is still a page on the site, so it "
        "cannot also send readers elsewhere. Remove this row, or remove the page.",
        f"{ADDRESSES}/redirects.csv:3 from: /partnerships/old/ is also in "
        f"{ADDRESSES}/withdrawn.csv. Keep it in one file only.",
        f"{ADDRESSES}/redirects.csv:3 to: /partnerships/nowhere/ is not a page on the site. "
        "Check the address against data/urls.lock, or send readers to a page the site still "
        "makes.",
        f"{ADDRESSES}/redirects.csv:4 to: /b/ goes round in a circle of redirects. Send it to a "
        "page.",
        f"{ADDRESSES}/redirects.csv:5 to: /a/ goes round in a circle of redirects. Send it to a "
        "page.",
    ]


def test_latest_opens_the_current_plan_and_terms(example_site):
    """Bucks' 2014-15 plan is its newest; Worcestershire's 2012 terms were only proposed."""
    latest = example_site.soup("partnerships/safer-stronger-bucks/plans/latest")
    assert latest.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../2014-15/"
    terms = example_site.soup(
        "partnerships/worcestershire/bodies/safer-communities-board/terms/latest"
    )
    assert terms.select_one("main a")["href"] == "../2011-09-22/"


def test_a_superseded_plan_links_to_the_current_one(example_site):
    old = example_site.soup("partnerships/safer-stronger-bucks/plans/2013-14")
    notice = old.select_one("article .pg-plan-notice--superseded")
    assert notice.get_text(" ", strip=True).startswith("A later plan replaces this one.")
    assert [a["href"] for a in notice.select("a")] == ["../2014-15/", "../latest/"]
    assert old.select_one("article .pg-warning") is None
    current = example_site.soup("partnerships/safer-stronger-bucks/plans/2014-15")
    assert current.select_one("article .pg-plan-notice--superseded") is None


@pytest.mark.build
def test_only_a_successful_portalgen_build_changes_the_register(project):
    """A build that fails on a warning, and a bare MkDocs build (as under mkdocs serve),
    leave data/urls.lock as it was; so does the site."""
    lock = (project / "data/urls.lock").read_bytes()
    (project / "content/new.md").write_text("# New\n\nSee [the old page](missing.md).\n")
    result = run_portalgen(project, "build")
    assert result.returncode == 1
    assert "missing.md" in result.stderr
    assert (project / "data/urls.lock").read_bytes() == lock
    assert not (project / "site").exists()
    (project / "content/new.md").write_text("# New\n\nA new page.\n")
    bare = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "elsewhere")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bare.returncode == 0, bare.stderr
    assert (project / "data/urls.lock").read_bytes() == lock
    assert run_portalgen(project, "build").returncode == 0
    assert "/new/" in (project / "data/urls.lock").read_text("utf-8").splitlines()
