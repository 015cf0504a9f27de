"""Hostile input II (issue 23), the inputs part: symbolic links, pattern anchors, characters
no value may hold, days that do not exist, ids too long for a file name, odd resource
paths, redirects on the site's own files, a broken ``data/urls.lock`` line and
``portalgen new`` arguments that are not ids.

Each case changes a copy of the example project (config, content, data) and must give its
exact message from ``portalgen validate``, exit 1 and no traceback, within the bounds of
``test_hostile.py``. Inputs that validate are planted together in one copy and built once:
the build must succeed, and publish only what validation read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import REPO, copy_project, run_portalgen
from test_hostile import (
    AMOUNTS,
    DESCRIPTOR,
    MEETINGS,
    ORGANISATIONS,
    PRIORITIES,
    Case,
    append,
    assert_explained,
    cell,
    edit,
    linked_file,
    run_all,
    together,
)

from portalgen.site import addresses

pytestmark = pytest.mark.xdist_group("hostile-inputs")
"""One worker runs the whole module, so its module-wide fixtures are made once."""

FUNDING = "data/worcestershire/funding"
FUNDING_DESCRIPTOR = f"{FUNDING}/datapackage.yaml"
GOVERNANCE = "data/haringey/governance/datapackage.yaml"
RECOMMENDATIONS = "data/haringey/governance/recommendations.csv"
BODIES = "data/haringey/governance/bodies.csv"
PARTNERSHIPS = "data/partnerships/partnerships.csv"
REDIRECTS = "data/addresses/redirects.csv"
WITHDRAWN = "data/addresses/withdrawn.csv"
LOCK = "data/urls.lock"
APPENDED = len((REPO / LOCK).read_text("utf-8").splitlines()) + 1
"""The number of the first line appended to the example's register."""
TITLE = "  title: Community Safety Strategy 2013-2017"

IN_DATA = (
    "is a symbolic link, so what it holds may come from outside data/. portalgen reads only "
    "files kept in data/ itself: replace the link with a copy."
)
IN_PROJECT = (
    "is a symbolic link, so what it holds may come from outside the project. portalgen "
    "publishes only files kept in the project itself: replace the link with a copy of the "
    "file, or remove it."
)
PASTED = "Delete it: it cannot be seen, and often comes in with text pasted from another document."
INVISIBLE = "an invisible character that can make text read differently from what it says"
LONG_ID = (
    "is {} characters long, but it may be at most 100: it becomes part of web addresses and "
    "file names. Shorten it."
)
NOT_A_FILE_NAME = (
    f'{FUNDING_DESCRIPTOR}:31 resources: the path of "totals" must be the name of a file in '
    'this folder, such as "totals.csv".'
)
NOT_A_PAGE = "not a page, so it cannot be {}. Remove this row."


def linked(path: str, target: str, folder: bool = False):
    """Make ``path`` a symbolic link to ``target`` (anywhere on the machine)."""

    def mutate(project: Path) -> None:
        link = project / path
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target, target_is_directory=folder)

    return mutate


def renamed(path: str, name: str):
    return lambda project: (project / path).rename((project / path).with_name(name))


def rows(path: str, text: str):
    """Replace the rows of ``path`` (after its header) with ``text``."""

    def mutate(project: Path) -> None:
        file = project / path
        header = file.read_text("utf-8").splitlines()[0]
        file.write_text(f"{header}\n{text}", "utf-8")

    return mutate


def redirect(source: str) -> str:
    return f'"{source}",/partnerships/haringey/,2020-01-01,It moved.\n'


def withdrawal(address: str) -> str:
    return f'"{address}",Gone,2020-01-01,It went.,\n'


CASES = [
    # 2. Symbolic links: nothing outside the repository is read
    Case(
        "link-unlisted-boundaries",
        linked(f"{FUNDING}/boundaries.geojson", "/etc/passwd"),
        f"{FUNDING}/boundaries.geojson {IN_DATA}",
    ),
    Case(
        "link-inside-data",
        linked("data/vocabulary/notes.txt", "../partnerships/partnerships.csv"),
        f"data/vocabulary/notes.txt {IN_DATA}",
    ),
    Case("link-listed-file", linked_file(MEETINGS), f"{MEETINGS} {IN_DATA}"),
    Case(
        "link-content-page",
        linked("content/passwd.md", "/etc/passwd"),
        f"content/passwd.md {IN_PROJECT}",
    ),
    Case(
        "link-overrides-folder",
        linked("overrides/portalgen/etc", "/etc", folder=True),
        f"overrides/portalgen/etc {IN_PROJECT}",
    ),
    # 5. Patterns match the whole value
    Case(
        "anchor-id-line-break",
        cell(PRIORITIES, 2, "id", "p1\n"),
        f'{PRIORITIES}:2 id: "p1\\n" has a line break at the start or end. Delete it: write "p1".',
    ),
    Case(
        "anchor-redirect-line-break",
        rows(REDIRECTS, redirect("/old-page/\n")),
        f'{REDIRECTS}:2 from: "/old-page/\\n" has a line break at the start or end. Delete it: '
        'write "/old-page/".',
    ),
    Case(
        "anchor-yaml-period",
        edit(DESCRIPTOR, "period_from: 2013-14", 'period_from: "2013-14\\n"'),
        f'{DESCRIPTOR}:11 plan.period_from: "2013-14\\n" has a line break at the start or end. '
        'Delete it: write "2013-14".',
    ),
    Case(
        "anchor-line-break-inside",
        cell(PRIORITIES, 2, "id", "p\n1"),
        f'{PRIORITIES}:2 id: "p\\n1" is not in the right form. Short, lower-case id, unique '
        "within the plan, for example p1 or reduce-asb. It is part of the priority's web "
        "address; never change it once published.",
    ),
    Case(
        "lock-broken-line",
        append(LOCK, "/partnerships/haringey/plans/2013-14/priorities/p1\n/\n"),
        f'{LOCK}:{APPENDED} "/partnerships/haringey/plans/2013-14/priorities/p1" is not an address '
        "(one a line, starting and ending with /), so it is what is left of a broken line. "
        "Delete this line: it was never a page of the site.",
    ),
    Case(
        "lock-control-character",
        append(LOCK, "/partnerships/\x1f/\n"),
        f'{LOCK}:{APPENDED} "/partnerships/\\u001f/" is not an address (one a line, starting and '
        "ending with /), so it is what is left of a broken line. Delete this line: it was "
        "never a page of the site.",
    ),
    # 6. Validate says valid, build crashes (all but numbers and map_tiles)
    Case(
        "day-leap",
        cell(RECOMMENDATIONS, 2, "due", "2023-02-29"),
        f'{RECOMMENDATIONS}:2 due: "2023-02-29" is a day that does not exist. Check the day '
        "and the month, or give only the month (2023-02).",
    ),
    Case(
        "day-thirty-first",
        cell(RECOMMENDATIONS, 2, "due", "2024-04-31"),
        f'{RECOMMENDATIONS}:2 due: "2024-04-31" is a day that does not exist. Check the day '
        "and the month, or give only the month (2024-04).",
    ),
    Case(
        "control-vertical-tab",
        cell(PRIORITIES, 2, "title", "Helping\x0bpeople"),
        f"{PRIORITIES}:2 title: has a control character (U+000B) at character 8. {PASTED}",
    ),
    Case(
        "control-unit-separator",
        cell(MEETINGS, 2, "title", "\x1fYear end roundup"),
        f"{MEETINGS}:2 title: has a control character (U+001F) at character 1. {PASTED}",
    ),
    Case(
        "yaml-escaped-nul",
        edit(DESCRIPTOR, TITLE, '  title: "Community\\0 Safety Strategy 2013-2017"'),
        f"{DESCRIPTOR}:10 plan.title: has a control character (U+0000) at character 10. {PASTED}",
    ),
    Case(
        "yaml-escaped-surrogate",
        edit(GOVERNANCE, "  source_title: ", '  source_title: "\\uD800" # '),
        f"{GOVERNANCE}:22 governance.source_title: has half of a character, which is not text "
        f"(U+D800) at character 1. {PASTED}",
    ),
    Case(
        "id-too-long",
        cell(PRIORITIES, 2, "id", "p" * 300),
        f"{PRIORITIES}:2 id: {LONG_ID.format(300)}",
    ),
    Case(
        "id-too-long-body",
        cell(BODIES, 2, "id", "board-" * 17),
        f"{BODIES}:2 id: {LONG_ID.format(102)}",
    ),
    Case(
        "id-too-long-folder",
        renamed("data/haringey/areas/wd13", "wd" * 60),
        f"data/haringey/areas/{'wd' * 60} has a folder name 120 characters long, but a folder "
        "name becomes part of web addresses and file names, so it may be at most 100. Rename "
        "the folder.",
    ),
    Case(
        "redirect-feed",
        rows(REDIRECTS, redirect("/feed.xml/") + redirect("/sitemap.xml/")),
        (
            f"{REDIRECTS}:2 from: /feed.xml/ is the address of a file the site publishes itself "
            f"(/feed.xml), {NOT_A_PAGE.format('redirected')}",
            f"{REDIRECTS}:3 from: /sitemap.xml/ is the address of a file the site publishes "
            f"itself (/sitemap.xml), {NOT_A_PAGE.format('redirected')}",
        ),
    ),
    Case(
        "redirect-download",
        rows(REDIRECTS, redirect("/partnerships/worcestershire/funding/funding.csv/")),
        f"{REDIRECTS}:2 from: /partnerships/worcestershire/funding/funding.csv/ is the address "
        "of a file the site publishes itself (/partnerships/worcestershire/funding/funding.csv), "
        f"{NOT_A_PAGE.format('redirected')}",
    ),
    Case(
        "withdrawn-zip-and-assets",
        rows(
            WITHDRAWN,
            withdrawal("/partnerships/haringey/feed.xml/") + withdrawal("/assets/portalgen/"),
        ),
        (
            f"{WITHDRAWN}:2 address: /partnerships/haringey/feed.xml/ is the address of a file "
            "the site publishes itself (/partnerships/haringey/feed.xml), "
            f"{NOT_A_PAGE.format('withdrawn')}",
            f"{WITHDRAWN}:3 address: /assets/portalgen/ is in /assets/, where the site keeps "
            f"its own files, {NOT_A_PAGE.format('withdrawn')}",
        ),
    ),
    # 7. Resource paths that are not a plain file name
    Case(
        "path-colon",
        edit(FUNDING_DESCRIPTOR, "path: totals.csv", "path: totals:2011.csv"),
        NOT_A_FILE_NAME,
    ),
    Case(
        "path-url",
        edit(FUNDING_DESCRIPTOR, "path: totals.csv", "path: https://example.org/totals.csv"),
        NOT_A_FILE_NAME,
    ),
    Case(
        "path-backslash",
        edit(FUNDING_DESCRIPTOR, "path: totals.csv", "path: ..\\\\totals.csv"),
        NOT_A_FILE_NAME,
    ),
    Case(
        "path-drive",
        edit(FUNDING_DESCRIPTOR, "path: totals.csv", "path: C:totals.csv"),
        NOT_A_FILE_NAME,
    ),
    # 12. Invisible characters in ids and names
    Case(
        "bidi-override-name",
        cell(ORGANISATIONS, 2, "name", "Buckinghamshire \u202eCounty Council"),
        f"{ORGANISATIONS}:2 name: has {INVISIBLE} (U+202E, right-to-left override) at "
        f"character 17. {PASTED}",
    ),
    Case(
        "zero-width-name",
        cell(PARTNERSHIPS, 2, "name", "Safer\u200b Devon"),
        f"{PARTNERSHIPS}:2 name: has {INVISIBLE} (U+200B, zero width space) at character 6. "
        f"{PASTED}",
    ),
    Case(
        "byte-order-mark-inside",
        cell(BODIES, 2, "name", "Community\ufeffSafety Partnership Board"),
        f"{BODIES}:2 name: has {INVISIBLE} (U+FEFF, zero width no-break space) at character "
        f"10. {PASTED}",
    ),
    Case(
        "bidi-isolate-yaml",
        edit(DESCRIPTOR, TITLE, '  title: "\\u2067Community Safety Strategy 2013-2017"'),
        f"{DESCRIPTOR}:10 plan.title: has {INVISIBLE} (U+2067, right-to-left isolate) at "
        f"character 1. {PASTED}",
    ),
    Case(
        "zero-width-id",
        cell(AMOUNTS, 2, "line", "\u200dsafer"),
        f"{AMOUNTS}:2 line: has {INVISIBLE} (U+200D, zero width joiner) at character 1. {PASTED}",
    ),
]
ONE_RUN = ("link-unlisted-boundaries", "anchor-id-line-break", "day-leap", "path-colon")
CASES.append(together(*(case for case in CASES if case.name in ONE_RUN)))


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Every case on a whole copy of the project: validate also reads ``mkdocs.yml``,
    ``content/`` and ``overrides/`` for links and the site's own addresses."""
    return run_all(CASES, tmp_path_factory.mktemp("hostile-inputs"), copy_project)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input_is_explained(case: Case, outcomes) -> None:
    assert_explained(case, outcomes[case.name], ("data/", "content/", "overrides/"))


NOT_AN_ID = (
    '"{}" is not an id. Write it in lower-case letters and digits, words joined by single '
    "hyphens (for example north-worcestershire), at most 100 characters: it becomes part of "
    "folder names and web addresses."
)
NEW_COMMANDS = [
    (("plan", "../../x", "2015-16"), NOT_AN_ID.format("../../x")),
    (("partnership", "../../x", "Evil", "E09000014"), NOT_AN_ID.format("../../x")),
    (
        ("plan", "haringey", "../../2015-16"),
        '"../../2015-16" is not a financial year: write it as 2015-16.',
    ),
    (("areas", "haringey", "../../../x"), NOT_AN_ID.format("../../../x")),
    (("body", "haringey", "a" * 101, "A board"), NOT_AN_ID.format("a" * 101)),
    (
        ("meeting", "haringey", "2014-01-01/../..", "community-safety-partnership-board"),
        '"2014-01-01/../.." is not a date: write it as YYYY-MM-DD, e.g. 2014-03-27.',
    ),
    (("year", "haringey", "../x"), '"../x" is not a financial year: write it as 2015-16.'),
]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def editors_project(tmp_path_factory) -> Path:
    """A project one folder down, so a path that climbs out of it can be seen."""
    return copy_project(tmp_path_factory.mktemp("new") / "project")


@pytest.mark.parametrize("args, message", NEW_COMMANDS, ids=lambda value: str(value)[:30])
def test_portalgen_new_writes_only_inside_data(editors_project, args, message) -> None:
    outside = editors_project.parent
    before = _tree(outside)
    result = run_portalgen(editors_project, "new", *args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.strip() == message
    assert "Traceback" not in result.stderr
    assert _tree(outside) == before


def test_validate_annotates_address_problems(tmp_path) -> None:
    """Redirect problems, which only a build used to find, are annotations on their line."""
    project = copy_project(tmp_path / "project")
    rows(REDIRECTS, redirect("/feed.xml/") + redirect("/old/").replace("haringey/", "gone/"))(
        project
    )
    result = run_portalgen(project, "validate", "--format", "github")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"::error file={REDIRECTS},line=2,title=redirects.csv%3A from::from: /feed.xml/ is the "
        "address of a file the site publishes itself (/feed.xml), "
        + NOT_A_PAGE.format("redirected"),
        f"::error file={REDIRECTS},line=3,title=redirects.csv%3A to::to: /partnerships/gone/ "
        "is not a page on the site. Check the address against data/urls.lock, or send readers "
        "to a page the site still makes.",
    ]


def test_the_register_never_gets_a_broken_line(tmp_path) -> None:
    proposal, lock = tmp_path / "proposal.json", tmp_path / "urls.lock"
    published = ["/partnerships/", "/partnerships/x/p1"]
    made = {"/partnerships/haringey/", "/p1\n/", "/a b/", "/\x1f/"}
    addresses.propose_lock(proposal, lock, published, made)
    addresses.keep_proposed(proposal)
    assert addresses.read_lock(lock) == ["/partnerships/", "/partnerships/haringey/"]
    assert lock.read_text("utf-8").endswith("\n/partnerships/\n/partnerships/haringey/\n")


def test_links_outside_the_project_stop_the_build(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    linked("content/passwd.md", "/etc/passwd")(project)
    linked("overrides/main.html.d", "/etc", folder=True)(project)
    result = run_portalgen(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert f"content/passwd.md {IN_PROJECT}" in errors
    assert f"overrides/main.html.d {IN_PROJECT}" in errors
    assert "The site was not built; site/ is unchanged." in errors
    assert not (project / "site").exists()


def _plant_valid(project: Path) -> None:
    """Inputs near the refused ones that are valid, all in one copy."""
    funding = project / FUNDING
    stray = (project / "data/haringey/areas/wd13/boundaries.geojson").read_bytes()
    (funding / "boundaries.geojson").write_bytes(stray)
    (funding / "notes.txt").write_text("Not part of the package.\n", "utf-8")
    cell(RECOMMENDATIONS, 2, "due", "2024-02-29")(project)
    cell(PRIORITIES, 2, "title", "Helping people\tin Tottenham, Café and Ŵyn")(project)
    plan = project / DESCRIPTOR.rsplit("/", 1)[0]
    (plan / "actions.csv").rename(plan / "Actions.2013-14.csv")
    edit(DESCRIPTOR, "path: actions.csv", "path: Actions.2013-14.csv")(project)
    rows(REDIRECTS, '"/partnerships/old-haringey/",/partnerships/haringey/,2020-01-01,Renamed.\n')(
        project
    )


@pytest.mark.build
def test_inputs_that_validate_build_and_publish_only_what_was_read(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    _plant_valid(project)
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    site = project / "site"
    with zipfile.ZipFile(site / "open-data/worcestershire-funding.zip") as archive:
        names = archive.namelist()
    assert names == ["README.md", "amounts.csv", "datapackage.json", "totals.csv"]
    with zipfile.ZipFile(site / "open-data/haringey-plans-2013-14.zip") as archive:
        assert "Actions.2013-14.csv" in archive.namelist()
    moved = (site / "partnerships/old-haringey/index.html").read_text("utf-8")
    assert "partnerships/haringey/" in moved
    register = (project / LOCK).read_text("utf-8").splitlines()
    lines = [line for line in register if not line.startswith("#")]
    assert lines and all(addresses.is_address(line) for line in lines)
    assert "/partnerships/old-haringey/" in lines
