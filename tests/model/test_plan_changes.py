"""What changed between two plan versions: the page residents and councillors read."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import Site, run_portalgen

BUCKS = "partnerships/safer-stronger-bucks/plans"


def items(page, heading: str) -> list[str]:
    section = page.find("h2", string=heading)
    return [li.get_text(" ", strip=True) for li in section.find_next("ul").find_all("li")]


def test_the_example_plans_share_no_priority(example_site):
    """Bucks' 2014/15 plan replaced every 2013/14 heading: the page says so, not "reworded"."""
    page = example_site.soup(f"{BUCKS}/2014-15/changes")
    assert page.select_one("article h1").get_text(strip=True) == (
        "Safer Bucks Plan 2014/15: what changed from 2013/14"
    )
    assert [li.get_text(strip=True) for li in page.select(".pg-change-summary li")] == [
        "6 priorities added",
        "6 priorities removed",
        "0 priorities reworded, renumbered or with a new status",
        "0 unchanged",
    ]
    assert items(page, "Removed")[:2] == [
        "Removed: 1. Anti-social behaviour",
        "Removed: 2. Domestic violence",
    ]
    assert page.find("h2", string="Changed") is None
    plan = example_site.soup(f"{BUCKS}/2014-15")
    assert plan.select_one('dl.pg-facts a[href="changes/"]').get_text() == "what changed"
    assert example_site.soup(f"{BUCKS}/2013-14").select_one('a[href="changes/"]') is None


@pytest.mark.build
def test_reworded_renumbered_removed_added_and_status(project):
    """The 2014/15 plan rewritten as an edit of 2013/14: each kind of change is named once."""
    old = project / "data/safer-stronger-bucks/plans/2013-14/priorities.csv"
    rows = list(csv.DictReader(io.StringIO(old.read_text("utf-8"))))
    by_id = {row["id"]: row for row in rows}
    by_id["p1"].update(status="on track", status_date="2014-06-30")
    by_id["p3"]["title"] = "Serious acquisitive crime and burglary"
    by_id["p6"]["number"] = "4"
    del by_id["p4"]
    by_id["p7"] = {**by_id["p5"], "id": "p7", "number": "7", "title": "Modern slavery"}
    out = io.StringIO()
    writer = csv.DictWriter(out, rows[0].keys(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(by_id.values())
    (project / "data/safer-stronger-bucks/plans/2014-15/priorities.csv").write_text(
        out.getvalue(), "utf-8"
    )
    (project / "data/urls.lock").unlink()  # as if drafted before 2014/15 was published
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    page = Site(project / "site").soup(f"{BUCKS}/2014-15/changes")
    assert items(page, "Added") == ["Added: 7. Modern slavery"]
    assert items(page, "Removed") == ["Removed: 4. Hate crime"]
    changed = page.find("h2", string="Changed").find_next("ul")
    assert [li.get_text(" ", strip=True) for li in changed.select(":scope > li > ul > li")] == [
        "Status: Not stated became On track (as at 30 June 2014)",
        "Reworded: “Serious acquisitive crime” became “Serious acquisitive crime and burglary”",
        "Renumbered: 6 became 4",
    ]
    assert [li.get_text(strip=True) for li in page.select(".pg-change-summary li")] == [
        "1 priority added",
        "1 priority removed",
        "3 priorities reworded, renumbered or with a new status",
        "2 unchanged",
    ]
