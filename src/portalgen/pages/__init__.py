"""Pages: one module per page kind, each turning the model into ``Page`` objects."""

from __future__ import annotations

from ..model import Portal
from . import partnership, partnerships, plan, priority
from .page import Page

KINDS = (partnerships, partnership, plan, priority)


def all_pages(portal: Portal) -> list[Page]:
    """Every generated page of the portal, in a stable order."""
    return [page for kind in KINDS for page in kind.pages(portal)]


__all__ = ["KINDS", "Page", "all_pages"]
