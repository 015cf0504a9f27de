"""Cross-package checks of money and performance figures.

Stated totals are checked here: the rows of a source table must add up to the total the
source states for it, or to that total plus the difference the source itself has, which the
editor records in ``source_difference`` so that any later change still fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .checked import Checked
from .checks import Context, unknown
from .contract import UNCOUNTED
from .formats import bare, financial_year, money, period_start
from .problems import Problem


def _governance_bodies(context: Context, partnership: str) -> list[str]:
    governance = context.governance(partnership)
    return governance.ids("bodies") if governance else []


def recipients_exist(context: Context) -> list[Problem]:
    if context.organisations is None or context.partnership_ids is None:
        return []
    problems = []
    for package in context.of_kind("funding"):
        known = [
            *context.partnership_ids,
            *context.organisations,
            *_governance_bodies(context, package.source.partnership),
        ]
        for row in package.rows("amounts"):
            value = row.get("recipient")
            if value and value not in known:
                where = _recipient_files(context, package)
                problems.append(
                    Problem(
                        package.source.file_label("amounts.csv"),
                        row["_line"],
                        "recipient",
                        unknown(value, known, where, "a partnership, organisation or body"),
                    )
                )
    return problems


def _recipient_files(context: Context, package: Checked) -> str:
    files = [
        context.file(context.partnerships, "partnerships"),
        context.file(context.vocabulary, "organisations"),
    ]
    if _governance_bodies(context, package.source.partnership):
        files.append(f"data/{package.source.partnership}/governance/bodies.csv")
    return " or ".join([", ".join(files[:-1]), files[-1]])


def amounts_are_plausible(context: Context) -> list[Problem]:
    """TBC is an empty amount, never 0; only a clawback is below zero."""
    problems = []
    for package in context.of_kind("funding"):
        label = package.source.file_label("amounts.csv")
        for row in package.rows("amounts"):
            message = _amount_problem(row)
            if message:
                problems.append(Problem(label, row["_line"], "amount", message))
    return problems


def _amount_problem(row: dict) -> str | None:
    amount, status = row.get("amount"), row.get("status")
    if status == "tbc" and amount is not None:
        return (
            f"is {bare(float(amount))} but the status is tbc. A figure to be confirmed has no "
            "amount yet: leave the cell empty (TBC is never 0), or give the status it has."
        )
    if amount is None and status != "tbc":
        return (
            "is empty. Write the amount in pounds, or if the source says TBC, "
            "set the status to tbc."
        )
    if amount is not None and amount < 0 and not row.get("clawback"):
        return (
            f"is {bare(float(amount))}, below zero. Only money taken back is negative: "
            "set clawback to yes, or write the amount without the minus sign."
        )
    return None


def years_are_known_and_active(context: Context) -> list[Problem]:
    active = _active_periods(context)
    problems = []
    for package in context.of_kind("funding"):
        span = active.get(package.source.partnership, (None, None))
        for table in ("amounts", "totals"):
            label = package.source.file_label(f"{table}.csv")
            for row in package.rows(table):
                message = _year_problem(row["year"], context, span)
                if message:
                    problems.append(Problem(label, row["_line"], "year", message))
    return problems


def _active_periods(context: Context) -> dict:
    if context.partnerships is None:
        return {}
    return {
        row["id"]: (row.get("active_from"), row.get("active_to"))
        for row in context.partnerships.rows("partnerships")
    }


def _year_problem(year: str, context: Context, span) -> str | None:
    if context.years is not None and year not in context.years:
        where = context.file(context.vocabulary, "financial-years")
        return unknown(year, context.years, where, "a financial year")
    start = dt.date(int(year[:4]), 4, 1)
    end = dt.date(int(year[:4]) + 1, 3, 31)
    began, ended = span
    fix = "Check the year, or the partnership's dates in data/partnerships/partnerships.csv."
    if began and end < began:
        return (
            f"{financial_year(year)} ended before the partnership began ({began:%-d %B %Y}). {fix}"
        )
    if ended and start > ended:
        return (
            f"{financial_year(year)} began after the partnership ended ({ended:%-d %B %Y}). {fix}"
        )
    return None


def totals_add_up(context: Context) -> list[Problem]:
    problems = []
    for package in context.of_kind("funding"):
        for total in package.rows("totals"):
            problem = _total_problem(package, total)
            if problem:
                problems.append(problem)
    return problems


def _total_problem(package: Checked, total: dict) -> Problem | None:
    if total.get("amount") is None or total.get("status") in UNCOUNTED:
        return None
    key = (total["year"], total["flow"], total["table"])
    same = [
        r
        for r in package.tables.get("amounts", [])
        if (r["year"], r["flow"], r.get("table")) == key
    ]
    if any(package.has_problem("amounts", row["_line"]) for row in same):
        return None  # a row's own problem comes first
    rows = [r for r in same if r.get("amount") is not None and r.get("status") not in UNCOUNTED]
    found = sum(float(row["amount"]) for row in rows)
    stated = float(total["amount"])
    expected = float(total.get("source_difference") or 0)
    if round(found - stated - expected, 2) == 0:
        return None
    where = (
        f"The {total['flow']} rows of {total['table']} for {financial_year(total['year'])} "
        f"(amounts.csv {_lines(rows)}) add up to {money(found)}"
    )
    if expected:
        message = (
            f"{where}, but the source's own lines add up to {money(stated + expected)} "
            f"(its total {money(stated)} plus the source_difference of {bare(expected)}): "
            f"a difference of {money(found - stated - expected)}. A figure has changed; check "
            "the rows against the source."
        )
    else:
        message = (
            f"{where}, not the stated total of {money(stated)}: a difference of "
            f"{money(found - stated)}. Correct the figure that is wrong. If the source itself "
            f"does not add up, write its difference ({bare(found - stated)}) in "
            "source_difference."
        )
    return Problem(package.source.file_label("totals.csv"), total["_line"], "amount", message)


def _lines(rows: list[dict]) -> str:
    numbers = [row["_line"] for row in rows]
    if not numbers:
        return "no rows"
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2:
        return f"lines {numbers[0]} to {numbers[-1]}"
    listed = ", ".join(str(n) for n in numbers[:-1])
    return f"lines {listed} and {numbers[-1]}" if listed else f"line {numbers[0]}"


def indicators_point_to_plans(context: Context) -> list[Problem]:
    plans = {(p.source.partnership, p.source.version): p for p in context.of_kind("plan")}
    problems = []
    for package in context.of_kind("performance"):
        label = package.source.file_label("indicators.csv")
        for row in package.rows("indicators"):
            folder = package.source.folder.parent / "plans"
            problems += _plan_link_problems(row, plans, package.source.partnership, label, folder)
    return problems


def _plan_link_problems(row, plans, partnership, label, folder) -> list[Problem]:
    if not row.get("plan"):
        if row.get("priority") or row.get("action"):
            return [
                Problem(
                    label,
                    row["_line"],
                    "plan",
                    "is empty, but a priority is given. "
                    "Write the plan version the priority belongs to, for example 2013-14.",
                )
            ]
        return []
    plan = plans.get((partnership, row["plan"]))
    if plan is None and (folder / row["plan"]).is_dir():
        return []  # the plan is there but could not be read: its own problems say why
    if plan is None:
        versions = [v for (p, v) in plans if p == partnership]
        where = f"data/{partnership}/plans/"
        return [
            Problem(
                label, row["_line"], "plan", unknown(row["plan"], versions, where, "a plan version")
            )
        ]
    found = []
    for field, table in (("priority", "priorities"), ("action", "actions")):
        value = row.get(field)
        if table not in plan.tables or plan.problems:
            continue  # the plan's own problems come first
        ids = plan.ids(table)
        if value and value not in ids:
            where = plan.source.file_label(f"{table}.csv")
            found.append(
                Problem(label, row["_line"], field, unknown(value, ids, where, f"a {field}"))
            )
    return found


def targets_have_a_direction(context: Context) -> list[Problem]:
    problems = []
    for package in context.of_kind("performance"):
        directions = {row["id"]: row.get("direction") for row in package.rows("indicators")}
        for row in package.rows("observations"):
            indicator = row["indicator"]
            if (
                row.get("target") is not None
                and indicator in directions
                and not directions[indicator]
            ):
                problems.append(
                    Problem(
                        package.source.file_label("observations.csv"),
                        row["_line"],
                        "target",
                        f'is set, but indicator "{indicator}" has no direction. Write higher or '
                        "lower in its direction column in indicators.csv, so the site can tell "
                        "whether the target is met.",
                    )
                )
    return problems


def periods_move_forward(context: Context) -> list[Problem]:
    """An indicator's figures are listed oldest first, so "latest" means the newest."""
    problems = []
    for package in context.of_kind("performance"):
        label = package.source.file_label("observations.csv")
        last: dict[str, tuple] = {}
        for row in package.rows("observations"):
            start = period_start(row.get("period"))
            if start is None:
                continue
            before = last.get(row["indicator"])
            if before and start <= before[0]:
                problems.append(
                    Problem(
                        label,
                        row["_line"],
                        "period",
                        f"{row['period']} does not come after {before[1]} (line {before[2]}), "
                        f'the figure before it for "{row["indicator"]}". List each '
                        "indicator's figures oldest first.",
                    )
                )
            last[row["indicator"]] = (start, row["period"], row["_line"])
    return problems


PERCENT = (-100, 1_000)
"""A percentage is at least -100 (a fall to nothing) and at most 1,000 (a tenfold rise)."""
PERCENT_FIGURES = {
    "performance": ("indicators", "observations", "indicator", ("value", "target")),
    "ward-figures": ("metrics", "figures", "metric", ("value",)),
}
"""Per package kind: the table naming each unit, the table of figures, the column of the
figures that names its row of the first, and the columns holding figures."""


def percentages_are_plausible(context: Context) -> list[Problem]:
    """A figure whose unit is percent lies within ``PERCENT``."""
    problems = []
    for package in context.of_kind(*PERCENT_FIGURES):
        units, figures, key, columns = PERCENT_FIGURES[package.source.kind.name]
        percent = {row["id"] for row in package.rows(units) if row.get("unit") == "percent"}
        label = package.source.file_label(f"{figures}.csv")
        problems += [
            Problem(label, row["_line"], column, _percent_problem(row[column], row[key], units))
            for row in package.rows(figures)
            if row.get(key) in percent
            for column in columns
            if row.get(column) is not None and not PERCENT[0] <= row[column] <= PERCENT[1]
        ]
    return problems


def _percent_problem(value, name: str, units: str) -> str:
    low, high = PERCENT
    return (
        f'"{value}" is not a percentage between {low} and {high:,}. Check the figure, or '
        f'the unit of "{name}" in {units}.csv.'
    )


CHECKS: list[Callable[[Context], list[Problem]]] = [
    percentages_are_plausible,
    recipients_exist,
    amounts_are_plausible,
    years_are_known_and_active,
    totals_add_up,
    indicators_point_to_plans,
    targets_have_a_direction,
    periods_move_forward,
]
