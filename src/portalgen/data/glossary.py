"""Plain words: the abbreviations the shared glossary explains, found in text, and a warning
when the data uses one the glossary does not have.

Used by validation (the warning) and by the site (``<abbr>`` on first use, the glossary
page), so both read an abbreviation the same way: two or more capital letters standing
alone, with an optional plural "s" (CSPs), not part of a hyphenated name (CC-BY-4.0) or a
code with digits (E05000001).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .checked import Checked
from .contract import METADATA_SCHEMAS, schema_descriptor
from .load import DESCRIPTOR
from .problems import Problem

TABLE = "glossary"
_TOKEN = re.compile(r"(?<![\w-])([A-Z]{2,})s?(?![\w-])")


def tokens(text: str) -> list[str]:
    """The abbreviation-looking words in ``text``, singular, in order of first use."""
    return list(dict.fromkeys(match.group(1) for match in _TOKEN.finditer(text)))


def term_pattern(terms: list[str]) -> re.Pattern | None:
    """One pattern finding any of ``terms`` as a whole word (longest first, so "CC BY" wins
    over a shorter term), with an optional plural "s"."""
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)
    alternatives = "|".join(re.escape(term) for term in ordered)
    return re.compile(rf"(?<![\w-])({alternatives})s?(?![\w-])")


def unknown(text: str, known: re.Pattern | None) -> list[str]:
    """Abbreviations in ``text`` that no glossary term covers."""
    rest = known.sub(" ", text) if known else text
    return tokens(rest)


def check_glossary(context) -> list[Problem]:
    """A warning for each text field that uses an abbreviation the glossary lacks."""
    vocabulary = context.vocabulary
    if vocabulary is None or TABLE not in vocabulary.tables:
        return []
    terms = vocabulary.ids(TABLE, "term")
    known = term_pattern(terms)
    glossary = context.file(vocabulary, TABLE)
    return [
        _warning(where, token, glossary)
        for package in context.packages
        for where, text in [*table_texts(package), *_block_texts(package)]
        for token in unknown(text, known)
    ]


def _warning(where: tuple[str, int | None, str], token: str, glossary: str) -> Problem:
    path, line, field = where
    return Problem(
        path,
        line,
        field,
        f'uses "{token}", which the glossary does not explain, so residents may not know '
        f"what it means. Add a row to {glossary}: {token},<what it stands for>,<what it "
        "is, in plain words>; or write it out in full here.",
        warning=True,
    )


def table_texts(package: Checked) -> Iterator[tuple[tuple, str]]:
    """Every free-text value in the package's tables, with its file, line and field:
    strings with no pattern or list of allowed values (so not ids, codes or statuses)."""
    for table, rows in package.tables.items():
        if table == TABLE:
            continue
        fields = _text_fields(table)
        label = package.source.file_label(f"{table}.csv")
        for row in rows:
            for name in fields:
                value = row.get(name)
                if isinstance(value, str) and value:
                    yield (label, row["_line"], name), value


def _block_texts(package: Checked) -> Iterator[tuple[tuple, str]]:
    """Every free-text value of the package's block in ``datapackage.yaml`` (``plan:``)."""
    key = package.source.kind.metadata
    if not key or not package.metadata:
        return
    lines = getattr(package.source.descriptor.get(key), "lines", {})
    label = package.source.file_label(DESCRIPTOR)
    for name in _text_fields(METADATA_SCHEMAS.get(key, key)):
        value = package.metadata.get(name)
        if isinstance(value, str) and value:
            yield (label, lines.get(name, package.metadata["_line"]), f"{key}.{name}"), value


@cache
def _text_fields(table: str) -> tuple[str, ...]:
    """The free-text fields of ``table``'s schema (once per table: every row of every
    package is read for them, warm or cold)."""
    try:
        fields = schema_descriptor(table)["fields"]
    except FileNotFoundError:
        return ()
    return tuple(
        field["name"]
        for field in fields
        if field.get("type", "string") == "string"
        and not {"pattern", "enum"} & set(field.get("constraints", {}))
        and field.get("format") not in ("uri", "email")
    )


CHECKS = [check_glossary]
