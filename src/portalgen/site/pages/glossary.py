"""The glossary page: every abbreviation and unfamiliar word the portal uses, A to Z."""

from __future__ import annotations

from itertools import groupby

from ...model.portal import Portal
from .page import Page

ADDRESS = "glossary/"
SOURCE = "vocabulary/glossary.csv"


def pages(portal: Portal) -> list[Page]:
    if not portal.glossary:
        return []
    letters = [
        (letter, list(terms))
        for letter, terms in groupby(portal.glossary, key=lambda term: term.term[0].upper())
    ]
    return [
        Page(
            ADDRESS,
            "Glossary",
            "glossary",
            {"letters": letters},
            description="What the abbreviations and less familiar words on this portal mean.",
            sources=[SOURCE],
        )
    ]
