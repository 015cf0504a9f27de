"""How figures are written on the site: GOV.UK style, as residents read them."""

from __future__ import annotations

import pytest

from portalgen.data.formats import change, decimals, financial_year, money, number, short_money


@pytest.mark.parametrize(
    ("value", "expected"),
    [(56086, "£56,086"), (4.79, "£4.79"), (4.5, "£4.50"), (-45.5, "−£45.50"), (None, "Not stated")],
)
def test_money(value, expected):
    assert money(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1234567, "£1.2m"), (707753, "£708k"), (-16000, "−£16k"), (9500, "£9,500")],
)
def test_short_money_for_chart_labels(value, expected):
    assert short_money(value) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (13.5, "percent", "13.5%"),
        (9.0, "percent", "9%"),
        (3756, "count", "3,756"),
        (4.79, "pounds", "£4.79"),
        (18.93, "percent", "18.9%"),
    ],
)
def test_numbers_one_decimal_where_needed(value, unit, expected):
    assert number(value, unit) == expected


def test_change_has_a_sign():
    assert change(17073) == "+£17,073"
    assert change(-15879) == "−£15,879"
    assert change(0) == "no change"
    assert change(18.93, "percent") == "+18.9%"


def test_financial_years_are_written_with_a_slash():
    assert financial_year("2011-12") == "2011/12"
    assert financial_year("2013-14 Q3") == "2013/14 Q3"
    assert financial_year("2002") == "2002"
    assert financial_year(None) == "Not stated"


def test_a_column_of_figures_shares_its_decimal_places():
    assert number(108, "rate") == "108.0"
    assert decimals([1, 0.5, None]) == 1
    assert decimals([49, 45.3], "percent") == 1
    assert [number(v, "count", decimals([1, 0.5])) for v in (1, 0.5)] == ["1.0", "0.5"]
    assert number(49, "percent", 1) == "49.0%"
    assert change(-20, "percent", 1) == "−20.0%"
