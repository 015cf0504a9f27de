"""Grants in the 360Giving Data Standard, so grant-makers' tools (GrantNav) can read them.

One row per grant, with the standard's column titles. Identifiers use the ``360G-`` form
with the partnership's id; to publish to GrantNav, a registered 360Giving prefix replaces
it. A recipient with a registration number is identified by it (``GB-CHC-298028``).
"""

from __future__ import annotations

import re

from ..model.funding import Grant
from .downloads import csv_text

FILE = "grants-360giving.csv"
COLUMNS = [
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Award Date",
    "Planned Dates:Start Date",
    "Planned Dates:End Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Beneficiary Location:Geographic Code",
    "Beneficiary Location:Geographic Code Type",
    "Data Source",
]
REQUIRED = COLUMNS[:6] + COLUMNS[8:12]
"""The columns the 360Giving schema requires of every grant given to an organisation."""


def giving_csv(partnership_id: str, grants: list[Grant], source: str) -> str:
    return csv_text(COLUMNS, [_row(partnership_id, grant, source) for grant in grants])


def _row(partnership_id: str, grant: Grant, source: str) -> list:
    return [
        f"360G-{partnership_id}-{grant.id}",
        grant.purpose,
        grant.purpose,
        "GBP",
        grant.amount,
        _day(grant.date_awarded),
        _day(grant.period_from),
        _day(grant.period_to),
        _recipient(partnership_id, grant),
        grant.beneficiary,
        f"360G-{partnership_id}-{grant.funder.id}",
        grant.funder.name,
        grant.ward,
        "WD" if grant.ward else None,
        source,
    ]


def _recipient(partnership_id: str, grant: Grant) -> str:
    number = (grant.registration_number or "").strip()
    if re.fullmatch(r"[A-Z]{2}-[A-Z]{2,4}-[0-9A-Za-z]+", number):
        return number
    name = re.sub(r"[^a-z0-9]+", "-", grant.beneficiary.casefold()).strip("-")
    return f"360G-{partnership_id}-org-{number or name}"


def _day(value) -> str | None:
    return value.isoformat() if value else None
