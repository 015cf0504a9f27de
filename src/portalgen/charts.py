"""Bar charts as SVG, laid out at build time: no JavaScript, no fonts or files to fetch.

A chart is drawn from the same figures as the table that always follows it, so the table
is the chart's text alternative. Every bar also carries its value as text, so nothing
depends on hovering or colour alone; series keep their place in each group and are named in
the key, and provisional figures are hatched and starred.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .formats import number, short_money

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 32
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
    left: int = LEFT


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    groups: list[tuple[str, list[tuple[str, float | None, bool]]]],
    unit: str = "pounds",
) -> Chart:
    """``groups``: (group label, [(series name, value or None, marked)]) in order."""
    chart = Chart(chart_id, title, description)
    series = list(dict.fromkeys(name for _, bars in groups for name, _, _ in bars))
    styles = {name: SERIES_STYLES[i % len(SERIES_STYLES)] for i, name in enumerate(series)}
    chart.legend = [(name, styles[name]) for name in series]
    top = _nice_top([v for _, bars in groups for _, v, _ in bars if v is not None])
    chart.ticks = _ticks(top, unit)
    plot_width = WIDTH - LEFT - RIGHT
    slot = plot_width / max(len(groups), 1)
    bar_width = min(48.0, slot * 0.8 / max(len(series), 1))
    for index, (group, bars) in enumerate(groups):
        start = LEFT + slot * index + (slot - bar_width * len(series)) / 2
        chart.groups.append((LEFT + slot * index + slot / 2, group))
        for name, value, marked in bars:
            x = start + bar_width * series.index(name)
            chart.bars.append(
                _bar(x, bar_width, value, top, group, name, unit, styles[name], marked)
            )
    return chart


def _bar(x, width, value, top, group, name, unit, style, marked) -> Bar:
    plot_height = HEIGHT - TOP - BOTTOM
    height = 0.0 if value is None else plot_height * value / top
    label = _label(value, unit)
    suffix = " (provisional)" if marked else ""
    return Bar(
        round(x, 1),
        round(HEIGHT - BOTTOM - height, 1),
        round(width - 2, 1),
        round(height, 1),
        label,
        f"{group}, {name}: {label}{suffix}",
        style,
        marked,
    )


def _label(value: float | None, unit: str) -> str:
    if value is None:
        return "not stated"
    return short_money(value) if unit == "pounds" else number(value, unit)


def _nice_top(values: list[float]) -> float:
    """A round number a little above the largest value: the top of the axis."""
    largest = max([v for v in values if v > 0], default=1.0)
    magnitude = 10 ** math.floor(math.log10(largest))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= largest:
            return step * magnitude
    return 10 * magnitude


def _ticks(top: float, unit: str) -> list[Tick]:
    plot_height = HEIGHT - TOP - BOTTOM
    return [
        Tick(round(HEIGHT - BOTTOM - plot_height * i / 4, 1), _label(top * i / 4, unit))
        for i in range(5)
    ]
