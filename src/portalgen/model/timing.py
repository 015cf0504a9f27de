"""What has ended and what is overdue at the portal's "as at" date (``Portal.as_of``: the day
of the newest change to the data, never the day of the build).

A due date given only as a year, a month or a financial year is overdue only once that whole
period has ended.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .governance import Recommendation
    from .portal import Portal

CLOSED = ("done", "dropped")
"""Statuses of work that is over: it cannot be overdue."""


def year_end(financial_year: str) -> dt.date:
    """The last day of a financial year: ``2016-17`` → 31 March 2017."""
    return dt.date(int(financial_year[:4]) + 1, 3, 31)


def period_end(due: str) -> dt.date:
    """The last day of a due date given as YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(part) for part in due.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return dt.date(*parts, calendar.monthrange(*parts)[1])
    return dt.date(parts[0], 12, 31)


@dataclass(frozen=True)
class Tally:
    """How many of a partnership's recommendations and actions stand where."""

    total: int
    kinds: tuple[str, ...]
    parts: tuple[tuple[int, str], ...]
    """Counts with what they count: done, dropped, overdue, then each open status."""

    @property
    def summary(self) -> str:
        """ "6 recommendations: none done, 5 overdue, 1 proposed"."""
        nouns = [f"{kind}s" if self.total != 1 else kind for kind in self.kinds]
        parts = [f"{count} {what}" for count, what in self.parts]
        if not any(what == "done" for _, what in self.parts):
            parts.insert(0, "none done")
        return f"{self.total} {' and '.join(nouns)}: {', '.join(parts)}"


def mark(portal: Portal) -> None:
    """Mark every plan that has ended, and every action and recommendation overdue."""
    for plan in portal.plans:
        plan.ended = plan.ends < portal.as_of
        for action in (a for priority in plan.priorities for a in priority.actions):
            status = action.progress.status
            late = bool(action.due) and year_end(action.due) < portal.as_of
            action.overdue = late and not (status and status.id in CLOSED)
    for partnership in portal.partnerships:
        for item in partnership.governance.recommendations if partnership.governance else ():
            late = bool(item.due) and period_end(item.due) < portal.as_of
            item.overdue = late and item.status.status.id not in CLOSED


def tally(items: list[Recommendation]) -> Tally:
    """Done, dropped and overdue first; what is still open and not overdue by its status."""
    counts: dict[str, int] = {}
    for item in items:
        status = item.status.status
        key = "overdue" if item.overdue else status.label.lower()
        counts[key] = counts.get(key, 0) + 1
    first = [key for key in ("done", "dropped", "overdue") if key in counts]
    order = first + [key for key in counts if key not in first]
    kinds = tuple(sorted({item.kind for item in items}, reverse=True))
    return Tally(len(items), kinds, tuple((counts[key], key) for key in order))
