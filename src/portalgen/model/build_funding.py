"""Turn a partnership's validated funding package into the model, and work out totals."""

from __future__ import annotations

from ..data.checked import Checked, Row
from .funding import Amount, DeclaredTotal, Funding, Grant
from .portal import Partnership, Portal, Source


def build_funding(package: Checked, partnership: Partnership, portal: Portal) -> Funding:
    meta = package.metadata
    funding = Funding(
        meta["summary"],
        Source(meta["source_title"], meta.get("source_date"), meta.get("source_url")),
        partnership=partnership,
    )
    statuses = portal.statuses["funding"]
    funding.amounts = [_amount(row, partnership, portal) for row in package.tables["amounts"]]
    _link_previous_years(funding.amounts)
    for amount in funding.amounts:
        amount.funding = funding
        if isinstance(amount.recipient, Partnership) and amount.recipient is not partnership:
            amount.recipient.received.append(amount)
    funding.totals = [_total(row, statuses) for row in package.tables.get("totals", [])]
    for total in funding.totals:
        total.rows_sum = rows_sum(funding.amounts, total)
    funding.grants = [_grant(row, portal) for row in package.tables.get("grants", [])]
    return funding


def rows_sum(amounts: list[Amount], total: DeclaredTotal) -> float:
    return sum(
        a.amount
        for a in amounts
        if a.counted and (a.year, a.flow, a.table) == (total.year, total.flow, total.table)
    )


def recipient(value: str | None, partnership: Partnership, portal: Portal):
    """The partnership, organisation or body an id names, in that order."""
    if not value:
        return None
    others = {p.id: p for p in portal.partnerships}
    if value in others:
        return others[value]
    if value in portal.organisations:
        return portal.organisations[value]
    return partnership.governance.body(value)


def _amount(row: Row, partnership: Partnership, portal: Portal) -> Amount:
    status = row.get("status")
    return Amount(
        row["year"],
        row["flow"],
        row["line"],
        row["title"],
        portal.organisations.get(row.get("funder") or ""),
        recipient(row.get("recipient"), partnership, portal),
        row.get("purpose"),
        None if row.get("amount") is None else float(row["amount"]),
        portal.statuses["funding"][status] if status else None,
        bool(row.get("clawback")),
        row.get("table"),
        row.get("note"),
        row["_line"],
    )


def _link_previous_years(amounts: list[Amount]) -> None:
    """Each amount's line in the financial year just before, if there is one."""
    by_key = {(a.year, a.flow, a.line): a for a in amounts}
    for amount in amounts:
        start = int(amount.year[:4]) - 1
        year_before = f"{start}-{(start + 1) % 100:02d}"
        amount.previous = by_key.get((year_before, amount.flow, amount.line))


def _total(row: Row, statuses) -> DeclaredTotal:
    status = row.get("status")
    return DeclaredTotal(
        row["year"],
        row["flow"],
        row["table"],
        None if row.get("amount") is None else float(row["amount"]),
        statuses[status] if status else None,
        None if row.get("source_difference") is None else float(row["source_difference"]),
        row.get("note"),
    )


def _grant(row: Row, portal: Portal) -> Grant:
    return Grant(
        row["id"],
        row["date_awarded"],
        row.get("period_from"),
        row.get("period_to"),
        portal.organisations[row["funder"]],
        row["beneficiary"],
        row.get("registration_number"),
        row["purpose"],
        float(row["amount"]),
        row.get("ward"),
    )
