"""Pages: one module per page kind, each turning the model into ``Page`` objects."""

from __future__ import annotations

from ...model import history
from ...model.portal import Portal
from .. import downloads
from ..statement import AccessibilityStatement
from . import (
    accessibility,
    area,
    area_map,
    areas_index,
    body,
    dates,
    field_reference,
    funding,
    funding_year,
    glossary,
    governance,
    indicator,
    meeting,
    meetings,
    open_data,
    partnership,
    partnerships,
    performance,
    places,
    plan,
    plan_changes,
    priority,
    recommendation,
    recommendations,
    search,
    terms,
    withdrawn,
)
from .page import Page

KINDS = (
    places,
    partnerships,
    partnership,
    plan,
    plan_changes,
    priority,
    governance,
    body,
    terms,
    meetings,
    meeting,
    recommendations,
    recommendation,
    funding,
    funding_year,
    performance,
    indicator,
    areas_index,
    area_map,
    area,
    open_data,
    glossary,
    field_reference,
    search,
    withdrawn,
)
"""Page kinds made from data; each has ``pages(portal)``."""


def all_pages(portal: Portal, statement: AccessibilityStatement | None = None) -> list[Page]:
    """Every generated page of the portal, in a stable order."""
    pages = [page for kind in KINDS for page in kind.pages(portal)]
    if statement is not None:
        pages.append(accessibility.page(statement))
    for page in pages:
        _date(page, portal)
        page.downloads = downloads.with_json(page.downloads)
    return pages


def _date(page: Page, portal: Portal) -> None:
    """When the page's data was added and last changed, what its facts are as at, and the
    versions of its packages."""
    dates.stamp(page, portal)
    keys = dict.fromkeys(history.package_of(source, portal.versions) for source in page.sources)
    page.versions = [portal.versions[key] for key in keys if key]


__all__ = ["KINDS", "Page", "accessibility", "all_pages"]
