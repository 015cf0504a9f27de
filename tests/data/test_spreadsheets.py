"""CSV files as spreadsheets save them: what is accepted as it is, and what gets a precise
message. Excel's "CSV UTF-8" adds a byte order mark and Windows line endings: accepted.
A £ sign, thousands commas, a % sign or a space around a value would change what the site
publishes if portalgen guessed, so the editor is told exactly what to write instead."""

from __future__ import annotations

from conftest import problems, set_cell

AMOUNTS = "data/worcestershire/funding/amounts.csv"


def saved_by_a_spreadsheet(path) -> None:
    text = path.read_text("utf-8")
    path.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))


def test_byte_order_mark_and_windows_line_endings_are_accepted(project):
    for name in (AMOUNTS, "data/haringey/plans/2013-14/priorities.csv"):
        saved_by_a_spreadsheet(project / name)
    assert problems(project) == []


def test_spreadsheet_formatting_gets_a_precise_message(project):
    path = project / AMOUNTS
    set_cell(path, 10, "status", "provisional ")
    set_cell(path, 11, "amount", "£107,400")
    set_cell(path, 12, "recipient", " wyre-forest")
    saved_by_a_spreadsheet(path)
    assert problems(project) == [
        f'{AMOUNTS}:10 status: "provisional " has a space at the start or end. Delete it: '
        'write "provisional".',
        f'{AMOUNTS}:11 amount: "£107,400" is not a plain number: write it as 107400, without '
        "£, commas or %.",
        f'{AMOUNTS}:12 recipient: " wyre-forest" has a space at the start or end. Delete it: '
        'write "wyre-forest".',
    ]


def test_percent_sign_in_a_figure(project):
    set_cell(project / "data/haringey/performance/observations.csv", 2, "value", "50%")
    assert problems(project) == [
        'data/haringey/performance/observations.csv:2 value: "50%" is not a plain number: '
        "write it as 50, without £, commas or %."
    ]
