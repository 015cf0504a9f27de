"""A map page per metric and period: a folium choropleth, then the same figures as a table.

The map is drawn when the page is rendered, not when the page list is made: the address
checks of ``portalgen validate`` list every page (1,600 maps at 100 partnerships, about 3 ms
each) and read none of their bodies, so they neither draw a map nor import folium."""

from __future__ import annotations

from functools import cached_property

from ...data import datafiles
from ...data.formats import financial_year
from ...model.areas import Metric
from ...model.portal import Portal
from .. import assets, urls
from ..downloads import csv_text
from .page import Page

WAY_IN = f"{assets.FOLDER}/{assets.MAP_SCRIPTS[0]}"
"""The script that names the areas and leads from each shape to its page."""


def pages(portal: Portal) -> list[Page]:
    return [
        page(metric, period, portal)
        for partnership in portal.partnerships
        for metric in partnership.metrics
        for period in metric.periods
    ]


def page(metric: Metric, period: str, portal: Portal) -> Page:
    address = urls.area_map(metric, period)
    key = f"{metric.area_set.partnership.id}-{metric.id}-{period}"
    parts = LazyMap(key.replace("-", "_"), metric, period, address, portal.map_tiles)
    rows = table_rows(metric, period)
    return Page(
        address,
        f"{metric.title}, {financial_year(period)}: {metric.area_set.title}",
        "area_map",
        {
            "metric": metric,
            "period": period,
            "previous": metric.previous(period),
            "partnership": metric.area_set.partnership,
            "map": parts,
            "rows": rows,
            "leaflet": urls.relative(address, assets.LEAFLET + "/").rstrip("/"),
            "way_in": urls.relative(address, WAY_IN).rstrip("/"),
        },
        key=key,
        sources=[
            datafiles.ward_figures(metric.area_set.partnership.id),
            datafiles.areas(metric.area_set.partnership.id, metric.area_set.id),
        ],
        description=f"Map and table of {metric.title.lower()} by area, {financial_year(period)}.",
        searched=period == metric.periods[-1],
        downloads={
            "map.js": lambda: parts.script,
            f"{metric.id}-{period}.csv": lambda: _csv(metric, rows),
        },
    )


def table_rows(metric: Metric, period: str) -> list[dict]:
    """Every area with its figure, rate, rank and change on the period before."""
    ranks = metric.ranks(period)
    previous = metric.previous(period)
    rows = []
    for area in metric.area_set.areas:
        value = metric.values.get(period, {}).get(area.code)
        before = metric.values.get(previous, {}).get(area.code) if previous else None
        rows.append(
            {
                "area": area,
                "value": value,
                "rate": metric.rate(period, area.code),
                "rank": ranks.get(area.code),
                "change": None if value is None or before is None else value - before,
            }
        )
    return rows


def _csv(metric: Metric, rows: list[dict]) -> str:
    header = ["code", "name", "value", "per_1000_residents", "rank", "change_on_previous_period"]
    return csv_text(
        header,
        [
            [
                r["area"].code,
                r["area"].name,
                r["value"],
                None if r["rate"] is None else round(r["rate"], 1),
                r["rank"],
                r["change"],
            ]
            for r in rows
        ],
    )


class LazyMap:
    """A map's parts (``html``, ``script``, ``bands``), drawn by ``maps.choropleth`` the first
    time one of them is read, then kept."""

    def __init__(self, map_id: str, metric: Metric, period: str, address: str, tiles):
        self.map_id, self.metric, self.period = map_id, metric, period
        self.address, self.tiles = address, tiles

    @cached_property
    def parts(self):
        from ..maps import choropleth  # folium, branca and shapely: only where a map is drawn

        areas = self.metric.area_set.areas
        links = {a.code: urls.relative(self.address, urls.area(a)) for a in areas}
        return choropleth(self.map_id, self.metric, self.period, links, self.tiles)

    @property
    def html(self) -> str:
        return self.parts.html

    @property
    def script(self) -> str:
        return self.parts.script

    @property
    def bands(self) -> list:
        return self.parts.bands
