"""A page per body (board, group, committee): its current terms, members and history."""

from __future__ import annotations

from ...data import datafiles
from ...model.compare import compare
from ...model.governance import Body
from ...model.portal import Portal
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [
        page(body)
        for partnership in portal.partnerships
        if partnership.governance
        for body in partnership.governance.bodies
    ]


def page(body: Body) -> Page:
    comparisons = [compare(t.previous, t) for t in body.terms if t.previous]
    return Page(
        urls.body(body),
        body.name,
        "body",
        {
            "body": body,
            "partnership": body.partnership,
            "terms": body.current_terms or (body.terms[-1] if body.terms else None),
            "comparisons": list(reversed(comparisons)),
        },
        key=f"{body.partnership.id}-{body.id}",
        description=body.summary,
        sources=[datafiles.governance(body.partnership.id)],
    )
