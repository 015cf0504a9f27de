"""Hostile and broken input: each bad file, made by changing the example, ends in a message
for editors that names the file (and line and field where there is one), a non-zero exit
and no traceback, within stated bounds of time and memory.

Bounds: each run of ``portalgen validate`` gets at most 60 seconds of wall time and
2 GiB of address space (``RLIMIT_AS``), and must peak under 400 MB resident. The example
validates in under 2 seconds at about 90 MB, so the bounds only catch runaway input.
"""

from __future__ import annotations

import concurrent.futures
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, set_cell

pytestmark = pytest.mark.xdist_group("hostile")
"""One worker runs the whole module, so its module-wide fixture is made once."""

TIME_LIMIT = 60
ADDRESS_SPACE = 2 * 2**30
PEAK_RSS = 400 * 2**20

PLAN = "data/haringey/plans/2013-14"
PRIORITIES = f"{PLAN}/priorities.csv"
ACTIONS = f"{PLAN}/actions.csv"
DESCRIPTOR = f"{PLAN}/datapackage.yaml"
MEETINGS = "data/haringey/governance/meetings.csv"
PAPERS = "data/haringey/governance/papers.csv"
AMOUNTS = "data/worcestershire/funding/amounts.csv"
OBSERVATIONS = "data/haringey/performance/observations.csv"
BOUNDARIES = "data/haringey/areas/wd13/boundaries.geojson"
FIGURES = "data/haringey/ward-figures/figures.csv"
ORGANISATIONS = "data/vocabulary/organisations.csv"
DEVON_MEETINGS = "data/safer-devon/governance/meetings.csv"


@dataclass(frozen=True)
class Case:
    name: str
    mutate: Callable[[Path], None]
    expected: str | tuple[str, ...]
    """The line (or lines) the editor must read, exactly."""

    @property
    def lines(self) -> tuple[str, ...]:
        return (self.expected,) if isinstance(self.expected, str) else self.expected


def together(*cases: Case) -> Case:
    """Several cases at once: every problem must come in the same run."""

    def mutate(project: Path) -> None:
        for case in cases:
            case.mutate(project)

    name = " + ".join(case.name for case in cases)
    return Case(name, mutate, tuple(line for case in cases for line in case.lines))


def edit(path: str, old: str, new: str) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        file = project / path
        text = file.read_text("utf-8")
        assert old in text, f"{old!r} is not in {path}"
        file.write_text(text.replace(old, new, 1), "utf-8")

    return mutate


def append(path: str, text: str) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        with (project / path).open("a", encoding="utf-8") as file:
            file.write(text)

    return mutate


def cell(path: str, line: int, field: str, value: str) -> Callable[[Path], None]:
    return lambda project: set_cell(project / path, line, field, value)


def recode(path: str, change: Callable[[str], str], encoding: str) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        file = project / path
        file.write_bytes(change(file.read_text("utf-8")).encode(encoding))

    return mutate


def write_bytes(path: str, data: bytes) -> Callable[[Path], None]:
    return lambda project: (project / path).write_bytes(data)


def grow(path: str, size: int) -> Callable[[Path], None]:
    """Repeat the file's last line until the file is ``size`` bytes."""

    def mutate(project: Path) -> None:
        file = project / path
        line = file.read_text("utf-8").splitlines()[-1] + "\n"
        block = line * max(1, 2**20 // len(line))
        with file.open("a", encoding="utf-8") as out:
            while file.stat().st_size < size:
                out.write(block)
                out.flush()

    return mutate


def linked_file(path: str) -> Callable[[Path], None]:
    """Replace ``path`` with a symbolic link to a copy outside data/."""

    def mutate(project: Path) -> None:
        outside = project / "outside.csv"
        shutil.copy(project / path, outside)
        (project / path).unlink()
        (project / path).symlink_to(outside)

    return mutate


def linked_folder(path: str) -> Callable[[Path], None]:
    def mutate(project: Path) -> None:
        outside = project / "outside"
        shutil.move(project / path, outside)
        (project / path).symlink_to(outside, target_is_directory=True)

    return mutate


def alias_bomb(project: Path) -> None:
    lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"lol{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    append(DESCRIPTOR, "\n".join(lines) + "\n")(project)


def misplaced(project: Path) -> None:
    folder = project / "data/haringey/plan/2013-14"
    shutil.copytree(project / PLAN, folder)


def no_descriptor(project: Path) -> None:
    folder = project / "data/haringey/plans/2014-15"
    folder.mkdir()
    shutil.copy(project / PRIORITIES, folder / "priorities.csv")


HEADER = (
    "The header line must be: id,number,title,summary,owner,status,status_date "
    "(and it may also have: areas)"
)
OUTSIDE = (
    "is a symbolic link, so what it holds may come from outside data/. portalgen reads only "
    "files kept in data/ itself: replace the link with a copy."
)
NOT_A_FILE_NAME = (
    f'{DESCRIPTOR}:30 resources: the path of "actions" must be the name of a file in this '
    'folder, such as "actions.csv".'
)
SHORT_ROW = (
    f"{PRIORITIES}:8 has {{}} cells, but the header line has 7 cells. Likely causes, most "
    "likely first: {}."
)
QUOTE = 'an unclosed double quote (") that runs on into the cells after it'
COMMA = "a missing comma between two values"
LEFT_OUT = (
    "empty cells at the end of the row left out (an empty cell still needs its comma: a,, is "
    "one value and two empty cells)"
)
QUOTE_FIRST = f"{QUOTE}; {COMMA}; {LEFT_OUT}"
COMMA_FIRST = f"{COMMA}; {LEFT_OUT}; {QUOTE}"
TOO_LARGE = "is larger than 20 MB; split it or remove what does not belong in it."
JAVASCRIPT = 'path: "javascript:alert(1)"'
OGL = "path: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

CASES = [
    # Malformed CSV
    Case(
        "csv-unclosed-quote",
        append(PRIORITIES, 'p9,9,"An outcome with no closing quote,,,,\n'),
        SHORT_ROW.format(3, QUOTE_FIRST),
    ),
    Case(
        "csv-row-too-long",
        append(PRIORITIES, "p9,9,An extra outcome,A summary,,,,an extra cell\n"),
        f"{PRIORITIES}:8 has 8 cells, but the header line has 7 cells. Likely causes, most "
        'likely first: a stray value to the right of the table ("an extra cell"): delete it; '
        'a value that contains a comma is not inside double quotes (write it as "Police, fire '
        'and council"); a comma typed by mistake.',
    ),
    Case(
        "csv-row-too-short",
        append(PRIORITIES, "p9,9\n"),
        SHORT_ROW.format(2, COMMA_FIRST),
    ),
    Case(
        "csv-nul-byte",
        append(PRIORITIES, "p9,9,An\x00outcome,,,,\n"),
        f"{PRIORITIES}:8 contains a NUL (zero) byte, so it is not a text file. Save it again as "
        "UTF-8 text.",
    ),
    Case(
        "csv-latin-1",
        recode(PRIORITIES, lambda text: text.replace("Helping", "£ Helping", 1), "latin-1"),
        f"{PRIORITIES}:2 is not saved as UTF-8 (byte 0xA3 cannot be read). Save it again as "
        '"CSV UTF-8 (comma delimited)" or UTF-8 text.',
    ),
    Case(
        "csv-utf-16",
        recode(PRIORITIES, lambda text: text, "utf-16"),
        f"{PRIORITIES}:1 is not saved as UTF-8 (byte 0xFF cannot be read). Save it again as "
        '"CSV UTF-8 (comma delimited)" or UTF-8 text.',
    ),
    Case(
        "csv-semicolons",
        recode(PRIORITIES, lambda text: text.replace(",", ";"), "utf-8"),
        f"{PRIORITIES}:1 id;number;title;summary;owner;status;status_date: is not a column "
        f"portalgen knows. {HEADER}",
    ),
    Case(
        "csv-missing-column",
        edit(PRIORITIES, "id,number,title,", "id,number,"),
        f"{PRIORITIES}:1 title: is a missing column. {HEADER}",
    ),
    Case(
        "csv-unknown-column",
        edit(PRIORITIES, "status_date", "status_date,colour"),
        f"{PRIORITIES}:1 colour: is not a column portalgen knows. {HEADER}",
    ),
    Case(
        "csv-column-twice",
        edit(PRIORITIES, "id,number,title", "id,number,id"),
        f'{PRIORITIES}:1 id: is a column name used twice. Keep one "id" column.',
    ),
    Case(
        "csv-empty",
        write_bytes(PRIORITIES, b""),
        f"{PRIORITIES} is empty. It needs at least a header line.",
    ),
    # Malformed YAML
    Case(
        "yaml-tab",
        edit(DESCRIPTOR, "  title: Community", "\ttitle: Community"),
        f"{DESCRIPTOR}:10 is not valid YAML: it uses a tab character. Indent with spaces instead.",
    ),
    Case(
        "yaml-duplicate-key",
        edit(DESCRIPTOR, "  status: adopted", "  status: adopted\n  status: draft"),
        f'{DESCRIPTOR}:14 is not valid YAML: the key "status" appears twice. Keep one of them.',
    ),
    Case(
        "yaml-alias-bomb",
        alias_bomb,
        f"{DESCRIPTOR}:33 is not valid YAML portalgen can read: it repeats a value with an alias "
        "(*name). Write the value out in full instead.",
    ),
    Case(
        "yaml-deep-nesting",
        append(DESCRIPTOR, "deep: " + "[" * 50_000 + "]" * 50_000 + "\n"),
        f"{DESCRIPTOR} is not valid YAML portalgen can read: its lists or mappings are nested "
        "too deeply.",
    ),
    Case(
        "yaml-not-a-mapping",
        write_bytes(DESCRIPTOR, b"- a list\n- not a mapping\n"),
        f'{DESCRIPTOR}:1 must be a set of "key: value" lines (a YAML mapping).',
    ),
    Case(
        "yaml-day-that-does-not-exist",
        edit(DESCRIPTOR, "source_date: 2014-03-27", "source_date: 2014-02-30"),
        f"{DESCRIPTOR}:20 has a date that does not exist: 2014-02-30. Check the day and the month.",
    ),
    Case(
        "yaml-unknown-key",
        edit(DESCRIPTOR, "  status: adopted", "  status: adopted\n  colour: blue"),
        f"{DESCRIPTOR}:14 plan.colour: is not a key portalgen knows.",
    ),
    Case(
        "yaml-missing-field",
        edit(DESCRIPTOR, "  title: Community Safety Strategy 2013-2017\n", ""),
        f"{DESCRIPTOR}:9 plan.title: is empty, but it is required. Title of the plan as the "
        "partnership published it.",
    ),
    # Wrong types
    Case(
        "type-whole-number",
        cell(PRIORITIES, 2, "number", "first"),
        f'{PRIORITIES}:2 number: "first" is not a whole number. Write a whole number, for '
        "example 3.",
    ),
    Case(
        "type-amount-tbc",
        cell(AMOUNTS, 2, "amount", "TBC"),
        f'{AMOUNTS}:2 amount: "TBC" is not a number. Write a plain number without commas, £ or '
        "%, for example 3756 or 13.5. Leave the cell empty if the figure is not stated.",
    ),
    Case(
        "type-amount-pounds",
        cell(AMOUNTS, 2, "amount", "£176,000"),
        f'{AMOUNTS}:2 amount: "£176,000" is not a plain number: write it as 176000, without £, '
        "commas or %.",
    ),
    Case(
        "type-yes-no",
        cell(MEETINGS, 2, "statutory_annual", "maybe"),
        f'{MEETINGS}:2 statutory_annual: "maybe" is not yes or no. Write yes or no.',
    ),
    Case(
        "type-date-form",
        cell(MEETINGS, 2, "date", "27/03/2014"),
        f'{MEETINGS}:2 date: "27/03/2014" is not a date. Write dates as YYYY-MM-DD, for example '
        "2014-03-27.",
    ),
    # Missing required fields
    Case(
        "required-title",
        cell(PRIORITIES, 2, "title", ""),
        f"{PRIORITIES}:2 title: is empty, but it is required. The priority as a short phrase.",
    ),
    Case(
        "required-id",
        cell(PRIORITIES, 2, "id", ""),
        f"{PRIORITIES}:2 id: is empty, but it is required. Short, lower-case id, unique within "
        "the plan, for example p1 or reduce-asb. It is part of the priority's web address; "
        "never change it once published.",
    ),
    # Broken foreign keys
    Case(
        "foreign-key-priority",
        cell(ACTIONS, 2, "priority", "p99"),
        f'{ACTIONS}:2 priority: "p99" is not the id of any row in priorities.csv. Check the '
        "spelling, or add it there.",
    ),
    Case(
        "foreign-key-body",
        cell(MEETINGS, 2, "body", "no-such-board"),
        f'{MEETINGS}:2 body: "no-such-board" is not the id of any row in bodies.csv. Check the '
        "spelling, or add it there.",
    ),
    Case(
        "foreign-key-ward",
        cell(FIGURES, 2, "area", "E05999999"),
        f"{FIGURES}:2 area: E05999999 is not an area of the wd13 boundaries "
        "(data/haringey/areas/wd13/areas.csv). A figure must use the area codes of its "
        "metric's boundary vintage.",
    ),
    # Duplicated primary keys
    Case(
        "duplicate-priority",
        cell(PRIORITIES, 3, "id", "p1"),
        f'{PRIORITIES}:3 id: "p1" is used by more than one row (first on line 2). Each row '
        "needs its own id.",
    ),
    Case(
        "duplicate-meeting",
        cell(DEVON_MEETINGS, 3, "id", "2007-02-15-safer-devon-partnership"),
        f'{DEVON_MEETINGS}:3 id: "2007-02-15-safer-devon-partnership" is used by more than one '
        "row (first on line 2). Each row needs its own id.",
    ),
    # Dates out of range
    Case(
        "date-too-early",
        cell(MEETINGS, 2, "date", "1066-03-27"),
        f'{MEETINGS}:2 date: "1066-03-27" is before 1990-01-01, so the year must be mistyped. '
        "Write the date as YYYY-MM-DD, for example 2014-03-27.",
    ),
    Case(
        "date-too-late",
        cell(MEETINGS, 2, "date", "2999-03-27"),
        f'{MEETINGS}:2 date: "2999-03-27" is after 2099-12-31, so the year must be mistyped. '
        "Write the date as YYYY-MM-DD, for example 2014-03-27.",
    ),
    Case(
        "date-not-a-day",
        cell(MEETINGS, 2, "date", "2014-13-45"),
        f'{MEETINGS}:2 date: "2014-13-45" is not a date. Write dates as YYYY-MM-DD, for example '
        "2014-03-27.",
    ),
    # Totals that do not add up
    Case(
        "total-does-not-add-up",
        cell(AMOUNTS, 4, "amount", "575001"),
        "data/worcestershire/funding/totals.csv:2 amount: The income rows of table-1 for "
        "2010/11 (amounts.csv lines 4 and 5) add up to £707,001, not the stated total of "
        "£707,000: a difference of £1. Correct the figure that is wrong. If the source itself "
        "does not add up, write its difference (1) in source_difference.",
    ),
    # Too large
    Case("large-csv", grow(OBSERVATIONS, 100 * 2**20), f"{OBSERVATIONS} {TOO_LARGE}"),
    Case("large-geojson", grow(BOUNDARIES, 100 * 2**20), f"{BOUNDARIES} {TOO_LARGE}"),
    # Files from outside data/
    Case(
        "path-parent",
        edit(DESCRIPTOR, "path: actions.csv", "path: ../../../../outside.csv"),
        NOT_A_FILE_NAME,
    ),
    Case(
        "path-absolute", edit(DESCRIPTOR, "path: actions.csv", "path: /etc/passwd"), NOT_A_FILE_NAME
    ),
    Case("link-file", linked_file(ACTIONS), f"{ACTIONS} {OUTSIDE}"),
    Case(
        "link-folder",
        linked_folder("data/safer-stronger-bucks/plans/2014-15"),
        f"data/safer-stronger-bucks/plans/2014-15 {OUTSIDE}",
    ),
    Case(
        "folder-misplaced",
        misplaced,
        "data/haringey/plan/2013-14/datapackage.yaml is in a folder portalgen does not read. "
        "Packages go in data/vocabulary/, data/partnerships/, data/addresses/, "
        "data/<partnership id>/plans/<first year, e.g. 2013-14>/, "
        "data/<partnership id>/governance/, data/<partnership id>/funding/, "
        "data/<partnership id>/performance/, data/<partnership id>/ward-figures/, "
        "data/<partnership id>/areas/<boundary vintage, e.g. wd13>/ or "
        "data/<partnership id>/governance/terms/<body id>/<date it applies from, e.g. "
        "2007-04-26>/.",
    ),
    Case(
        "folder-without-descriptor",
        no_descriptor,
        "data/haringey/plans/2014-15 has no datapackage.yaml; add one (copy it from another "
        "version) or remove the folder.",
    ),
    # Link fields with other schemes
    Case(
        "url-javascript",
        edit(
            DESCRIPTOR,
            "  source_date: 2014-03-27",
            '  source_date: 2014-03-27\n  source_url: "javascript:alert(1)"',
        ),
        f'{DESCRIPTOR}:21 plan.source_url: "javascript:alert(1)" is not in the right form. Web '
        "address of that document, starting https://, if it is online.",
    ),
    Case(
        "url-data",
        cell(PAPERS, 2, "url", "data:text/html,<script>alert(1)</script>"),
        f'{PAPERS}:2 url: "data:text/html,<script>alert(1)</script>" is not in the right form. '
        "Web address of the paper, starting https://. Leave empty if you do not have its address.",
    ),
    Case(
        "url-vbscript",
        cell(ORGANISATIONS, 2, "website", "vbscript:msgbox(1)"),
        f'{ORGANISATIONS}:2 website: "vbscript:msgbox(1)" is not in the right form. Address of '
        "its website, starting https://, if known.",
    ),
    Case(
        "url-licence",
        edit(DESCRIPTOR, OGL, JAVASCRIPT),
        f'{DESCRIPTOR}:26 licenses: the path "javascript:alert(1)" of licence OGL-UK-3.0 must '
        "be the web address of the licence, starting https://.",
    ),
    # Broken boundaries
    Case(
        "geojson-malformed",
        write_bytes(BOUNDARIES, b'{"type": "FeatureCollection", "features": ['),
        f"{BOUNDARIES}:1 is not valid GeoJSON: Expecting value.",
    ),
    Case(
        "geojson-deep",
        write_bytes(BOUNDARIES, b"[" * 100_000 + b"]" * 100_000),
        f"{BOUNDARIES} is not GeoJSON portalgen can read: its lists are nested too deeply.",
    ),
]


ONE_RUN = ("csv-nul-byte", "type-amount-tbc", "foreign-key-body", "url-vbscript", "link-folder")
CASES.append(together(*(case for case in CASES if case.name in ONE_RUN)))


@dataclass
class Outcome:
    returncode: int
    output: str
    peak_rss: int
    timed_out: bool


# The command as an editor runs it, limited, and writing its own peak resident memory
# (VmHWM, which counts only this program, not the test process it was started from).
BOUNDED = f"""
import atexit, resource, runpy, sys

resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE}, {ADDRESS_SPACE}))
def peak():
    status = open("/proc/self/status").read()
    kb = [line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")]
    open("peak.kb", "w").write(kb[0])
atexit.register(peak)
sys.argv = ["portalgen", "validate", "data"]
runpy.run_module("portalgen", run_name="__main__", alter_sys=True)
"""


def validate(project: Path) -> Outcome:
    """``portalgen validate`` in ``project``, bounded, with its peak memory."""
    try:
        result = subprocess.run(
            [sys.executable, "-c", BOUNDED],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        return Outcome(-1, str(expired.output), 0, timed_out=True)
    peak = int((project / "peak.kb").read_text()) * 1024
    return Outcome(result.returncode, result.stdout + result.stderr, peak, timed_out=False)


def copy_data(project: Path) -> Path:
    """The example's ``data/`` alone: what ``portalgen validate`` reads without a site."""
    project.mkdir()
    shutil.copytree(REPO / "data", project / "data")
    return project


def run_all(
    cases: list[Case], root: Path, copy: Callable[[Path], Path] = copy_data
) -> dict[str, Outcome]:
    """Every case validated on its own copy (made by ``copy``), two at a time (one per core)."""

    def run(case: Case) -> Outcome:
        project = copy(root / case.name)
        case.mutate(project)
        return validate(project)

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = {case.name: pool.submit(run, case) for case in cases}
    return {name: future.result() for name, future in futures.items()}


def assert_explained(case: Case, outcome: Outcome, folders: tuple[str, ...] = ("data/",)):
    """The run failed in time and memory, without a traceback, saying each expected line;
    each line starts with the file to open, in one of ``folders``."""
    assert not outcome.timed_out, f"took longer than {TIME_LIMIT} s"
    assert "Traceback" not in outcome.output, outcome.output
    assert outcome.returncode == 1, outcome.output
    assert outcome.peak_rss < PEAK_RSS, f"peaked at {outcome.peak_rss / 2**20:.0f} MB"
    lines = outcome.output.splitlines()
    assert lines[0].startswith("There "), outcome.output
    for expected in case.lines:
        assert expected.startswith(folders), "a message starts with the file to open"
        assert expected in lines, outcome.output


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, Outcome]:
    return run_all(CASES, tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_input_is_explained(case: Case, outcomes) -> None:
    assert_explained(case, outcomes[case.name])
