"""Problems found in the data, written for the editor who has to fix them."""

from __future__ import annotations

from dataclasses import dataclass


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
