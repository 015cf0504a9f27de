"""A funding page per partnership: money by year, with a chart, and districts side by side."""

from __future__ import annotations

from ...data import datafiles
from ...data.formats import financial_year
from ...model.funding import FLOWS, Amount, Funding, FundingYear, table_name
from ...model.portal import Partnership, Portal
from .. import giving, urls
from ..charts import PROVISIONAL, TBC, bar_chart
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
    names = series_names(partnership.funding)
    groups: dict[str, list] = {}
    for row in rows:
        bars = groups.setdefault(financial_year(row["year"].year), [])
        for flow in FLOWS:
            if row["listed"][flow]:
                bars.append((names[(row["table"], flow)], row["totals"][flow], ""))
    order = list(dict.fromkeys(names.values()))
    return bar_chart(
        f"funding-{partnership.id}",
        f"Final income and spending of {partnership.name} by year",
        "A group of bars for each financial year: final figures for money received and money "
        "allocated or spent, in pounds.",
        [
            (year, sorted(bars, key=lambda bar: order.index(bar[0])))
            for year, bars in sorted(groups.items())
        ],
        missing="no final figure",
        order=order,
    )


def series_names(funding: Funding) -> dict[tuple[str | None, str], str]:
    """What each chart series is, by (source table, flow): "Income", "Spending", or, for
    figures from the text of the source, the title they share ("Home Office capital
    funding"). The source table is in the table under the chart, not in the name."""
    keys = sorted(
        {(a.table, a.flow) for a in funding.amounts},
        key=lambda k: (k[0] is None, k[0] or "", FLOWS.index(k[1])),
    )
    tables = {flow: {t for t, f in keys if f == flow and t} for flow in FLOWS}
    names = {}
    for table, flow in keys:
        titles = {a.title for a in funding.amounts if (a.table, a.flow) == (table, flow)}
        if table is None:
            names[(table, flow)] = titles.pop() if len(titles) == 1 else f"Other {flow}"
        elif len(tables[flow]) == 1:
            names[(table, flow)] = flow.capitalize()
        else:
            names[(table, flow)] = f"{flow.capitalize()}, {table_name(table)}"
    return names


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
            bars.append((row["partnership"].name, value, _state(amount)))
        groups.append((financial_year(year), bars))
    return bar_chart(
        f"districts-{partnership.id}",
        f"Money allocated to each district partnership by {partnership.name}",
        "A group of bars for each financial year, one for each district partnership, in pounds.",
        groups,
    )


def _state(amount: Amount | None) -> str:
    """How a bar marks a figure that is not final: "provisional" or "to be confirmed"."""
    status = amount.status.id if amount and amount.status else ""
    return {"provisional": PROVISIONAL, "tbc": TBC}.get(status, "")


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
