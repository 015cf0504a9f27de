"""A page at each withdrawn address, saying what was there, when it went and why."""

from __future__ import annotations

from ...model.addresses import Withdrawal
from ...model.portal import Portal
from ..addresses import address
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(item) for item in portal.withdrawn]


def page(item: Withdrawal) -> Page:
    return Page(
        address(item.address),
        f"Withdrawn: {item.title}",
        "withdrawn",
        {"withdrawal": item, "see_also": address(item.see_also) if item.see_also else None},
        description=f"{item.title} was withdrawn on {item.date:%Y-%m-%d}.",
        sources=["addresses/withdrawn.csv"],
    )
