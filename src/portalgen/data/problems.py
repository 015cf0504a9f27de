"""Problems found in the data, written for the editor who has to fix them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
UNSEEN = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
"""Unicode categories of characters that cannot be seen, or printed on one line: controls,
format characters (bidi controls, zero-width), surrogates, private and unassigned."""


def visible(text: str) -> str:
    """``text`` as it can be quoted in a message on one line: a line break as ``\\n``, and any
    other character that cannot be seen as its code, ``\\u200b``."""
    return "".join(_visible(character) for character in str(text))


def _visible(character: str) -> str:
    if character in ESCAPES:
        return ESCAPES[character]
    if unicodedata.category(character) in UNSEEN:
        return f"\\u{ord(character):04x}"
    return character


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place: the file to open, the line and field, and what to do.

    ``path`` is relative to the project (``data/haringey/plans/2013-14/priorities.csv``);
    ``line`` is the line as an editor's text editor or GitHub shows it (header on line 1).
    """

    path: str
    line: int | None
    field: str | None
    message: str
    warning: bool = False
    """Worth fixing, but the site can still be built: a content problem (an unexplained
    abbreviation), which a strict build still refuses."""

    def __post_init__(self) -> None:
        # A value quoted from the data may hold a line break or a character that cannot be
        # printed: each problem stays on one line, in the terminal and in GitHub alike.
        for name in ("path", "field", "message"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, visible(value))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}{field} {self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop the site being built."""
    return [problem for problem in problems if not problem.warning]


def warnings(problems: list[Problem]) -> list[Problem]:
    """The problems the site can be built with: sorted, one line each."""
    return sorted({problem for problem in problems if problem.warning}, key=_reading_order)


class DataError(Exception):
    """The data cannot be published as it is; ``problems`` says everything that is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_reading_order)
        super().__init__(self.summary())

    def summary(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"There {'is' if count == 1 else 'are'} {count} {noun} in the data:"]
        lines += [str(problem) for problem in self.problems]
        return "\n".join(lines)


def _reading_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field or "", problem.message)
