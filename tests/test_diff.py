"""``portalgen diff`` between two commits of a temporary Git repository.

Each diff renders every page of the example twice, so these count as builds."""

from __future__ import annotations

import subprocess

import pytest
from conftest import REPO, copy_project, run_portalgen, set_cell

pytestmark = pytest.mark.build


def git(project, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=editor@example.org", "-c", "user.name=Editor", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


REDDITCH_AREAS = REPO / "data/redditch/areas/lsoa11/areas.csv"
"""Redditch's small-area pages say what its partnership received, so they change too."""


def test_diff_says_what_a_change_does(tmp_path):
    project = copy_project(tmp_path / "portal")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Before")
    amounts = project / "data/worcestershire/funding/amounts.csv"
    set_cell(amounts, 28, "amount", "60000")
    set_cell(amounts, 28, "status", "actual")
    set_cell(project / "data/haringey/plans/2013-14/priorities.csv", 4, "status", "at risk")
    git(project, "commit", "-qam", "After")
    result = run_portalgen(project, "diff", "HEAD~1", "HEAD")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    small_areas = [line for line in lines if line.startswith("~ /small-areas/")]
    assert len(small_areas) == len(REDDITCH_AREAS.read_text("utf-8").splitlines()) - 1
    assert [line for line in lines if line not in small_areas] == [
        f"Pages added: 0, removed: 0, changed: {6 + len(small_areas)}.",
        "~ /partnerships/haringey/",
        "~ /partnerships/haringey/plans/2013-14/",
        "~ /partnerships/haringey/plans/2013-14/priorities/p3/",
        "~ /partnerships/redditch/",
        "~ /partnerships/worcestershire/funding/",
        "~ /partnerships/worcestershire/funding/2012-13/",
        "",
        "Data changes:",
        "- Haringey Community Safety Partnership plan 2013-14, priority 3 (Domestic and "
        "gender-based violence/abuse): status (empty) → at risk",
        "- Worcestershire Safer Communities Board funding 2012/13, Redditch CSP: amount "
        "£56,086 → £60,000; status provisional → actual",
        "",
        "Versions to raise:",
        "- data/haringey/plans/2013-14: its data changed (rows were added or changed) but its "
        "version is still 1.0.0. Make it 1.1.0 in datapackage.yaml and add a change for 1.1.0 "
        "at the top of changes:, saying what changed.",
        "- data/worcestershire/funding: its data changed (rows were added or changed) but its "
        "version is still 1.1.0. Make it 1.2.0 in datapackage.yaml and add a change for 1.2.0 "
        "at the top of changes:, saying what changed.",
    ]


def test_diff_of_a_new_package_and_pages(tmp_path):
    project = copy_project(tmp_path / "portal")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Before")
    meetings = project / "data/haringey/governance/meetings.csv"
    meetings.write_text(
        meetings.read_text("utf-8")
        + "2014-06-26-board,2014-06-26,community-safety-partnership-board,,no,"
        "Quarterly meeting,A test meeting.,\n",
        "utf-8",
    )
    git(project, "commit", "-qam", "After")
    result = run_portalgen(project, "diff", "HEAD~1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Pages added: 1,")
    assert "+ /partnerships/haringey/meetings/2014-06-26-board/" in lines
    assert "- data/haringey/governance/meetings.csv, 2014-06-26-board: added." in lines


def test_diff_refuses_invalid_data(tmp_path):
    project = copy_project(tmp_path / "portal")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Before")
    set_cell(project / "data/haringey/plans/2013-14/priorities.csv", 4, "status", "on-track")
    git(project, "commit", "-qam", "After")
    result = run_portalgen(project, "diff", "HEAD~1", "HEAD")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "HEAD: the data has 1 problem; run portalgen validate to see it."
    )
