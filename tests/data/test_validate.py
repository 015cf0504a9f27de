"""Validation against deliberately broken copies of the example data.

Each test breaks one file the way an editor might, and compares the messages exactly:
file, line, field and plain-English text.
"""

from __future__ import annotations

from conftest import problems, replace_line, run_portalgen, set_cell

HARINGEY = "data/haringey/plans/2013-14"
FIGURES = "data/haringey/performance"
WORCS = "data/worcestershire/plans/2011-12"


def test_example_data_is_valid(project):
    assert problems(project) == []


def test_status_not_in_vocabulary(project):
    set_cell(project / WORCS / "priorities.csv", 4, "status", "on-track")
    assert problems(project) == [
        f'{WORCS}/priorities.csv:4 status: "on-track" is not one of: '
        "not started, on track, at risk, off track, done"
    ]


def test_ragged_row_reported_once(project):
    path = project / FIGURES / "indicators.csv"
    replace_line(path, 2, "police-confidence,Overall", "police-confidence,,Overall")
    assert problems(project) == [
        f"{FIGURES}/indicators.csv:2 has 11 cells, but the header line has 10 cells. Likely "
        "causes, most likely first: a comma at the end of the row (a spreadsheet adds one when "
        "a cell to the right of the table was once used); a comma typed twice between two "
        "values."
    ]


def test_bad_number_date_and_required(project):
    set_cell(project / FIGURES / "observations.csv", 2, "value", "about 50")
    set_cell(project / FIGURES / "observations.csv", 7, "status_date", "27/03/2014")
    set_cell(project / FIGURES / "indicators.csv", 3, "title", "")
    assert problems(project) == [
        f"{FIGURES}/indicators.csv:3 title: is empty, but it is required. What is measured, "
        'for example "Repeat referrals to the MARAC".',
        f'{FIGURES}/observations.csv:2 value: "about 50" is not a number. Write a plain number '
        "without commas, £ or %, for example 3756 or 13.5. Leave the cell empty if the "
        "figure is not stated.",
        f'{FIGURES}/observations.csv:7 status_date: "27/03/2014" is not a date. Write dates '
        "as YYYY-MM-DD, for example 2014-03-27.",
    ]


def test_broken_keys_owner_and_duplicate_id(project):
    path = project / HARINGEY / "actions.csv"
    replace_line(path, 2, "p1-a1,p1,", "p1-a1,p9,")
    replace_line(path, 2, "metropolitan-police", "metropolitan-polic")
    replace_line(path, 3, "p1-a2,", "p1-a1,")
    assert problems(project) == [
        f'{HARINGEY}/actions.csv:2 owner: "metropolitan-polic" is not an organisation in '
        'data/vocabulary/organisations.csv. Did you mean "metropolitan-police"?',
        f'{HARINGEY}/actions.csv:2 priority: "p9" is not the id of any row in priorities.csv. '
        "Check the spelling, or add it there.",
        f'{HARINGEY}/actions.csv:3 id: "p1-a1" is used by more than one row (first on line 2). '
        "Each row needs its own id.",
    ]


def test_unknown_and_missing_columns(project):
    path = project / WORCS / "priorities.csv"
    replace_line(path, 1, "status,status_date", "stat,status_date")
    expected_header = (
        "id,number,title,summary,owner,status,status_date (and it may also have: areas)"
    )
    assert problems(project) == [
        f"{WORCS}/priorities.csv:1 stat: is not a column portalgen knows. Did you mean "
        f'"status"? The header line must be: {expected_header}',
        f"{WORCS}/priorities.csv:1 status: is a missing column. The header line must be: "
        f"{expected_header}",
    ]


def test_empty_file_and_wrong_encoding(project):
    (project / WORCS / "actions.csv").write_text("", "utf-8")
    path = project / HARINGEY / "priorities.csv"
    path.write_bytes(path.read_bytes().replace(b"Confidence", "Confidence £".encode("cp1252")))
    assert problems(project) == [
        f"{HARINGEY}/priorities.csv:2 is not saved as UTF-8 (byte 0xA3 cannot be read). "
        'Save it again as "CSV UTF-8 (comma delimited)" or UTF-8 text.',
        f"{WORCS}/actions.csv is empty. It needs at least a header line.",
    ]


def test_malformed_csv_unclosed_quote(project):
    path = project / WORCS / "actions.csv"
    lines = path.read_text("utf-8").splitlines()
    lines.append('p5-a9,p5,action,"An unclosed quote,,,,')
    path.write_text("\n".join(lines) + "\n", "utf-8")
    row = len(lines)
    assert problems(project) == [
        f"{WORCS}/actions.csv:{row} has 4 cells, but the header line has 8 cells. Likely "
        'causes, most likely first: an unclosed double quote (") that runs on into the cells '
        "after it; a missing comma between two values; empty cells at the end of the row left "
        "out (an empty cell still needs its comma: a,, is one value and two empty cells)."
    ]


def test_malformed_yaml(project):
    path = project / HARINGEY / "datapackage.yaml"
    path.write_text(
        path.read_text("utf-8").replace("  status: adopted", "  status adopted\n\tx: 1")
    )
    found = problems(project)
    assert len(found) == 1
    assert found[0].startswith(f"{HARINGEY}/datapackage.yaml:")
    assert "is not valid YAML" in found[0]


def test_yaml_duplicate_key(project):
    path = project / HARINGEY / "datapackage.yaml"
    path.write_text(
        path.read_text("utf-8").replace("  status: adopted", "  status: adopted\n  status: draft")
    )
    assert problems(project) == [
        f'{HARINGEY}/datapackage.yaml:14 is not valid YAML: the key "status" appears twice. '
        "Keep one of them."
    ]


def test_plan_metadata_checked_with_lines(project):
    path = project / HARINGEY / "datapackage.yaml"
    text = path.read_text("utf-8").replace("  status: adopted", "  status: agreed")
    path.write_text(text.replace("  period_to: 2016-17", "  period_too: 2016-17"), "utf-8")
    assert problems(project) == [  # in the order of their text: line 12 before line 9
        f"{HARINGEY}/datapackage.yaml:12 plan.period_too: is not a key portalgen knows. "
        'Did you mean "period_to"?',
        f'{HARINGEY}/datapackage.yaml:13 plan.status: "agreed" is not one of: draft, adopted, '
        "superseded",
        f"{HARINGEY}/datapackage.yaml:9 plan.period_to: is empty, but it is required. "
        "Last financial year the plan covers, for example 2016-17.",
    ]


def test_cross_package_rules(project):
    (project / "data/haringey").rename(project / "data/haringay")
    extra = project / "data/worcestershire/plans/2011-13"
    extra.mkdir()
    for name in ("datapackage.yaml", "priorities.csv", "actions.csv"):
        (extra / name).write_bytes((project / WORCS / name).read_bytes())
    found = problems(project)
    assert found == [
        'data/haringay/areas/wd13 is a set of areas of "haringay", which is not a partnership '
        "id in data/partnerships/partnerships.csv. Add the partnership there or rename the "
        "folder.",
        'data/haringay/governance is governance of "haringay", which is not a partnership id '
        "in data/partnerships/partnerships.csv. Add the partnership there or rename the folder.",
        'data/haringay/performance is performance figures of "haringay", which is not a '
        "partnership id in data/partnerships/partnerships.csv. Add the partnership there or "
        "rename the folder.",
        'data/haringay/plans/2013-14 is a plan of "haringay", which is not a partnership id '
        "in data/partnerships/partnerships.csv. Add the partnership there or rename the folder.",
        'data/haringay/ward-figures is ward figures of "haringay", which is not a partnership '
        "id in data/partnerships/partnerships.csv. Add the partnership there or rename the "
        "folder.",
        "data/worcestershire/plans/2011-13/datapackage.yaml:9 plan.period_from: 2011-12 to "
        f"2011-12 overlaps the plan in {WORCS} (2011-12 to 2011-12). Plan versions of one "
        "partnership must not overlap; mark the older one superseded and end it earlier.",
    ]


def test_every_error_in_one_run(project):
    (project / WORCS / "actions.csv").write_text("", "utf-8")
    replace_line(project / HARINGEY / "actions.csv", 2, "metropolitan-police", "nobody")
    path = project / "data/partnerships/partnerships.csv"
    replace_line(path, 2, "unitary CSP", "unitary")
    assert len(problems(project)) == 3


def test_validate_command(project):
    replace_line(project / HARINGEY / "actions.csv", 2, "metropolitan-police", "nobody")
    result = run_portalgen(project, "validate")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "There is 1 problem in the data:",
        f'{HARINGEY}/actions.csv:2 owner: "nobody" is not an organisation in '
        "data/vocabulary/organisations.csv. Add it to data/vocabulary/organisations.csv or "
        "use one of its ids.",
    ]
    assert run_portalgen(project, "validate", "data/../data").returncode == 1


def test_validate_command_on_valid_data(project):
    result = run_portalgen(project, "validate", "data")
    assert result.returncode == 0
    assert result.stdout == "data: all data packages are valid.\n"


def test_local_authority_codes_must_be_known(project):
    path = project / "data/partnerships/partnerships.csv"
    path.write_text(path.read_text("utf-8").replace("E09000014", "E09000041"), "utf-8")
    line = next(
        n
        for n, text in enumerate(path.read_text("utf-8").splitlines(), 1)
        if text.startswith("haringey,")
    )
    assert problems(project) == [
        f'data/partnerships/partnerships.csv:{line} local_authorities: "E09000041" is not a '
        'local authority in data/vocabulary/local-authorities.csv. Did you mean "E09000014"? '
        "If it is right, add its row to data/vocabulary/local-authorities.csv (columns "
        "id,name,tier,abolished), for example: E09000041,<the council's name>,London borough,"
    ]


def test_an_unknown_code_suggests_only_a_current_council_of_its_own_type(project):
    """A London borough's code never suggests a county, nor an abolished district."""
    path = project / "data/partnerships/partnerships.csv"
    path.write_text(path.read_text("utf-8").replace("E09000014", "E09000002"), "utf-8")
    found = [p for p in problems(project) if "E09000002" in p]
    assert found == [
        found[0].split(" local_authorities:")[0] + ' local_authorities: "E09000002" is not a '
        "local authority in data/vocabulary/local-authorities.csv. If it is right, add its "
        "row to data/vocabulary/local-authorities.csv (columns id,name,tier,abolished), for "
        "example: E09000002,<the council's name>,London borough,"
    ]


def test_validate_for_github_annotates_each_line_and_writes_a_summary(project, tmp_path):
    path = project / WORCS / "priorities.csv"
    set_cell(path, 4, "status", "on-track")
    replace_line(project / HARINGEY / "actions.csv", 2, "metropolitan-police", "nobody")
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_REPOSITORY": "example/portal",
        "GITHUB_SHA": "abc123",
        "GITHUB_SERVER_URL": "https://github.com",
    }
    result = run_portalgen(project, "validate", "--format", "github", env=env)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file={HARINGEY}/actions.csv,line=2,title=actions.csv%3A owner::owner: "
        '"nobody" is not an organisation in data/vocabulary/organisations.csv. Add it to '
        "data/vocabulary/organisations.csv or use one of its ids.",
        f"::error file={WORCS}/priorities.csv,line=4,title=priorities.csv%3A status::status: "
        '"on-track" is not one of: not started, on track, at risk, off track, done',
    ]
    assert summary.read_text("utf-8").splitlines() == [
        "## There is a problem with the data",
        "",
        "2 problems must be fixed before the portal can be published:",
        "",
        f"- [{HARINGEY}/actions.csv line 2](https://github.com/example/portal/blob/abc123/"
        f'{HARINGEY}/actions.csv#L2): owner: "nobody" is not an organisation in '
        "data/vocabulary/organisations.csv. Add it to data/vocabulary/organisations.csv or "
        "use one of its ids.",
        f"- [{WORCS}/priorities.csv line 4](https://github.com/example/portal/blob/abc123/"
        f'{WORCS}/priorities.csv#L4): status: "on-track" is not one of: not started, on '
        "track, at risk, off track, done",
    ]


def test_line_numbers_are_the_lines_github_shows_after_a_line_break_in_a_cell(project):
    path = project / WORCS / "priorities.csv"
    set_cell(path, 2, "summary", "First line\nsecond line of the summary")
    set_cell(path, 4, "status", "on-track")
    assert path.read_text("utf-8").splitlines()[4].startswith("p3,3,Domestic abuse,")
    assert problems(project) == [
        f'{WORCS}/priorities.csv:5 status: "on-track" is not one of: not started, on track, '
        "at risk, off track, done"
    ]
