"""Problem reports in the forms editors meet them: plain text in a terminal, or GitHub
workflow annotations on the changed lines of a pull request, with a job summary in the
GOV.UK error-summary style (a count, then each problem as a link to its file and line)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from .data.problems import DataError, Problem, errors, warnings

_MARKDOWN = re.compile(r"[\\`*_{}\[\]<>()#!|~&$@]")


def text(problems: list[Problem]) -> str:
    """Problems that stop the build, then any warnings."""
    found = errors(problems)
    parts = [DataError(found).summary()] if found else []
    if warnings(problems):
        parts.append(warnings_text(problems))
    return "\n\n".join(parts)


def warnings_text(problems: list[Problem]) -> str:
    """The warnings alone: worth fixing, but they do not stop the site being built."""
    found = warnings(problems)
    noun = "warning" if len(found) == 1 else "warnings"
    lines = [f"{len(found)} {noun} about the data (the site can still be built):"]
    return "\n".join(lines + [str(problem) for problem in found])


def annotations(problems: list[Problem]) -> str:
    """One ``::error`` line per problem; GitHub shows each on its file and line."""
    lines = []
    for problem in DataError(problems).problems:
        properties = [f"file={_property(problem.path)}"]
        if problem.line:
            properties.append(f"line={problem.line}")
        properties.append(f"title={_property(_title(problem))}")
        level = "warning" if problem.warning else "error"
        lines.append(f"::{level} {','.join(properties)}::{_data(_body(problem))}")
    return "\n".join(lines)


def summary(problems: list[Problem], environ: dict[str, str] | None = None) -> str:
    """The job summary, in Markdown: a heading, the count, then a link to each problem."""
    environ = os.environ if environ is None else environ
    ordered = DataError(problems).problems
    count = len(ordered)
    noun = "problem" if count == 1 else "problems"
    lines = [
        "## There is a problem with the data",
        "",
        f"{count} {noun} must be fixed before the portal can be published:",
        "",
    ]
    for problem in ordered:
        where, body = _markdown(_where(problem)), _markdown(_body(problem))
        lines.append(f"- [{where}]({_link(problem, environ)}): {body}")
    return "\n".join(lines) + "\n"


def write_summary(problems: list[Problem], environ: dict[str, str] | None = None) -> None:
    """Append the summary to the file GitHub names in ``GITHUB_STEP_SUMMARY``, if any."""
    environ = os.environ if environ is None else environ
    target = environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as file:
            file.write(summary(problems, environ))


def write_site_summary(lines: list[str], environ: dict[str, str] | None = None) -> None:
    """Append what ``portalgen check`` found beyond the data to the job summary, if any."""
    environ = os.environ if environ is None else environ
    target = environ.get("GITHUB_STEP_SUMMARY")
    if target and lines:
        noun = "problem" if len(lines) == 1 else "problems"
        text = "\n".join(
            ["## There is a problem with the site", "", f"{len(lines)} {noun} to fix:", ""]
            + [f"- {line}" for line in lines]
        )
        with Path(target).open("a", encoding="utf-8") as file:
            file.write(text + "\n")


def _title(problem: Problem) -> str:
    return (
        f"{Path(problem.path).name}: {problem.field}" if problem.field else Path(problem.path).name
    )


def _body(problem: Problem) -> str:
    return f"{problem.field}: {problem.message}" if problem.field else problem.message


def _where(problem: Problem) -> str:
    return f"{problem.path} line {problem.line}" if problem.line else problem.path


def _link(problem: Problem, environ) -> str:
    anchor = f"#L{problem.line}" if problem.line else ""
    if environ.get("GITHUB_REPOSITORY") and environ.get("GITHUB_SHA"):
        server = environ.get("GITHUB_SERVER_URL", "https://github.com")
        base = f"{server}/{environ['GITHUB_REPOSITORY']}/blob/{environ['GITHUB_SHA']}"
        return f"{base}/{quote(problem.path)}{anchor}"
    return f"{quote(problem.path)}{anchor}"


def _markdown(value: str) -> str:
    """Text that GitHub's Markdown shows as written, on one line: each character it could
    act on is backslash-escaped, so a cell's ``[link](…)``, ``<b>``, ``|`` or ``*`` stays text."""
    return _MARKDOWN.sub(r"\\\g<0>", " ".join(value.split()))


def escape(value: str) -> str:
    """A message as GitHub's workflow commands require it."""
    return _data(value)


def escape_property(value: str) -> str:
    """A property (``file=``, ``title=``) as GitHub's workflow commands require it."""
    return _property(value)


def _data(value: str) -> str:
    """Escape a message as GitHub's workflow commands require."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
