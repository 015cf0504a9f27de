"""A page per meeting: when, which body, papers, what was discussed and decided."""

from __future__ import annotations

from ...data import datafiles
from ...model.governance import Meeting
from ...model.portal import Portal
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [
        page(meeting)
        for partnership in portal.partnerships
        if partnership.governance
        for meeting in partnership.governance.meetings
    ]


def page(meeting: Meeting) -> Page:
    partnership = meeting.body.partnership
    return Page(
        urls.meeting(meeting),
        f"{meeting.body.name}, {meeting.date.day} {meeting.date:%B %Y}",
        "meeting",
        {"meeting": meeting, "partnership": partnership},
        key=f"{partnership.id}-{meeting.id}",
        description=meeting.summary,
        sources=[datafiles.governance(partnership.id)],
    )
