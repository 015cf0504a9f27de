"""Model of performance: indicators, their figures over time, and where each stands.

A status stated by the source is shown as stated; otherwise, where there is a numeric
target and a direction, portalgen works one out and says that it did.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .portal import Date, Organisation, Partnership, Priority, Status


@dataclass
class Observation:
    period: str | None
    value: float | None
    baseline: bool
    target: float | None
    target_text: str | None
    status: Status | None
    status_date: Date
    note: str | None


@dataclass
class Standing:
    """Where an indicator stands: a status, and whether portalgen worked it out."""

    status: Status | None
    computed: bool = False
    reason: str = ""


@dataclass
class Indicator:
    id: str
    title: str
    unit: str
    direction: str | None
    owner: Organisation | None
    source: str | None
    attention: str | None
    action_id: str | None
    observations: list[Observation] = field(default_factory=list)
    standing: Standing = field(default_factory=lambda: Standing(None))
    priority: Priority | None = field(default=None, repr=False)
    partnership: Partnership | None = field(default=None, repr=False)

    @property
    def baseline(self) -> Observation | None:
        return next((o for o in self.observations if o.baseline), None)

    @property
    def target(self) -> Observation | None:
        """The newest observation that states a target, in figures or words."""
        stated = [o for o in self.observations if o.target is not None or o.target_text]
        return stated[-1] if stated else None

    @property
    def latest(self) -> Observation | None:
        """The newest observation that is not the baseline (or the only one there is)."""
        later = [o for o in self.observations if not o.baseline]
        return (later or self.observations or [None])[-1]

    @property
    def series(self) -> list[Observation]:
        """Observations with a figure, in order: what a trend chart draws."""
        return [o for o in self.observations if o.value is not None]

    def better(self, value: float, than: float) -> bool:
        return value > than if self.direction == "higher" else value < than

    def meets(self, value: float, target: float) -> bool:
        return value >= target if self.direction == "higher" else value <= target


def standing(indicator: Indicator, statuses: dict[str, Status]) -> Standing:
    """The stated status of the latest figure, else one worked out from its target."""
    latest = indicator.latest
    if latest is None:
        return Standing(None)
    if latest.status is not None:
        return Standing(latest.status)
    if latest.value is None or latest.target is None or indicator.direction is None:
        return Standing(None)
    if indicator.meets(latest.value, latest.target):
        return Standing(statuses["on track"], True, "the latest figure meets its target")
    base = indicator.baseline
    if base is not None and base.value is not None and indicator.better(latest.value, base.value):
        return Standing(
            statuses["at risk"], True, "the latest figure misses its target but beats the baseline"
        )
    return Standing(statuses["off track"], True, "the latest figure misses its target")
