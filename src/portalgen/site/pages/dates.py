"""The dates every page states: what its facts are as at (the source document, meeting or
latest status), when its data was added to the portal and when it last changed there."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...data import datafiles
from ...model.portal import Portal
from .page import Page


@dataclass(frozen=True)
class Reported:
    """What a page's facts are as at: "Facts as reported on 27 March 2014, in …"."""

    lead: str
    date: dt.date
    document: str | None = None


def stamp(page: Page, portal: Portal) -> None:
    """Date ``page`` from its data, and give its template the portal's "as at" date."""
    partnership = page.context.get("partnership")
    if partnership is not None:
        page.rows = [*page.rows, f"{datafiles.PARTNERSHIPS}#{partnership.id}"]
    span = portal.history.span(page.sources, page.rows, page.uses) if portal.history else None
    page.added, page.updated = (span.added, span.changed) if span else (None, None)
    page.reported = page.reported or reported(page)
    page.context.setdefault("as_of", portal.as_of)


def reported(page: Page) -> Reported | None:
    """The source a page's facts come from, found in what its template receives."""
    context = page.context
    if page.template == "recommendation":
        return Reported("Status as last reported on", context["item"].status.date)
    if page.template == "recommendations":
        items = context["partnership"].governance.recommendations
        return Reported("Statuses as last reported on", max(i.status.date for i in items))
    found = _document(page)
    if found is None or found.source.date is None:
        return None
    return Reported("Facts as reported on", found.source.date, found.source.title)


def _document(page: Page):
    """The plan, terms of reference, governance or funding package the page shows."""
    if page.template in ("plan", "priority", "plan_changes", "terms"):
        return page.context.get("terms") or page.context["plan"]
    partnership = page.context.get("partnership")
    if page.template == "governance":
        return partnership.governance
    if page.template in ("funding", "funding_year"):
        return partnership.funding
    return None
