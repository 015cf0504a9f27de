"""A funding page per partnership: money by year, with a chart, and districts side by side."""

from __future__ import annotations

from .. import urls
from ..charts import bar_chart
from ..downloads import csv_text, name_of
from ..formats import financial_year
from ..funding import FLOWS, Amount, Funding, FundingYear
from ..model import Partnership, Portal
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [page(p) for p in portal.partnerships if p.funding]


def page(partnership: Partnership) -> Page:
    funding = partnership.funding
    years = funding.years
    districts = district_comparison(funding, partnership)
    return Page(
        urls.funding(partnership),
        f"Funding: {partnership.name}",
        "funding",
        {
            "partnership": partnership,
            "funding": funding,
            "years": years,
            "chart": _years_chart(partnership, years),
            "districts": districts,
            "districts_chart": _districts_chart(partnership, districts),
        },
        key=partnership.id,
        description=funding.summary,
        downloads={
            "funding.csv": amounts_csv(funding.amounts),
            **({"districts.csv": _districts_csv(districts)} if districts else {}),
        },
    )


def year_value(year: FundingYear, flow: str) -> tuple[float | None, bool]:
    """What a chart shows for a year: the counted total, else the provisional figures
    (marked), else nothing."""
    if any(a.counted for a in year.lines(flow)):
        return year.total(flow), False
    provisional = [a.amount for a in year.lines(flow) if a.amount is not None]
    return (sum(provisional), True) if provisional else (None, False)


def _years_chart(partnership: Partnership, years: list[FundingYear]):
    groups = [
        (
            financial_year(year.year),
            [(flow.capitalize(), *year_value(year, flow)) for flow in FLOWS if year.lines(flow)],
        )
        for year in years
    ]
    return bar_chart(
        f"funding-{partnership.id}",
        f"Income and spending of {partnership.name} by year",
        "Bars for each financial year: money received and money allocated or spent, in pounds.",
        groups,
    )


def district_comparison(funding: Funding, partnership: Partnership) -> list[dict]:
    """Each district partnership's allocation by year, with its share of all districts'."""
    children = [c for c in partnership.children if funding.to(c)]
    years = [y for y in funding.years if any(a.recipient in children for a in y.amounts)]
    rows = []
    for child in children:
        by_year = {}
        for year in years:
            amount = next((a for a in year.lines("spending") if a.recipient is child), None)
            shared = [a.amount for a in year.lines("spending") if a.recipient in children]
            known = [v for v in shared if v is not None]
            share = None
            if amount and amount.amount is not None and len(known) == len(shared):
                share = 100 * amount.amount / sum(known)
            by_year[year.year] = {"amount": amount, "share": share}
        rows.append({"partnership": child, "years": by_year})
    return rows


def _districts_chart(partnership: Partnership, districts: list[dict]):
    if not districts:
        return None
    years = list(districts[0]["years"])
    groups = []
    for year in years:
        bars = []
        for row in districts:
            amount = row["years"][year]["amount"]
            value = amount.amount if amount else None
            marked = bool(amount and not amount.counted and value is not None)
            bars.append((row["partnership"].name, value, marked))
        groups.append((financial_year(year), bars))
    return bar_chart(
        f"districts-{partnership.id}",
        f"Money allocated to each district partnership by {partnership.name}",
        "Bars for each financial year, one for each district partnership, in pounds.",
        groups,
    )


def _districts_csv(districts: list[dict]) -> str:
    years = list(districts[0]["years"])
    header = ["partnership"] + [f"{y} amount" for y in years] + [f"{y} status" for y in years]
    rows = []
    for row in districts:
        cells = [row["years"][y]["amount"] for y in years]
        rows.append(
            [row["partnership"].name]
            + [a.amount if a else None for a in cells]
            + [(a.status.id if a and a.status else None) for a in cells]
        )
    return csv_text(header, rows)


def amounts_csv(amounts: list[Amount]) -> str:
    """Amounts as a spreadsheet: plain numbers, status ids, and the change on the year before."""
    header = [
        "year",
        "flow",
        "line",
        "title",
        "funder",
        "recipient",
        "purpose",
        "amount",
        "status",
        "counted_in_totals",
        "change_from_previous_year",
        "change_percent",
        "note",
    ]
    rows = [
        [
            a.year,
            a.flow,
            a.line,
            a.title,
            name_of(a.funder),
            name_of(a.recipient),
            a.purpose,
            a.amount,
            a.status.id if a.status else None,
            a.counted,
            a.change,
            None if a.change_percent is None else round(a.change_percent, 1),
            a.note,
        ]
        for a in amounts
    ]
    return csv_text(header, rows)
