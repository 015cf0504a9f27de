"""Line charts for figures over time, as SVG laid out at build time.

An SVG's text shrinks with the picture, so each chart is laid out twice: a narrow version
for a phone and a wide one for a larger screen; the stylesheet shows the one that fits its
space, and each is drawn at a scale that keeps its text at 12 CSS pixels or more. Labels
are placed only where they do not collide, estimated from a generous width per character:
the first and last values always, the others where there is room; the period names the same
way. Every figure is in the table that follows the chart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..data.formats import number, short_money

CHARACTER = 0.64
"""A character's width as a share of the font size: wider than a digit in common fonts."""


@dataclass(frozen=True)
class Layout:
    name: str
    width: int
    height: int
    font: float
    """Text size in the SVG's units: the stylesheet gives the same size to its class."""


NARROW = Layout("narrow", 280, 240, 13.0)
WIDE = Layout("wide", 640, 280, 14.0)


@dataclass
class Tick:
    y: float
    label: str


@dataclass
class Label:
    x: float
    y: float
    text: str
    style: str
    anchor: str = "middle"


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Variant:
    name: str
    width: int
    height: int
    left: float
    right: float
    bottom: float
    ticks: list[Tick] = field(default_factory=list)
    marks: list[Point] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)

    @property
    def points(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.marks)


@dataclass
class LineChart:
    id: str
    title: str
    description: str
    caption: str
    variants: list[Variant]


def line_chart(chart_id: str, title: str, trend: list[tuple[str, float]], unit: str) -> LineChart:
    """``trend``: (period as written, value), oldest first: at least two."""
    words = "; ".join(f"{period}: {number(value, unit)}" for period, value in trend)
    description = f"A line through each figure, oldest first. {words}."
    caption = f"From {trend[0][0]} to {trend[-1][0]}; figures are written where there is room."
    variants = [_variant(layout, trend, unit) for layout in (NARROW, WIDE)]
    return LineChart(chart_id, title, description, caption, variants)


def _variant(layout: Layout, trend: list[tuple[str, float]], unit: str) -> Variant:
    values = [value for _, value in trend]
    low = min(0.0, *values)
    top = _nice_top(max(values)) if max(values) > 0 else 0.0
    bottom_value = -_nice_top(-low) if low < 0 else 0.0
    ticks = [bottom_value + (top - bottom_value) * i / 4 for i in range(5)]
    tick_labels = [_short(v, unit) for v in ticks]
    left = 8 + _width(max(tick_labels, key=len), layout.font)
    plot_top, plot_bottom = layout.font * 2 + 4, layout.height - layout.font * 2 - 8
    texts = [number(v, unit) for v in values] + [period for period, _ in trend]
    pad = _width(max(texts, key=len), layout.font) / 2 + 4
    span = (top - bottom_value) or 1.0

    def y(value: float) -> float:
        return round(plot_bottom - (value - bottom_value) * (plot_bottom - plot_top) / span, 1)

    first, last = left + pad, layout.width - pad
    step = (last - first) / max(len(trend) - 1, 1)
    variant = Variant(layout.name, layout.width, layout.height, left, layout.width - 4, 0.0)
    variant.bottom = y(bottom_value)
    variant.ticks = [Tick(y(v), text) for v, text in zip(ticks, tick_labels, strict=True)]
    variant.marks = [Point(round(first + i * step, 1), y(v)) for i, v in enumerate(values)]
    variant.labels = _value_labels(variant.marks, values, unit, layout) + _period_labels(
        variant.marks, [p for p, _ in trend], layout, layout.height - 8
    )
    return variant


def _value_labels(
    marks: list[Point], values: list[float], unit: str, layout: Layout
) -> list[Label]:
    order = _priority(len(values))
    placed: list[Label] = []
    for index in order:
        mark = marks[index]
        label = Label(mark.x, round(mark.y - 10, 1), number(values[index], unit), "pg-value")
        if not any(_collide(label, other, layout.font) for other in placed):
            placed.append(label)
    return sorted(placed, key=lambda label: label.x)


def _period_labels(
    marks: list[Point], periods: list[str], layout: Layout, baseline: float
) -> list[Label]:
    placed: list[Label] = []
    for index in _priority(len(periods)):
        label = Label(marks[index].x, baseline, periods[index], "pg-axis")
        if not any(_collide(label, other, layout.font) for other in placed):
            placed.append(label)
    return sorted(placed, key=lambda label: label.x)


def _priority(count: int) -> list[int]:
    """The last and the first, then the rest from the newest back."""
    return list(dict.fromkeys([count - 1, 0, *range(count - 2, 0, -1)]))


def _collide(a: Label, b: Label, font: float) -> bool:
    half_a, half_b = _width(a.text, font) / 2 + 3, _width(b.text, font) / 2 + 3
    across = abs(a.x - b.x) < half_a + half_b
    down = abs(a.y - b.y) < font + 2
    return across and down


def _width(text: str, font: float) -> float:
    return len(text) * CHARACTER * font


def _short(value: float, unit: str) -> str:
    return short_money(value) if unit == "pounds" else number(value, unit)


def _nice_top(largest: float) -> float:
    """A round number a little above the largest value: the top of the axis."""
    magnitude = 10 ** math.floor(math.log10(largest))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= largest:
            return step * magnitude
    return 10 * magnitude
