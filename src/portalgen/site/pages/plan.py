"""A page per plan version: period, status, source and every priority with its work."""

from __future__ import annotations

from ...data import datafiles
from ...model.portal import Plan, Portal
from .. import urls
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(plan) for plan in portal.plans]


def page(plan: Plan) -> Page:
    return Page(
        urls.plan(plan),
        f"{plan.title} ({plan.period})",
        "plan",
        {"plan": plan, "partnership": plan.partnership},
        key=f"{plan.partnership.id}-{plan.version}",
        description=plan.summary,
        sources=[datafiles.plan(plan.partnership.id, plan.version)],
    )
