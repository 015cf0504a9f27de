"""The floor: the Table Schema rules ``frictionless_only.py`` checks, done with the ``csv``
module as cheaply as Python can.

The same packages, the same schemas (portalgen's, fields in the file's column order, foreign
keys between a package's own tables), the same rules: each cell's type (string, integer,
number, boolean with the field's true and false values, ISO date), ``required``,
``pattern``, ``enum``, ``minimum``, ``maximum``, ``maxLength``, the primary key unique,
foreign keys present, no blank rows and no missing or extra cells. The checks for each
schema are compiled once. No messages for editors, no typed rows kept: only a count of the
errors. It is what validation would cost with no library at all, the lower bound that
``portalgen validate`` and frictionless are compared with.

    python bench/csv_floor.py bench/out/p10/data
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from portalgen.data.contract import schema_descriptor
from portalgen.data.load import discover, read_descriptor

INTEGER = re.compile(r"[+-]?[0-9]+")
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|NaN|-?INF")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TRUE, FALSE = ["true", "True", "TRUE", "1"], ["false", "False", "FALSE", "0"]


@dataclass(frozen=True)
class Rule:
    """One field's checks: ``check(text)`` returns the typed value, or None if it is bad."""

    name: str
    required: bool
    check: Callable[[str], object]


def _integer(text: str):
    return int(text) if INTEGER.fullmatch(text) else None


def _number(text: str):
    return float(text) if NUMBER.fullmatch(text) else None


def _date(text: str):
    if not DATE.fullmatch(text):
        return None
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return text  # ISO dates compare as text: the constraints need no date object


def _boolean(field: dict):
    values = {text: True for text in field.get("trueValues", TRUE)}
    values.update({text: False for text in field.get("falseValues", FALSE)})
    return values.get


def _cast(field: dict) -> Callable[[str], object]:
    kind = field.get("type", "string")
    if kind == "boolean":
        return _boolean(field)
    return {"integer": _integer, "number": _number, "date": _date}.get(kind, str)


def _constrained(cast, constraints: dict) -> Callable[[str], object]:
    """``cast`` followed by the field's constraints, each test only where it is declared."""
    tests = []
    if "pattern" in constraints:
        tests.append(re.compile(f"(?:{constraints['pattern']})").fullmatch)
    if "maxLength" in constraints:
        tests.append(lambda text, most=constraints["maxLength"]: len(text) <= most)
    if not tests and not {"enum", "minimum", "maximum"} & constraints.keys():
        return cast
    enum = set(constraints.get("enum", ()))
    low, high = constraints.get("minimum"), constraints.get("maximum")

    def check(text: str):
        value = cast(text)
        if value is None or not all(test(text) for test in tests):
            return None
        if (enum and text not in enum) or (low is not None and value < low):
            return None
        return None if high is not None and value > high else value

    return check


@cache
def schema_rules(name: str) -> dict[str, Rule]:
    """The compiled checks of schema ``name``, by field name: made once per schema."""
    rules = {}
    for field in schema_descriptor(name)["fields"]:
        constraints = field.get("constraints", {})
        check = _constrained(_cast(field), constraints)
        rules[field["name"]] = Rule(field["name"], bool(constraints.get("required")), check)
    return rules


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[list]
    errors: int = 0


def check_table(folder: Path, name: str, path: str) -> Table:
    """Read one CSV file once, checking every cell; keep the typed rows for the keys."""
    known = schema_rules(name)
    with (folder / path).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        table = Table(name, header, [], sum(column not in known for column in header))
        rules = [known.get(column) or Rule(column, False, str) for column in header]
        width = len(rules)
        for cells in reader:
            table.rows.append(_check_row(cells, rules, width, table))
    return table


def _check_row(cells: list[str], rules: list[Rule], width: int, table: Table) -> list:
    if len(cells) != width or not any(cells):
        table.errors += 1
        cells = (cells + [""] * width)[:width]
    typed = []
    for rule, text in zip(rules, cells, strict=True):
        if text == "":
            table.errors += rule.required
            typed.append(None)
            continue
        value = rule.check(text)
        if value is None:
            table.errors += 1
            value = text  # a bad cell still takes part in the keys, as it does in frictionless
        typed.append(value)
    return typed


def _values(table: Table, fields: list[str]) -> list[tuple]:
    indexes = [table.columns.index(field) for field in fields if field in table.columns]
    if len(indexes) != len(fields):
        return []
    return [tuple(row[i] for i in indexes) for row in table.rows]


def key_errors(tables: dict[str, Table]) -> int:
    """Duplicate primary keys, and foreign keys that point at no row."""
    errors = 0
    for table in tables.values():
        schema = schema_descriptor(table.name)
        primary = schema.get("primaryKey") or []
        if primary:
            keys = _values(table, [primary] if isinstance(primary, str) else primary)
            errors += len(keys) - len(set(keys))
        for foreign in schema.get("foreignKeys", []):
            target = tables.get(foreign["reference"]["resource"] or table.name)
            if target is None:
                continue
            present = set(_values(target, foreign["reference"]["fields"]))
            wanted = _values(table, foreign["fields"])
            errors += sum(key not in present for key in wanted if None not in key)
    return errors


def check_package(source) -> tuple[int, int]:
    """(rows, errors) of one package's tables."""
    tables = {}
    for entry in source.descriptor["resources"]:
        tables[entry["name"]] = check_table(source.folder, entry["name"], entry["path"])
    rows = sum(len(table.rows) for table in tables.values())
    return rows, sum(table.errors for table in tables.values()) + key_errors(tables)


def main(data_dir: Path) -> int:
    sources, _ = discover(data_dir, data_dir.parent)
    rows = errors = 0
    for source in sources:
        if read_descriptor(source):
            continue
        counted = check_package(source)
        rows, errors = rows + counted[0], errors + counted[1]
    print(f"{len(sources)} packages, {rows} rows, {errors} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
