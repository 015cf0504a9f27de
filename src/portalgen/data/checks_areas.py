"""Cross-package checks of areas and the figures counted in them.

Wards change, so each metric names its boundary vintage, and each figure's area code must
be an area of that vintage.
"""

from __future__ import annotations

from collections.abc import Callable

from .checks import Context, unknown
from .problems import Problem
from .validate import Checked


def _area_sets(context: Context) -> dict[tuple[str, str], Checked]:
    return {(p.source.partnership, p.source.version): p for p in context.of_kind("areas")}


def areas_are_in_known_local_authorities(context: Context) -> list[Problem]:
    if context.local_authorities is None:
        return []
    where = context.file(context.vocabulary, "local-authorities")
    return [
        Problem(
            package.source.file_label("areas.csv"),
            row["_line"],
            "local_authority",
            unknown(row["local_authority"], context.local_authorities, where, "a local authority"),
        )
        for package in context.of_kind("areas")
        for row in package.rows("areas")
        if row["local_authority"] not in context.local_authorities
    ]


def metrics_name_a_vintage(context: Context) -> list[Problem]:
    area_sets = _area_sets(context)
    problems = []
    for package in context.of_kind("ward-figures"):
        partnership = package.source.partnership
        vintages = [v for (p, v) in area_sets if p == partnership]
        for row in package.rows("metrics"):
            if row["areas"] not in vintages:
                where = f"data/{partnership}/areas/"
                problems.append(
                    Problem(
                        package.source.file_label("metrics.csv"),
                        row["_line"],
                        "areas",
                        unknown(row["areas"], vintages, where, "a boundary vintage"),
                    )
                )
            if row.get("per_1000") and not row.get("population"):
                problems.append(
                    Problem(
                        package.source.file_label("metrics.csv"),
                        row["_line"],
                        "population",
                        "is empty, but per_1000 is yes. Give the id of the metric that holds "
                        "each area's residents, or set per_1000 to no.",
                    )
                )
    return problems


def figures_use_their_vintage(context: Context) -> list[Problem]:
    """Each figure's area must be an area of its metric's boundary vintage."""
    area_sets = _area_sets(context)
    problems = []
    for package in context.of_kind("ward-figures"):
        vintages = {row["id"]: row["areas"] for row in package.rows("metrics")}
        for row in package.rows("figures"):
            vintage = vintages.get(row["metric"])
            area_set = area_sets.get((package.source.partnership, vintage))
            if area_set is None or not area_set.tables.get("areas"):
                continue
            codes = set(area_set.ids("areas", "code"))
            if row["area"] not in codes:
                problems.append(
                    Problem(
                        package.source.file_label("figures.csv"),
                        row["_line"],
                        "area",
                        f"{row['area']} is not an area of the {vintage} boundaries "
                        f"({area_set.source.file_label('areas.csv')}). A figure must use the "
                        f"area codes of its metric's boundary vintage.",
                    )
                )
    return problems


CHECKS: list[Callable[[Context], list[Problem]]] = [
    areas_are_in_known_local_authorities,
    metrics_name_a_vintage,
    figures_use_their_vintage,
]
