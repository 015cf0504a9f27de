"""A page per recommendation or action, at a permanent address, with its timeline."""

from __future__ import annotations

from ...data import datafiles
from ...model.governance import Recommendation
from ...model.portal import Portal
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [
        page(item)
        for partnership in portal.partnerships
        if partnership.governance
        for item in partnership.governance.recommendations
    ]


def page(item: Recommendation) -> Page:
    partnership = item.meeting.body.partnership
    return Page(
        urls.recommendation(item),
        f"{item.label}: {short(item.text)}",
        "recommendation",
        {"item": item, "meeting": item.meeting, "partnership": partnership},
        key=f"{partnership.id}-{item.id}",
        description=item.text,
        sources=[datafiles.governance(partnership.id)],
        full_title=f"{item.label}: {item.text.rstrip('.')}",
    )


def short(text: str, limit: int = 70) -> str:
    """``text`` cut at a word before ``limit`` characters, for titles (never citations)."""
    if len(text) <= limit:
        return text.rstrip(".")
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
