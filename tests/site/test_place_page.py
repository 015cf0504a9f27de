"""The place page (a ward or small area) answers four questions in order: what is happening
here, what is being done here, what it costs, and who decides and when.

The example's pages are read by selectors, with what they should say worked out from the
data files; cases the example does not have (no plan, no money, a trend, an action tied to
the place, money per resident) are rendered from small model objects."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

from portalgen import load_portal
from portalgen.data.formats import financial_year, money, number
from portalgen.model import place
from portalgen.model.areas import Area, AreaSet, Metric
from portalgen.model.funding import Amount, Funding, Grant
from portalgen.model.governance import Body, Governance, Meeting
from portalgen.model.portal import (
    Action,
    LocalAuthority,
    Organisation,
    Partnership,
    Plan,
    Priority,
    Progress,
    Source,
    Status,
)
from portalgen.site import render
from portalgen.site.pages import area as area_page

SECTIONS = ["happening", "being-done", "costs", "decides"]
HEADINGS = ["What is happening here", "What is being done here", "What it costs"]
HEADINGS += ["Who decides and when"]
DATA = REPO / "data"


def rows(path: str) -> list[dict]:
    with (DATA / path).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def sections(soup: BeautifulSoup) -> dict[str, BeautifulSoup]:
    """Each h2 section of the article by its id, as its own soup (heading to next h2)."""
    found = {}
    for heading in soup.select("article h2[id]"):
        parts = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            parts.append(str(sibling))
        found[heading["id"]] = BeautifulSoup("".join(parts), "html.parser")
    return found


def text(soup) -> str:
    """The text as read, one space between words, none before a full stop or comma."""
    words = " ".join(soup.get_text(" ", strip=True).split())
    return words.replace(" .", ".").replace(" ,", ",")


def place_addresses(site) -> list[str]:
    folders = [*site.root.glob("wards/*/index.html"), *site.root.glob("small-areas/*/index.html")]
    return sorted(path.parent.relative_to(site.root).as_posix() + "/" for path in folders)


def test_every_place_page_has_the_four_sections_in_order_and_none_empty(example_site):
    addresses = place_addresses(example_site)
    vintages = sorted(DATA.glob("*/areas/*/areas.csv"))
    assert len(addresses) == sum(len(rows(str(p.relative_to(DATA)))) for p in vintages)
    for address in addresses:
        soup = example_site.soup(address)
        headings = [h for h in soup.select("article h2[id]") if h["id"] in SECTIONS]
        assert [h["id"] for h in headings] == SECTIONS, address
        assert [h.get_text(strip=True) for h in headings] == HEADINGS, address
        for name, body in sections(soup).items():
            if name in SECTIONS:
                assert text(body), (address, name)


def _whole_rate(metric: str, period: str, figures: list[dict]) -> float:
    counts = {
        r["area"]: float(r["value"])
        for r in figures
        if (r["metric"], r["period"]) == (metric, period)
    }
    people = {r["area"]: float(r["value"]) for r in figures if r["metric"] == "population"}
    return 1000 * sum(counts.values()) / sum(people[code] for code in counts)


def test_haringey_ward_says_what_happens_what_is_done_and_who_decides(example_site):
    code, figures = "E05000268", rows("haringey/ward-figures/figures.csv")
    latest = max(r["period"] for r in figures if r["metric"] == "all-crime")
    mine = {
        r["period"]: float(r["value"])
        for r in figures
        if (r["metric"], r["area"]) == ("all-crime", code)
    }
    people = next(
        float(r["value"]) for r in figures if (r["metric"], r["area"]) == ("population", code)
    )
    rate, whole = 1000 * mine[latest] / people, _whole_rate("all-crime", latest, figures)
    page = sections(example_site.soup(f"wards/{code}/"))

    card = text(page["happening"].select_one("section.pg-place-figure"))
    assert f"{number(mine[latest])} in {financial_year(latest)}" in card
    previous = sorted(mine)[-2]
    direction = "Up" if mine[latest] > mine[previous] else "Down"
    assert f"{direction} {number(abs(mine[latest] - mine[previous]))}" in card
    assert f"on {financial_year(previous)}, when it was {number(mine[previous])}" in card
    words = (
        "higher than" if rate > whole * 1.05 else "lower than" if rate < whole * 0.95 else "about"
    )
    assert f"that is {words}" in card
    wards = len(rows("haringey/areas/wd13/areas.csv"))
    assert f"{number(whole, 'rate')} for every 1,000 residents across all {wards} wards" in card
    assert page["happening"].select("div.pg-table-wrap table.pg-area-history tbody tr")
    counts = [
        (r["period"], float(r["value"]))
        for r in figures
        if (r["metric"], r["area"]) == ("grants-number", code)
    ]
    words = ", ".join(f"{period}: {number(value)}" for period, value in counts)
    trends = [svg["aria-label"] for svg in page["happening"].select("svg.pg-place-trend[role=img]")]
    assert trends == [f"Trend from {counts[0][0]} to {counts[-1][0]}: {words}"]

    across = page["being-done"].select_one("h3#across")
    assert across.get_text(strip=True) == "Across the whole area"
    titles = [a.get_text().strip() for a in page["being-done"].select("ol.pg-place-priorities a")]
    assert titles == [r["title"] for r in rows("haringey/plans/2013-14/priorities.csv")]

    grants = {
        r["period"]: float(r["value"])
        for r in figures
        if (r["metric"], r["area"]) == ("grants-amount", code)
    }
    year = max(grants)
    costs = text(page["costs"])
    assert costs.startswith(f"{money(grants[year])} in {year}: Grants to organisations in the ward")
    assert "not money spent by the Community Safety Partnership" in costs
    assert "Haringey Community Safety Partnership publishes no figures for its spending" in costs
    meeting = rows("haringey/governance/meetings.csv")[0]
    day = dt.date.fromisoformat(meeting["date"])
    decides = text(page["decides"])
    assert f"Last meeting {day.day} {day:%B %Y}" in decides
    assert "Next meeting No meeting after" in decides


def test_redditch_small_area_ranks_its_score_and_shows_county_plan_and_money(example_site):
    code, figures = "E01032244", rows("redditch/ward-figures/figures.csv")
    scores = {r["area"]: float(r["value"]) for r in figures}
    rank = sorted(scores, key=lambda c: (-scores[c], c)).index(code) + 1
    page = sections(example_site.soup(f"small-areas/{code}/"))

    card = text(page["happening"].select_one("section.pg-place-figure"))
    assert f"{number(scores[code], 'score')} in 2019" in card
    assert "2019 is the only period on this portal" in card
    assert f"It ranks {rank} of the {len(scores)} small areas" in card

    titles = [a.get_text().strip() for a in page["being-done"].select("ol.pg-place-priorities a")]
    assert titles == [r["title"] for r in rows("worcestershire/plans/2011-12/priorities.csv")]

    given = [
        r
        for r in rows("worcestershire/funding/amounts.csv")
        if r["recipient"] == "redditch" and r["status"] not in ("provisional", "tbc")
    ]
    year = max(r["year"] for r in given)
    total = sum(float(r["amount"]) for r in given if r["year"] == year)
    costs = text(page["costs"])
    assert (
        f"{money(total)} received by Redditch Community Safety Partnership from Worcestershire "
        f"Safer Communities Board in {financial_year(year)} (final figures)"
    ) in costs

    day = dt.date.fromisoformat(rows("worcestershire/governance/meetings.csv")[0]["date"])
    decides = text(page["decides"])
    assert f"Last meeting {day.day} {day:%B %Y}" in decides
    assert (
        "This portal has no board or meetings for Redditch Community Safety Partnership" in decides
    )


# Small model objects for what the example does not have.

AS_OF = dt.date(2026, 11, 29)
ADOPTED = Status("adopted", "Adopted", "")


def toy(periods=("2015-16", "2016-17", "2017-18"), *, plan=True, funding=False, board=False):
    """A partnership of two wards, a crime count per period and a population, and what the
    switches ask for: a plan, a year of spending, a board with a meeting either side of AS_OF."""
    council = LocalAuthority("E09000099", "Toyborough", "unitary")
    partnership = Partnership("toy", "Toy CSP", "unitary CSP", [council], "", None, None)
    area_set = AreaSet(
        "wd", "Toy wards", "ward", "2020", "", None, "Boundaries: toy.", {}, partnership
    )
    area_set.areas = [
        Area(code, name, council.id, area_set)
        for code, name in (("E05999991", "Northside"), ("E05999992", "Southside"))
    ]
    people = Metric("population", "Residents", "count", False, "ONS", None, "", area_set)
    people.values = {"2020": {"E05999991": 2000, "E05999992": 3000}}
    crime = Metric("crime", "Crimes", "count", True, "police.uk", None, "", area_set, people)
    crime.values = {p: {"E05999991": 10 + i, "E05999992": 30} for i, p in enumerate(periods)}
    partnership.area_sets, partnership.metrics = [area_set], [crime, people]
    if plan:
        progress = Progress(None, None)
        toy_plan = Plan(
            "2020-21",
            "Toy plan",
            "2020-21",
            "2020-21",
            ADOPTED,
            None,
            "",
            Source("", None, None),
            partnership=partnership,
        )
        priority = Priority("p1", 1, "Safer streets", None, None, progress, plan=toy_plan)
        priority.actions = [Action("p1-a1", "action", "Lights on the estate", None, None, progress)]
        toy_plan.priorities = [priority]
        partnership.plans = [toy_plan]
    if funding:
        spent = Amount(
            "2020-21",
            "spending",
            "l1",
            "Work",
            None,
            None,
            None,
            50000,
            None,
            False,
            "table-1",
            None,
        )
        partnership.funding = Funding("", Source("", None, None), [spent], partnership=partnership)
    if board:
        body = Body("board", "Toy Board", "board", "in place", "", None, partnership=partnership)
        body.meetings = [
            Meeting(day, dt.date.fromisoformat(day), body, True, False, f"Meeting {day}", "", None)
            for day in ("2026-09-01", "2027-01-15")
        ]
        partnership.governance = Governance("", Source("", None, None), None, [body], body.meetings)
    return partnership, area_set.areas[0]


def rendered(partnership: Partnership, area: Area) -> BeautifulSoup:
    page = area_page.page(area, {area.local_authority: [partnership]}, AS_OF)
    return BeautifulSoup(render.render_page(page, render.environment()), "html.parser")


def test_a_place_with_no_plan_money_or_board_says_so_in_one_sentence_each():
    partnership, area = toy(plan=False)
    soup = rendered(partnership, area)
    none = [text(p) for p in soup.select("p.pg-place-none")]
    assert none == [
        "No partnership covering Northside has published a plan on this portal. To ask what "
        "is being done here, start from the page of Toy CSP.",
        "Toy CSP publishes no figures for its spending on this portal. To ask about its "
        "spending, start from the partnership's page.",
    ]
    assert "This portal has no board or meetings for Toy CSP" in text(soup)


def test_three_periods_draw_a_trend_with_its_figures_in_words():
    soup = rendered(*toy())
    trend = soup.select_one("svg.pg-place-trend")
    assert (
        trend["aria-label"]
        == "Trend from 2015/16 to 2017/18: 2015/16: 10, 2016/17: 11, 2017/18: 12"
    )
    assert len(trend.select_one("polyline")["points"].split()) == 3
    assert text(soup.select_one(".pg-place-trend-span")) == "Trend, 2015/16 to 2017/18"
    assert rendered(*toy(periods=("2016-17", "2017-18"))).select("svg.pg-place-trend") == []


def test_an_action_tied_by_its_areas_is_listed_with_a_link_to_its_row():
    partnership, area = toy()
    action = partnership.plans[0].priorities[0].actions[0]
    assert place.tied(area, [partnership]) == []
    for codes in ((area.code,), (area.local_authority,)):
        action.areas = codes
        links = rendered(partnership, area).select("ul.pg-place-tied a")
        assert [a.get_text(strip=True) for a in links] == [
            "Priority 1: Safer streets",
            "Lights on the estate",
        ]
        assert links[1]["href"].endswith("/priorities/p1/#p1-a1")
    action.areas = ("E05999992",)
    assert place.tied(area, [partnership]) == []


def test_spending_is_given_per_resident_when_the_population_is_known():
    soup = rendered(*toy(funding=True))
    money_line = text(soup.select_one("p.pg-place-money"))
    assert money_line.startswith(
        "£50,000 spent by Toy CSP across its whole area in 2020/21 (final figures, table 1 of "
        "its source): about £10 for each of its 5,000 residents (2020)."
    )


@pytest.mark.parametrize("public", [True, None])
def test_next_and_last_meeting_are_counted_from_the_as_at_date(public):
    partnership, area = toy(board=True)
    for meeting in partnership.governance.meetings:
        meeting.public = public
    decides = text(rendered(partnership, area).select_one("dl.pg-place-meetings"))
    assert "Last meeting 1 September 2026 (about 3 months before that date)" in decides
    assert "Next meeting 15 January 2027 (about 2 months after that date)" in decides
    held = "Yes: the last meeting was held in public" if public else "do not say whether the public"
    assert held in decides


def test_rates_within_five_percent_are_about_the_same():
    partnership, area = toy()
    partnership.metrics[0].values["2017-18"] = {"E05999991": 8.2, "E05999992": 12}
    reading = place.readings(area)[0]
    assert round(reading.rate, 2) == 4.1 and round(reading.whole_rate, 2) == 4.04
    assert reading.compared == "about the same as"


def test_a_priority_whose_text_names_the_place_is_listed_as_before():
    partnership, area = toy()
    partnership.plans[0].priorities[0].actions[0].title = "Lights on the Northside estate"
    item = rendered(partnership, area).select_one("ul.pg-place-tied > li")
    assert text(item).startswith("Priority 1: Safer streets (Toy CSP, 2020/21): its text names")
    assert text(item.select_one("ul")) == "Lights on the Northside estate"


def test_money_for_the_place_is_under_what_it_costs_not_what_is_happening():
    partnership, area = toy(funding=True)
    grants = Metric(
        "grants",
        "Grants to groups in the ward",
        "pounds",
        False,
        "Toy council",
        None,
        "",
        area.area_set,
    )
    grants.values = {"2019-20": {area.code: 1200}, "2020-21": {area.code: 1500.5}}
    partnership.metrics.append(grants)
    funder = Organisation("toy-council", "Toy Council", "council", True)
    day = dt.date(2020, 6, 1)
    partnership.funding.grants = [
        Grant(
            "g1", day, None, None, funder, "Northside Youth", None, "Summer club", 900, area.code
        ),
        Grant("g2", day, None, None, funder, "Southside Choir", None, "Concerts", 500, "E05999992"),
    ]
    soup = rendered(partnership, area)
    titles = [text(h) for h in soup.select("section.pg-place-figure h3")]
    assert titles == ["Crimes"]
    lines = [text(p) for p in soup.select("p.pg-place-money")]
    assert lines == [
        "£1,500.50 in 2020/21: Grants to groups in the ward. Up on 2019/20, when it was £1,200. "
        "Source: Toy council.",
        "£900 in 1 grant for work in Northside, as the funder recorded the ward. These are "
        "grants to organisations, not all the money spent here.",
        "£50,000 spent by Toy CSP across its whole area in 2020/21 (final figures, table 1 of "
        "its source): about £10 for each of its 5,000 residents (2020). What it spent in 2020/21.",
    ]
    assert "For the whole partnership area:" in text(soup)


def test_a_devon_ward_with_no_plan_or_money_on_the_portal_says_so(example_site):
    code = "E05011782"
    name = next(r["name"] for r in rows("safer-devon/areas/wd23/areas.csv") if r["code"] == code)
    assert (
        not list(DATA.glob("safer-devon/plans/*")) and not (DATA / "safer-devon/funding").exists()
    )
    page = sections(example_site.soup(f"wards/{code}/"))
    assert text(page["being-done"]) == (
        f"No partnership covering {name} has published a plan on this portal. To ask what is "
        "being done here, start from the page of Safer Devon Partnership."
    )
    assert text(page["costs"]).startswith(
        "Safer Devon Partnership publishes no figures for its spending on this portal."
    )


def add_areas(path, cells: dict[int, str]) -> None:
    """Add an ``areas`` column to a CSV file as an editor would: ``cells`` by line."""
    with path.open(encoding="utf-8", newline="") as file:
        table = list(csv.reader(file))
    table[0].append("areas")
    for line, row in enumerate(table[1:], start=2):
        row.append(cells.get(line, ""))
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(table)


def test_areas_in_the_plan_files_put_actions_and_priorities_on_the_place_page(project):
    plan = project / "data/haringey/plans/2013-14"
    actions, priorities = (
        rows("haringey/plans/2013-14/actions.csv"),
        rows("haringey/plans/2013-14/priorities.csv"),
    )
    add_areas(plan / "actions.csv", {2: "E05000268"})
    add_areas(plan / "priorities.csv", {6: "E09000014"})
    haringey = load_portal(project / "data", project).partnership("haringey")
    wards = {area.code: area for area in haringey.area_sets[0].areas}
    councils = {"E09000014": [haringey]}

    def tied(code: str) -> list[str]:
        page = area_page.page(wards[code], councils, AS_OF)
        soup = BeautifulSoup(render.render_page(page, render.environment()), "html.parser")
        return [f"{a.get_text(strip=True)} {a['href']}" for a in soup.select("ul.pg-place-tied a")]

    first, council_wide = actions[0], priorities[4]
    pages = "../../partnerships/haringey/plans/2013-14/priorities"
    assert first["priority"] == "p1" and council_wide["id"] == "p5"
    assert tied("E05000268") == [
        f"Priority 1: {priorities[0]['title']} {pages}/p1/",
        f"{first['title']} {pages}/p1/#{first['id']}",
        f"Priority 5: {council_wide['title']} {pages}/p5/",
    ]
    assert tied("E05000266") == [f"Priority 5: {council_wide['title']} {pages}/p5/"]
