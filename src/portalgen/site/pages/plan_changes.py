"""A page per plan version that has one before it: priorities added, removed, reworded,
renumbered, and changes of status."""

from __future__ import annotations

from ...data import datafiles
from ...model.plan_changes import compare_plans, previous
from ...model.portal import Plan, Portal
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(plan, before) for plan in portal.plans if (before := previous(plan))]


def page(plan: Plan, before: Plan) -> Page:
    partnership = plan.partnership
    return Page(
        urls.plan_changes(plan),
        f"{plan.title}: what changed from {before.period}",
        "plan_changes",
        {"plan": plan, "partnership": partnership, "change": compare_plans(before, plan)},
        key=f"{partnership.id}-{plan.version}",
        description=f"Priorities added, removed and reworded from the {before.period} plan.",
        sources=[
            datafiles.plan(partnership.id, before.version),
            datafiles.plan(partnership.id, plan.version),
        ],
    )
