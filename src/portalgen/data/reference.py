"""The field reference: every file an editor writes and every column in it, read from the
Table Schemas, so the reference cannot drift from what validation checks. It is published
as a page of the portal and as ``docs/field-reference.md`` (``portalgen reference``)."""

from __future__ import annotations

from dataclasses import dataclass

from .contract import (
    ID_PATTERN,
    KINDS,
    METADATA_SCHEMAS,
    STATUS_SCHEMES,
    optional_columns,
    schema_descriptor,
)
from .numbers import MAGNITUDES

FOLDERS = {
    "vocabulary": "data/vocabulary/",
    "partnerships": "data/partnerships/",
    "addresses": "data/addresses/",
    "plan": "data/<partnership>/plans/<first year>/",
    "governance": "data/<partnership>/governance/",
    "terms": "data/<partnership>/governance/terms/<body>/<date they apply from>/",
    "funding": "data/<partnership>/funding/",
    "performance": "data/<partnership>/performance/",
    "areas": "data/<partnership>/areas/<boundary vintage>/",
    "ward-figures": "data/<partnership>/ward-figures/",
}
"""Where each kind of package lives (the layout ``load.py`` reads)."""
TYPES = {
    "string": "text",
    "number": "a plain number, without £, commas or %",
    "integer": "a whole number",
    "boolean": "yes or no",
    "date": "a date, YYYY-MM-DD",
}


@dataclass(frozen=True)
class FieldReference:
    name: str
    meaning: str
    required: bool
    kind: str
    """The type in plain English."""
    allowed: tuple[tuple[str, str], ...]
    """Allowed values and what each means; empty when any value of the type will do."""
    example: str
    optional: bool = False
    """Whether the column itself may be left out of the file."""


@dataclass(frozen=True)
class FileReference:
    schema: str
    path: str
    """Where the file is: a CSV file, or a block of a package's ``datapackage.yaml``."""
    block: str | None
    description: str
    fields: tuple[FieldReference, ...]


def reference(statuses: dict[str, list[tuple[str, str]]]) -> list[FileReference]:
    """Every file and block of every package kind, in the order of the data layout;
    ``statuses`` gives each status scheme's values and their meanings (the vocabulary)."""
    files = []
    for kind in KINDS.values():
        folder = FOLDERS[kind.name]
        if kind.metadata:
            schema = METADATA_SCHEMAS.get(kind.metadata, kind.metadata)
            path = f"{folder}datapackage.yaml"
            files.append(_file(schema, path, kind.metadata, statuses))
        for name in kind.all_resources:
            files.append(_file(name, f"{folder}{name}.csv", None, statuses))
    return files


def _file(schema: str, path: str, block: str | None, statuses) -> FileReference:
    descriptor = schema_descriptor(schema)
    optional = optional_columns(descriptor)
    fields = tuple(
        _field(field, statuses.get(STATUS_SCHEMES.get(schema, ""), []), field["name"] in optional)
        for field in descriptor["fields"]
    )
    return FileReference(schema, path, block, descriptor.get("description", ""), fields)


def _field(field: dict, statuses: list[tuple[str, str]], optional: bool) -> FieldReference:
    constraints = field.get("constraints", {})
    meanings = field.get("meanings", {})
    if field["name"] == "status" and statuses:
        allowed = tuple(statuses)
    else:
        allowed = tuple((value, meanings.get(value, "")) for value in constraints.get("enum", []))
    return FieldReference(
        field["name"],
        field.get("description", ""),
        bool(constraints.get("required")),
        _kind(field),
        allowed,
        str(field.get("example", "")),
        optional,
    )


def _kind(field: dict) -> str:
    pattern = field.get("constraints", {}).get("pattern")
    if pattern == ID_PATTERN.pattern:
        return "an id: lower-case letters, digits and single hyphens"
    if field.get("type") == "string" and field.get("constraints", {}).get("enum"):
        return "one of the allowed values"
    kind = TYPES.get(field.get("type", "string"), field.get("type", "text"))
    return f"{kind}{_bounds(field)}"


def _bounds(field: dict) -> str:
    """How large a number field's values may be, from its ``magnitude``."""
    if "magnitude" not in field:
        return ""
    magnitude = MAGNITUDES[field["magnitude"]]
    places = f", to {magnitude.places} decimal places" if magnitude.places else ""
    return f" (digits only; up to {magnitude.limit:,}{places})"


def vocabulary_statuses(rows: list[dict]) -> dict[str, list[tuple[str, str]]]:
    """Each status scheme's values and meanings, from the rows of ``statuses.csv``."""
    found: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        found.setdefault(row["scheme"], []).append((row["id"], row["description"]))
    return found
