"""A page per indicator: its trend as a chart and a table, against target and baseline."""

from __future__ import annotations

from ...data import datafiles
from ...data.formats import financial_year
from ...model.performance import Indicator
from ...model.portal import Portal
from .. import urls
from ..linechart import line_chart
from .page import Page
from .performance import observations_csv


def pages(portal: Portal) -> list[Page]:
    return [page(i) for p in portal.partnerships for i in p.indicators]


def page(indicator: Indicator) -> Page:
    partnership = indicator.partnership
    return Page(
        urls.indicator(indicator),
        f"{indicator.title}: {partnership.name}",
        "indicator",
        {
            "indicator": indicator,
            "partnership": partnership,
            "chart": _chart(indicator),
            "chart_left_out": _left_out(indicator),
        },
        key=f"{partnership.id}-{indicator.id}",
        description=f"{indicator.title}: the figures over time and where they stand.",
        sources=[datafiles.performance(partnership.id)],
        downloads={f"{indicator.id}.csv": observations_csv(partnership, [indicator])},
    )


def _chart(indicator: Indicator):
    """A line through the figures that have a period; fewer than two draw no line."""
    dated = [o for o in indicator.series if o.period]
    if len(dated) < 2:
        return None
    return line_chart(
        f"trend-{indicator.id}",
        f"{indicator.title}, over time",
        [(financial_year(o.period), o.value) for o in dated],
        indicator.unit,
    )


def _left_out(indicator: Indicator) -> str:
    """Says which figures the line leaves out because the source gives them no period."""
    undated = [o for o in indicator.series if not o.period]
    if not undated or len(indicator.series) - len(undated) < 2:
        return ""
    if len(undated) == 1:
        return (
            "One figure has no period in the source, so the line leaves it out; the table has it."
        )
    return (
        f"{len(undated)} figures have no period in the source, so the line leaves them out; "
        "the table has them."
    )
