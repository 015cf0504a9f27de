"""A page per priority, with its own stable address for councillors to cite."""

from __future__ import annotations

from ...data import datafiles
from ...model.portal import Portal, Priority
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(priority) for plan in portal.plans for priority in plan.priorities]


def page(priority: Priority) -> Page:
    plan = priority.plan
    return Page(
        urls.priority(priority),
        f"Priority {priority.number}: {priority.title}",
        "priority",
        {"priority": priority, "plan": plan, "partnership": plan.partnership},
        key=f"{plan.partnership.id}-{plan.version}-{priority.id}",
        description=priority.summary or "",
        sources=[datafiles.plan(plan.partnership.id, plan.version)],
    )
