"""Validation of funding and performance packages, messages compared exactly."""

from __future__ import annotations

from conftest import problems, set_cell

FUNDING = "data/worcestershire/funding"
FIGURES = "data/haringey/performance"
# Lines of data/worcestershire/funding/amounts.csv used below (header on line 1).
REDDITCH_2010 = 10
CSF_2011 = 13
WCC_GRANT_2012 = 23


def test_one_pound_error_fails_naming_the_difference(project):
    set_cell(project / FUNDING / "amounts.csv", CSF_2011, "amount", "544339")
    assert problems(project) == [
        f"{FUNDING}/totals.csv:4 amount: The income rows of table-1 for 2011/12 (amounts.csv "
        "lines 13 and 14) add up to £644,339, not the stated total of £644,338: a difference "
        "of £1. Correct the figure that is wrong. If the source itself does not add up, "
        "write its difference (1) in source_difference."
    ]


def test_recorded_source_difference_still_catches_a_change(project):
    set_cell(project / FUNDING / "amounts.csv", REDDITCH_2010, "amount", "90326")
    assert problems(project) == [
        f"{FUNDING}/totals.csv:3 amount: The spending rows of table-1 for 2010/11 (amounts.csv "
        "lines 6 to 12) add up to £707,752, but the source's own lines add up to £707,753 "
        "(its total £707,000 plus the source_difference of 753): a difference of −£1. A "
        "figure has changed; check the rows against the source."
    ]


def test_tbc_is_never_zero(project):
    set_cell(project / FUNDING / "amounts.csv", WCC_GRANT_2012, "amount", "0")
    assert problems(project) == [
        f"{FUNDING}/amounts.csv:{WCC_GRANT_2012} amount: is 0 but the status is tbc. A figure "
        "to be confirmed has no amount yet: leave the cell empty (TBC is never 0), or give "
        "the status it has."
    ]


def test_missing_amount_needs_tbc(project):
    set_cell(project / FUNDING / "amounts.csv", WCC_GRANT_2012, "status", "provisional")
    assert problems(project) == [
        f"{FUNDING}/amounts.csv:{WCC_GRANT_2012} amount: is empty. Write the amount in pounds, "
        "or if the source says TBC, set the status to tbc."
    ]


def test_negative_only_for_a_clawback(project):
    path = project / FUNDING / "amounts.csv"
    set_cell(path, REDDITCH_2010, "amount", "-90327")
    found = problems(project)
    assert found[0] == (
        f"{FUNDING}/amounts.csv:{REDDITCH_2010} amount: is -90327, below zero. Only money taken "
        "back is negative: set clawback to yes, or write the amount without the minus sign."
    )
    set_cell(path, REDDITCH_2010, "clawback", "yes")
    assert not any("below zero" in problem for problem in problems(project))


def test_pounds_and_commas_are_explained(project):
    set_cell(project / FUNDING / "amounts.csv", REDDITCH_2010, "amount", "£90,327")
    assert problems(project) == [
        f'{FUNDING}/amounts.csv:{REDDITCH_2010} amount: "£90,327" is not a plain number: '
        "write it as 90327, without £, commas or %."
    ]


def test_recipient_must_exist(project):
    set_cell(project / FUNDING / "amounts.csv", REDDITCH_2010, "recipient", "reddich")
    assert problems(project) == [
        f'{FUNDING}/amounts.csv:{REDDITCH_2010} recipient: "reddich" is not a partnership, '
        "organisation or body in data/partnerships/partnerships.csv, "
        "data/vocabulary/organisations.csv or data/worcestershire/governance/bodies.csv. "
        'Did you mean "redditch"?'
    ]


def test_year_must_be_a_known_financial_year(project):
    set_cell(project / FUNDING / "amounts.csv", 2, "year", "2040-41")
    assert problems(project) == [
        f'{FUNDING}/amounts.csv:2 year: "2040-41" is not a financial year in '
        'data/vocabulary/financial-years.csv. Did you mean "2030-31"?'
    ]


def test_year_must_be_in_the_partnerships_active_period(project):
    set_cell(project / "data/partnerships/partnerships.csv", 4, "active_from", "2010-04-01")
    assert problems(project) == [
        f"{FUNDING}/amounts.csv:2 year: 2009/10 ended before the partnership began "
        "(1 April 2010). Check the year, or the partnership's dates in "
        "data/partnerships/partnerships.csv."
    ]


def test_observation_indicator_must_exist(project):
    set_cell(project / FIGURES / "observations.csv", 2, "indicator", "police-confidance")
    assert problems(project) == [
        f'{FIGURES}/observations.csv:2 indicator: "police-confidance" is not the id of any row '
        "in indicators.csv. Check the spelling, or add it there."
    ]


def test_indicator_priority_must_be_in_its_plan(project):
    set_cell(project / FIGURES / "indicators.csv", 2, "priority", "p9")
    set_cell(project / FIGURES / "indicators.csv", 3, "plan", "2012-13")
    assert problems(project) == [
        f'{FIGURES}/indicators.csv:2 priority: "p9" is not a priority in '
        "data/haringey/plans/2013-14/priorities.csv. Add it to "
        "data/haringey/plans/2013-14/priorities.csv or use one of its ids.",
        f'{FIGURES}/indicators.csv:3 plan: "2012-13" is not a plan version in '
        'data/haringey/plans/. Did you mean "2013-14"?',
    ]


def test_target_needs_a_direction(project):
    set_cell(project / FIGURES / "observations.csv", 5, "target", "45")
    assert problems(project) == [
        f"{FIGURES}/observations.csv:5 target: is set, but indicator "
        '"dv-share-of-violence-with-injury" has no direction. Write higher or lower in its '
        "direction column in indicators.csv, so the site can tell whether the target is met."
    ]


def test_duplicate_amount_line_is_rejected(project):
    path = project / FUNDING / "amounts.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + lines[REDDITCH_2010 - 1], "utf-8")
    assert problems(project)[0] == (
        f'{FUNDING}/amounts.csv:{len(lines) + 1} year, flow, line: repeats "2010-11", '
        f'"spending", "redditch-csp", already on line {REDDITCH_2010}. Only one row may have '
        "the same year and flow and line: delete one, or correct it."
    )


def test_figures_must_be_listed_oldest_first(project):
    set_cell(project / "data/north-lincolnshire/performance/observations.csv", 4, "period", "1999")
    assert problems(project) == [
        "data/north-lincolnshire/performance/observations.csv:4 period: 1999 does not come "
        'after 2000 (line 3), the figure before it for "domestic-violence-incidents". List '
        "each indicator's figures oldest first."
    ]


def test_a_period_must_match_the_whole_pattern(project):
    set_cell(
        project / "data/north-lincolnshire/performance/observations.csv", 3, "period", "2000/01"
    )
    assert problems(project) == [
        'data/north-lincolnshire/performance/observations.csv:3 period: "2000/01" is not in the '
        "right form. When the figure applies - a year (2002), a financial year (2013-14), a "
        "quarter of a financial year (2013-14 Q3) or a month (March 2014). Leave empty if the "
        "source does not say."
    ]


def test_a_badly_written_year_is_told_once(project):
    set_cell(project / FUNDING / "totals.csv", 2, "year", "2010/11")
    assert problems(project) == [
        f'{FUNDING}/totals.csv:2 year: "2010/11" is not in the right form. Financial year, for '
        "example 2010-11."
    ]
