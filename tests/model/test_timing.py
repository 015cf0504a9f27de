"""What has ended and what is overdue, counted from the portal's "as at" date."""

from __future__ import annotations

import datetime as dt

import pytest

from portalgen.model import timing
from portalgen.model.governance import Recommendation, StatusChange
from portalgen.model.portal import Status

PROPOSED = Status("proposed", "Proposed", "")
DONE = Status("done", "Done", "")


@pytest.mark.parametrize(
    ("due", "last_day"),
    [
        ("2014", dt.date(2014, 12, 31)),
        ("2014-02", dt.date(2014, 2, 28)),
        ("2016-02", dt.date(2016, 2, 29)),
        ("2012-04-01", dt.date(2012, 4, 1)),
    ],
)
def test_a_due_date_runs_to_the_end_of_the_period_it_names(due, last_day):
    assert timing.period_end(due) == last_day


def test_a_financial_year_ends_on_31_march():
    assert timing.year_end("2016-17") == dt.date(2017, 3, 31)


def recommendation(kind: str, due: str | None, status: Status) -> Recommendation:
    item = Recommendation("r", None, kind, "Do it.", None, None, due, meeting=None)
    item.history = [StatusChange(dt.date(2014, 1, 1), status, None)]
    return item


def test_the_tracker_line_counts_done_overdue_and_each_open_status():
    items = [
        recommendation("recommendation", "2014-05", DONE),
        recommendation("recommendation", "2014-05", PROPOSED),
        recommendation("action", None, PROPOSED),
        recommendation("recommendation", "2014-05", DONE),
    ]
    items[1].overdue = True
    assert timing.tally(items).summary == (
        "4 recommendations and actions: 2 done, 1 overdue, 1 proposed"
    )
    assert timing.tally(items[2:3]).summary == "1 action: none done, 1 proposed"
