"""Turn validated areas and ward-figures packages into area sets and metrics."""

from __future__ import annotations

from ..data.checked import Checked
from ..data.formats import period_start
from .areas import Area, AreaSet, Metric
from .portal import Partnership


def build_area_set(package: Checked, partnership: Partnership) -> AreaSet:
    meta = package.metadata
    area_set = AreaSet(
        package.source.version,
        meta["title"],
        meta["kind"],
        meta["vintage"],
        meta["source_title"],
        meta.get("source_url"),
        meta["attribution"],
        package.attachments["boundaries"],
        partnership,
        in_use_until=meta.get("in_use_until"),
    )
    area_set.areas = sorted(
        (
            Area(r["code"], r["name"], r["local_authority"], area_set)
            for r in package.tables["areas"]
        ),
        key=lambda area: (area.name.casefold(), area.code),
    )
    return area_set


def build_metrics(package: Checked, partnership: Partnership) -> list[Metric]:
    area_sets = {area_set.id: area_set for area_set in partnership.area_sets}
    attribution = package.metadata["attribution"]
    metrics = {
        row["id"]: Metric(
            row["id"],
            row["title"],
            row["unit"],
            row["per_1000"],
            row["source"],
            row.get("note"),
            attribution,
            area_sets[row["areas"]],
        )
        for row in package.tables["metrics"]
    }
    for row in package.tables["metrics"]:
        if row.get("population"):
            metrics[row["id"]].population = metrics[row["population"]]
    for row in sorted(package.tables["figures"], key=lambda r: period_start(r["period"])):
        values = metrics[row["metric"]].values.setdefault(row["period"], {})
        values[row["area"]] = float(row["value"])
    return list(metrics.values())
