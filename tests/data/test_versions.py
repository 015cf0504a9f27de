"""Package versions, changelogs, "last changed on this portal" and "cite this page"."""

from __future__ import annotations

import subprocess

import pytest
from conftest import Site, problems, run_portalgen

PLAN = "data/haringey/plans/2013-14/datapackage.yaml"
PRIORITY = "partnerships/haringey/plans/2013-14/priorities/p3"


def edit(project, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")


def test_every_example_package_has_a_version_and_changes(example_site):
    page = example_site.soup(PRIORITY)
    assert page.select_one(".pg-updated").get_text(" ", strip=True) == (
        "Last changed on this portal: 23 November 2026"
    )
    assert page.select_one(".pg-added").get_text(" ", strip=True) == (
        "Added to this portal: 23 November 2026"
    )
    assert page.select_one(".pg-version").get_text(" ", strip=True) == (
        "Data version: 1.0.0, 23 November 2026: First published on the portal."
    )
    ward = example_site.soup("wards/E05000266")
    assert ward.select_one(".pg-version").get_text(" ", strip=True) == (
        "Data versions: data/haringey/areas/wd13 1.1.0, data/haringey/ward-figures 1.1.0, "
        "data/haringey/plans/2013-14 1.0.0, data/haringey/governance 1.0.0."
    )
    assert page.select_one(".pg-updated time")["datetime"] == "2026-11-23"


def test_version_mistakes_are_told_with_their_line(project):
    edit(project, PLAN, "version: 1.0.0\n", "version: 1.1\n")
    edit(
        project,
        "data/haringey/performance/datapackage.yaml",
        "changes:\n  - version: 1.0.0\n",
        "changes:\n  - version: 1.1.0\n    date: 2026-11-01\n    summary: Added 2014-15.\n"
        "  - version: 1.0.0\n",
    )
    edit(project, "data/haringey/governance/datapackage.yaml", "version: 1.0.0\n", "")
    edit(project, "data/redditch/ward-figures/datapackage.yaml", "    date: ", "    date: 23/11/")
    assert problems(project) == [
        "data/haringey/governance/datapackage.yaml version: is missing. Add a line "
        '"version: 1.0.0" near the top; raise it each time the data changes (see '
        "data/README.md).",
        "data/haringey/performance/datapackage.yaml:5 changes: lists 1.1.0 (2026-11-01) above "
        "1.0.0 (2026-11-23), in the wrong order. Put the newest change first; each needs a "
        "higher version than the one below it.",
        "data/haringey/performance/datapackage.yaml:5 changes: starts with 1.1.0, but the "
        "version is 1.0.0. They must match: the version is that of the newest change, listed "
        "first.",
        'data/haringey/plans/2013-14/datapackage.yaml:3 version: "1.1" is not a version. Write '
        "three whole numbers with dots, for example 1.0.0; put it in quotes if your editor "
        'changes it ("1.0.0").',
        'data/redditch/ward-figures/datapackage.yaml:6 changes[1].date: "23/11/2026-11-23" is '
        "not a date. Write it as YYYY-MM-DD, for example 2014-03-27.",
    ]


@pytest.mark.build
def test_last_updated_falls_back_to_the_last_commit(project):
    """A package that records no changes is dated by the last commit to its files."""
    edit(
        project,
        PLAN,
        "changes:\n  - version: 1.0.0\n    date: 2026-11-23\n"
        "    summary: First published on the portal.\n",
        "",
    )
    edit(
        project,
        "mkdocs.yml",
        "site_url: https://portalgen.github.io/portalgen/",
        "site_url: https://csp.example.org/",
    )
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    env = {"GIT_COMMITTER_DATE": "2014-04-02T10:00:00Z", "GIT_AUTHOR_DATE": "2014-04-02T10:00:00Z"}
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "."], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "Example"], cwd=project, check=True, env=env)
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    page = Site(project / "site").soup(PRIORITY)
    assert page.select_one(".pg-updated").get_text(" ", strip=True) == (
        "Last changed on this portal: 2 April 2014"
    )
    assert page.select_one(".pg-version").get_text(" ", strip=True) == "Data version: 1.0.0"
    sitemap = (project / "site/sitemap.xml").read_text("utf-8")
    entry = sitemap[sitemap.index(f"/{PRIORITY}/</loc>") :]
    assert entry[: entry.index("</url>")].split("<lastmod>")[1].startswith("2014-04-02<")


@pytest.mark.build
def test_cite_this_page_gives_the_permalink_and_names(project):
    edit(
        project,
        "mkdocs.yml",
        "site_url: https://portalgen.github.io/portalgen/",
        "site_url: https://csp.example.org/portal/",
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    page = Site(project / "site").soup(PRIORITY)
    permalink = f"https://csp.example.org/portal/{PRIORITY}/"
    field = page.select_one(".pg-cite input#pg-permalink")
    assert field["value"] == permalink
    assert field.has_attr("readonly")
    assert page.select_one('.pg-cite label[for="pg-permalink"]').get_text() == "Permanent link"
    assert page.select_one(".pg-cite .pg-citation").get_text() == (
        "Community Safety Partnerships portal, Haringey Community Safety Partnership, "
        "Community Safety Strategy 2013-2017, "
        "“Priority 3: Domestic and gender-based violence/abuse”, facts as reported on "
        f"27 March 2014. {permalink} (accessed [the date you read it])."
    )


def test_a_change_that_cannot_be_read_is_told_alone(project):
    """A quoted date is a date; a bad entry is named without false claims about the order;
    a day that does not exist is a message, not a traceback."""
    edit(project, PLAN, "    date: 2026-11-23\n", '    date: "2026-11-23"\n')
    edit(
        project,
        "data/haringey/governance/datapackage.yaml",
        "changes:\n  - version: 1.0.0\n",
        "changes:\n  - Added things\n  - version: 1.0.0\n",
    )
    edit(
        project,
        "data/haringey/performance/datapackage.yaml",
        "    summary: First published on the portal.\n",
        "",
    )
    edit(project, "data/redditch/ward-figures/datapackage.yaml", "2026-11-23", "2026-02-30")
    assert problems(project) == [
        "data/haringey/governance/datapackage.yaml:5 changes[1]: is not a change. Each change "
        'is three lines, "version:", "date:" and "summary:", the first starting with "- " '
        "(see data/README.md).",
        "data/haringey/performance/datapackage.yaml:6 changes[1]: needs summary.",
        "data/redditch/ward-figures/datapackage.yaml:6 has a date that does not exist: "
        "2026-02-30. Check the day and the month.",
    ]
