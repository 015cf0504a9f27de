"""A governance page per partnership: how it is run, its structure chart and its staffing."""

from __future__ import annotations

from ...data import datafiles
from ...model.governance import more_than_a_year_before
from ...model.portal import Partnership, Portal
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(p, portal) for p in portal.partnerships if p.governance]


def page(partnership: Partnership, portal: Portal) -> Page:
    return Page(
        urls.governance(partnership),
        f"How {partnership.name} is run",
        "governance",
        {
            "partnership": partnership,
            "governance": partnership.governance,
            "staffing": _staffing(partnership),
            "annual": annual_meeting(partnership, portal),
        },
        key=partnership.id,
        description=partnership.governance.summary,
        sources=[datafiles.governance(partnership.id)],
    )


def _staffing(partnership: Partnership) -> list[dict]:
    """Each staffing profile with its teams and totals, in the order the data gives."""
    profiles = []
    for profile in ("current", "proposed"):
        posts = partnership.governance.staffing_profile(profile)
        if posts:
            teams = {}
            for post in posts:
                teams.setdefault(post.team, []).append(post)
            profiles.append(
                {
                    "profile": profile,
                    "teams": [{"name": name, **_totals(rows)} for name, rows in teams.items()],
                    **_totals(posts),
                }
            )
    return profiles


def _totals(posts) -> dict:
    """Sums of what is stated, and how many rows did not state it."""
    return {
        "posts": posts,
        "wte": sum(p.wte for p in posts if p.wte is not None),
        "wte_missing": sum(p.wte is None for p in posts),
        "count": sum(p.posts for p in posts if p.posts is not None),
        "count_missing": sum(p.posts is None for p in posts),
        "vulnerable_wte": sum(p.wte for p in posts if p.vulnerable and p.wte is not None),
    }


def annual_meeting(partnership: Partnership, portal: Portal) -> dict | None:
    """The last statutory annual meeting and whether it is overdue, for the warning on the
    partnership's pages; None when the portal has no governance data for it."""
    if partnership.governance is None:
        return None
    meeting = partnership.governance.last_annual_meeting
    return {
        "meeting": meeting,
        "as_of": portal.as_of,
        "overdue": meeting is None or more_than_a_year_before(meeting.date, portal.as_of),
    }
