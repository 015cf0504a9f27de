"""Read YAML the way an editor wrote it: safe, no duplicate keys, and remembering lines."""

from __future__ import annotations

import datetime as dt
import re

import yaml


class LineDict(dict):
    """A mapping that remembers the line each key was written on (``lines[key]``)."""

    lines: dict[str, int]


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        # An alias (*name) repeats a value written elsewhere; a few nested ones make a
        # "billion laughs" of copies. Editors write values out in full, so refuse them.
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "it uses an alias (*)", mark)
        return super().compose_node(parent, index)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f'the key "{key}" appears twice', key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Repeated(Exception):
    """The fast reader met a value written once and used twice: an alias."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's reader, with the same constructors. Its composer, written in C, cannot be
    told to refuse an alias, so a node constructed twice (the only way one can be, in a
    tree libyaml made) stops it; the careful reader then says what is wrong."""

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            raise _Repeated
        return super().construct_object(node, deep)


_FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

FAST_MAX_CHARS = 16_384
"""libyaml composes nested values by recursion in C, which no Python limit guards: a text
nested tens of thousands deep crashes it. A text this short cannot nest that deep."""
UNUSUAL = re.compile(f"{yaml.reader.Reader.NON_PRINTABLE.pattern}|[\\x85\\u2028\\u2029]")
"""Characters PyYAML refuses or counts as line breaks, where libyaml may differ."""


class YamlProblem(Exception):
    """The text is not YAML portalgen can read; ``line`` is where the reader gave up."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


def load_yaml(text: str):
    """Parse ``text``; raise ``YamlProblem`` with a plain-English message and line.

    Short, plain texts (every descriptor) are read with libyaml, about ten times faster;
    anything it cannot read, or may read differently, is read again by PyYAML's own reader,
    so what is accepted and every message are the same as with PyYAML alone."""
    if len(text) <= FAST_MAX_CHARS and not UNUSUAL.search(text):
        try:
            return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader
        except (_Repeated, yaml.YAMLError, ValueError, RecursionError):
            pass
    return _careful(text)


def _careful(text: str):
    """Parse ``text`` with PyYAML's own (pure Python) reader."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise YamlProblem(_explain(error), line) from error
    except yaml.YAMLError as error:
        raise YamlProblem(f"is not valid YAML ({error})", None) from error
    except RecursionError as error:
        raise YamlProblem(
            "is not valid YAML portalgen can read: its lists or mappings are nested too deeply.",
            None,
        ) from error
    except ValueError as error:  # a date that does not exist, such as 2026-02-30
        line, day = _impossible_date(text)
        raise YamlProblem(
            f"has a date that does not exist: {day}. Check the day and the month.", line
        ) from error


def _impossible_date(text: str) -> tuple[int | None, str]:
    """The first YYYY-MM-DD in ``text`` that is not a real day, and its line."""
    for number, line in enumerate(text.splitlines(), 1):
        for day in re.findall(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b", line):
            try:
                dt.date.fromisoformat(day)
            except ValueError:
                return number, day
    return None, "one of its dates"


def _explain(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "cannot be read"
    if "\\t" in problem or "tab" in problem:
        return "is not valid YAML: it uses a tab character. Indent with spaces instead."
    if "alias" in problem:
        return (
            "is not valid YAML portalgen can read: it repeats a value with an alias (*name). "
            "Write the value out in full instead."
        )
    if "appears twice" in problem:
        return f"is not valid YAML: {problem}. Keep one of them."
    return (
        f"is not valid YAML: {problem}. Check the indentation and that each "
        '"key: value" pair is on its own line.'
    )
