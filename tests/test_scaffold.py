"""``portalgen new``: what it writes is valid as it stands, and ready to fill in."""

from __future__ import annotations

import csv
import io

from conftest import problems, run_portalgen


def rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))


def test_new_plan_copies_the_priorities_as_a_draft(project):
    result = run_portalgen(project, "new", "plan", "safer-stronger-bucks", "2015-16")
    assert result.returncode == 0, result.stderr
    assert "data: all data packages are valid." in result.stdout
    folder = project / "data/safer-stronger-bucks/plans/2015-16"
    descriptor = (folder / "datapackage.yaml").read_text("utf-8")
    assert descriptor.startswith("# Plan 2015-16 of safer-stronger-bucks. Fill in each")
    assert "  status: draft\n" in descriptor
    priorities = rows(folder / "priorities.csv")
    assert len(priorities) == 6
    assert {p["status"] for p in priorities} == {""}
    assert rows(folder / "actions.csv") == []
    assert problems(project) == []


def test_new_year_of_funding_is_tbc_never_zero(project):
    result = run_portalgen(project, "new", "year", "worcestershire", "2013-14")
    assert result.returncode == 0, result.stderr
    added = [
        r
        for r in rows(project / "data/worcestershire/funding/amounts.csv")
        if r["year"] == "2013-14"
    ]
    assert len(added) == 9
    assert {(r["amount"], r["status"]) for r in added} == {("", "tbc")}
    assert problems(project) == []


def test_new_meeting_body_and_partnership(project):
    assert (
        run_portalgen(
            project, "new", "body", "haringey", "scrutiny-panel", "Community Safety Scrutiny Panel"
        ).returncode
        == 0
    )
    assert (
        run_portalgen(
            project, "new", "meeting", "haringey", "2014-06-26", "scrutiny-panel"
        ).returncode
        == 0
    )
    assert (
        run_portalgen(
            project, "new", "partnership", "malvern", "Malvern CSP", "E07000235"
        ).returncode
        == 0
    )
    meeting = rows(project / "data/haringey/governance/meetings.csv")[-1]
    assert meeting["id"] == "2014-06-26-scrutiny-panel"
    assert meeting["title"] == "To be written"
    assert problems(project) == []


def test_new_refuses_to_overwrite(project):
    result = run_portalgen(project, "new", "plan", "haringey", "2013-14")
    assert result.returncode == 1
    assert result.stderr.strip() == "data/haringey/plans/2013-14 already exists."
