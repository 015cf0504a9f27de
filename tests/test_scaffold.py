"""``portalgen new``: every kind, run on a partnership that has nothing yet, makes what it
needs, fills in what is known, records the change, and leaves only "To be written" for the
editor, which validation then names on its file, line and field."""

from __future__ import annotations

import csv
import io

import yaml
from conftest import fill_in, problems, run_portalgen

LONDON = ("city-of-london", "City of London Safer Partnership", "E09000001")
PLACEHOLDER = 'still says "To be written", left by portalgen new: write what the source says.'


def rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))


def descriptor(path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def new(project, *args) -> str:
    result = run_portalgen(project, "new", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_new_partnership_adds_its_london_borough_and_works_out_its_kind(project):
    out = new(project, "partnership", *LONDON, "--council", "City of London")
    councils = rows(project / "data/vocabulary/local-authorities.csv")
    assert councils[-1] == {
        "id": "E09000001",
        "name": "City of London",
        "tier": "London borough",
        "abolished": "",
    }
    added = rows(project / "data/partnerships/partnerships.csv")[-1]
    assert (added["id"], added["kind"], added["local_authorities"]) == (
        "city-of-london",
        "unitary CSP",
        "E09000001",
    )
    assert problems(project) == [f"data/partnerships/partnerships.csv:12 summary: {PLACEHOLDER}"]
    assert out.splitlines()[-3:] == [
        'Fill in each "To be written" before publishing (1 left):',
        f"data/partnerships/partnerships.csv:12 summary: {PLACEHOLDER}",
        "Then run: portalgen validate",
    ]
    for package in ("partnerships", "vocabulary"):
        record = descriptor(project / f"data/{package}/datapackage.yaml")
        assert record["version"] == record["changes"][0]["version"]
        assert record["version"].split(".")[1] != "0"


def test_kind_comes_from_the_code_type():
    from portalgen.scaffold import kind_of

    assert kind_of(["E09000001"]) == "unitary CSP"
    assert kind_of(["E06000013"]) == "unitary CSP"
    assert kind_of(["E08000025"]) == "unitary CSP"
    assert kind_of(["E07000234", "E07000236"]) == "district CSP"
    assert kind_of(["E10000034", "E07000234"]) == "county strategy group"


def test_an_unknown_council_without_a_name_gives_the_exact_row(project):
    result = run_portalgen(project, "new", "partnership", *LONDON)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "E09000001 is not in data/vocabulary/local-authorities.csv. Give the council's name "
        'with --council "<its name>" (its tier, London borough, comes from the code), or add '
        "this row to data/vocabulary/local-authorities.csv (columns id,name,tier,abolished): "
        "E09000001,<its name>,London borough,"
    )


def test_every_kind_on_a_partnership_with_nothing_yet_ends_green(project):
    new(project, "partnership", *LONDON, "--council", "City of London")
    for kind in ("governance", "performance", "funding"):
        new(project, kind, "city-of-london")
    new(project, "areas", "city-of-london", "wd22")
    new(project, "plan", "city-of-london", "2024-25")
    new(
        project, "body", "city-of-london", "safer-city", "Safer City Partnership", "--kind", "board"
    )
    new(project, "meeting", "city-of-london", "2024-06-26", "safer-city")
    new(project, "recommendation", "city-of-london", "2024-06-26-safer-city", "scp-r1")
    new(project, "year", "city-of-london", "2024-25")
    folder = project / "data/city-of-london"
    plan = descriptor(folder / "plans/2024-25/datapackage.yaml")
    assert plan["title"] == "City of London Safer Partnership: plan from 2024-25"
    assert (plan["plan"]["period_from"], plan["plan"]["period_to"]) == ("2024-25", "2024-25")
    assert "adopted" in plan["plan"] and plan["plan"]["adopted"] is None
    governance = descriptor(folder / "governance/datapackage.yaml")
    assert [r["name"] for r in governance["resources"]] == [
        "bodies",
        "meetings",
        "recommendations",
        "recommendation-history",
    ]
    assert governance["version"] == "1.3.0"
    assert [c["summary"] for c in governance["changes"]] == [
        "Added recommendation scp-r1.",
        "Added the Safer City Partnership meeting of 2024-06-26.",
        "Added the Safer City Partnership.",
        "First published on the portal.",
    ]
    assert rows(folder / "governance/recommendation-history.csv") == [
        {"recommendation": "scp-r1", "date": "2024-06-26", "status": "proposed", "note": ""}
    ]
    left = problems(project)
    assert left and all("To be written" in p for p in left), left
    assert f"data/city-of-london/governance/meetings.csv:2 title: {PLACEHOLDER}" in left
    fill_in(project)
    assert problems(project) == []


def test_a_plan_runs_as_long_as_the_one_before(project):
    new(project, "plan", "haringey", "2017-18")
    plan = descriptor(project / "data/haringey/plans/2017-18/datapackage.yaml")
    assert plan["title"] == "Haringey Community Safety Partnership: plan from 2017-18"
    assert plan["plan"]["period_to"] == "2020-21"
    priorities = rows(project / "data/haringey/plans/2017-18/priorities.csv")
    assert len(priorities) == 6
    assert {p["status"] for p in priorities} == {""}


def test_new_year_of_funding_is_tbc_never_zero(project):
    new(project, "year", "worcestershire", "2013-14")
    added = [
        r
        for r in rows(project / "data/worcestershire/funding/amounts.csv")
        if r["year"] == "2013-14"
    ]
    assert len(added) == 9
    assert {(r["amount"], r["status"]) for r in added} == {("", "tbc")}
    assert problems(project) == []
    funding = descriptor(project / "data/worcestershire/funding/datapackage.yaml")
    assert funding["changes"][0]["summary"] == "Added 2013-14, every amount to be confirmed."


def test_a_council_committee_body_and_its_kind_left_out(project):
    new(project, "body", "haringey", "cabinet", "Cabinet", "--kind", "council committee")
    new(project, "body", "haringey", "scrutiny-panel", "Scrutiny Panel")
    bodies = "data/haringey/governance/bodies.csv"
    line = len((project / bodies).read_text("utf-8").splitlines())
    found = [p for p in problems(project) if p.startswith(f"{bodies}:{line} kind")]
    assert found == [
        f'{bodies}:{line} kind: "To be written" is not one of: board, executive group, '
        "operational group, task and finish group, commissioning group, support team, "
        "scrutiny committee, council committee, wider partnership, other"
    ]


def test_a_meeting_of_an_unknown_body_names_the_command_to_run(project):
    result = run_portalgen(project, "new", "meeting", "haringey", "2014-06-26", "cabinet")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        'data/haringey/governance/bodies.csv has no body "cabinet". Add it first: portalgen '
        'new body haringey cabinet "<its name>" --kind "<its kind>"'
    )


def test_new_refuses_to_overwrite(project):
    result = run_portalgen(project, "new", "plan", "haringey", "2013-14")
    assert result.returncode == 1
    assert result.stderr.strip() == "data/haringey/plans/2013-14 already exists."
