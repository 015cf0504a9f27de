"""A funding page per partnership: money by year, with a chart, and districts side by side."""

from __future__ import annotations

from ...data import datafiles
from ...data.formats import financial_year
from ...model.funding import FLOWS, Funding, FundingYear, table_name
from ...model.portal import Partnership, Portal
from .. import giving, urls
from ..charts import bar_chart
from ..downloads import amounts_csv, csv_text
from .page import Page


def _grants(partnership: Partnership, funding: Funding) -> dict[str, str]:
    """The grants in the 360Giving Data Standard, if there are any."""
    if not funding.grants:
        return {}
    source = f"/{urls.funding(partnership)}"
    return {giving.FILE: giving.giving_csv(partnership.id, funding.grants, source)}


def pages(portal: Portal) -> list[Page]:
    return [page(p) for p in portal.partnerships if p.funding]


def page(partnership: Partnership) -> Page:
    funding = partnership.funding
    years = funding.years
    districts = district_comparison(funding, partnership)
    rows = year_rows(years)
    return Page(
        urls.funding(partnership),
        f"Funding: {partnership.name}",
        "funding",
        {
            "partnership": partnership,
            "funding": funding,
            "years": years,
            "rows": rows,
            "chart": _years_chart(partnership, rows),
            "districts": districts,
            "districts_chart": _districts_chart(partnership, districts),
        },
        key=partnership.id,
        description=funding.summary,
        sources=[datafiles.funding(partnership.id)],
        downloads={
            "funding.csv": amounts_csv(funding.amounts),
            **({"districts.csv": _districts_csv(districts)} if districts else {}),
            **_grants(partnership, funding),
        },
        search_boost=2,
    )


def year_rows(years: list[FundingYear]) -> list[dict]:
    """One row per year and source table: totals of final figures, and what was left out.
    Figures from different tables of the source are never added together."""
    return [
        {
            "year": year,
            "table": table,
            "totals": {
                flow: year.total(flow, table) if year.has_final(flow, table) else None
                for flow in FLOWS
            },
            "listed": {flow: bool(year.lines(flow, table)) for flow in FLOWS},
            "left_out": [a for a in year.amounts if a.table == table and not a.counted],
        }
        for year in years
        for table in year.tables
    ]


def _years_chart(partnership: Partnership, rows: list[dict]):
    groups: dict[str, list] = {}
    order: dict[tuple, str] = {}
    for row in rows:
        bars = groups.setdefault(financial_year(row["year"].year), [])
        for flow in FLOWS:
            if row["listed"][flow]:
                name = f"{flow.capitalize()} ({table_name(row['table'])})"
                order[(row["table"] is None, row["table"] or "", FLOWS.index(flow))] = name
                bars.append((name, row["totals"][flow], False))
    return bar_chart(
        f"funding-{partnership.id}",
        f"Final income and spending of {partnership.name} by year",
        "Bars for each financial year: final figures for money received and money allocated "
        "or spent, in pounds, by the table of the source they come from.",
        sorted(groups.items()),
        missing="no final figure",
        order=[order[key] for key in sorted(order)],
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
