"""Bar charts as SVG, laid out at build time: no JavaScript, no fonts or files to fetch.

A chart is drawn from the same figures as the table that always follows it, so the table
is the chart's text alternative; the SVG itself is one image with a title and description.
Every bar carries its value as text and, where there are several series, its series number
under it, matching the key, so nothing depends on colour or hovering (the per-bar tooltips
are for mouse users). Provisional figures are hatched and starred; a negative figure (a
clawback) is drawn down from the zero line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..data.formats import NOT_STATED, number, short_money

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40
SERIES_STYLES = ("pg-bar--1", "pg-bar--2", "pg-bar--3", "pg-bar--4")


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    """The value as text, drawn above the bar."""
    title: str
    """Group, series and value, read on hover and by assistive technology."""
    style: str
    marked: bool = False
    """Drawn hatched: a provisional figure, or one that is not final."""
    number: str = ""
    """The series' number in the key, written under the bar when there are several."""
    label_y: float = 0.0


@dataclass
class Tick:
    y: float
    label: str


@dataclass
class Chart:
    id: str
    title: str
    description: str
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    groups: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - BOTTOM
    """Where the zero line is drawn."""
    left: int = LEFT


class _Scale:
    """Maps values to heights: zero at ``zero``, the axis from ``bottom`` to ``top``."""

    def __init__(self, values: list[float]):
        self.top = _nice_top([v for v in values if v > 0])
        lowest = min([v for v in values if v < 0], default=0.0)
        self.bottom = -_nice_top([-lowest]) if lowest < 0 else 0.0
        self.height = HEIGHT - TOP - BOTTOM

    def y(self, value: float) -> float:
        return TOP + self.height * (self.top - value) / (self.top - self.bottom)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    groups: list[tuple[str, list[tuple[str, float | None, bool]]]],
    unit: str = "pounds",
    missing: str = NOT_STATED,
    order: list[str] | None = None,
) -> Chart:
    """``groups``: (group label, [(series name, value or None, marked)]) in order.

    Series are numbered in ``order``, or in the order they first appear; ``missing`` labels
    a bar that has no value."""
    chart = Chart(chart_id, title, description)
    series = order or list(dict.fromkeys(name for _, bars in groups for name, _, _ in bars))
    styles = {name: SERIES_STYLES[i % len(SERIES_STYLES)] for i, name in enumerate(series)}
    chart.legend = [(name, styles[name]) for name in series]
    scale = _Scale([v for _, bars in groups for _, v, _ in bars if v is not None])
    chart.baseline = round(scale.y(0), 1)
    chart.ticks = [
        Tick(round(scale.y(v), 1), _label(v, unit)) for v in _tick_values(scale.bottom, scale.top)
    ]
    plot_width = WIDTH - LEFT - RIGHT
    slot = plot_width / max(len(groups), 1)
    bar_width = min(48.0, slot * 0.8 / max(len(series), 1))
    numbered = len(series) > 1
    for index, (group, bars) in enumerate(groups):
        start = LEFT + slot * index + (slot - bar_width * len(series)) / 2
        chart.groups.append((LEFT + slot * index + slot / 2, group))
        for name, value, marked in bars:
            position = series.index(name)
            bar = _bar(start + bar_width * position, bar_width, value, scale, unit, marked)
            bar.label = missing if value is None else bar.label
            bar.title = f"{group}, {name}: {bar.label}" + (" (provisional)" if marked else "")
            bar.style = styles[name]
            bar.number = str(position + 1) if numbered else ""
            chart.bars.append(bar)
    return chart


def _bar(
    x: float, width: float, value: float | None, scale: _Scale, unit: str, marked: bool
) -> Bar:
    zero = scale.y(0)
    end = zero if value is None else scale.y(value)
    top, height = min(zero, end), abs(end - zero)
    label_y = top - 4 if value is None or value >= 0 else top + height + 12
    return Bar(
        round(x, 1),
        round(top, 1),
        round(width - 2, 1),
        round(height, 1),
        _label(value, unit),
        "",
        "",
        marked,
        label_y=round(label_y, 1),
    )


def _label(value: float | None, unit: str) -> str:
    if value is None:
        return NOT_STATED
    return short_money(value) if unit == "pounds" else number(value, unit)


def _nice_top(values: list[float]) -> float:
    """A round number a little above the largest value: the top of the axis."""
    largest = max([v for v in values if v > 0], default=1.0)
    magnitude = 10 ** math.floor(math.log10(largest))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= largest:
            return step * magnitude
    return 10 * magnitude


def _tick_values(bottom: float, top: float) -> list[float]:
    step = (top - bottom) / 4
    return [bottom + step * i for i in range(5)]
