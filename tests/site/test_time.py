"""Time stated honestly (#18): what each page's facts are as at, when its data was added to
the portal and last changed there, ended plans, superseded plans, overdue work."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import Site, copy_project, run_portalgen

HARINGEY_PLAN = "partnerships/haringey/plans/2013-14"
BUCKS_OLD_PLAN = "partnerships/safer-stronger-bucks/plans/2013-14"
NEW = "example-town"
PLAN_YAML = """name: example-town-plan-2026-27
version: 1.0.0
changes:
  - version: 1.0.0
    date: 2027-01-15
    summary: First published on the portal.
title: "Example Town CSP: plan 2026/27"
plan:
  title: Example Town plan 2026/27
  period_from: 2026-27
  period_to: 2026-27
  status: adopted
  summary: One priority.
  source_title: Example Town plan
  source_date: 2026-12-01
licenses:
  - name: OGL-UK-3.0
    title: Open Government Licence v3.0
    path: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/
resources:
  - name: priorities
    path: priorities.csv
  - name: actions
    path: actions.csv
"""


def text(element) -> str:
    return element.get_text(" ", strip=True)


def pages(site: Path) -> dict[str, str]:
    """Each page (its address) → its "last changed on this portal" date, where it has one."""
    dates = {}
    for file in sorted(site.rglob("index.html")):
        html = file.read_text("utf-8")
        if 'class="pg-updated"' in html:
            address = file.parent.relative_to(site).as_posix()
            dates[address] = html.split('class="pg-updated"')[1].split('datetime="')[1][:10]
    return dates


def commit(project: Path, day: str, message: str) -> None:
    env = {"GIT_AUTHOR_DATE": f"{day}T10:00:00Z", "GIT_COMMITTER_DATE": f"{day}T10:00:00Z"}
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", message], cwd=project, check=True, env=env)


def add_partnership(project: Path) -> None:
    """A partnership's row in the shared partnerships table, its plan, and a new version of
    the partnerships package, as an editor would add them."""
    table = project / "data/partnerships/partnerships.csv"
    row = f"{NEW},Example Town Community Safety Partnership,district CSP,E07000235,,,,,A test.\n"
    table.write_text(table.read_text("utf-8") + row, "utf-8")
    descriptor = project / "data/partnerships/datapackage.yaml"
    descriptor.write_text(
        descriptor.read_text("utf-8").replace(
            "version: 1.0.0\nchanges:\n",
            "version: 1.1.0\nchanges:\n  - version: 1.1.0\n    date: 2027-01-15\n"
            "    summary: Added Example Town.\n",
        ),
        "utf-8",
    )
    plan = project / f"data/{NEW}/plans/2026-27"
    plan.mkdir(parents=True)
    (plan / "datapackage.yaml").write_text(PLAN_YAML, "utf-8")
    (plan / "priorities.csv").write_text(
        "id,number,title,summary,owner,status,status_date\np1,1,Safer streets,,,,\n", "utf-8"
    )
    (plan / "actions.csv").write_text(
        "id,priority,kind,title,owner,due,status,status_date\n"
        "p1-a1,p1,action,Light the underpass.,,2026-27,,\n",
        "utf-8",
    )


@pytest.mark.build
def test_a_new_partnership_dates_only_its_own_pages(tmp_path):
    """Two commits: the second adds a partnership (a row in the shared partnerships table
    and a new package). Only its pages, and the list of partnerships, show the later date."""
    project = copy_project(tmp_path / "portal")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    commit(project, "2026-12-01", "The example")
    add_partnership(project)
    commit(project, "2027-01-15", "Example Town added")
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    dated = pages(project / "site")
    later = sorted(address for address, day in dated.items() if day == "2027-01-15")
    assert later == [
        "partnerships",
        f"partnerships/{NEW}",
        f"partnerships/{NEW}/plans/2026-27",
        f"partnerships/{NEW}/plans/2026-27/priorities/p1",
    ]
    assert dated["partnerships/haringey"] == "2026-11-29"
    assert dated[HARINGEY_PLAN] == "2026-11-23"
    site = Site(project / "site")
    new = site.soup(f"partnerships/{NEW}")
    assert text(new.select_one(".pg-added")) == "Added to this portal: 15 January 2027"
    haringey = site.soup("partnerships/haringey")
    assert text(haringey.select_one(".pg-added")) == "Added to this portal: 23 November 2026"
    assert text(haringey.select_one(".pg-updated")) == (
        "Last changed on this portal: 29 November 2026"
    )
    priority = site.soup(f"partnerships/{NEW}/plans/2026-27/priorities/p1")
    assert priority.select_one(".pg-plan-notice") is None
    assert priority.select_one(".pg-overdue") is None
