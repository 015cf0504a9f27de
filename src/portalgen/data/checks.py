"""Cross-package checks: what frictionless cannot see because it spans packages.

Each check takes the validated packages and returns problems; ``CHECKS`` lists the checks of
partnerships and plans, ``checks_governance.CHECKS`` those of governance packages.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator

from .cells import spaces_message
from .checked import Checked
from .load import DESCRIPTOR
from .problems import Problem


class Context:
    """The validated packages, with the shared ids looked up once."""

    def __init__(self, packages: list[Checked]):
        self.packages = packages
        self.vocabulary = _single(packages, "vocabulary")
        self.partnerships = _single(packages, "partnerships")
        self.organisations = self._ids(self.vocabulary, "organisations")
        self.years = self._ids(self.vocabulary, "financial-years")
        self.partnership_ids = self._ids(self.partnerships, "partnerships")
        self.local_authorities = self._ids(self.vocabulary, "local-authorities")

    def unknown_organisation(self, value: str) -> str:
        where = self.file(self.vocabulary, "organisations")
        return unknown(value, self.organisations or [], where, "an organisation")

    def file(self, package: Checked | None, table: str) -> str:
        """The label of a shared file, as the editor should open it."""
        return package.source.file_label(f"{table}.csv") if package else f"{table}.csv"

    @staticmethod
    def _ids(package: Checked | None, table: str) -> list[str] | None:
        if package is None or table not in package.tables:
            return None
        return package.ids(table)

    def plans(self) -> Iterator[Checked]:
        return self.of_kind("plan")

    def of_kind(self, *kinds: str) -> Iterator[Checked]:
        return (p for p in self.packages if p.source.kind.name in kinds)

    def governance(self, partnership: str | None) -> Checked | None:
        """The partnership's governance package, if it has one."""
        return next(
            (p for p in self.of_kind("governance") if p.source.partnership == partnership), None
        )


def _single(packages: list[Checked], kind: str) -> Checked | None:
    return next((p for p in packages if p.source.kind.name == kind), None)


def unknown(value: str, known: list[str], where: str, what: str) -> str:
    spaced = spaces_message(value)
    if spaced:
        return spaced
    near = difflib.get_close_matches(value, known, n=1)
    hint = f' Did you mean "{near[0]}"?' if near else f" Add it to {where} or use one of its ids."
    return f'"{value}" is not {what} in {where}.{hint}'


PARTNERSHIP_PACKAGES = {
    "plan": "a plan",
    "governance": "governance",
    "terms": "terms of reference",
    "funding": "funding",
    "performance": "performance figures",
    "areas": "a set of areas",
    "ward-figures": "ward figures",
}
"""Packages that live in a partnership's folder, and what to call them in messages."""


def package_partnership_exists(context: Context) -> list[Problem]:
    if context.partnership_ids is None:
        return []
    return [
        Problem(
            package.source.label,
            None,
            None,
            f"is {PARTNERSHIP_PACKAGES[package.source.kind.name]} of "
            f'"{package.source.partnership}", which is not a partnership id in '
            f"{context.file(context.partnerships, 'partnerships')}. Add the partnership there "
            "or rename the folder.",
        )
        for package in context.of_kind(*PARTNERSHIP_PACKAGES)
        if package.source.partnership not in context.partnership_ids
    ]


ORGANISATION_FIELDS = ("owner", "organisation", "funder")


def organisations_are_known(context: Context) -> list[Problem]:
    """Owners, members and host organisations must be in the vocabulary."""
    if context.organisations is None:
        return []
    problems = []
    for package in context.of_kind(*PARTNERSHIP_PACKAGES):
        for table, rows in package.tables.items():
            label = package.source.file_label(f"{table}.csv")
            for row in rows:
                for name in ORGANISATION_FIELDS:
                    value = row.get(name)
                    if value and value not in context.organisations:
                        problems.append(
                            Problem(label, row["_line"], name, context.unknown_organisation(value))
                        )
    return problems


def years_are_financial_years(context: Context) -> list[Problem]:
    if context.years is None:
        return []
    problems = []
    for plan in context.plans():
        problems += _unknown_years(
            plan, context.years, context.file(context.vocabulary, "financial-years")
        )
    return problems


def _unknown_years(plan: Checked, years: list[str], where: str) -> list[Problem]:
    found = []
    label = plan.source.file_label(DESCRIPTOR)
    for key in ("period_from", "period_to"):
        value = plan.metadata.get(key)
        if value and value not in years:
            found.append(
                Problem(
                    label,
                    plan.metadata["_line"],
                    f"plan.{key}",
                    unknown(value, years, where, "a financial year"),
                )
            )
    for row in plan.rows("actions"):
        if row.get("due") and row["due"] not in years:
            found.append(
                Problem(
                    plan.source.file_label("actions.csv"),
                    row["_line"],
                    "due",
                    unknown(row["due"], years, where, "a financial year"),
                )
            )
    return found


def plan_periods_are_ordered(context: Context) -> list[Problem]:
    problems = []
    for plan in context.plans():
        start, end = plan.metadata.get("period_from"), plan.metadata.get("period_to")
        if start and end and start > end:
            problems.append(
                Problem(
                    plan.source.file_label(DESCRIPTOR),
                    plan.metadata["_line"],
                    "plan.period_to",
                    f'"{end}" is before period_from "{start}". '
                    "A plan ends in the same year it starts or later.",
                )
            )
    return problems


def plan_periods_do_not_overlap(context: Context) -> list[Problem]:
    problems, seen = [], {}
    for plan in sorted(context.plans(), key=lambda p: (p.source.partnership, p.source.version)):
        start, end = plan.metadata.get("period_from"), plan.metadata.get("period_to")
        if not (start and end):
            continue
        previous = seen.get(plan.source.partnership)
        if previous and start <= previous[1]:
            problems.append(
                Problem(
                    plan.source.file_label(DESCRIPTOR),
                    plan.metadata["_line"],
                    "plan.period_from",
                    f"{start} to {end} overlaps the plan in "
                    f"{previous[0]} ({previous[2]} to {previous[1]}). Plan "
                    "versions of one partnership must not overlap; mark the "
                    "older one superseded and end it earlier.",
                )
            )
        seen[plan.source.partnership] = (plan.source.label, end, start)
    return problems


def partnership_dates_are_ordered(context: Context) -> list[Problem]:
    if context.partnerships is None:
        return []
    return [
        Problem(
            context.file(context.partnerships, "partnerships"),
            row["_line"],
            "active_to",
            f"{row['active_to']} is before active_from {row['active_from']}.",
        )
        for row in context.partnerships.rows("partnerships")
        if row.get("active_from") and row.get("active_to") and row["active_to"] < row["active_from"]
    ]


def local_authorities_are_known(context: Context) -> list[Problem]:
    if context.local_authorities is None or context.partnerships is None:
        return []
    where = context.file(context.vocabulary, "local-authorities")
    councils = context.vocabulary.rows("local-authorities")
    return [
        Problem(
            context.file(context.partnerships, "partnerships"),
            row["_line"],
            "local_authorities",
            _unknown_council(code, councils, where, historical=bool(row.get("active_to"))),
        )
        for row in context.partnerships.rows("partnerships")
        for code in (row.get("local_authorities") or "").split(";")
        if code and code not in context.local_authorities
    ]


def _one_slip(code: str, other: str) -> bool:
    """One character mistyped, or two neighbours swapped: codes that differ by more are
    other councils, not typing slips."""
    if len(code) != len(other):
        return False
    differ = [i for i, (a, b) in enumerate(zip(code, other, strict=True)) if a != b]
    if len(differ) == 1:
        return True
    first, *rest = differ or [0]
    return (
        rest == [first + 1] and code[first] == other[first + 1] and code[first + 1] == other[first]
    )


COUNCIL_TIERS = {
    "E06": "unitary",
    "E07": "district",
    "E08": "metropolitan borough",
    "E09": "London borough",
    "E10": "county",
}
"""The tier of a council from the type of its ONS code (the code's first three characters)."""


def _unknown_council(code: str, councils: list[dict], where: str, historical: bool) -> str:
    """Suggest only a council of the same type (E09 for E09), one typing slip away, and an
    abolished one only for a partnership that has ended; and give the exact row to add."""
    spaced = spaces_message(code)
    if spaced:
        return spaced
    alike = [
        row["id"]
        for row in councils
        if row["id"][:3] == code[:3] and (historical or not row.get("abolished"))
    ]
    near = [other for other in alike if _one_slip(code, other)]
    tier = COUNCIL_TIERS.get(code[:3], "<its tier>")
    add = (
        f"If it is right, add its row to {where} (columns id,name,tier,abolished), for "
        f"example: {code},<the council's name>,{tier},"
    )
    hint = f' Did you mean "{near[0]}"? {add}' if near else f" {add}"
    return f'"{code}" is not a local authority in {where}.{hint}'


CHECKS: list[Callable[[Context], list[Problem]]] = [
    package_partnership_exists,
    organisations_are_known,
    years_are_financial_years,
    plan_periods_are_ordered,
    plan_periods_do_not_overlap,
    partnership_dates_are_ordered,
    local_authorities_are_known,
]
