"""Cross-package checks of areas, the figures counted in them and the places plans name.

Wards change, so each metric names its boundary vintage, and each figure's area code must
be an area of that vintage. A priority or action may say where it happens (``areas``): a
ward or small area of any of the partnership's vintages, or a council it covers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .checked import Checked
from .checks import Context, unknown
from .problems import Problem
from .sizes import MAX_PERIODS


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
        codes = {
            key: set(area_set.ids("areas", "code"))
            for key, area_set in area_sets.items()
            if key[0] == package.source.partnership and area_set.tables.get("areas")
        }
        for row in package.rows("figures"):
            vintage = vintages.get(row["metric"])
            area_set = area_sets.get((package.source.partnership, vintage))
            if (package.source.partnership, vintage) not in codes:
                continue
            if row["area"] not in codes[(package.source.partnership, vintage)]:
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


ONS_CODE = re.compile(r"E[0-9]{8}")
"""An ONS code in England: E and eight digits (E05 a ward, E01 a small area, E06 to E10 a
council)."""
PLACED = ("priorities", "actions")
"""The tables of a plan whose rows may say where they happen."""


def plans_name_known_areas(context: Context) -> list[Problem]:
    """Each code in a priority's or action's ``areas`` is a ward or small area of one of the
    partnership's boundary vintages, or a council it covers; each wrong code is named."""
    if context.partnerships is None:
        return []
    partnerships = {row["id"]: row for row in context.partnerships.rows("partnerships")}
    area_sets = _area_sets(context)
    problems = []
    for plan in context.plans():
        partnership = partnerships.get(plan.source.partnership)
        if partnership is None:
            continue
        folder = plan.source.label.rsplit("/", 2)[0]  # data/<partnership>/plans/<version>
        places = _Places(partnership, folder, area_sets)
        for table in PLACED:
            for row in plan.rows(table):
                for message in places.problems_in(row.get("areas") or ""):
                    label = plan.source.file_label(f"{table}.csv")
                    problems.append(Problem(label, row["_line"], "areas", message))
    return problems


class _Places:
    """The codes a partnership's plans may name, and how to say a code is not one of them."""

    def __init__(self, partnership: dict, folder: str, area_sets: dict[tuple[str, str], Checked]):
        self.name, self.folder = partnership["name"], folder
        self.councils = [c for c in (partnership.get("local_authorities") or "").split(";") if c]
        sets = sorted((v, s) for (p, v), s in area_sets.items() if p == partnership["id"])
        self.vintages = [vintage for vintage, _ in sets]
        self.areas = [code for _, area_set in sets for code in area_set.ids("areas", "code")]
        self.known = set(self.areas) | set(self.councils)

    def problems_in(self, cell: str) -> list[str]:
        codes = [code.strip() for code in cell.split(";")]
        if codes == [""]:
            return []
        found = []
        if "" in codes:
            found.append(
                f'"{cell}" has an empty place between semicolons. Separate codes with one ";", '
                "with none at the start or end."
            )
        for code in dict.fromkeys(c for c in codes if c):
            if codes.count(code) > 1:
                found.append(f'"{code}" is listed more than once. Keep it once.')
            if not ONS_CODE.fullmatch(code):
                example = (self.areas or self.councils or ["E05000268"])[0]
                found.append(
                    f'"{code}" is not an ONS code: write E and eight digits, for example '
                    f'{example}, and separate codes with ";".'
                )
            elif code not in self.known:
                found.append(self._unknown(code))
        return found

    def _unknown(self, code: str) -> str:
        councils = ", ".join(self.councils)
        if self.vintages:
            return (
                f'"{code}" is not a ward or small area of {self.name} in any of its boundary '
                f"vintages ({', '.join(self.vintages)}), nor a council it covers ({councils}). "
                f"Use an ONS code from {self.folder}/areas/<vintage>/areas.csv, or leave the "
                "cell empty for the whole area."
            )
        return (
            f'"{code}" is not a council {self.name} covers ({councils}), and the partnership '
            f"has no ward or small-area boundaries ({self.folder}/areas/ holds none). Use one "
            "of those council codes, or leave the cell empty for the whole area."
        )


def periods_per_metric(context: Context) -> list[Problem]:
    """Each period of a metric is a map page: at most ``MAX_PERIODS`` of them."""
    problems = []
    for package in context.of_kind("ward-figures"):
        periods: dict[str, dict[str, int]] = {}
        for row in package.rows("figures"):
            periods.setdefault(row["metric"], {}).setdefault(row["period"], row["_line"])
        for metric, lines in periods.items():
            if len(lines) > MAX_PERIODS:
                line = sorted(lines.values())[MAX_PERIODS]
                problems.append(
                    Problem(
                        package.source.file_label("figures.csv"),
                        line,
                        "period",
                        f'gives metric "{metric}" its {MAX_PERIODS + 1}st period; a metric may '
                        f"have at most {MAX_PERIODS}, since each is a map page. Give older "
                        "periods a metric of their own, or leave them out.",
                    )
                )
    return problems


CHECKS: list[Callable[[Context], list[Problem]]] = [
    areas_are_in_known_local_authorities,
    metrics_name_a_vintage,
    figures_use_their_vintage,
    plans_name_known_areas,
    periods_per_metric,
]
