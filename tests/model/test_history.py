"""Dates from the data's Git history: a shared table is dated row by row."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from portalgen.data.versions import Change, PackageVersion
from portalgen.model import history

HEADER = "id,name\n"


def commit(repo: Path, day: str, message: str) -> None:
    env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00Z", "GIT_COMMITTER_DATE": f"{day}T12:00:00Z"}
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", message], cwd=repo, check=True, env=env)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_a_shared_row_is_dated_by_its_own_changes(tmp_path):
    data = tmp_path / "data"
    table = data / "partnerships/partnerships.csv"
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write(table, HEADER + "north,North CSP\nsouth,South CSP\n")
    write(data / "north/plans/2014-15/priorities.csv", "id\np1\n")
    commit(tmp_path, "2014-04-01", "First")
    write(table, HEADER + "north,North CSP\nsouth,South Community Safety Partnership\nwest,West\n")
    commit(tmp_path, "2015-06-30", "South renamed, West added")
    versions = {
        "partnerships/": PackageVersion("data/partnerships", "1.1.0"),
        "north/plans/2014-15/": PackageVersion("data/north/plans/2014-15", "1.0.0"),
    }
    dates = history.read(data, versions)
    first, second = dt.date(2014, 4, 1), dt.date(2015, 6, 30)
    assert dates.rows == {
        "partnerships/partnerships.csv#north": history.Span(first, first),
        "partnerships/partnerships.csv#south": history.Span(first, second),
        "partnerships/partnerships.csv#west": history.Span(second, second),
    }
    north = "partnerships/partnerships.csv#north"
    plan = ["north/plans/2014-15/", "partnerships/partnerships.csv"]
    assert dates.span(plan, [north]) == history.Span(first, first)
    assert dates.span(["partnerships/partnerships.csv"]) == history.Span(first, second)
    assert dates.latest == second


def test_changes_date_a_package_and_outside_git_a_shared_row_counts_from_its_first(tmp_path):
    """Not a Git repository: a shared row takes the day its package was first published,
    not the day of a later change to the package."""
    changes = (
        Change("1.1.0", dt.date(2027, 1, 15), "West."),
        Change("1.0.0", dt.date(2026, 11, 23), "First."),
    )
    plan = (Change("1.0.0", dt.date(2026, 11, 24), "First."),)
    versions = {
        "partnerships/": PackageVersion("data/partnerships", "1.1.0", changes),
        "north/plans/2014-15/": PackageVersion("data/north/plans/2014-15", "1.0.0", plan),
    }
    dates = history.read(tmp_path, versions)
    row = "partnerships/partnerships.csv#north"
    assert dates.span(["north/plans/2014-15/"], [row]) == history.Span(
        dt.date(2026, 11, 23), dt.date(2026, 11, 24)
    )
    assert dates.span(["north/"]) == history.Span(dt.date(2026, 11, 24), dt.date(2026, 11, 24))
    assert dates.latest == dt.date(2027, 1, 15)
