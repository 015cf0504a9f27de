"""The list of all partnerships, grouped so districts sit under their county group."""

from __future__ import annotations

from ...data import datafiles
from ...model.portal import Portal
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    top = [p for p in portal.partnerships if p.parent is None]
    return [
        Page(
            urls.partnerships_index(),
            "Partnerships",
            "partnerships",
            {"partnerships": top, "all_partnerships": portal.partnerships},
            description="Every community safety partnership on this portal.",
            sources=[datafiles.PARTNERSHIPS],
        )
    ]
