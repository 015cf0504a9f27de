"""Validation of governance packages: each rule broken the way an editor might break it.

Messages are compared exactly: file, line, field and the plain-English text.
"""

from __future__ import annotations

import shutil

from conftest import problems, set_cell

GOV = "data/worcestershire/governance"
TERMS = f"{GOV}/terms/safer-communities-board"


def test_member_organisation_must_be_in_the_vocabulary(project):
    set_cell(project / TERMS / "2011-09-22/members.csv", 2, "organisation", "worcs-county-council")
    assert problems(project) == [
        f'{TERMS}/2011-09-22/members.csv:2 organisation: "worcs-county-council" is not an '
        "organisation in data/vocabulary/organisations.csv. "
        'Did you mean "worcestershire-county-council"?'
    ]


def test_body_parent_must_exist(project):
    set_cell(project / GOV / "bodies.csv", 3, "reports_to", "board")
    assert problems(project) == [
        f'{GOV}/bodies.csv:3 reports_to: "board" is not the id of any row in this file. '
        "Check the spelling, or add it there."
    ]


def test_reporting_line_must_not_go_round_in_a_circle(project):
    set_cell(
        project / GOV / "bodies.csv", 2, "reports_to", "future-arrangements-task-and-finish-group"
    )
    assert problems(project) == [
        f"{GOV}/bodies.csv:4 reports_to: goes round in a circle: "
        "future-arrangements-task-and-finish-group reports to policy-and-commissioning-group "
        "reports to safer-communities-board reports to future-arrangements-task-and-finish-group. "
        "Leave reports_to empty for the body at the top."
    ]


def test_status_history_dates_must_increase(project):
    set_cell(project / GOV / "recommendation-history.csv", 3, "date", "2011-09-21")
    assert problems(project) == [
        f"{GOV}/recommendation-history.csv:3 date: 2011-09-21 is not after 2011-09-22, the date "
        'of the row before for "scb-2011-r1". List each recommendation\'s changes oldest first, '
        "one date each."
    ]


def test_status_history_uses_recommendation_statuses(project):
    set_cell(project / GOV / "recommendation-history.csv", 2, "status", "on track")
    assert problems(project) == [
        f'{GOV}/recommendation-history.csv:2 status: "on track" is not one of: '
        "proposed, agreed, in progress, done, dropped"
    ]


def test_recommendation_needs_a_history(project):
    path = project / GOV / "recommendation-history.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("scb-2011-r6")), "utf-8")
    assert problems(project) == [
        f'{GOV}/recommendations.csv:7 id: "scb-2011-r6" has no status history. Add a row to '
        "recommendation-history.csv with the date it was made and the status proposed "
        "(or agreed)."
    ]


def test_recommendation_meeting_must_exist(project):
    set_cell(project / GOV / "recommendations.csv", 2, "meeting", "2011-09-23-scb")
    assert problems(project) == [
        f'{GOV}/recommendations.csv:2 meeting: "2011-09-23-scb" is not the id of any row in '
        "meetings.csv. Check the spelling, or add it there."
    ]


def test_recommendations_without_a_meetings_file(project):
    descriptor = project / GOV / "datapackage.yaml"
    text = descriptor.read_text("utf-8")
    descriptor.write_text(text.replace("  - name: meetings\n    path: meetings.csv\n", ""), "utf-8")
    line = text.splitlines().index("resources:") + 1
    assert problems(project) == [
        f'{GOV}/datapackage.yaml:{line} resources: lists "papers", which refers to "meetings", '
        'but not "meetings" itself. Add meetings (path: meetings.csv) or remove papers.',
        f'{GOV}/datapackage.yaml:{line} resources: lists "recommendations", which refers to '
        '"meetings", but not "meetings" itself. Add meetings (path: meetings.csv) or remove '
        "recommendations.",
    ]


def test_tie_must_point_to_a_body_or_organisation(project):
    set_cell(project / GOV / "ties.csv", 3, "target", "home-offce")
    assert problems(project) == [
        f'{GOV}/ties.csv:3 target: "home-offce" is not a body or an organisation in '
        f"{GOV}/bodies.csv or data/vocabulary/organisations.csv. "
        'Did you mean "home-office"?'
    ]


def test_terms_versions_must_not_overlap(project):
    descriptor = project / TERMS / "2011-09-22/datapackage.yaml"
    text = descriptor.read_text("utf-8")
    descriptor.write_text(
        text.replace("  status: adopted\n", "  status: adopted\n  effective_to: 2012-06-30\n"),
        "utf-8",
    )
    line = text.splitlines().index("terms:") + 1
    assert problems(project) == [
        f"{TERMS}/2011-09-22/datapackage.yaml:{line} terms.effective_to: 2012-06-30 overlaps "
        f"the next version, which begins on 2012-04-01 ({TERMS}/2012-04-01). Versions of one "
        "body's terms must not overlap: end this one before 2012-04-01."
    ]


def test_terms_must_belong_to_a_body(project):
    shutil.move(project / TERMS, project / GOV / "terms/safer-community-board")
    assert problems(project) == [
        f'{GOV}/terms/safer-community-board/2011-09-22 "safer-community-board" is not a body '
        f'in {GOV}/bodies.csv. Did you mean "safer-communities-board"?',
        f'{GOV}/terms/safer-community-board/2012-04-01 "safer-community-board" is not a body '
        f'in {GOV}/bodies.csv. Did you mean "safer-communities-board"?',
    ]


def test_terms_block_must_be_there(project):
    descriptor = project / TERMS / "2012-04-01/datapackage.yaml"
    text = descriptor.read_text("utf-8")
    descriptor.write_text(text.replace("terms:\n", "term:\n"), "utf-8")
    assert problems(project) == [
        f'{TERMS}/2012-04-01/datapackage.yaml terms: is missing. Add a "terms:" section with at '
        "least title, status and source_title (see another version)."
    ]


def test_every_governance_error_in_one_run(project):
    set_cell(project / GOV / "bodies.csv", 3, "kind", "committee")
    set_cell(project / GOV / "meetings.csv", 2, "statutory_annual", "")
    set_cell(project / GOV / "recommendations.csv", 4, "due", "April 2012")
    assert problems(project) == [
        f'{GOV}/bodies.csv:3 kind: "committee" is not one of: board, executive group, '
        "operational group, task and finish group, commissioning group, support team, "
        "scrutiny committee, council committee, wider partnership, other",
        f"{GOV}/meetings.csv:2 statutory_annual: is empty, but it is required. Write yes if "
        "this is the partnership's statutory annual meeting in public, such as the yearly "
        "review by the council's crime and disorder committee, and no if it is not.",
        f'{GOV}/recommendations.csv:4 due: "April 2012" is not in the right form. When it is '
        "due, as precisely as the source says it, as YYYY, YYYY-MM or YYYY-MM-DD. Leave empty "
        "if not stated.",
    ]


def test_a_bad_history_date_is_told_once_without_a_traceback(project):
    set_cell(project / GOV / "recommendation-history.csv", 3, "date", "2011/11/15")
    assert problems(project) == [
        f'{GOV}/recommendation-history.csv:3 date: "2011/11/15" is not a date. Write dates as '
        "YYYY-MM-DD, for example 2014-03-27."
    ]


def test_an_empty_body_id_is_told_once_without_a_traceback(project):
    """The empty id is one problem; what referred to that body now refers to nothing."""
    set_cell(project / GOV / "bodies.csv", 2, "id", "")
    found = problems(project)
    assert [line for line in found if line.startswith(f"{GOV}/bodies.csv:2")] == [
        f"{GOV}/bodies.csv:2 id: is empty, but it is required. Short, lower-case id, unique "
        "within the partnership, for example executive-member-group. It is part of the body's "
        "web address, so never change it once published."
    ]
    assert (
        f'{GOV}/meetings.csv:2 body: "safer-communities-board" is not the id of any row in '
        "bodies.csv. Check the spelling, or add it there." in found
    )
