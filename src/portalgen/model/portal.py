"""Model: the portal as typed objects, built from validated packages.

Pages and templates read these objects only; they never see CSV rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..data.formats import financial_year

if TYPE_CHECKING:
    from ..data.versions import PackageVersion
    from .addresses import Redirect, Withdrawal
    from .areas import AreaSet, Metric
    from .funding import Amount, Funding
    from .governance import Governance
    from .history import History
    from .performance import Indicator

Date = dt.date | None


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Term:
    """A word in the glossary: an abbreviation and what it stands for, in plain words."""

    term: str
    expansion: str | None
    definition: str

    @property
    def anchor(self) -> str:
        """Its id on the glossary page: lower case, letters and digits joined by hyphens."""
        return "-".join("".join(c if c.isalnum() else " " for c in self.term.lower()).split())


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
class Action:
    id: str
    kind: str
    title: str
    owner: Organisation | None
    due: str | None
    progress: Progress
    areas: tuple[str, ...] = ()
    """ONS codes of the wards, small areas or councils where it happens, in the order the
    data gives them; empty across the partnership's whole area."""
    overdue: bool = False
    """Past the end of its due year at the portal's "as at" date and not done (``timing``)."""


@dataclass
class Priority:
    id: str
    number: int
    title: str
    summary: str | None
    owner: Organisation | None
    progress: Progress
    areas: tuple[str, ...] = ()
    """ONS codes of the wards, small areas or councils where it applies, in the order the
    data gives them; empty across the partnership's whole area."""
    actions: list[Action] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    """Indicators from the partnership's performance package that measure this priority."""
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
    ended: bool = False
    """Its period was over at the portal's "as at" date (see ``timing``)."""

    @property
    def ends(self) -> dt.date:
        """The last day of its period: 31 March of the year its last financial year ends."""
        return dt.date(int(self.period_to[:4]) + 1, 3, 31)

    @property
    def later(self) -> Plan | None:
        """The partnership's next plan after this one, if the portal has one."""
        after = [p for p in self.partnership.plans if p.period_from > self.period_from]
        return min(after, key=lambda p: p.period_from, default=None)

    @property
    def period(self) -> str:
        """2013/14, or 2013/14 to 2016/17, as the site writes financial years."""
        if self.period_from == self.period_to:
            return financial_year(self.period_from)
        return f"{financial_year(self.period_from)} to {financial_year(self.period_to)}"


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
    funding: Funding | None = None
    indicators: list[Indicator] = field(default_factory=list)
    received: list[Amount] = field(default_factory=list)
    """Amounts other partnerships' funding packages give to this one."""
    area_sets: list[AreaSet] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    """Figures counted by ward or small area, each tied to one of ``area_sets``."""

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
    packages: list = field(default_factory=list, repr=False)
    """The validated data packages the portal was built from, for the open-data downloads."""
    site_url: str | None = None
    """Where the site is published, if known: makes permanent links and catalogues absolute."""
    map_tiles: tuple[str, str] | None = None
    """A tile server URL template and its attribution, for maps; None draws the areas alone."""
    as_of: dt.date = field(default_factory=dt.date.today)
    """The portal's "as at" date: the day of the newest change to its data (see
    ``engine.as_at``). "More than 12 months ago", "ended" and "overdue" are counted from it."""
    redirects: list[Redirect] = field(default_factory=list)
    """Published addresses that now send readers to another page (``data/addresses``)."""
    withdrawn: list[Withdrawal] = field(default_factory=list)
    """Published addresses whose page is gone for good, each with when and why."""
    versions: dict[str, PackageVersion] = field(default_factory=dict, repr=False)
    """Each package's version and changes, by folder in the data folder (``haringey/funding/``)."""
    history: History | None = field(default=None, repr=False)
    """When each package, file and shared row was added and last changed (see ``history``)."""
    glossary: list[Term] = field(default_factory=list)
    """The words the glossary explains, A to Z."""
    warnings: list = field(default_factory=list, repr=False)
    """Problems in the data that do not stop the build (see ``data.problems.warnings``)."""

    def partnership(self, partnership_id: str) -> Partnership:
        return next(p for p in self.partnerships if p.id == partnership_id)

    @property
    def plans(self) -> list[Plan]:
        return [plan for partnership in self.partnerships for plan in partnership.plans]
