"""Turn a partnership's validated performance package into indicators, tied to priorities."""

from __future__ import annotations

from ..data.checked import Checked, Row
from .performance import Indicator, Observation, standing
from .portal import Partnership, Portal


def build_performance(package: Checked, partnership: Partnership, portal: Portal) -> None:
    indicators = {
        row["id"]: _indicator(row, partnership, portal) for row in package.tables["indicators"]
    }
    progress = portal.statuses["progress"]
    for row in package.tables["observations"]:
        status = row.get("status")
        indicators[row["indicator"]].observations.append(
            Observation(
                row.get("period"),
                None if row.get("value") is None else float(row["value"]),
                bool(row.get("baseline")),
                None if row.get("target") is None else float(row["target"]),
                row.get("target_text"),
                progress[status] if status else None,
                row.get("status_date"),
                row.get("note"),
            )
        )
    for indicator in indicators.values():
        indicator.standing = standing(indicator, progress)
    partnership.indicators = list(indicators.values())


def _indicator(row: Row, partnership: Partnership, portal: Portal) -> Indicator:
    indicator = Indicator(
        row["id"],
        row["title"],
        row["unit"],
        row.get("direction"),
        portal.organisations.get(row.get("owner") or ""),
        row.get("source"),
        row.get("attention"),
        row.get("action"),
        partnership=partnership,
    )
    if row.get("plan") and row.get("priority"):
        plan = next(p for p in partnership.plans if p.version == row["plan"])
        indicator.priority = next(p for p in plan.priorities if p.id == row["priority"])
        indicator.priority.indicators.append(indicator)
    return indicator
