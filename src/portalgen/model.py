"""Model: the portal as typed objects, built from validated packages.

Pages and templates read these objects only; they never see CSV rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .governance import Governance

Date = dt.date | None


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    sector: str
    responsible_authority: bool
    website: str | None = None


@dataclass(frozen=True)
class LocalAuthority:
    id: str
    name: str
    tier: str
    abolished: Date = None


@dataclass
class Progress:
    """Where a piece of work stands. ``status`` None means the source does not say."""

    status: Status | None
    date: Date


@dataclass
class Measure:
    id: str
    title: str
    owner: Organisation | None
    unit: str
    baseline: float | None
    baseline_period: str | None
    latest: float | None
    latest_period: str | None
    target: str | None
    progress: Progress
    action_id: str | None


@dataclass
class Action:
    id: str
    kind: str
    title: str
    owner: Organisation | None
    due: str | None
    progress: Progress


@dataclass
class Priority:
    id: str
    number: int
    title: str
    summary: str | None
    owner: Organisation | None
    progress: Progress
    actions: list[Action] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    plan: Plan | None = field(default=None, repr=False)

    def actions_of(self, kind: str) -> list[Action]:
        return [action for action in self.actions if action.kind == kind]


@dataclass
class Source:
    title: str
    date: Date
    url: str | None


@dataclass
class Plan:
    version: str
    title: str
    period_from: str
    period_to: str
    status: Status
    adopted: Date
    summary: str
    source: Source
    priorities: list[Priority] = field(default_factory=list)
    partnership: Partnership | None = field(default=None, repr=False)

    @property
    def period(self) -> str:
        if self.period_from == self.period_to:
            return self.period_from
        return f"{self.period_from} to {self.period_to}"


@dataclass
class Partnership:
    id: str
    name: str
    kind: str
    local_authorities: list[LocalAuthority]
    summary: str
    active_from: Date
    active_to: Date
    parent: Partnership | None = field(default=None, repr=False)
    successor: Partnership | None = field(default=None, repr=False)
    children: list[Partnership] = field(default_factory=list, repr=False)
    predecessors: list[Partnership] = field(default_factory=list, repr=False)
    plans: list[Plan] = field(default_factory=list)
    governance: Governance | None = None

    @property
    def current_plan(self) -> Plan | None:
        """The newest plan that has not been superseded, else the newest plan."""
        live = [plan for plan in self.plans if plan.status.id != "superseded"]
        return (live or self.plans or [None])[-1]


@dataclass
class Portal:
    partnerships: list[Partnership]
    organisations: dict[str, Organisation]
    statuses: dict[str, dict[str, Status]]
    """Statuses by scheme (plan, progress, recommendation), then by id."""
    as_of: dt.date = field(default_factory=dt.date.today)
    """The day the site is built for: "more than 12 months ago" is counted from it."""

    def partnership(self, partnership_id: str) -> Partnership:
        return next(p for p in self.partnerships if p.id == partnership_id)

    @property
    def plans(self) -> list[Plan]:
        return [plan for partnership in self.partnerships for plan in partnership.plans]
