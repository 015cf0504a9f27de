"""Model of places: boundary vintages, their areas (wards or small areas), and the figures
counted in them.

A figure belongs to one metric, period and area; the metric names the boundary vintage its
area codes come from, because wards change (Haringey was re-warded in 2022).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .portal import Partnership

KIND_FOLDERS = {"ward": "wards", "small area": "small-areas"}
"""Top-level address folder of each kind of area: /wards/E05000266/."""


@dataclass
class Area:
    code: str
    name: str
    local_authority: str
    area_set: AreaSet = field(repr=False)

    @property
    def kind(self) -> str:
        return self.area_set.kind


@dataclass(eq=False)
class AreaSet:
    """One boundary vintage of one partnership's area, with the shapes of its areas."""

    id: str
    title: str
    kind: str
    vintage: str
    source_title: str
    source_url: str | None
    attribution: str
    geojson: dict
    """The boundaries as GeoJSON, properties ``code`` and ``name``, as the editor saved them."""
    partnership: Partnership = field(repr=False)
    areas: list[Area] = field(default_factory=list)
    in_use_until: str | None = None
    """YYYY-MM when these boundaries stopped being used (wards redrawn); None while current."""

    @property
    def metrics(self) -> list[Metric]:
        return [m for m in self.partnership.metrics if m.area_set is self]

    def area(self, code: str) -> Area:
        return next(area for area in self.areas if area.code == code)

    @property
    def boundaries(self) -> str:
        """The vintage in words, to tell areas of the same name apart: "ONS wards, December
        2013" → "December 2013 boundaries"."""
        return f"{self.vintage.rsplit(', ', 1)[-1]} boundaries"


@dataclass
class Metric:
    id: str
    title: str
    unit: str
    per_1000: bool
    source: str
    note: str | None
    attribution: str
    area_set: AreaSet = field(repr=False)
    population: Metric | None = field(default=None, repr=False)
    values: dict[str, dict[str, float]] = field(default_factory=dict)
    """Period → area code → value, periods oldest first."""

    @property
    def periods(self) -> list[str]:
        return list(self.values)

    def previous(self, period: str) -> str | None:
        index = self.periods.index(period)
        return self.periods[index - 1] if index else None

    def rate(self, period: str, code: str) -> float | None:
        """Per 1,000 residents, using the population figure nearest in time."""
        if not self.per_1000 or self.population is None:
            return None
        value = self.values.get(period, {}).get(code)
        residents = self.population.latest_value(code)
        if value is None or not residents:
            return None
        return 1000 * value / residents

    def latest_value(self, code: str) -> float | None:
        for period in reversed(self.periods):
            if code in self.values[period]:
                return self.values[period][code]
        return None

    def whole_rate(self, period: str) -> float | None:
        """The rate per 1,000 residents of all the areas that have a figure, together; None
        where the metric has no rate or any of those areas has no count of residents."""
        return self._whole_rates.get(period)

    @cached_property
    def _whole_rates(self) -> dict[str, float]:
        """Whole-area rates of every period, worked out once: every area page asks for them."""
        if not self.per_1000 or self.population is None:
            return {}
        rates = {}
        for period, values in self.values.items():
            people = [self.population.latest_value(code) for code in values]
            if values and all(people):
                rates[period] = 1000 * sum(values.values()) / sum(people)
        return rates

    def ranks(self, period: str) -> dict[str, int]:
        """Rank of each area, 1 for the highest figure (or rate, where there is one)."""
        return self._ranks.get(period, {})

    @cached_property
    def _ranks(self) -> dict[str, dict[str, int]]:
        """Ranks of every period, worked out once: every area page asks for them."""
        ranks = {}
        for period, values in self.values.items():
            key = (lambda c, p=period: self.rate(p, c)) if self.per_1000 else values.get
            ordered = sorted(values, key=lambda c: (-(key(c) or 0), c))
            ranks[period] = {code: index + 1 for index, code in enumerate(ordered)}
        return ranks
