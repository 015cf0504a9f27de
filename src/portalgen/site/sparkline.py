"""A small trend line as SVG, laid out at build time, with its figures in words for screen
readers; the full table of the same figures follows it on the page."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.formats import financial_year, number

WIDTH, HEIGHT, PAD = 120, 32, 3
MINIMUM = 3
"""Fewer periods than this make no trend worth drawing."""


@dataclass
class Sparkline:
    points: str
    """The polyline's points, "x,y x,y …"."""
    last: tuple[float, float]
    label: str
    span: str
    """The periods it covers, written beside the line: "2013 to 2017"."""
    width: int = WIDTH
    height: int = HEIGHT


def sparkline(trend: list[tuple[str, float]], unit: str) -> Sparkline | None:
    """The line through ``trend`` (period, value, oldest first), or None under 3 periods."""
    if len(trend) < MINIMUM:
        return None
    values = [value for _, value in trend]
    low, high = min(values), max(values)
    span = (high - low) or 1
    step = (WIDTH - 2 * PAD) / (len(trend) - 1)
    coords = [
        (round(PAD + i * step, 1), round(HEIGHT - PAD - (v - low) * (HEIGHT - 2 * PAD) / span, 1))
        for i, v in enumerate(values)
    ]
    words = ", ".join(f"{financial_year(p)}: {number(v, unit)}" for p, v in trend)
    span = f"{financial_year(trend[0][0])} to {financial_year(trend[-1][0])}"
    return Sparkline(
        " ".join(f"{x},{y}" for x, y in coords), coords[-1], f"Trend from {span}: {words}", span
    )
