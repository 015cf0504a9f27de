"""CSV files are read in one declared dialect (comma, double quote, UTF-8 with or without
a byte order mark), never guessed, and a row whose cells do not line up with the header is
named by its line, with its likely causes in order."""

from __future__ import annotations

from conftest import problems, run_portalgen

REDIRECTS = "data/addresses/redirects.csv"
PRIORITIES = "data/haringey/plans/2013-14/priorities.csv"
ONE_CELL = (
    f"{REDIRECTS}:2 has 1 cell, but the header line has 4 cells. Likely causes, most likely "
    "first: a stray line that is not a row of the table (delete it); a missing comma between "
    'two values; an unclosed double quote (") that runs on into the cells after it.'
)


def append_line(path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text + "\n", "utf-8")


def test_a_header_and_a_one_cell_row_is_one_plain_message_on_its_line(project):
    path = project / REDIRECTS
    assert path.read_text("utf-8").splitlines()[0] == "from,to,date,reason"
    path.write_text("from,to,date,reason\nonly-one-cell\n", "utf-8")
    assert problems(project) == [ONE_CELL]


def test_a_header_and_a_one_cell_row_is_an_annotation_on_its_line(project):
    (project / REDIRECTS).write_text("from,to,date,reason\nonly-one-cell\n", "utf-8")
    result = run_portalgen(project, "validate", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file={REDIRECTS},line=2,title=redirects.csv::{ONE_CELL.split(':2 ', 1)[1]}"
    ]


def test_the_same_one_cell_row_with_a_byte_order_mark_and_windows_line_endings(project):
    (project / REDIRECTS).write_bytes(b"\xef\xbb\xbffrom,to,date,reason\r\nonly-one-cell\r\n")
    assert problems(project) == [ONE_CELL]


def test_an_empty_last_header_column_is_named_as_such(project):
    path = project / PRIORITIES
    lines = path.read_text("utf-8").split("\n")
    lines[0] += ","
    path.write_text("\n".join(lines), "utf-8")
    assert problems(project) == [
        f"{PRIORITIES}:1 ends with a comma, so its last column has no name. Delete the comma "
        "at the end of the header line (a spreadsheet adds one when a cell to the right of the "
        "table was once used), and at the end of any row that has one too."
    ]


def test_an_empty_header_column_in_the_middle_gives_its_position(project):
    path = project / PRIORITIES
    lines = path.read_text("utf-8").split("\n")
    lines[0] = lines[0].replace("title,", "title,,", 1)
    path.write_text("\n".join(lines), "utf-8")
    assert problems(project)[0].startswith(
        f"{PRIORITIES}:1 has a column with no name (column 4). Write its name or delete the "
        "empty column. The header line must be: id,number,title,summary,"
    )


def test_a_stray_cell_is_named_before_quoting(project):
    append_line(project / PRIORITIES, "p9,9,A priority,A summary,,,,stray")
    assert problems(project) == [
        f"{PRIORITIES}:8 has 8 cells, but the header line has 7 cells. Likely causes, most "
        'likely first: a stray value to the right of the table ("stray"): delete it; a value '
        'that contains a comma is not inside double quotes (write it as "Police, fire and '
        'council"); a comma typed by mistake.'
    ]


def test_an_unquoted_comma_is_named_first_when_a_cell_starts_with_a_space(project):
    append_line(project / PRIORITIES, "p9,9,A priority,Police, fire and council,,,")
    assert problems(project) == [
        f"{PRIORITIES}:8 has 8 cells, but the header line has 7 cells. Likely causes, most "
        "likely first: a value that contains a comma is not inside double quotes (write it as "
        '"Police, fire and council"); a comma at the end of the row (a spreadsheet adds one '
        "when a cell to the right of the table was once used); a comma typed by mistake."
    ]


def test_a_semicolon_file_is_not_guessed_at(project):
    path = project / REDIRECTS
    path.write_text("from;to;date;reason\n", "utf-8")
    assert any(
        problem.startswith(f"{REDIRECTS}:1 from;to;date;reason: is not a column portalgen knows.")
        for problem in problems(project)
    )
