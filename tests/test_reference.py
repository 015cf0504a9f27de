"""The field reference covers every field of every schema, with a meaning, an example that
passes the field's own checks, and a meaning for every allowed value; the copy in
``docs/`` is the one ``portalgen reference`` writes."""

from __future__ import annotations

from importlib import resources

import pytest
from conftest import REPO, run_portalgen
from frictionless import Resource, Schema

from portalgen.data.contract import STATUS_SCHEMES, schema_descriptor
from portalgen.data.reference import reference, vocabulary_statuses
from portalgen.scaffold_files import rows

DOCS = REPO / "docs/field-reference.md"
STATUSES = vocabulary_statuses(rows(REPO / "data/vocabulary/statuses.csv"))
FILES = reference(STATUSES)
SCHEMAS = sorted(
    f.name.removesuffix(".yaml")
    for f in resources.files("portalgen.data").joinpath("schemas").iterdir()
    if f.name.endswith(".yaml")
)


def test_every_schema_is_in_the_reference_once():
    assert sorted(file.schema for file in FILES) == SCHEMAS


def test_every_field_of_every_schema_is_in_the_reference():
    for file in FILES:
        names = [field["name"] for field in schema_descriptor(file.schema)["fields"]]
        assert [field.name for field in file.fields] == names, file.schema


def test_every_field_has_a_meaning_a_type_and_an_example():
    for file in FILES:
        for field in file.fields:
            assert len(field.meaning) > 10, (file.schema, field.name)
            assert field.kind, (file.schema, field.name)
            assert field.example, (file.schema, field.name)


def test_every_allowed_value_says_what_it_means():
    for file in FILES:
        for field in file.fields:
            for value, meaning in field.allowed:
                assert len(meaning) > 5, (file.schema, field.name, value)


def test_status_columns_list_the_vocabularys_statuses():
    by_schema = {file.schema: file for file in FILES}
    for schema, scheme in STATUS_SCHEMES.items():
        status = next(f for f in by_schema[schema].fields if f.name == "status")
        assert [value for value, _ in status.allowed] == [v for v, _ in STATUSES[scheme]]


@pytest.mark.parametrize("schema", SCHEMAS)
def test_the_examples_pass_the_checks_of_their_own_fields(schema):
    """A row of the examples is valid: each example is a value an editor could copy."""
    statuses = {scheme: [v for v, _ in values] for scheme, values in STATUSES.items()}
    descriptor = schema_descriptor(schema, statuses)
    descriptor.pop("foreignKeys", None)
    names = [field["name"] for field in descriptor["fields"]]
    examples = [str(field["example"]) for field in descriptor["fields"]]
    resource = Resource(data=[names, examples], schema=Schema.from_descriptor(descriptor))
    report = resource.validate()
    assert report.flatten(["fieldName", "note"]) == []


def test_a_council_committee_and_other_are_bodies_with_meanings():
    bodies = next(file for file in FILES if file.schema == "bodies")
    kind = dict(next(field for field in bodies.fields if field.name == "kind").allowed)
    assert kind["council committee"].startswith("A council's cabinet")
    assert kind["other"] == "Any other body; say what it is in its summary."


def test_the_docs_copy_is_up_to_date(tmp_path):
    written = tmp_path / "field-reference.md"
    result = run_portalgen(REPO, "reference", "-o", str(written))
    assert result.returncode == 0, result.stderr
    assert DOCS.read_text("utf-8") == written.read_text("utf-8"), (
        "docs/field-reference.md is out of date: run "
        ".venv/bin/python -m portalgen reference -o docs/field-reference.md"
    )


@pytest.mark.build
def test_the_reference_page_lists_every_field(example_site):
    page = example_site.soup("field-reference/")
    assert page.select_one("h1").get_text(strip=True) == "Field reference"
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    assert "bodies.csv" in headings
    assert "plan: in datapackage.yaml" in headings
    names = page.select("article li > strong > code, article li > p:first-child > strong > code")
    assert len(names) == sum(len(f.fields) for f in FILES)
    body_kinds = [
        li.get_text(" ", strip=True)
        for li in page.select("article li li")
        if li.get_text().startswith("council committee")
    ]
    assert body_kinds == [
        "council committee : A council's cabinet or another committee of councillors that "
        "takes decisions about community safety."
    ]
