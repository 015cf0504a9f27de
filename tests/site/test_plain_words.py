"""Plain words on the built example: abbreviations explained, codes and paths kept to "About
this data", no column that is empty in every row, "Not stated" one way."""

from __future__ import annotations

import csv
import re
from functools import cache

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, copy_project, run_portalgen, set_cell

from portalgen.data.formats import NOT_STATED
from portalgen.data.glossary import term_pattern, unknown
from portalgen.site.abbreviations import Abbreviations
from portalgen.site.columns import drop_empty

GLOSSARY = REPO / "data" / "vocabulary" / "glossary.csv"
PLAN = "partnerships/haringey/plans/2013-14/"
ONS_CODE = re.compile(r"(?<![/\w])E0\d{7}\b")
"""An ONS code standing in text; one inside an address (``/wards/E05000266/``) is a link."""
DATA_PATH = re.compile(r"(?<![/\w])data/\w")
DATA_USERS = {"open-data/", "how-to-edit/", "field-reference/"}
"""Pages written for data users and editors: their subject is the files and their codes."""
NOT_ABBREVIATIONS = {"YYYY", "README"}
"""Capitals that are not words to explain: a date pattern and a file name (open-data page)."""
HIDDEN = "script, style, code, pre, svg, .pg-about, .pg-cite"


def pages(site) -> list[tuple[str, BeautifulSoup]]:
    return _pages(site.root)


@cache
def _pages(root) -> list[tuple[str, BeautifulSoup]]:
    found = []
    for path in sorted(root.rglob("index.html")):
        address = path.parent.relative_to(root).as_posix() + "/"
        soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
        if soup.main is not None and not soup.select_one('meta[http-equiv="refresh"]'):
            found.append(("" if address == "./" else address, soup))
    return found


def main_text(soup: BeautifulSoup) -> str:
    """What a reader sees in the page's main part, outside "About this data" and the
    citation, and outside code."""
    main = BeautifulSoup(str(soup.main), "lxml")
    for hidden in main.select(HIDDEN):
        hidden.decompose()
    return main.get_text(" ")


def columns(row) -> list[str]:
    """The text under each column of a table row; a cell spanning columns is under each."""
    return [
        cell.get_text(" ", strip=True)
        for cell in row.find_all(["td", "th"])
        for _ in range(int(cell.get("colspan", 1)))
    ]


def test_no_table_has_a_column_empty_in_every_row(example_site):
    empty = []
    for address, soup in pages(example_site):
        for table in soup.main.select("table"):
            rows = [columns(row) for row in table.select("tbody tr")]
            for column in range(1, max((len(row) for row in rows), default=0)):
                cells = [row[column] if column < len(row) else "" for row in rows]
                if all(cell in ("", NOT_STATED) for cell in cells):
                    empty.append(f"{address} {table.caption.get_text() if table.caption else ''}")
    assert empty == []


def test_an_empty_column_is_said_in_one_sentence(example_site):
    soup = example_site.soup(PLAN)
    table = soup.select_one("table.pg-actions[data-pg-items='areas for attention']")
    headings = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headings == ["Area for attention", "Due"]
    assert table.find_parent("div").find_next_sibling("p").get_text() == (
        "No lead or status is given for these areas for attention in the source."
    )


def test_drop_empty_leaves_a_column_with_any_value():
    table = (
        '<table class="pg-table" data-pg-items="actions">\n<thead><tr><th>Action</th>'
        '<th>Lead</th><th data-pg-name="due date">Due</th></tr></thead>\n<tbody>\n'
        "<tr><td>A</td><td>Police</td><td>Not stated</td></tr>\n"
        "<tr><td>B</td><td>Not stated</td><td></td></tr>\n</tbody>\n</table>"
    )
    assert drop_empty(table) == (
        '<table class="pg-table" data-pg-items="actions">\n<thead><tr><th>Action</th>'
        "<th>Lead</th></tr></thead>\n<tbody>\n"
        "<tr><td>A</td><td>Police</td></tr>\n"
        "<tr><td>B</td><td>Not stated</td></tr>\n</tbody>\n</table>\n\n"
        '<p class="pg-empty-columns">No due date is given for these actions in the source.</p>\n'
    )


def test_main_text_shows_no_ons_code_or_data_path(example_site):
    shown = [
        f"{address}: {match}"
        for address, soup in pages(example_site)
        if address not in DATA_USERS
        for match in ONS_CODE.findall(main_text(soup)) + DATA_PATH.findall(main_text(soup))
    ]
    assert shown == []


def test_codes_and_paths_are_in_about_this_data(example_site):
    about = example_site.soup("wards/E05000266/").select_one("aside.pg-about")
    assert about["aria-labelledby"] == "about-this-data"
    assert about.h2.get_text() == "About this data"
    assert about.select_one(".pg-codes").get_text(" ", strip=True) == (
        "ONS code: Alexandra E05000266."
    )
    assert "data/haringey/areas/wd13/" in about.get_text()
    council = example_site.soup("partnerships/haringey/").select_one("aside.pg-about .pg-codes")
    assert council.get_text(" ", strip=True) == "ONS code: Haringey E09000014."


def test_glossary_covers_every_abbreviation_in_the_example(example_site):
    terms = [row["term"] for row in csv.DictReader(GLOSSARY.open(encoding="utf-8"))]
    known = term_pattern(terms)
    missing = {
        token: address
        for address, soup in pages(example_site)
        for token in unknown(main_text(soup), known)
        if token not in NOT_ABBREVIATIONS
    }
    assert missing == {}


def test_first_use_on_a_page_is_marked_and_later_uses_are_not(example_site):
    article = example_site.soup(PLAN).article
    marked = [abbr for abbr in article.select("abbr") if abbr.get_text() == "MOPAC"]
    assert len(marked) == 1
    assert marked[0]["title"] == "Mayor's Office for Policing and Crime"
    text = article.get_text()
    assert text.count("MOPAC") > 1
    assert text.index("MOPAC") == text.index(marked[0].get_text())
    assert article.select("code abbr, pre abbr, svg abbr, abbr abbr") == []


def test_abbreviations_stay_out_of_navigation(example_site):
    """(And out of search: ``test_search_index.py``.)"""
    soup = example_site.soup(PLAN)
    assert soup.select("nav abbr, header abbr, footer abbr, title abbr") == []


def test_marking_skips_attributes_code_and_terms_without_expansion():
    from portalgen.model.portal import Term

    terms = [Term("UK", "United Kingdom", "A country."), Term("MAC UK", None, "A charity.")]
    page = (
        '<nav>UK</nav><article><a href="/UK/" title="UK">MAC UK</a> <code>UK</code> '
        "UKs in the UK</article>"
    )
    assert Abbreviations(terms).mark(page) == (
        '<nav>UK</nav><article><a href="/UK/" title="UK">MAC UK</a> <code>UK</code> '
        '<abbr title="United Kingdom">UKs</abbr> in the UK</article>'
    )


def test_glossary_page_lists_terms_a_to_z_with_anchors(example_site):
    soup = example_site.soup("glossary/")
    assert soup.h1.get_text(strip=True) == "Glossary"
    marac = soup.select_one("dt#marac")
    assert marac.get_text(strip=True) == "MARAC"
    assert marac.find_next_sibling("dd").select_one(".pg-glossary-expansion").get_text() == (
        "Multi-Agency Risk Assessment Conference"
    )
    letters = [a.get_text() for a in soup.select(".pg-glossary-letters a")]
    assert letters == sorted(letters) and letters[0] == "A"
    about = example_site.soup("about/")
    assert about.select_one('article a[href="../glossary/"]').get_text() == "glossary"


def test_not_stated_is_written_one_way(example_site):
    ways = {
        cell.get_text(strip=True)
        for _, soup in pages(example_site)
        for cell in soup.main.select("td, dd, .pg-not-stated, .pg-status--none")
        if cell.get_text(strip=True).casefold() == NOT_STATED.casefold()
    }
    assert ways == {NOT_STATED}


def test_final_figures_read_final(example_site):
    soup = example_site.soup("partnerships/worcestershire/funding/2011-12/")
    statuses = {
        status.get_text(strip=True) for status in soup.select("table.pg-funding tbody .pg-status")
    }
    assert statuses == {"Final"}


def test_home_page_counts_the_partnerships(example_site):
    lede = example_site.soup("").select_one("article").get_text(" ", strip=True)
    listed = example_site.soup("partnerships/").select("article a[href]")
    assert "This portal publishes what 10 partnerships planned and reported" in lede
    assert len([a for a in listed if not a["href"].startswith("#")]) == 10


def test_no_annual_meeting_on_record_is_a_neutral_note(example_site):
    soup = example_site.soup("partnerships/worcestershire/")
    note = soup.select_one(".pg-note[role=note]")
    assert note.get_text(" ", strip=True).startswith(
        "The data on this portal holds no record of a statutory annual meeting."
    )


@pytest.mark.build
def test_validation_warns_of_an_abbreviation_the_glossary_lacks(tmp_path):
    project = copy_project(tmp_path / "portal")
    plan = project / "data/haringey/plans/2013-14"
    set_cell(plan / "priorities.csv", 5, "title", "Reduce reoffending through the XYZ panel")
    descriptor = plan / "datapackage.yaml"
    text = descriptor.read_text("utf-8")
    descriptor.write_text(text.replace("sets six outcomes", "sets six QRS outcomes"), "utf-8")
    result = run_portalgen(project, "validate")
    assert result.returncode == 0, result.stderr
    assert (
        'data/haringey/plans/2013-14/priorities.csv:5 title: uses "XYZ", which the glossary '
        "does not explain, so residents may not know what it means. Add a row to "
        "data/vocabulary/glossary.csv: XYZ,<what it stands for>,<what it is, in plain words>; "
        "or write it out in full here."
    ) in result.stderr.splitlines()
    assert (
        'data/haringey/plans/2013-14/datapackage.yaml:14 plan.summary: uses "QRS", which the '
        "glossary does not explain,"
    ) in result.stderr
    assert "2 warnings about the data (the site can still be built):" in result.stderr


def test_a_warning_is_a_github_warning_and_does_not_stop_the_build():
    from portalgen import report
    from portalgen.data.problems import Problem, errors

    warning = Problem("data/a.csv", 3, "title", 'uses "XYZ".', warning=True)
    error = Problem("data/a.csv", 4, "status", "is wrong.")
    assert errors([warning, error]) == [error]
    assert report.annotations([warning]).startswith("::warning file=data/a.csv,line=3,")
    assert report.text([warning]) == (
        '1 warning about the data (the site can still be built):\ndata/a.csv:3 title: uses "XYZ".'
    )
