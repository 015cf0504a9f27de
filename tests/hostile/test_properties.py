"""Property tests: for each schema, hypothesis makes rows from a real row of the example.

A valid row keeps the row's ids, codes and references and puts any text at all in its
text fields (markup, quotes, commas, line breaks, any script): it always validates and its
pages always render, with the text escaped. An invalid row breaks one constrained field
(empties a required one, puts words in a number, date or yes/no, a value outside a list or
a pattern, a reference to nothing, a repeated id): validation always names that file and
that row's line.

Each schema is tried on a copy of the example holding only the shared vocabulary and the
one partnership whose file it is, so an example takes well under a second.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema_fields import keys, text_fields

from portalgen import DataError, check_data, load_portal
from portalgen.data.cells import INVISIBLES
from portalgen.data.contract import schema_descriptor
from portalgen.site.pages import all_pages
from portalgen.site.render import environment, render_page

pytestmark = pytest.mark.xdist_group("properties")
"""One worker runs the whole module, so its module-wide fixture is made once."""

SHARED = ("vocabulary", "partnerships", "addresses")
BROKEN = {
    "integer": "twelve",
    "number": "a lot",
    "date": "next Tuesday",
    "boolean": "perhaps",
    "year": "last year",
}


@dataclass(frozen=True)
class Table:
    """One CSV file of the example and the schema it follows."""

    schema: str
    path: str
    """Relative to the project, e.g. data/haringey/plans/2013-14/priorities.csv."""

    @property
    def partnership(self) -> str | None:
        part = Path(self.path).parts[1]
        return None if part in SHARED else part

    def descriptor(self, statuses) -> dict:
        return schema_descriptor(self.schema, statuses)


def _tables() -> list[Table]:
    packages, problems = check_data(REPO / "data", REPO)
    assert not problems
    found: dict[str, Table] = {}
    for package in packages:
        for resource in package.source.descriptor.get("resources", []):
            path = package.source.file_label(resource["path"])
            rows = _rows((REPO / path).read_text("utf-8"))
            if len(rows) > 2:  # a header and at least two rows, to repeat an id
                found.setdefault(resource["name"], Table(resource["name"], path))
    return sorted(found.values(), key=lambda table: table.schema)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _write(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


@contextlib.contextmanager
def changed(path: Path, rows: list[list[str]]):
    """``path`` holds ``rows`` while the block runs, then its own text again."""
    original = path.read_text("utf-8")
    _write(path, rows)
    try:
        yield
    finally:
        path.write_text(original, "utf-8")


def _line_of(rows: list[list[str]], index: int) -> int:
    """The line row ``index`` starts on once written (cells may hold line breaks)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows[:index])
    return out.getvalue().count("\n") + 1


def breakages(descriptor: dict, rows: list[list[str]], index: int) -> list[tuple[str, str]]:
    """Ways to break row ``index``: (field, value) pairs each of which must be refused."""
    primary, foreign = keys(descriptor)
    header, row = rows[0], rows[index]
    found = []
    for field in descriptor["fields"]:
        name, constraints = field["name"], field.get("constraints", {})
        if name not in header:
            continue
        if constraints.get("required"):
            found.append((name, ""))
        if field.get("type") in BROKEN:
            found.append((name, BROKEN[field["type"]]))
        if "enum" in constraints:
            found.append((name, "none of these"))
        if "pattern" in constraints:
            found.append((name, "<Not Right>"))
        if name in foreign:
            found.append((name, "nothing-by-this-id"))
    if len(primary) == 1 and index > 1:  # a repeated id is named on its later row
        (name,) = primary
        other = rows[index - 1]
        if other[header.index(name)] != row[header.index(name)]:
            found.append((name, other[header.index(name)]))
    return found


TABLES = _tables()
TEXT_TABLES = [table for table in TABLES if text_fields(table.descriptor(None))]


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str | None, Path]:
    """A copy of the example per partnership: the shared packages and its own folder."""
    made = {}
    for partnership in sorted({table.partnership for table in TABLES}, key=str):
        project = tmp_path_factory.mktemp(f"only-{partnership or 'shared'}")
        for part in (*SHARED, *([partnership] if partnership else [])):
            shutil.copytree(REPO / "data" / part, project / "data" / part)
        made[partnership] = project
    return made


@functools.cache
def _statuses(project: Path) -> dict[str, list[str]]:
    rows = _rows((project / "data/vocabulary/statuses.csv").read_text("utf-8"))
    scheme, status = rows[0].index("scheme"), rows[0].index("id")
    found: dict[str, list[str]] = {}
    for row in rows[1:]:
        found.setdefault(row[scheme], []).append(row[status])
    return found


TEXT = st.text(
    st.characters(
        exclude_categories=("Cs", "Cc"),
        exclude_characters=INVISIBLES | {"\ufffe", "\uffff"},
        include_characters="\n\t",
    ),
    max_size=60,
).filter(lambda text: text.strip() == text and text.strip())
"""Any text validation accepts: no control, half or invisible characters (``cells.py``)."""
PAYLOADS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '"quoted", with commas',
        "**bold** _and_ `code` | pipes # hash",
        "&amp; &lt; ]]> {{ jinja }} {% raw %}",
    ]
)
SETTINGS = settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("table", TEXT_TABLES, ids=lambda table: table.schema)
@SETTINGS
@given(data=st.data())
def test_text_in_any_text_field_validates_and_renders(table: Table, projects, data) -> None:
    project, rows, index = _a_row(table, projects, data)
    fields = text_fields(table.descriptor(_statuses(project)))
    values = {}
    for name in fields:
        if name in rows[0]:
            values[name] = data.draw(st.one_of(TEXT, PAYLOADS), label=name)
            rows[index][rows[0].index(name)] = values[name]
    with changed(project / table.path, rows):
        markdown = _render(project, table.path)
    before = _unchanged(project, table.path)
    for value in values.values():
        if "<" in value:
            # A short value such as "<" or "<d" is part of the page's own markup too, so it
            # must not appear more often than on the pages made from the unchanged data.
            assert markdown.count(value) <= before.count(value), (
                "markup in data reached a page unescaped"
            )


@functools.cache
def _unchanged(project: Path, path: str) -> str:
    return _render(project, path)


def _a_row(table: Table, projects, data) -> tuple[Path, list[list[str]], int]:
    """The project holding ``table``, the table's rows, and one row drawn from them."""
    project = projects[table.partnership]
    rows = _rows((project / table.path).read_text("utf-8"))
    return project, rows, data.draw(st.integers(1, len(rows) - 1), label="row")


def _render(project: Path, path: str) -> str:
    """The Markdown of every page made from the package holding ``path``; the data must
    be valid."""
    try:
        portal = load_portal(project / "data", project)
    except DataError as error:
        pytest.fail(error.summary())
    relative = path.removeprefix("data/")
    env = environment()
    return "\n".join(
        render_page(page, env)
        for page in all_pages(portal)
        if any(relative.startswith(source) for source in page.sources)
    )


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.schema)
@SETTINGS
@given(data=st.data())
def test_a_broken_field_is_named_with_its_row(table: Table, projects, data) -> None:
    project, rows, index = _a_row(table, projects, data)
    options = breakages(table.descriptor(_statuses(project)), rows, index)
    name, value = data.draw(st.sampled_from(options), label="breakage")
    rows[index][rows[0].index(name)] = value
    with changed(project / table.path, rows):
        _, problems = check_data(project / "data", project)
    where = f"{table.path}:{_line_of(rows, index)} "
    messages = [str(problem) for problem in problems]
    assert any(message.startswith(where) for message in messages), (where, messages)
