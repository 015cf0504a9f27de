"""The optional ``areas`` column of priorities and actions: where each one happens.

Each code must be a ward or small area of one of the partnership's boundary vintages, or a
council it covers; messages are compared exactly. Files without the column stay valid.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import REPO, problems
from frictionless import Resource, Schema

from portalgen import load_portal
from portalgen.data.contract import optional_columns, schema_descriptor

HARINGEY = "data/haringey/plans/2013-14"
BUCKS = "data/safer-stronger-bucks/plans/2014-15"
WORCS = "data/worcestershire/plans/2011-12"
WHOLE_AREA = "or leave the cell empty for the whole area."


def add_areas(path: Path, cells: dict[int, str]) -> None:
    """Add an ``areas`` column to the file, as an editor would: ``cells`` by line (the header
    is line 1); other rows are left empty."""
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    rows[0].append("areas")
    for line, row in enumerate(rows[1:], start=2):
        row.append(cells.get(line, ""))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


def test_files_without_the_column_stay_valid(project):
    header = (project / WORCS / "priorities.csv").read_text("utf-8").splitlines()[0]
    assert "areas" not in header
    assert problems(project) == []


def test_unknown_code_names_the_vintages_and_councils_it_was_checked_against(project):
    add_areas(project / HARINGEY / "actions.csv", {5: "E05999999"})
    assert problems(project) == [
        f'{HARINGEY}/actions.csv:5 areas: "E05999999" is not a ward or small area of '
        "Haringey Community Safety Partnership in any of its boundary vintages (wd13), nor a "
        "council it covers (E09000014). Use an ONS code from "
        f"data/haringey/areas/<vintage>/areas.csv, {WHOLE_AREA}"
    ]


def test_malformed_code_says_what_an_ons_code_looks_like(project):
    add_areas(project / HARINGEY / "priorities.csv", {3: "E0500027"})
    assert problems(project) == [
        f'{HARINGEY}/priorities.csv:3 areas: "E0500027" is not an ONS code: write E and eight '
        'digits, for example E05000266, and separate codes with ";".'
    ]


def test_every_wrong_code_of_a_cell_is_named_in_one_run(project):
    add_areas(
        project / HARINGEY / "actions.csv",
        {
            2: "E05000268,E05000281",
            3: "E05000268;E05999999;e05000281",
            4: "E05000268;;E05000268",
        },
    )
    unknown = (
        '"E05999999" is not a ward or small area of Haringey Community Safety Partnership in '
        "any of its boundary vintages (wd13), nor a council it covers (E09000014). Use an ONS "
        f"code from data/haringey/areas/<vintage>/areas.csv, {WHOLE_AREA}"
    )
    assert problems(project) == [
        f'{HARINGEY}/actions.csv:2 areas: "E05000268,E05000281" is not an ONS code: write E '
        'and eight digits, for example E05000266, and separate codes with ";".',
        f"{HARINGEY}/actions.csv:3 areas: {unknown}",
        f'{HARINGEY}/actions.csv:3 areas: "e05000281" is not an ONS code: write E and eight '
        'digits, for example E05000266, and separate codes with ";".',
        f'{HARINGEY}/actions.csv:4 areas: "E05000268" is listed more than once. Keep it once.',
        f'{HARINGEY}/actions.csv:4 areas: "E05000268;;E05000268" has an empty place between '
        'semicolons. Separate codes with one ";", with none at the start or end.',
    ]


def test_wards_councils_and_empty_cells_are_accepted_and_read_in_order(project):
    add_areas(project / HARINGEY / "priorities.csv", {2: "E09000014", 6: "E05000281"})
    add_areas(
        project / HARINGEY / "actions.csv",
        {2: "E05000281; E05000268 ;E05000276", 3: "", 4: "E09000014"},
    )
    assert problems(project) == []
    haringey = load_portal(project / "data", project).partnership("haringey")
    plan = haringey.plans[0]
    priorities = {priority.id: priority for priority in plan.priorities}
    actions = {action.id: action for p in plan.priorities for action in p.actions}
    assert priorities["p1"].areas == ("E09000014",)
    assert priorities["p5"].areas == ("E05000281",)
    assert priorities["p2"].areas == ()
    assert actions["p1-a1"].areas == ("E05000281", "E05000268", "E05000276")
    assert actions["p1-a2"].areas == ()
    assert actions["p1-a3"].areas == ("E09000014",)


def test_without_boundaries_only_the_councils_it_covers_are_accepted(project):
    add_areas(project / BUCKS / "actions.csv", {2: "E10000002", 3: "E05000268", 4: "E07000005"})
    refused = (
        "is not a council Safer and Stronger Bucks Partnership covers (E10000002), and the "
        "partnership has no ward or small-area boundaries (data/safer-stronger-bucks/areas/ "
        f"holds none). Use one of those council codes, {WHOLE_AREA}"
    )
    assert problems(project) == [
        f'{BUCKS}/actions.csv:3 areas: "E05000268" {refused}',
        f'{BUCKS}/actions.csv:4 areas: "E07000005" {refused}',
    ]


def test_a_ward_of_another_partnership_is_refused(project):
    redditch_area = "E01032224"
    areas = (REPO / "data/redditch/areas/lsoa11/areas.csv").read_text("utf-8")
    assert redditch_area in areas
    add_areas(project / HARINGEY / "actions.csv", {2: redditch_area})
    assert [p.split(" areas: ")[0] for p in problems(project)] == [f"{HARINGEY}/actions.csv:2"]


def test_a_misspelt_column_is_matched_to_areas_and_the_header_says_it_is_optional(project):
    add_areas(project / WORCS / "priorities.csv", {})
    path = project / WORCS / "priorities.csv"
    path.write_text(path.read_text("utf-8").replace(",areas\n", ",area\n", 1), "utf-8")
    assert problems(project) == [
        f'{WORCS}/priorities.csv:1 area: is not a column portalgen knows. Did you mean "areas"? '
        "The header line must be: id,number,title,summary,owner,status,status_date (and it may "
        "also have: areas)"
    ]


def test_a_file_without_the_column_validates_against_the_published_schema():
    """The schema goes into each open-data zip as it is: ``fieldsMatch: superset`` lets a
    reuser's frictionless accept a file that leaves the optional column out."""
    for name in ("priorities", "actions"):
        descriptor = schema_descriptor(name)
        assert optional_columns(descriptor) == ["areas"]
        assert descriptor["fieldsMatch"] == "superset"
        descriptor["foreignKeys"] = []
        resource = Resource(
            path=f"{WORCS}/{name}.csv",
            basepath=str(REPO),
            schema=Schema.from_descriptor(descriptor),
            format="csv",
        )
        report = resource.validate()
        assert report.valid, report.flatten(["rowNumber", "type", "note"])


def test_the_editors_guide_example_row_is_valid(project):
    guide = (REPO / "content/how-to-edit.md").read_text("utf-8")
    section = guide[guide.index("## Say where an action happens") :]
    header, row = section.split("```text\n", 1)[1].split("\n```", 1)[0].split("\n")
    path = project / HARINGEY / "actions.csv"
    add_areas(path, {})
    assert path.read_text("utf-8").splitlines()[0] == header
    path.write_text(path.read_text("utf-8") + row + "\n", "utf-8")
    assert problems(project) == []
    plan = load_portal(project / "data", project).partnership("haringey").plans[0]
    (action,) = [a for p in plan.priorities for a in p.actions if a.id == "p5-a12"]
    assert action.areas == ("E05000268", "E05000280")
