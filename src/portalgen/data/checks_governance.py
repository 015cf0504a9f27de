"""Cross-package checks of governance: bodies, terms of reference and recommendations.

What frictionless checks inside one package (a meeting's body exists, a paper's meeting
exists) is in the schemas; these checks span packages or rows.
"""

from __future__ import annotations

from collections.abc import Callable

from .checked import Checked
from .checks import Context, unknown
from .load import DESCRIPTOR
from .problems import Problem


def terms_belong_to_a_body(context: Context) -> list[Problem]:
    problems = []
    for terms in context.of_kind("terms"):
        package = context.governance(terms.source.partnership)
        if package is None:
            message = (
                f'are terms of reference of a body of "{terms.source.partnership}", which has '
                f"no governance package. Add data/{terms.source.partnership}/governance/ with "
                f"the body in its bodies.csv."
            )
        elif "bodies" in package.tables:
            ids = package.ids("bodies")
            if terms.source.body in ids:
                continue
            message = unknown(
                terms.source.body, ids, package.source.file_label("bodies.csv"), "a body"
            ).replace(" Add it to", " Rename the folder, or add the body to")
        else:
            continue
        problems.append(Problem(terms.source.label, None, None, message))
    return problems


def terms_do_not_overlap(context: Context) -> list[Problem]:
    """Versions of one body's terms follow each other: each ends before the next begins."""
    problems, previous = [], {}
    versions = sorted(
        context.of_kind("terms"),
        key=lambda p: (p.source.partnership, p.source.body, p.source.version),
    )
    for terms in versions:
        label = terms.source.file_label(DESCRIPTOR)
        end = terms.metadata.get("effective_to")
        start = terms.source.version
        if end and end.isoformat() < start:
            problems.append(
                Problem(
                    label,
                    terms.metadata["_line"],
                    "terms.effective_to",
                    f"{end} is before {start}, the date in the folder name, when these terms "
                    "begin. Correct the date, or rename the folder to the date they begin.",
                )
            )
        key = (terms.source.partnership, terms.source.body)
        before = previous.get(key)
        if before and before[1] and before[1].isoformat() >= start:
            problems.append(
                Problem(
                    before[0].source.file_label(DESCRIPTOR),
                    before[0].metadata["_line"],
                    "terms.effective_to",
                    f"{before[1]} overlaps the next version, which begins on {start} "
                    f"({terms.source.label}). Versions of one body's terms must not overlap: "
                    f"end this one before {start}.",
                )
            )
        previous[key] = (terms, end)
    return problems


def ties_point_somewhere(context: Context) -> list[Problem]:
    if context.organisations is None:
        return []
    problems = []
    for package in context.of_kind("governance"):
        bodies = package.ids("bodies")
        known = bodies + context.organisations
        for row in package.rows("ties"):
            if row.get("target") and row["target"] not in known:
                where = (
                    f"{package.source.file_label('bodies.csv')} or "
                    f"{context.file(context.vocabulary, 'organisations')}"
                )
                problems.append(
                    Problem(
                        package.source.file_label("ties.csv"),
                        row["_line"],
                        "target",
                        unknown(row["target"], known, where, "a body or an organisation"),
                    )
                )
    return problems


def reporting_lines_end(context: Context) -> list[Problem]:
    """Following reports_to must reach a top body, not go round in a circle."""
    problems = []
    for package in context.of_kind("governance"):
        rows = package.rows("bodies")
        parents = {row["id"]: row.get("reports_to") for row in rows}
        for row in rows:
            chain = _circle(row["id"], parents)
            if chain and chain[0] == row["id"] == min(chain):
                problems.append(
                    Problem(
                        package.source.file_label("bodies.csv"),
                        row["_line"],
                        "reports_to",
                        "goes round in a circle: "
                        + " reports to ".join([*chain, chain[0]])
                        + ". Leave reports_to empty for the body at the top.",
                    )
                )
    return problems


def _circle(start: str, parents: dict[str, str | None]) -> list[str] | None:
    chain, current = [], start
    while current in parents and current not in chain:
        chain.append(current)
        current = parents[current]
    return chain[chain.index(current) :] if current in chain else None


def history_moves_forward(context: Context) -> list[Problem]:
    """Each recommendation has a history, and its dates increase down the file."""
    problems = []
    for package in context.of_kind("governance"):
        label = package.source.file_label("recommendation-history.csv")
        last = {}
        for row in package.rows("recommendation-history"):
            item, date = row["recommendation"], row["date"]
            if item in last and date <= last[item]:
                problems.append(
                    Problem(
                        label,
                        row["_line"],
                        "date",
                        f"{date} is not after {last[item]}, the date of the row before for "
                        f'"{item}". List each recommendation\'s changes oldest first, one '
                        "date each.",
                    )
                )
            last[item] = max(date, last.get(item, date))
        listed = {r["recommendation"] for r in package.tables.get("recommendation-history", [])}
        problems += _without_history(package, listed)
    return problems


def _without_history(package: Checked, dated: set[str]) -> list[Problem]:
    if "recommendations" not in package.tables:
        return []
    return [
        Problem(
            package.source.file_label("recommendations.csv"),
            row["_line"],
            "id",
            f'"{row["id"]}" has no status history. Add a row to recommendation-history.csv '
            "with the date it was made and the status proposed (or agreed).",
        )
        for row in package.tables["recommendations"]
        if row["id"] not in dated
    ]


CHECKS: list[Callable[[Context], list[Problem]]] = [
    terms_belong_to_a_body,
    terms_do_not_overlap,
    ties_point_somewhere,
    reporting_lines_end,
    history_moves_forward,
]
