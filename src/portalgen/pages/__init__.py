"""Pages: one module per page kind, each turning the model into ``Page`` objects."""

from __future__ import annotations

from ..model import Portal
from ..statement import AccessibilityStatement
from . import accessibility, partnership, partnerships, plan, priority
from .page import Page

KINDS = (partnerships, partnership, plan, priority)
"""Page kinds made from data; each has ``pages(portal)``."""


def all_pages(portal: Portal, statement: AccessibilityStatement | None = None) -> list[Page]:
    """Every generated page of the portal, in a stable order."""
    pages = [page for kind in KINDS for page in kind.pages(portal)]
    if statement is not None:
        pages.append(accessibility.page(statement))
    return pages


__all__ = ["KINDS", "Page", "accessibility", "all_pages"]
