"""Model of how a partnership is run: bodies, terms of reference, meetings, recommendations.

Built by ``build_governance`` from a partnership's governance package; pages read these
objects only. ``None`` always means the source does not say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .portal import Date, Organisation, Partnership, Source, Status

OPEN_STATUSES = ("proposed", "agreed", "in progress")
"""Recommendation statuses that still need something to happen."""


@dataclass
class Member:
    organisation: Organisation | None
    role: str
    statutory: bool | None
    voting: str | None
    note: str | None

    @property
    def key(self) -> str:
        """What identifies the seat from one version to the next."""
        return self.role.casefold()


@dataclass(frozen=True)
class Clause:
    section: str
    text: str


@dataclass
class Terms:
    """One version of a body's terms of reference, in force from ``version`` (a date)."""

    version: Date
    title: str
    status: Status
    effective_to: Date
    chair: str | None
    chair_selection: str | None
    meeting_frequency: str | None
    quorum: str | None
    review: str | None
    source: Source
    clauses: list[Clause] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    body: Body | None = field(default=None, repr=False)
    previous: Terms | None = field(default=None, repr=False)
    next: Terms | None = field(default=None, repr=False)

    @property
    def slug(self) -> str:
        return self.version.isoformat()

    def section(self, name: str) -> list[str]:
        return [clause.text for clause in self.clauses if clause.section == name]


@dataclass
class Tie:
    relation: str
    target: Body | Organisation
    note: str | None


@dataclass
class Body:
    id: str
    name: str
    kind: str
    stage: str
    summary: str
    organisation: Organisation | None
    parent: Body | None = field(default=None, repr=False)
    children: list[Body] = field(default_factory=list, repr=False)
    ties: list[Tie] = field(default_factory=list)
    terms: list[Terms] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list, repr=False)
    partnership: Partnership | None = field(default=None, repr=False)

    @property
    def current_terms(self) -> Terms | None:
        """The newest version that is not a draft; None if there are only drafts."""
        adopted = [terms for terms in self.terms if terms.status.id != "draft"]
        return adopted[-1] if adopted else None

    @property
    def proposed_terms(self) -> list[Terms]:
        current = self.current_terms
        return [
            t
            for t in self.terms
            if t.status.id == "draft" and (not current or t.version > current.version)
        ]


@dataclass
class Paper:
    title: str
    url: str | None


@dataclass
class Meeting:
    id: str
    date: Date
    body: Body
    public: bool | None
    statutory_annual: bool
    title: str
    summary: str
    decisions: str | None
    papers: list[Paper] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list, repr=False)


@dataclass
class StatusChange:
    date: Date
    status: Status
    note: str | None


@dataclass
class Recommendation:
    id: str
    number: str | None
    kind: str
    text: str
    owner: Organisation | None
    owner_role: str | None
    due: str | None
    meeting: Meeting
    history: list[StatusChange] = field(default_factory=list)
    overdue: bool = False
    """Past its due date at the portal's "as at" date and not done or dropped (``timing``)."""

    @property
    def status(self) -> StatusChange:
        return self.history[-1]

    @property
    def is_open(self) -> bool:
        return self.status.status.id in OPEN_STATUSES

    @property
    def label(self) -> str:
        kind = self.kind.capitalize()
        return f"{kind} {self.number}" if self.number else kind


@dataclass
class Post:
    profile: str
    team: str
    post: str
    wte: float | None
    posts: int | None
    vulnerable: bool
    note: str | None


@dataclass
class Governance:
    summary: str
    source: Source
    staffing_note: str | None
    bodies: list[Body] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    staffing: list[Post] = field(default_factory=list)

    @property
    def top_bodies(self) -> list[Body]:
        """Bodies at the top of the reporting line, wider partnerships last."""
        top = [body for body in self.bodies if body.parent is None]
        return sorted(top, key=lambda body: body.kind == "wider partnership")

    @property
    def main_board(self) -> Body | None:
        """The board at the top of the reporting line: local partnerships sit under it."""
        return next((b for b in self.top_bodies if b.kind == "board"), None)

    def body(self, body_id: str) -> Body:
        return next(body for body in self.bodies if body.id == body_id)

    @property
    def last_annual_meeting(self) -> Meeting | None:
        """The latest statutory annual meeting on record (meetings are newest first)."""
        return next((m for m in self.meetings if m.statutory_annual), None)

    def staffing_profile(self, profile: str) -> list[Post]:
        return [post for post in self.staffing if post.profile == profile]


def more_than_a_year_before(day: dt.date, as_of: dt.date) -> bool:
    """Whether ``day`` is more than 12 months before ``as_of``."""
    try:
        year_before = as_of.replace(year=as_of.year - 1)
    except ValueError:  # 29 February
        year_before = as_of.replace(year=as_of.year - 1, day=28)
    return day < year_before
