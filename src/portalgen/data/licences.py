"""The ``licenses`` of a package's descriptor: what each zip and page says the data is
published under, so each must name its licence and link only to a web page."""

from __future__ import annotations

import re

from .problems import Problem

WEB_ADDRESS = re.compile(r"https?://\S+")


def check_licences(descriptor: dict, label: str) -> list[Problem]:
    """Problems with the descriptor's ``licenses`` list (it may be left out: OGL applies)."""
    licences = descriptor.get("licenses")
    line = getattr(descriptor, "lines", {}).get("licenses")
    if licences is None:
        return []
    if not isinstance(licences, list) or not licences:
        return [Problem(label, line, "licenses", _shape())]
    return [problem for licence in licences for problem in _licence_problems(licence, label, line)]


def _licence_problems(licence, label: str, line: int | None) -> list[Problem]:
    if not isinstance(licence, dict) or not isinstance(licence.get("name"), str):
        return [Problem(label, line, "licenses", _shape())]
    path = licence.get("path")
    line = getattr(licence, "lines", {}).get("path", line)
    if path is not None and not (isinstance(path, str) and WEB_ADDRESS.fullmatch(path)):
        return [
            Problem(
                label,
                line,
                "licenses",
                f'the path "{path}" of licence {licence["name"]} must be the web address of '
                "the licence, starting https://.",
            )
        ]
    return []


def _shape() -> str:
    return (
        "must be a list of licences, each with a name, a title and a path, for example "
        "name: OGL-UK-3.0, title: Open Government Licence v3.0, path: "
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/."
    )
