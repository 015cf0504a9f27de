"""A page per version of a body's terms of reference, with what changed from the one before."""

from __future__ import annotations

from ...data import datafiles
from ...model.compare import compare
from ...model.governance import Terms
from ...model.portal import Portal
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [
        page(terms)
        for partnership in portal.partnerships
        if partnership.governance
        for body in partnership.governance.bodies
        for terms in body.terms
    ]


def page(terms: Terms) -> Page:
    body = terms.body
    return Page(
        urls.terms(terms),
        f"{body.name}: terms of reference from {terms.version.day} {terms.version:%B %Y}",
        "terms",
        {
            "terms": terms,
            "body": body,
            "partnership": body.partnership,
            "change": compare(terms.previous, terms) if terms.previous else None,
        },
        key=f"{body.partnership.id}-{body.id}-{terms.slug}",
        description=f"{terms.title}: aim, purpose, chair, meetings and members.",
        sources=[datafiles.terms(body.partnership.id, body.id, terms.slug)],
    )
