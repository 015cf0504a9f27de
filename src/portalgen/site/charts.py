"""Bar charts for comparisons, laid out at build time: no JavaScript, no fonts to fetch.

Bars run across the page, one row each, grouped (by year): the series' name and its value
are HTML text beside a bar drawn as SVG, so text is always the page's own size and reflows
on a phone instead of shrinking with a picture. Each bar is named directly, so there is no
key. A provisional figure is hatched and says "provisional"; a figure to be confirmed has no
bar and says "to be confirmed"; a negative figure (a clawback) runs left of the zero line.
A table of the same figures always follows the chart: it is the chart's text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data.formats import NOT_STATED, number

SERIES_STYLES = ("pg-bar--1", "pg-bar--2", "pg-bar--4", "pg-bar--3")
PROVISIONAL, TBC = "provisional", "to be confirmed"


@dataclass
class Bar:
    name: str
    """What the figure is (the series), written beside the bar."""
    label: str
    """The value as text, or why there is none."""
    style: str
    start: float = 0.0
    """Where the bar begins, as a percentage of the bar's space."""
    length: float = 0.0
    """How long it is, as a percentage; 0 draws no bar."""
    state: str = ""
    """"provisional", "to be confirmed" or empty (a final figure)."""


@dataclass
class Group:
    label: str
    bars: list[Bar] = field(default_factory=list)


@dataclass
class BarChart:
    id: str
    title: str
    description: str
    groups: list[Group] = field(default_factory=list)
    zero: float = 0.0
    """Where zero is, as a percentage: above 0 only when there is a negative figure."""

    @property
    def states(self) -> set[str]:
        return {bar.state for group in self.groups for bar in group.bars if bar.state}


Figure = tuple[str, float | None, str]
"""A series' name, its value (None: none given) and its state ("", provisional or tbc)."""


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    groups: list[tuple[str, list[Figure]]],
    unit: str = "pounds",
    missing: str = NOT_STATED,
    order: list[str] | None = None,
) -> BarChart:
    """``groups``: (group label, [(series name, value or None, state)]) in order. Series
    keep one colour throughout, given in ``order`` (or as they first appear); ``missing``
    labels a figure with no value."""
    values = [v for _, bars in groups for _, v, _ in bars if v is not None]
    low, high = min([0.0, *values]), max([0.0, *values])
    span = (high - low) or 1.0
    names = order or list(dict.fromkeys(name for _, bars in groups for name, _, _ in bars))
    styles = {name: SERIES_STYLES[i % len(SERIES_STYLES)] for i, name in enumerate(names)}
    chart = BarChart(chart_id, title, description, zero=round(100 * -low / span, 2))
    for label, figures in groups:
        group = Group(label)
        for name, value, state in figures:
            bar = Bar(name, _label(value, unit, state, missing), styles[name], state=state)
            if value is not None:
                bar.start = round(100 * (min(value, 0.0) - low) / span, 2)
                bar.length = round(100 * abs(value) / span, 2)
            group.bars.append(bar)
        chart.groups.append(group)
    return chart


def _label(value: float | None, unit: str, state: str, missing: str) -> str:
    if value is None:
        return TBC if state == TBC else missing
    text = number(value, unit)
    return f"{text} {PROVISIONAL}" if state == PROVISIONAL else text
