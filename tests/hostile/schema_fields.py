"""Which columns of a schema hold free text: words shown on pages as they are written,
not ids, codes, numbers, dates, references or values from a list. Tests put any text,
markup and script included, in these."""

from __future__ import annotations

REFERENCES = {
    "status",
    "owner",
    "funder",
    "recipient",
    "organisation",
    "target",
    "priority",
    "action",
    "areas",
}
"""Text columns that name something elsewhere (an organisation, a status, the codes of
areas): their values are checked against other files, so they are not free text."""


def keys(descriptor: dict) -> tuple[set[str], set[str]]:
    """The primary key fields and the fields that refer to other rows."""
    primary = descriptor.get("primaryKey", [])
    primary = {primary} if isinstance(primary, str) else set(primary)
    foreign = set()
    for key in descriptor.get("foreignKeys", []):
        fields = key["fields"]
        foreign |= {fields} if isinstance(fields, str) else set(fields)
    return primary, foreign


def text_fields(descriptor: dict) -> list[str]:
    primary, foreign = keys(descriptor)
    return [
        field["name"]
        for field in descriptor["fields"]
        if field.get("type", "string") == "string"
        and not set(field.get("constraints", {})) - {"required"}
        and field["name"] not in primary | foreign | REFERENCES
    ]
