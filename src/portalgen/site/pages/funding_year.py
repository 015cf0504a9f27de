"""A page per partnership and financial year: income and spending tables with totals."""

from __future__ import annotations

from ...data import datafiles
from ...data.formats import financial_year
from ...model.funding import FLOWS, FundingYear
from ...model.portal import Partnership, Portal
from .. import urls
from ..downloads import amounts_csv
from .page import Page


def pages(portal: Portal) -> list[Page]:
    return [
        page(partnership, year)
        for partnership in portal.partnerships
        if partnership.funding
        for year in partnership.funding.years
    ]


def page(partnership: Partnership, year: FundingYear) -> Page:
    years = [y.year for y in partnership.funding.years]
    index = years.index(year.year)
    return Page(
        urls.funding_year(partnership, year.year),
        f"Funding {financial_year(year.year)}: {partnership.name}",
        "funding_year",
        {
            "partnership": partnership,
            "funding": partnership.funding,
            "year": year,
            "previous": years[index - 1] if index else None,
            "following": years[index + 1] if index + 1 < len(years) else None,
        },
        key=f"{partnership.id}-{year.year}",
        sources=[datafiles.funding(partnership.id)],
        description=(
            f"Money received and spent by {partnership.name} in {financial_year(year.year)}."
        ),
        downloads={
            f"{flow}-{year.year}.csv": amounts_csv(year.lines(flow))
            for flow in FLOWS
            if year.lines(flow)
        },
    )
