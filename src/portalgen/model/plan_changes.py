"""What changed from one version of a partnership's plan to the next.

Priorities are matched by id when their titles are alike, then by likeness of title (a
priority renumbered keeps its words); what is left was removed or added. Made at build time
from the data alone, so the page that shows it needs no JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .compare import REWORDED, likeness
from .portal import Plan, Priority


@dataclass
class PriorityChange:
    old: Priority
    new: Priority

    @property
    def reworded(self) -> bool:
        return self.old.title != self.new.title

    @property
    def summary_changed(self) -> bool:
        return (self.old.summary or "") != (self.new.summary or "")

    @property
    def renumbered(self) -> bool:
        return self.old.number != self.new.number

    @property
    def status_changed(self) -> bool:
        return _status(self.old) != _status(self.new)

    @property
    def changed(self) -> bool:
        return self.reworded or self.summary_changed or self.renumbered or self.status_changed


@dataclass
class PlanChanges:
    old: Plan
    new: Plan
    added: list[Priority] = field(default_factory=list)
    removed: list[Priority] = field(default_factory=list)
    kept: list[PriorityChange] = field(default_factory=list)

    @property
    def changed(self) -> list[PriorityChange]:
        return [change for change in self.kept if change.changed]

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)


def previous(plan: Plan) -> Plan | None:
    """The partnership's plan version before this one, if there is one."""
    plans = plan.partnership.plans
    index = next(i for i, other in enumerate(plans) if other.version == plan.version)
    return plans[index - 1] if index else None


def compare_plans(old: Plan, new: Plan) -> PlanChanges:
    changes = PlanChanges(old, new)
    before, after = list(old.priorities), list(new.priorities)
    for priority in list(after):
        match = next((p for p in before if p.id == priority.id), None)
        if match and _alike(match, priority):
            _keep(changes, match, priority, before, after)
    for priority in list(after):
        scored = [(likeness(p.title, priority.title), p) for p in before]
        score, match = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if match is not None and score >= REWORDED:
            _keep(changes, match, priority, before, after)
    changes.removed, changes.added = before, after
    changes.kept.sort(key=lambda change: change.new.number)
    return changes


def _alike(old: Priority, new: Priority) -> bool:
    return old.title == new.title or likeness(old.title, new.title) >= REWORDED


def _keep(changes: PlanChanges, old: Priority, new: Priority, before, after) -> None:
    changes.kept.append(PriorityChange(old, new))
    before.remove(old)
    after.remove(new)


def _status(priority: Priority) -> str | None:
    return priority.progress.status.id if priority.progress.status else None
