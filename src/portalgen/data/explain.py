"""Turn frictionless errors (data: row, field, type, note) into plain English for editors."""

from __future__ import annotations

import re

from frictionless import errors as fl

from .cells import spaces_message
from .problems import Problem

TYPE_HINTS = {
    "date": ("a date", "Write dates as YYYY-MM-DD, for example 2014-03-27."),
    "number": (
        "a number",
        "Write a plain number without commas, £ or %, for example 3756 "
        "or 13.5. Leave the cell empty if the figure is not stated.",
    ),
    "integer": ("a whole number", "Write a whole number, for example 3."),
    "boolean": ("yes or no", "Write yes or no."),
}


def explain(
    error: fl.Error, label: str, fields: dict[str, dict], key: list[str] | None = None
) -> Problem:
    """One frictionless error in the file ``label`` as a Problem; ``fields`` by name, in the
    file's column order; ``key`` the schema's primary key."""
    line = getattr(error, "row_number", None)
    if isinstance(error, (fl.MissingCellError, fl.ExtraCellError)):
        return Problem(label, line, None, _shape_message(error, len(fields)))
    if isinstance(error, fl.CellError):
        field = fields.get(error.field_name, {})
        return Problem(label, line, error.field_name, _cell_message(error, field))
    if isinstance(error, fl.ForeignKeyError):
        return Problem(label, line, ", ".join(error.field_names), _foreign_key_message(error))
    if isinstance(error, fl.PrimaryKeyError):
        if key and len(key) > 1:
            return Problem(label, line, ", ".join(key), _composite_key_message(error, fields, key))
        return Problem(label, line, "id", _primary_key_message(error))
    if isinstance(error, fl.BlankRowError):
        return Problem(label, line, None, "is an empty row. Delete the empty line.")
    return Problem(label, line, None, error.message)


def _cell_message(error: fl.CellError, field: dict) -> str:
    spaced = spaces_message(str(error.cell))
    if spaced:
        return spaced
    if isinstance(error, fl.TypeError):
        noun, hint = TYPE_HINTS.get(field.get("type", ""), ("valid", ""))
        bare = _plain_number(error.cell, field)
        if bare:
            return (
                f'"{error.cell}" is not a plain number: write it as {bare}, without £, commas or %.'
            )
        return f'"{error.cell}" is not {noun}. {hint}'.strip()
    if isinstance(error, fl.ConstraintError):
        return _constraint_message(error, field)
    return error.message


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


def _shape_message(error: fl.RowError, width: int) -> str:
    """A row whose cells do not line up with the header: by how much, then the likely
    causes, most likely first."""
    cells = [cell for cell in error.cells if cell is not None]
    counted = f"has {_cells(len(cells))}, but the header line has {_cells(width)}."
    if isinstance(error, fl.MissingCellError):
        return f"{counted} {_missing_causes(cells)}"
    extra = cells[width:]
    quote = (
        "a value that contains a comma is not inside double quotes (write it as "
        '"Police, fire and council")'
    )
    if any(str(cell).strip() for cell in extra):
        after = f'a stray value to the right of the table ("{extra[0]}"): delete it'
    else:
        after = (
            "a comma at the end of the row (a spreadsheet adds one when a cell to the right "
            "of the table was once used)"
        )
    if any(str(cell).startswith(" ") for cell in cells[1:]):
        causes = [quote, after, "a comma typed by mistake"]
    elif any(str(cell).strip() for cell in extra):
        causes = [after, quote, "a comma typed by mistake"]
    else:
        causes = [after, "a comma typed twice between two values"]
    return f"{counted} Likely causes, most likely first: {'; '.join(causes)}."


def _missing_causes(cells: list) -> str:
    stray = "a stray line that is not a row of the table (delete it)"
    comma = "a missing comma between two values"
    quote = 'an unclosed double quote (") that runs on into the cells after it'
    short = (
        "empty cells at the end of the row left out (an empty cell still needs its comma: "
        "a,, is one value and two empty cells)"
    )
    if cells and any(mark in str(cells[-1]) for mark in (",", "\n")):
        causes = [quote, comma, short]
    elif len(cells) == 1:
        causes = [stray, comma, quote]
    else:
        causes = [comma, short, quote]
    return f"Likely causes, most likely first: {'; '.join(causes)}."


def _plain_number(cell, field: dict) -> str | None:
    """For "£1,234" or "13.5%" in a number column: the number to write instead."""
    if field.get("type") not in ("number", "integer"):
        return None
    bare = re.sub(r"[£,%\s]", "", str(cell))
    try:
        float(bare)
    except ValueError:
        return None
    return bare


def _constraint_message(error: fl.ConstraintError, field: dict) -> str:
    found = re.search(r'constraint "(\w+)"', error.note)
    constraint = found.group(1) if found else ""
    constraints = field.get("constraints", {})
    if constraint == "required":
        return f"is empty, but it is required. {field.get('description', '')}".strip()
    if constraint == "enum":
        return f'"{error.cell}" is not one of: {", ".join(constraints["enum"])}'
    if constraint == "maxLength":
        return (
            f"is {len(str(error.cell))} characters long, but it may be at most "
            f"{constraints[constraint]}: it becomes part of web addresses and file names. "
            "Shorten it."
        )
    if constraint == "pattern":
        return f'"{error.cell}" is not in the right form. {field.get("description", "")}'.strip()
    if constraint in ("minimum", "maximum") and field.get("type") == "date":
        side = "before" if constraint == "minimum" else "after"
        return (
            f'"{error.cell}" is {side} {constraints[constraint]}, so the year must be mistyped. '
            "Write the date as YYYY-MM-DD, for example 2014-03-27."
        )
    if constraint in ("minimum", "maximum"):
        return (
            f'"{error.cell}" must be at {"least" if constraint == "minimum" else "most"} '
            f"{constraints[constraint]}."
        )
    return f'"{error.cell}" is not allowed here ({error.note}).'


def _foreign_key_message(error: fl.ForeignKeyError) -> str:
    values = ", ".join(f'"{cell}"' for cell in error.field_cells)
    target = f"{error.reference_name}.csv" if error.reference_name else "this file"
    fields = ", ".join(error.reference_field_names)
    return (
        f"{values} is not the {fields} of any row in {target}. Check the spelling, or add it there."
    )


def _composite_key_message(error: fl.PrimaryKeyError, fields: dict, key: list[str]) -> str:
    first = re.search(r"position (\d+)", error.note)
    where = f"line {first.group(1)}" if first else "another row"
    names = list(fields)
    values = ", ".join(f'"{error.cells[names.index(name)]}"' for name in key)
    return (
        f"repeats {values}, already on {where}. Only one row may have the same "
        f"{' and '.join(key)}: delete one, or correct it."
    )


def _primary_key_message(error: fl.PrimaryKeyError) -> str:
    first = re.search(r"position (\d+)", error.note)
    where = f" (first on line {first.group(1)})" if first else ""
    return f'"{error.cells[0]}" is used by more than one row{where}. Each row needs its own id.'
