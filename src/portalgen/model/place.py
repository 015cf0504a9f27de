"""What a place page says about one ward or small area: its figures beside the whole
partnership area, the plans that name it, the money tied to it, and who decides.

Functions over the model only; ``site/pages/area.py`` lays them out. Nothing here guesses:
a comparison, a total or a meeting is given only where the data has what it needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .areas import Area, AreaSet, Metric
from .funding import Amount, Funding, Grant
from .governance import Body, Meeting
from .portal import Action, Partnership, Plan, Priority

MONEY = "pounds"
ABOUT_THE_SAME = 0.05
"""Rates within 5% of the whole area's are "about the same"."""


@dataclass
class Reading:
    """One metric's figures for one area: the latest, the one before, and the whole area's."""

    metric: Metric
    period: str
    value: float
    previous_period: str | None
    previous: float | None
    rate: float | None
    whole_rate: float | None
    rank: int | None
    of: int
    trend: list[tuple[str, float]]

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.value - self.previous

    @property
    def change_percent(self) -> float | None:
        return 100 * self.change / self.previous if self.previous else None

    @property
    def direction(self) -> str | None:
        """ "up", "down" or "the same" on the period before; None without one."""
        if self.change is None:
            return None
        return "up" if self.change > 0 else "down" if self.change < 0 else "the same"

    @property
    def compared(self) -> str | None:
        """How its rate stands against the whole area's, in words."""
        if self.rate is None or not self.whole_rate:
            return None
        ratio = self.rate / self.whole_rate
        if abs(ratio - 1) <= ABOUT_THE_SAME:
            return "about the same as"
        return "higher than" if ratio > 1 else "lower than"


def populations(area_set: AreaSet) -> list[Metric]:
    """Metrics the other metrics of the vintage use as their count of residents."""
    found: list[Metric] = []
    for metric in area_set.metrics:
        if metric.population is not None and all(metric.population is not f for f in found):
            found.append(metric.population)
    return found


def readings(area: Area, money: bool = False) -> list[Reading]:
    """The area's figures, one reading per metric that has one for it: money (``pounds``)
    metrics when ``money``, otherwise every other metric but the counts of residents."""
    skip = populations(area.area_set)
    chosen = [
        m
        for m in area.area_set.metrics
        if (m.unit == MONEY) == money
        and all(m is not s for s in skip)
        and m.latest_value(area.code) is not None
    ]
    return [reading(metric, area.code) for metric in chosen]


def reading(metric: Metric, code: str) -> Reading:
    trend = [(p, metric.values[p][code]) for p in metric.periods if code in metric.values[p]]
    period, value = trend[-1]
    before = metric.previous(period)
    return Reading(
        metric,
        period,
        value,
        before,
        metric.values[before].get(code) if before else None,
        metric.rate(period, code),
        metric.whole_rate(period),
        metric.ranks(period).get(code),
        len(metric.values[period]),
        trend,
    )


def residents(area: Area) -> tuple[float, str, Metric] | None:
    """How many people live in the area, by the vintage's population metric: (count, period,
    metric), or None if the data has no such figure."""
    for metric in populations(area.area_set):
        for period in reversed(metric.periods):
            if area.code in metric.values[period]:
                return metric.values[period][area.code], period, metric
    return None


def partnership_residents(partnership: Partnership) -> tuple[float, str] | None:
    """Residents of the whole partnership area, where a vintage of its own has a population
    figure for every one of its areas."""
    for area_set in partnership.area_sets:
        for metric in populations(area_set):
            for period in reversed(metric.periods):
                values = metric.values[period]
                if all(area.code in values for area in area_set.areas):
                    return sum(values[area.code] for area in area_set.areas), period
    return None


@dataclass
class Tied:
    """A priority that names the place, with the actions under it that do."""

    priority: Priority
    actions: list[Action]
    by_text: bool
    """Found because its text names the place, not because its ``areas`` do."""


def tied(area: Area, covering: list[Partnership]) -> list[Tied]:
    """Priorities in the covering partnerships' plans that name the area, by its code or
    council code in ``areas``, or else by its name in their text."""
    codes = {area.code, area.local_authority}
    name = area.name.casefold()
    found = []
    for plan in (plan for partnership in covering for plan in partnership.plans):
        for priority in plan.priorities:
            actions = [a for a in priority.actions if codes & set(a.areas)]
            by_text = [a for a in priority.actions if name in a.title.casefold()]
            named = bool(codes & set(priority.areas)) or bool(actions)
            in_text = name in f"{priority.title} {priority.summary or ''}".casefold()
            if named or in_text or by_text:
                chosen = actions + [a for a in by_text if a not in actions]
                found.append(Tied(priority, chosen, not named))
    return found


def current_plans(covering: list[Partnership]) -> list[Plan]:
    """The current plan of each covering partnership that has one."""
    return [p.current_plan for p in covering if p.current_plan is not None]


def grants_in(area: Area, covering: list[Partnership]) -> list[Grant]:
    """Grants whose ward is this area, from the covering partnerships' funding."""
    funded = [p.funding for p in covering if p.funding is not None]
    return [g for funding in funded for g in funding.grants if g.ward == area.code]


@dataclass
class Spending:
    """A partnership's final spending for its latest year that has any, by source table."""

    partnership: Partnership
    year: str
    totals: list[tuple[str | None, float]]
    residents: tuple[float, str] | None


def latest_spending(partnership: Partnership) -> Spending | None:
    funding: Funding | None = partnership.funding
    for year in reversed(funding.years if funding else []):
        totals = [
            (table, year.total("spending", table))
            for table in year.tables
            if year.has_final("spending", table)
        ]
        if totals:
            return Spending(partnership, year.year, totals, partnership_residents(partnership))
    return None


def latest_received(partnership: Partnership) -> list[Amount]:
    """Final amounts other partnerships gave this one in the latest year with any."""
    counted = [a for a in partnership.received if a.counted]
    latest = max((a.year for a in counted), default=None)
    return [a for a in counted if a.year == latest]


@dataclass
class Decider:
    """A covering partnership's board and its last and next meetings, as of the build date."""

    partnership: Partnership
    board: Body | None
    last: Meeting | None
    next: Meeting | None


def decider(partnership: Partnership, as_of: dt.date) -> Decider:
    governance = partnership.governance
    if governance is None:
        return Decider(partnership, None, None, None)
    board = governance.main_board or next(iter(governance.top_bodies), None)
    meetings = [m for m in (board.meetings if board else []) if m.date] or [
        m for m in governance.meetings if m.date
    ]
    public = [m for m in meetings if m.public] or [m for m in meetings if m.public is None]
    past = sorted((m for m in public if m.date <= as_of), key=lambda m: m.date)
    future = sorted((m for m in public if m.date > as_of), key=lambda m: m.date)
    return Decider(partnership, board, past[-1] if past else None, next(iter(future), None))
