"""Model of a partnership's money: amounts by year and line, stated totals, grants.

An amount of ``None`` is a figure the source does not give ("TBC"); it is never zero.
Provisional and to-be-confirmed figures are shown but left out of totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data.contract import UNCOUNTED
from .portal import Date, Organisation, Partnership, Source, Status

FLOWS = ("income", "spending")
ALL = "*"
"""Every table: the default when totalling a year's lines."""


def table_name(table: str | None) -> str:
    """How a source table is named on the page: "table 1", or "the text"."""
    return table.replace("-", " ") if table else "the text"


@dataclass
class Amount:
    year: str
    flow: str
    line: str
    title: str
    funder: Organisation | None
    recipient: object | None
    """The partnership, organisation or body that receives it; None for the partnership itself."""
    purpose: str | None
    amount: float | None
    status: Status | None
    clawback: bool
    table: str | None
    note: str | None
    line_number: int = 0
    previous: Amount | None = field(default=None, repr=False)
    funding: Funding | None = field(default=None, repr=False)

    @property
    def counted(self) -> bool:
        """Whether it goes into totals: a known figure that is not provisional or TBC."""
        return self.amount is not None and not (self.status and self.status.id in UNCOUNTED)

    @property
    def change(self) -> float | None:
        """Change from the same line the year before, when both figures are known."""
        if self.amount is None or self.previous is None or self.previous.amount is None:
            return None
        return self.amount - self.previous.amount

    @property
    def change_percent(self) -> float | None:
        if self.change is None or not self.previous.amount:
            return None
        return 100 * self.change / self.previous.amount


@dataclass
class DeclaredTotal:
    year: str
    flow: str
    table: str
    amount: float | None
    status: Status | None
    source_difference: float | None
    note: str | None
    rows_sum: float = 0.0
    """What the counted rows of the same year, flow and table add up to."""


@dataclass
class Grant:
    id: str
    date_awarded: Date
    period_from: Date
    period_to: Date
    funder: Organisation
    beneficiary: str
    registration_number: str | None
    purpose: str
    amount: float
    ward: str | None


@dataclass
class FundingYear:
    year: str
    amounts: list[Amount]
    totals: list[DeclaredTotal]

    def lines(self, flow: str, table: str | None = ALL) -> list[Amount]:
        return [a for a in self.amounts if a.flow == flow and table in (ALL, a.table)]

    def total(self, flow: str, table: str | None = ALL) -> float:
        return sum(a.amount for a in self.lines(flow, table) if a.counted)

    def has_final(self, flow: str, table: str | None = ALL) -> bool:
        return any(a.counted for a in self.lines(flow, table))

    @property
    def tables(self) -> list[str | None]:
        """The source tables this year's figures come from (None: from the text)."""
        return sorted({a.table for a in self.amounts}, key=lambda t: (t is None, t or ""))

    def left_out(self, flow: str) -> list[Amount]:
        return [amount for amount in self.lines(flow) if not amount.counted]

    def declared(self, flow: str) -> list[DeclaredTotal]:
        return [total for total in self.totals if total.flow == flow]


@dataclass
class Funding:
    summary: str
    source: Source
    amounts: list[Amount] = field(default_factory=list)
    totals: list[DeclaredTotal] = field(default_factory=list)
    grants: list[Grant] = field(default_factory=list)
    partnership: Partnership | None = field(default=None, repr=False)

    @property
    def years(self) -> list[FundingYear]:
        names = sorted({amount.year for amount in self.amounts})
        return [
            FundingYear(
                name,
                [a for a in self.amounts if a.year == name],
                [t for t in self.totals if t.year == name],
            )
            for name in names
        ]

    def to(self, partnership: Partnership) -> list[Amount]:
        return [a for a in self.amounts if a.recipient is partnership]
