"""How figures, money, years and periods are written on the site, in GOV.UK style, and
when a period begins.

Used by the templates (as filters) and by validation messages, so an editor reads a figure
the same way in an error as on the page.
"""

from __future__ import annotations

import datetime as dt
import re

NOT_STATED = "Not stated"
_FINANCIAL_YEAR = re.compile(r"((?:19|20)[0-9]{2})-([0-9]{2})")


def plain(value: float, places: int = 2) -> str:
    """1234.5 → "1,234.5": thousands separated, no trailing zeros."""
    text = f"{value:,.{places}f}"
    return unsigned_zero(text.rstrip("0").rstrip(".") if "." in text else text)


def unsigned_zero(text: str) -> str:
    """A figure that rounds to zero has no sign: a tiny negative figure is "0", not "-0"."""
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


def bare(value: float) -> str:
    """A number as an editor types it in a CSV cell: no £, no commas, at most 2 places."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def money(value: float | None) -> str:
    """£56,086; pence only when there are some: £4.79."""
    if value is None:
        return NOT_STATED
    sign = "−" if value < 0 else ""
    amount = abs(value)
    text = f"{amount:,.2f}" if amount != int(amount) else f"{int(amount):,}"
    return f"{sign}£{text}"


def short_money(value: float | None) -> str:
    """£1.2m, £707k: for chart labels, where space is short."""
    if value is None:
        return NOT_STATED
    sign, amount = ("−" if value < 0 else ""), abs(value)
    if amount >= 1_000_000:
        return f"{sign}£{plain(amount / 1_000_000, 1)}m"
    if amount >= 10_000:
        return f"{sign}£{round(amount / 1000):,}k"
    return money(value)


def number(value: float | None, unit: str = "count", places: int | None = None) -> str:
    """A figure as people read it: 3,756 / 13.5% / £56,086 / 4.79 / 108.0 (a rate per
    1,000 always has one decimal place). ``places`` fixes the decimal places, so that the
    figures of one table column line up (``decimals`` finds them)."""
    if value is None:
        return NOT_STATED
    if unit == "pounds":
        return money(value)
    if unit == "rate":
        places = 1 if places is None else places
    if places is not None:
        text = unsigned_zero(f"{value:,.{places}f}")
    else:
        text = plain(value, 1 if unit == "percent" else 2)
    return f"{text}%" if unit == "percent" else text


def decimals(values: list[float | None], unit: str = "count") -> int:
    """The decimal places a column of figures needs: the most any of them has."""
    texts = [number(v, unit) for v in values if v is not None]
    return max((len(t.rstrip("%").partition(".")[2]) for t in texts), default=0)


def change(value: float | None, unit: str = "pounds", places: int | None = None) -> str:
    """A difference with its sign: +£35,706 / −£15,879 / no change."""
    if value is None:
        return NOT_STATED
    if value == 0:
        return "no change"
    text = number(abs(value), unit, places)
    return f"+{text}" if value > 0 else f"−{text}"


def financial_year(value: str | None) -> str:
    """2011-12 in data is 2011/12 on the page; other periods are left as they are."""
    if not value:
        return NOT_STATED
    return _FINANCIAL_YEAR.sub(r"\1/\2", value)


MONTHS = (
    "January February March April May June July August September October November December"
).split()
_FINANCIAL = re.compile(r"(\d{4})-\d{2}(?: Q([1-4]))?")


def period_start(period: str | None) -> dt.date | None:
    """When a period begins: 2002 → 1 January 2002; 2013-14 → 1 April 2013;
    2013-14 Q3 → 1 October 2013; March 2014 → 1 March 2014."""
    if not period:
        return None
    if period.isdigit():
        return dt.date(int(period), 1, 1)
    financial = _FINANCIAL.fullmatch(period)
    if financial:
        start = dt.date(int(financial.group(1)), 4, 1)
        quarter = int(financial.group(2) or 1) - 1
        month = 4 + 3 * quarter
        return dt.date(start.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    name, year = period.split()
    return dt.date(int(year), MONTHS.index(name) + 1, 1)
