"""Validate: check every package with frictionless, and read its rows.

Each package is checked resource by resource: the file must be readable text with the
expected header (checked here, so one clear message replaces a flood of cell errors),
then frictionless checks types, constraints, primary and foreign keys.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import replace
from functools import cache

from frictionless import Dialect, Package, Resource, Schema, formats
from frictionless.table import Row as FrictionlessRow
from frictionless.table import create_cell_handlers

from . import cells
from .checked import Checked, Row
from .contract import METADATA_SCHEMAS, anchored, optional_columns, schema_descriptor
from .explain import explain
from .licences import check_licences
from .load import DESCRIPTOR, PackageSource, read_header, read_text
from .numbers import number_problems
from .placeholders import block_placeholders, table_placeholders
from .problems import Problem
from .sizes import long_cells, rows_problem, text_problem
from .versions import check_version


def check_package(source: PackageSource, statuses: dict[str, list[str]] | None) -> Checked:
    """Validate one package whose descriptor has been read."""
    checked = Checked(source)
    checked.version, found = check_version(source.descriptor, source.file_label(DESCRIPTOR))
    checked.problems += found
    checked.problems += check_licences(source.descriptor, source.file_label(DESCRIPTOR))
    paths = _resource_paths(source, checked.problems)
    schemas = {}
    for name, path in paths.items():
        schema, text = _prepared_schema(source, name, path, statuses, checked.problems)
        if schema:
            schemas[name] = (path, schema)
            checked.lines[name] = record_lines(text)
    _check_tables(checked, schemas)
    if source.kind.metadata:
        _check_metadata(checked, statuses)
    _check_cells(checked, schemas)
    checked.problems += _placeholders(checked, schemas)
    return checked


def _check_cells(checked: Checked, schemas: dict[str, tuple[str, dict]]) -> None:
    """Characters no value may hold, and partial dates of days that do not exist."""
    source = checked.source
    checked.problems += cells.descriptor_problems(source.file_label(DESCRIPTOR), source.descriptor)
    for name, (path, _) in schemas.items():
        found = cells.table_problems(source.file_label(path), name, checked.tables.get(name, []))
        checked.problems += found
        checked.flawed.setdefault(name, set()).update(p.line for p in found)


def _placeholders(checked: Checked, schemas: dict[str, tuple[str, dict]]) -> list[Problem]:
    """Words ``portalgen new`` left for the editor to replace, in tables and the block."""
    source = checked.source
    found = [
        problem
        for name, (path, _) in schemas.items()
        for problem in table_placeholders(source.file_label(path), checked.tables.get(name, []))
    ]
    block = source.descriptor.get(source.kind.metadata) if source.kind.metadata else None
    if isinstance(block, dict):
        line = getattr(source.descriptor, "lines", {}).get(source.kind.metadata)
        label = source.file_label(DESCRIPTOR)
        found += block_placeholders(label, source.kind.metadata, block, line)
    told = {(p.path, p.line, p.field) for p in checked.problems}
    return [p for p in found if (p.path, p.line, p.field) not in told]


def _resource_paths(source: PackageSource, problems: list[Problem]) -> dict[str, str]:
    label = source.file_label(DESCRIPTOR)
    lines = getattr(source.descriptor, "lines", {})
    entries = source.descriptor.get("resources")
    if not isinstance(entries, list):
        problems.append(
            Problem(label, lines.get("resources"), "resources", _expected_resources(source))
        )
        return {}
    paths = {}
    for entry in entries:
        name, path = _resource_entry(source, entry, problems)
        if name:
            paths[name] = path
    for name in source.kind.resources:
        if name not in paths and not any(p.field == "resources" for p in problems):
            problems.append(
                Problem(
                    label,
                    lines.get("resources"),
                    "resources",
                    f'does not list the "{name}" resource. ' + _expected_resources(source),
                )
            )
    problems += _missing_references(source, paths)
    return paths


def _missing_references(source: PackageSource, paths: dict[str, str]) -> list[Problem]:
    """An optional resource that refers to another needs that one listed too."""
    label = source.file_label(DESCRIPTOR)
    lines = getattr(source.descriptor, "lines", {})
    problems = []
    for name in paths:
        for key in schema_descriptor(name).get("foreignKeys", []):
            target = key["reference"]["resource"]
            if target and target not in paths:
                problems.append(
                    Problem(
                        label,
                        lines.get("resources"),
                        "resources",
                        f'lists "{name}", which refers to "{target}", but not "{target}" '
                        f"itself. Add {target} (path: {target}.csv) or remove {name}.",
                    )
                )
    return problems


def _expected_resources(source: PackageSource) -> str:
    names = ", ".join(f"{name} (path: {name}.csv)" for name in source.kind.resources)
    optional = ", ".join(source.kind.optional)
    also = f" It may also list: {optional}." if optional else ""
    return f"It must list these resources, each with a name and a path: {names}.{also}"


def _resource_entry(source: PackageSource, entry, problems: list[Problem]):
    label = source.file_label(DESCRIPTOR)
    line = getattr(entry, "lines", {}).get("name")
    name = entry.get("name") if isinstance(entry, dict) else None
    path = entry.get("path") if isinstance(entry, dict) else None
    if name not in source.kind.all_resources:
        problems.append(
            Problem(
                label,
                line,
                "resources",
                f'"{name}" is not a resource of a '
                f"{source.kind.name} package. " + _expected_resources(source),
            )
        )
        return None, None
    if not _is_plain_file_name(path):
        problems.append(
            Problem(
                label,
                line,
                "resources",
                f'the path of "{name}" must be the name '
                f'of a file in this folder, such as "{name}.csv".',
            )
        )
        return None, None
    return name, path


PLAIN_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.csv")
"""A file in the package's own folder: no folders, drive, scheme (``totals:2011.csv`` is
read as a URL), hidden file or character a file system or a URL treats specially."""


def _is_plain_file_name(path) -> bool:
    return isinstance(path, str) and PLAIN_FILE_NAME.fullmatch(path) is not None


def _prepared_schema(source, name, path, statuses, problems) -> tuple[dict | None, str]:
    """The schema for the file, fields in the file's column order (None if unusable), and
    the file's text."""
    label = source.file_label(path)
    text, read_problems = read_text(source.folder / path, label)
    problems += read_problems
    if text is None:
        return None, ""
    descriptor = schema_descriptor(name, statuses)
    header = read_header(text)
    header_problems = _header_problems(label, header, descriptor)
    problems += header_problems
    if header_problems:
        return None, text
    by_name = {f["name"]: f for f in descriptor["fields"]}
    descriptor["fields"] = [by_name[column] for column in header]
    return descriptor, text


def record_lines(text: str) -> dict[int, int]:
    """Row number as frictionless counts rows (the header is 1) → the line the row starts
    on in the file, as an editor or GitHub shows it. They differ after a quoted cell that
    holds a line break."""
    lines, end = {}, 0
    reader = csv.reader(io.StringIO(text))
    for number, _ in enumerate(reader, start=1):
        lines[number] = end + 1
        end = reader.line_num
    return lines


def _header_problems(label: str, header: list[str], descriptor: dict) -> list[Problem]:
    expected = [f["name"] for f in descriptor["fields"]]
    optional = optional_columns(descriptor)
    expected_line = ",".join(c for c in expected if c not in optional)
    if optional:
        expected_line += f" (and it may also have: {','.join(optional)})"
    problems = []
    for column in sorted({c for c in header if header.count(c) > 1}):
        problems.append(
            Problem(label, 1, column, f'is a column name used twice. Keep one "{column}" column.')
        )
    for position, column in enumerate(header, start=1):
        if not column.strip():
            problems.append(_empty_column(label, position, len(header), expected_line))
        elif column not in expected:
            near = difflib.get_close_matches(column, expected, n=1)
            hint = f' Did you mean "{near[0]}"?' if near else ""
            problems.append(
                Problem(
                    label,
                    1,
                    column,
                    "is not a column portalgen "
                    f"knows.{hint} The header line must be: {expected_line}",
                )
            )
    for column in expected:
        if column not in header and column not in optional:
            problems.append(
                Problem(
                    label,
                    1,
                    column,
                    f"is a missing column. The header line must be: {expected_line}",
                )
            )
    return problems


def _empty_column(label: str, position: int, width: int, expected_line: str) -> Problem:
    if position == width:
        message = (
            "ends with a comma, so its last column has no name. Delete the comma at the end "
            "of the header line (a spreadsheet adds one when a cell to the right of the table "
            "was once used), and at the end of any row that has one too."
        )
    else:
        message = (
            f"has a column with no name (column {position}). Write its name or delete the "
            f"empty column. The header line must be: {expected_line}"
        )
    return Problem(label, 1, None, message)


def _check_tables(checked: Checked, schemas: dict[str, tuple[str, dict]]) -> None:
    if not schemas:
        return
    for _, schema in schemas.values():
        schema["foreignKeys"] = [
            key
            for key in schema.get("foreignKeys", [])
            if key["reference"]["resource"] in ("", *schemas)
        ]
    folder = str(checked.source.folder)
    package = Package(
        name="package",
        resources=[
            _resource(name, path, schema, folder) for name, (path, schema) in schemas.items()
        ],
        basepath=folder,
    )
    for resource in package.resources:
        _check_table(checked, resource, *schemas[resource.name])


def _check_table(checked: Checked, resource: Resource, path: str, schema: dict) -> None:
    """Validate one table, reading its typed rows in the same pass (``on_row``)."""
    typed: list[tuple[Row, list]] = []
    task = resource.validate(on_row=lambda row: typed.append(_typed(row))).tasks[0]
    ragged = _ragged_lines(task.errors)
    lines = checked.lines[task.name]
    explained = _explained(task.errors, ragged, checked.source.file_label(path), schema)
    explained = [replace(p, line=lines.get(p.line, p.line)) for p in explained]
    checked.problems += explained
    checked.flawed[task.name] = {p.line for p in explained if p.line}
    if task.warnings:  # it stopped at its limit of errors, before the last row
        typed = _typed_rows(checked.source.folder, task.name, path, schema)
    typed = [(r, cells) for r, cells in typed if r["_line"] not in ragged]
    for row, _ in typed:
        row["_line"] = lines.get(row["_line"], row["_line"])
    _check_numbers(checked, checked.source.file_label(path), task.name, schema, typed)
    _check_sizes(checked, checked.source.file_label(path), task.name, schema, typed)
    checked.tables[task.name] = [row for row, _ in typed]


def _check_numbers(checked: Checked, label: str, name: str, schema: dict, typed) -> None:
    """Number cells frictionless read, but that are not plain decimals: a problem each
    (instead of frictionless' own, such as "NaN" is below the minimum), and the row is
    flawed."""
    found = number_problems(label, schema, [(row["_line"], cells, row) for row, cells in typed])
    told = {(p.line, p.field) for p in found}
    checked.problems = [
        p for p in checked.problems if p.path != label or (p.line, p.field) not in told
    ]
    checked.problems += found
    checked.flawed.setdefault(name, set()).update(p.line for p in found)


SHAPE_ERRORS = ("extra-cell", "missing-cell")


def _ragged_lines(errors) -> set[int]:
    """Lines whose number of cells differs from the header: their values cannot be trusted."""
    return {error.row_number for error in errors if error.type in SHAPE_ERRORS}


def _explained(errors, ragged: set[int], label: str, schema: dict) -> list[Problem]:
    """Explain each error; on a ragged row, only say that its cells do not line up."""
    fields = {f["name"]: f for f in schema["fields"]}
    key = schema.get("primaryKey")
    explained = [
        explain(error, label, fields, key)
        for error in errors
        if (error.type in SHAPE_ERRORS or getattr(error, "row_number", 0) not in ragged)
        and not _empty_key(error, list(fields), key)
    ]
    return list(dict.fromkeys(explained))


def _empty_key(error, names: list[str], key) -> bool:
    """An empty key is not a repeated one: every key field is required, so the editor is
    already told the cell is empty."""
    if error.type != "primary-key":
        return False
    key = [key] if isinstance(key, str) else key or []
    return not any(error.cells[names.index(name)] for name in key if name in names)


def _resource(name: str, path: str, schema: dict, folder: str) -> Resource:
    """A CSV resource. Its schema is made once per distinct descriptor: frictionless checks
    a descriptor each time it makes one, which cost more than reading the rows."""
    return Resource(
        name=name,
        path=path,
        basepath=folder,
        schema=_schema(json.dumps(schema, sort_keys=True)),
        format="csv",
        encoding="utf-8-sig",
        dialect=_dialect(),
    )


def _dialect() -> Dialect:
    """The one CSV dialect portalgen reads, declared in full so that frictionless guesses
    nothing: the header is line 1 (frictionless would otherwise take the first row of the
    commonest width, so a file holding a header and a one-cell row had that cell as its
    header), cells are separated by commas and quoted with double quotes, a quote inside a
    quoted cell is doubled, and there is no escape character. UTF-8, with or without a
    byte order mark, is the resource's encoding."""
    control = formats.CsvControl(
        delimiter=",",
        quote_char='"',
        double_quote=True,
        escape_char=None,
        skip_initial_space=False,
        line_terminator="\r\n",
    )
    return Dialect(header=True, header_rows=[1], controls=[control])


@cache
def _schema(descriptor: str) -> Schema:
    return Schema.from_descriptor(anchored(json.loads(descriptor)))


def _check_sizes(checked: Checked, label: str, name: str, schema: dict, typed) -> None:
    """Cells too long to publish, and files with too many rows (``sizes.py``)."""
    found = long_cells(label, schema, [(row["_line"], cells) for row, cells in typed])
    too_many = rows_problem(len(typed))
    if too_many:
        found.append(Problem(label, None, None, too_many))
    checked.problems += found
    checked.flawed.setdefault(name, set()).update(p.line for p in found if p.line)


def _typed_rows(folder, name: str, path: str, schema: dict) -> list[tuple[Row, list]]:
    """The table's rows, typed, each with its cells as written, read again: only when
    the validation stopped early (at frictionless' limit of errors) and so did not see
    every row. Read without the foreign keys, which the validation has checked:
    frictionless would read every table they refer to again."""
    resource = _resource(name, path, {**schema, "foreignKeys": []}, str(folder))
    return [_typed(row) for row in resource.read_rows()]


def _typed(row) -> tuple[Row, list]:
    """A row frictionless read: its typed values with ``_line``, and its cells as written."""
    record = row.to_dict()
    record["_line"] = row.row_number
    return record, row.cells


def _check_metadata(checked: Checked, statuses) -> None:
    """Check the one-record block (e.g. ``plan:``) of the descriptor against its schema."""
    source, key = checked.source, checked.source.kind.metadata
    label = source.file_label(DESCRIPTOR)
    block = source.descriptor.get(key)
    lines = getattr(source.descriptor, "lines", {})
    descriptor = schema_descriptor(METADATA_SCHEMAS.get(key, key), statuses)
    if not isinstance(block, dict):
        checked.problems.append(
            Problem(label, lines.get(key), key, _missing_block(key, descriptor))
        )
        return
    fields = {f["name"]: f for f in descriptor["fields"]}
    checked.problems += _unknown_keys(label, key, block, fields)
    checked.problems += _long_texts(label, key, block, lines.get(key))
    values = [_as_text(block.get(name)) for name in fields]
    row = FrictionlessRow(
        values, handlers=_handlers(json.dumps(descriptor, sort_keys=True)), row_number=2
    )
    block_lines = getattr(block, "lines", {})
    for error in row.errors:
        problem = explain(error, label, fields)
        line = block_lines.get(problem.field, lines.get(key))
        checked.problems.append(Problem(label, line, f"{key}.{problem.field}", problem.message))
    record = row.to_dict() if not row.errors else {}
    checked.metadata = {**record, "_line": lines.get(key)}


@cache
def _handlers(descriptor: str) -> dict:
    """How frictionless reads each field of a metadata block's schema, made once: the
    block is one record, checked as frictionless checks a row of a table (types and
    constraints), without a Resource for each block."""
    return create_cell_handlers(_schema(descriptor).fields)


def _long_texts(label: str, key: str, block: dict, line: int | None) -> list[Problem]:
    """Texts of the block too long to publish (``sizes.py``)."""
    lines = getattr(block, "lines", {})
    return [
        Problem(label, lines.get(name, line), f"{key}.{name}", message)
        for name, value in block.items()
        if isinstance(value, str) and (message := text_problem(value))
    ]


def _missing_block(key: str, descriptor: dict) -> str:
    required = [f["name"] for f in descriptor["fields"] if f.get("constraints", {}).get("required")]
    listed = ", ".join(required[:-1]) + f" and {required[-1]}"
    return f'is missing. Add a "{key}:" section with at least {listed} (see another version).'


def _unknown_keys(label: str, key: str, block: dict, fields: dict) -> list[Problem]:
    problems = []
    for name in block:
        if name not in fields:
            near = difflib.get_close_matches(str(name), list(fields), n=1)
            hint = f' Did you mean "{near[0]}"?' if near else ""
            problems.append(
                Problem(
                    label,
                    block.lines.get(name),
                    f"{key}.{name}",
                    f"is not a key portalgen knows.{hint}",
                )
            )
    return problems


def _as_text(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
