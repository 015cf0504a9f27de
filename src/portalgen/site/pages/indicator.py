"""A page per indicator: its trend as a chart and a table, against target and baseline."""

from __future__ import annotations

from ...data import datafiles
from ...data.formats import financial_year
from ...model.performance import Indicator
from ...model.portal import Portal
from .. import urls
from ..charts import bar_chart
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
        {"indicator": indicator, "partnership": partnership, "chart": _chart(indicator)},
        key=f"{partnership.id}-{indicator.id}",
        description=f"{indicator.title}: the figures over time and where they stand.",
        sources=[datafiles.performance(partnership.id)],
        downloads={f"{indicator.id}.csv": observations_csv(partnership, [indicator])},
    )


def _chart(indicator: Indicator):
    series = indicator.series
    if len(series) < 2:
        return None
    groups = [
        (
            financial_year(o.period) if o.period else f"{i + 1}: period not stated",
            [(indicator.title, o.value, False)],
        )
        for i, o in enumerate(series)
    ]
    return bar_chart(
        f"trend-{indicator.id}",
        f"{indicator.title}, over time",
        "One bar for each figure, oldest first.",
        groups,
        indicator.unit,
    )
