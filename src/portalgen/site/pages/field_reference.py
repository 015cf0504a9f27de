"""The field reference: every file editors write and every column in it, from the schemas."""

from __future__ import annotations

from jinja2 import Environment

from ...data.reference import reference
from ...model.portal import Portal
from ..plaintext import restore
from .page import Page

ADDRESS = "field-reference/"
GUIDE = "how-to-edit/"


def statuses(portal: Portal) -> dict[str, list[tuple[str, str]]]:
    """Each status scheme's values and what they mean, from the portal's vocabulary."""
    return {
        scheme: [(status.id, status.description) for status in found.values()]
        for scheme, found in portal.statuses.items()
    }


def pages(portal: Portal) -> list[Page]:
    return [
        Page(
            ADDRESS,
            "Field reference",
            "field_reference",
            {"files": reference(statuses(portal)), "guide": GUIDE},
            description="Every data file of this portal and every column in it: what it "
            "means, whether it is required, its type, allowed values and an example.",
        )
    ]


def markdown(env: Environment, statuses: dict[str, list[tuple[str, str]]], guide: str) -> str:
    """The same reference as a Markdown file for the repository (``docs/``), linking to
    the guide at ``guide``."""
    template = env.get_template("pages/field_reference.md.j2")
    text = template.render(files=reference(statuses), guide=guide, link=lambda address: address)
    return restore(text)  # the schemas' own words, so their characters are written back
