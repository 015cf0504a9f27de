"""Stable addresses, made from ids only (never from titles).

Every page's source path is ``<address>index.md``, so with MkDocs' directory URLs the
page is served at ``<address>``.
"""

from __future__ import annotations

import functools
import posixpath
from typing import TYPE_CHECKING

from ..model.areas import KIND_FOLDERS
from ..model.portal import Partnership, Plan, Priority

if TYPE_CHECKING:
    from ..model.areas import Area, Metric
    from ..model.governance import Body, Meeting, Recommendation, Terms
    from ..model.performance import Indicator


def partnerships_index() -> str:
    return "partnerships/"


def partnership(item: Partnership) -> str:
    return f"partnerships/{item.id}/"


def plan(item: Plan) -> str:
    return f"{partnership(item.partnership)}plans/{item.version}/"


def plan_changes(item: Plan) -> str:
    """What changed in this plan version from the one before."""
    return f"{plan(item)}changes/"


def plans_latest(item: Partnership) -> str:
    """Always the partnership's current plan (a redirect, see ``addresses``)."""
    return f"{partnership(item)}plans/latest/"


def priority(item: Priority) -> str:
    return f"{plan(item.plan)}priorities/{item.id}/"


def governance(item: Partnership) -> str:
    return f"{partnership(item)}governance/"


def body(item: Body) -> str:
    return f"{partnership(item.partnership)}bodies/{item.id}/"


def terms(item: Terms) -> str:
    return f"{body(item.body)}terms/{item.slug}/"


def terms_latest(item: Body) -> str:
    """Always the body's current terms of reference (a redirect, see ``addresses``)."""
    return f"{body(item)}terms/latest/"


def meetings(item: Partnership) -> str:
    return f"{partnership(item)}meetings/"


def meeting(item: Meeting) -> str:
    return f"{meetings(item.body.partnership)}{item.id}/"


def recommendations(item: Partnership) -> str:
    return f"{partnership(item)}recommendations/"


def recommendation(item: Recommendation) -> str:
    return f"{recommendations(item.meeting.body.partnership)}{item.id}/"


def funding(item: Partnership) -> str:
    return f"{partnership(item)}funding/"


def funding_year(item: Partnership, year: str) -> str:
    return f"{funding(item)}{year}/"


def performance(item: Partnership) -> str:
    return f"{partnership(item)}performance/"


def indicator(item: Indicator) -> str:
    return f"{partnership(item.partnership)}indicators/{item.id}/"


def area(item: Area) -> str:
    return f"{KIND_FOLDERS[item.kind]}/{item.code}/"


def areas_index(item: Partnership) -> str:
    return f"{partnership(item)}areas/"


def area_map(item: Metric, period: str) -> str:
    return f"{partnership(item.area_set.partnership)}maps/{item.id}/{period}/"


def source_path(address: str) -> str:
    return f"{address}index.md"


@functools.lru_cache(maxsize=1 << 16)
def relative(from_address: str, to_address: str) -> str:
    """A link from one page's address to another's, relative so the site works anywhere.
    (``posixpath.relpath`` would give the same, but asks the working folder twice for each
    of the tens of thousands of links a site has.)"""
    here, there = _parts(from_address), _parts(to_address)
    if ".." in here or ".." in there:
        link = posixpath.relpath(to_address or ".", from_address or ".")
        return "./" if link == "." else f"{link}/"
    shared = 0
    while shared < min(len(here), len(there)) and here[shared] == there[shared]:
        shared += 1
    steps = [".."] * (len(here) - shared) + there[shared:]
    return f"{'/'.join(steps)}/" if steps else "./"


def _parts(address: str) -> list[str]:
    return [part for part in address.split("/") if part and part != "."]
