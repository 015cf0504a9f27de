"""Issue 23, classes 1, 3, 4 and 9, and the job summary of 12: what reaches a page, a
download or a job summary from an editor's text stays text.

One copy of the example carries every attack that must still build (Markdown in every
plain-text field, a content page whose front matter holds script and markup, formulas in
spreadsheet cells, a tile server whose credit holds markup) and is built once. Attacks that
must stop a build are planted together in a second and a third copy, so every message is
read from one run each.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import Site, copy_project, problems, run_portalgen, set_cell
from gates import PAGE_KINDS
from markdown_it import MarkdownIt
from schema_fields import text_fields
from test_hostile import AMOUNTS

from portalgen import check_data
from portalgen.data.contract import schema_descriptor
from portalgen.data.problems import Problem
from portalgen.report import summary
from portalgen.site.csp import script_sources, tile_problem, unknown_sources
from portalgen.site.downloads import spreadsheet_safe
from portalgen.site.plaintext import markdown_plain, restore
from portalgen_mkdocs.config import PortalgenConfig

pytestmark = pytest.mark.xdist_group("render")
"""One worker runs the whole module, so the planted project is built once."""

PHISH = "[Report a crime here](https://evil.example/phish)"
MARKDOWN = (
    f'- {PHISH}{{: onmouseover="alert(1)" }} *x* __y__ <b>b</b> `c` # | '
    "![](https://evil.example/x.png) &amp; <https://evil.example/auto> :smile: ~~z~~"
)
"""Starts as a list item would, then a link with attributes, emphasis, HTML, code, a
heading mark, a table bar, an image, an entity, an autolink: all must be shown as written."""
BLOCK_TEXT = ("title", "source_title", "chair", "chair_selection", "meeting_frequency")
BLOCK_PLAIN = (*BLOCK_TEXT, "attribution")
"""Plain-text keys of ``datapackage.yaml`` blocks (a block's ``summary`` may use Markdown)."""
WORCS = "partnerships/worcestershire/funding/"
GRANTS = "data/worcestershire/funding/grants.csv"
EVIL_TITLE = '<script src="/evil.js"></script>Evil'
EVIL_DESCRIPTION = '"><meta http-equiv="refresh" content="0;url=https://evil.example/">'
TILES = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
CREDIT = '<img src=x onerror="alert(1)"> © "Example" maps'
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c"
    "6360000002000100e221bc330000000049454e44ae426082"
)
FORMULAS = {
    (AMOUNTS, 2, "title"): '=HYPERLINK("https://evil.example/","Click")',
    (AMOUNTS, 3, "purpose"): "@SUM(1+1)",
    (AMOUNTS, 4, "note"): "+cmd|' /C calc'!A0",
    (AMOUNTS, 5, "note"): "-2+3",
    (AMOUNTS, 6, "note"): "-x",
    (GRANTS, 2, "beneficiary"): "=1+2",
}


def _plant_markdown(project: Path) -> int:
    """``MARKDOWN`` before the text of every plain-text field; how many values changed."""
    packages, found = check_data(project / "data", project)
    assert not [p for p in found if not p.warning]
    count = 0
    for package in packages:
        folder = package.source.folder
        for resource in package.source.descriptor.get("resources", []):
            fields = text_fields(schema_descriptor(resource["name"]))
            count += _plant_csv(folder / resource["path"], fields)
        count += _plant_descriptor(folder / "datapackage.yaml", package.source.kind.metadata)
    return count


def _plant_csv(path: Path, fields: list[str]) -> int:
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    columns = [rows[0].index(name) for name in fields if name in rows[0]]
    for row in rows[1:]:
        for column in columns:
            row[column] = f"{MARKDOWN} {row[column]}"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")
    return len(columns) * (len(rows) - 1)


def _plant_descriptor(path: Path, block: str | None) -> int:
    descriptor = yaml.safe_load(path.read_text("utf-8"))
    values = descriptor.get(block) or {}
    keys = [key for key in BLOCK_PLAIN if isinstance(values.get(key), str)]
    for key in keys:
        values[key] = f"{MARKDOWN} {values[key]}"
    path.write_text(yaml.safe_dump(descriptor, allow_unicode=True, sort_keys=False), "utf-8")
    return len(keys)


def _add_grants(project: Path) -> None:
    (project / GRANTS).write_text(
        "id,date_awarded,period_from,period_to,funder,beneficiary,registration_number,"
        "purpose,amount,ward\n"
        "2011-victim-support,2011-06-01,2011-07-01,2012-03-31,worcestershire-county-council,"
        "Victim Support,GB-CHC-298028,Support for victims of crime,12000,\n",
        "utf-8",
    )
    descriptor = project / "data/worcestershire/funding/datapackage.yaml"
    descriptor.write_text(
        descriptor.read_text("utf-8") + "  - name: grants\n    path: grants.csv\n", "utf-8"
    )


def _plant_content(project: Path) -> None:
    front = yaml.safe_dump({"title": EVIL_TITLE, "description": EVIL_DESCRIPTION})
    (project / "content/evil.md").write_text(f"---\n{front}---\n\nA page.\n", "utf-8")
    (project / "content/pictures").mkdir()
    (project / "content/pictures/logo.png").write_bytes(PNG)
    (project / "content/figures.csv").write_text("a,b\n1,2\n", "utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "  - How to edit: how-to-edit.md\n", "  - How to edit: how-to-edit.md\n  - evil.md\n"
    )
    tiles = f"      map_tiles: '{TILES}'\n      map_tiles_attribution: '{CREDIT}'\n"
    text = text.replace("      data_dir: data\n", f"      data_dir: data\n{tiles}")
    config.write_text(text, "utf-8")


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("planted"))
    _add_grants(project)
    assert _plant_markdown(project) > 500
    for (path, line, field), value in FORMULAS.items():
        set_cell(project / path, line, field, value)
    set_cell(project / AMOUNTS, 2, "amount", "-16000")
    set_cell(project / AMOUNTS, 2, "clawback", "yes")
    _plant_content(project)
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return project


@pytest.fixture(scope="module")
def site(planted) -> Site:
    return Site(planted / "site")


def _pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if "assets" not in p.parts)


# Class 3: Markdown in plain-text fields


def test_no_page_gets_a_link_attribute_script_or_markup_from_the_data(site) -> None:
    """Every page, read once: Markdown from plain-text fields (class 3) and the content
    page's front matter (class 1) added nothing."""
    pages = _pages(site.root)
    assert len(pages) > 300
    planted = ["x", "y", "b", "c", "z"]
    for path in pages:
        soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
        assert soup.select('a[href*="evil."], img[src*="evil"], script[src*="evil"]') == [], path
        assert soup.select('[onmouseover], meta[http-equiv][content*="evil"]') == [], path
        assert soup.find_all(["em", "b", "strong", "del", "code"], string=planted) == [], path


@pytest.mark.parametrize(
    "kind",
    [
        k
        for k in PAGE_KINDS
        if k
        not in (
            "home",
            "accessibility statement",
            "editors' page",
            "page not found",
            "feed in a browser",
            "field reference",
            "search",
        )
    ],
)
def test_markdown_in_plain_text_is_shown_as_written(kind, site) -> None:
    text = site.soup(PAGE_KINDS[kind]).select_one("main").get_text()
    assert MARKDOWN in " ".join(text.split()), kind


def test_plain_text_in_headings_keeps_its_characters(site) -> None:
    plan = site.soup("partnerships/haringey/plans/2013-14/")
    assert plan.select_one("h1").get_text().startswith(MARKDOWN)
    terms = site.soup(PAGE_KINDS["terms of reference"])
    assert MARKDOWN in terms.select_one("main").get_text()
    area = site.soup("wards/E05000268/")
    assert area.select_one("h1").get_text().startswith(MARKDOWN)


# Class 1: content pages' front matter and files


def test_front_matter_is_text_in_title_navigation_and_description(site) -> None:
    page = site.soup("evil")
    assert page.select_one("title").get_text().startswith(EVIL_TITLE)
    assert page.select_one('meta[name="description"]')["content"] == EVIL_DESCRIPTION
    home = site.soup("")
    assert EVIL_TITLE in [a.get_text(strip=True) for a in home.select("nav a")]


def test_safe_files_beside_content_pages_are_published(site) -> None:
    assert (site.root / "pictures/logo.png").read_bytes() == PNG
    assert (site.root / "figures.csv").read_text("utf-8") == "a,b\n1,2\n"


def test_unsafe_files_in_content_stop_the_build(tmp_path) -> None:
    project = copy_project(tmp_path / "portal")
    content = project / "content"
    (content / "evil.js").write_text("window.pwned = 1;\n", "utf-8")
    (content / "evil.html").write_text("<script>window.pwned = 1</script>\n", "utf-8")
    (content / "evil.svg").write_text('<svg onload="window.pwned=1"></svg>\n', "utf-8")
    (content / "feed.XML").write_text("<feed/>\n", "utf-8")
    (content / "photo.png").write_text("<script>window.pwned = 1</script>\n", "utf-8")
    result = run_portalgen(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    kinds = (
        "png, jpg, jpeg, gif, webp, pdf, csv, txt, json, geojson, zip, docx, xlsx, pptx, odt, "
        "ods, odp"
    )
    for name, suffix in (
        ("evil.html", ".html"),
        ("evil.js", ".js"),
        ("evil.svg", ".svg"),
        ("feed.XML", ".xml"),
    ):
        assert (
            f"content/{name}: the portal does not publish {suffix} files from content/, since a "
            "web page, SVG picture or script there could run in the portal's pages. Pages are "
            f"Markdown (.md); other files may be {kinds}. Remove it, or save it as one of those; "
            "scripts and styles belong in overrides/."
        ) in result.stderr
    assert (
        "content/photo.png: is named .png but is not a PNG file. Save it again as a real PNG "
        "file, or remove it."
    ) in result.stderr
    assert not (project / "site").exists()


def test_front_matter_keys_and_foreign_scripts_fail_a_strict_build(tmp_path) -> None:
    project = copy_project(tmp_path / "portal")
    front = {"title": "Moved", "template": "redirect.html", "location": "javascript:alert(1)"}
    (project / "content/moved.md").write_text(
        f"---\n{yaml.safe_dump(front)}---\n\nText.\n", "utf-8"
    )
    (project / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block scripts %}{{ super() }}'
        '<script src="https://evil.example/x.js"></script>'
        '<script src="/missing.js"></script>{% endblock %}\n',
        "utf-8",
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for key in ("template", "location"):
        assert (
            f"content/moved.md: front matter {key}: is not allowed: content pages may set "
            "title, description, hide and search. Remove it."
        ) in result.stderr
    for source in ("https://evil.example/x.js", "/missing.js"):
        assert (
            f"site/index.html: loads the script '{source}', which is not one of the theme's "
            "or portalgen's own, so the page could run code nobody reviewed."
        ) in result.stderr


def test_only_the_sites_own_scripts_are_known(site) -> None:
    html = (
        site.root / "partnerships/haringey/maps/anti-social-behaviour/2017-18/index.html"
    ).read_text("utf-8")
    known = {str(p.relative_to(site.root)) for p in site.root.rglob("*.js")}
    assert len(script_sources(html)) >= 5
    page = "partnerships/haringey/maps/anti-social-behaviour/2017-18/"
    assert unknown_sources(html, page, known, "/portalgen/") == []
    planted = html.replace(
        "</body>",
        '<script src="../evil.js"></script><script defer src=//evil.example/a.js></script></body>',
    )
    assert unknown_sources(planted, page, known, "/portalgen/") == [
        "../evil.js",
        "//evil.example/a.js",
    ]


# Class 4: map_tiles


BAD_TILES = [
    'https://tile.example.org/{z}/{x}/{y}.png" ><meta http-equiv="refresh" content="0">',
    "javascript:alert(1)//{z}/{x}/{y}",
    "http://tile.example.org/{z}/{x}/{y}.png",
    "https://tile.example.org/{z}/{x}/{y} .png",
    "https:///{z}/{x}/{y}.png",
    "https://tile.example.org/{z}/{x}.png",
    "https://tile.example.org/{z}/{x}/{y}.png'",
]


@pytest.mark.parametrize("tiles", BAD_TILES)
def test_map_tiles_must_be_an_https_template_on_a_host(tiles) -> None:
    config = PortalgenConfig()
    config.load_dict({"map_tiles": tiles, "map_tiles_attribution": "© Example"})
    errors, _ = config.validate()
    assert [(key, str(error)) for key, error in errors] == [("map_tiles", tile_problem(tiles))]
    assert tile_problem(tiles).startswith("must be a tile server's web address starting https://")


def test_map_tiles_needs_its_attribution_and_says_so(tmp_path) -> None:
    project = copy_project(tmp_path / "portal")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "      data_dir: data\n", f"      data_dir: data\n      map_tiles: '{TILES}'\n"
        ),
        "utf-8",
    )
    result = run_portalgen(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "Plugin 'portalgen' option 'map_tiles': needs map_tiles_attribution: the credit the "
        "tile server's licence requires"
    ) in result.stderr


def test_tile_server_is_in_the_policy_and_its_credit_is_text(site) -> None:
    page = site.soup(PAGE_KINDS["ward map"])
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "img-src 'self' data: https://*.tile.example.org;" in policy
    script = (site.root / PAGE_KINDS["ward map"] / "map.js").read_text("utf-8")
    (credit,) = re.findall(r'"attribution": ("[^"]*")', script)
    assert json.loads(credit) == html.escape(CREDIT), "Leaflet writes it as HTML: it is escaped"
    assert "<img" not in script


# Class 9: spreadsheet formulas


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def test_csv_downloads_show_formulas_as_text_and_json_keeps_them(site) -> None:
    year = site.root / WORCS / "2009-10/income-2009-10.csv"
    rows = {row["line"]: row for row in _csv(year)}
    records = {
        r["line"]: r for r in json.loads(year.with_suffix(".json").read_text("utf-8"))["rows"]
    }
    first = _csv(year)[0]
    assert first["title"] == "'" + FORMULAS[(AMOUNTS, 2, "title")]
    assert records[first["line"]]["title"] == FORMULAS[(AMOUNTS, 2, "title")]
    everything = [row for path in sorted((site.root / WORCS).rglob("*.csv")) for row in _csv(path)]
    cells = {cell for row in everything for cell in row.values()}
    assert {"'@SUM(1+1)", "'+cmd|' /C calc'!A0", "'-2+3", "'-x"} <= cells
    assert not {"@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "-x"} & cells
    assert "-16000" in {row.get("amount") for row in everything}, "numbers stay numbers"
    assert rows


def test_the_360giving_file_shows_formulas_as_text(site) -> None:
    rows = _csv(site.root / WORCS / "grants-360giving.csv")
    assert rows[0]["Recipient Org:Name"] == "'=1+2"
    assert rows[0]["Amount Awarded"] == "12000"
    data = json.loads((site.root / WORCS / "grants-360giving.json").read_text("utf-8"))
    assert data["rows"][0]["Recipient Org:Name"] == "=1+2"


def test_validation_warns_of_formulas(planted) -> None:
    places = tuple(f"{path}:{line} {field}: " for path, line, field in FORMULAS)
    found = [line for line in problems(planted) if line.startswith(places) and "formula" in line]
    expected = []
    for (path, line, field), value in FORMULAS.items():
        if value == "-2+3":
            continue  # a figure after "-": most likely a sum an editor means as text
        expected.append(
            f'{path}:{line} {field}: starts with "{value[0]}", so a spreadsheet would read it as '
            "a formula and could run it. The portal's CSV downloads put ' before it so it shows "
            f'as text. If it is meant as words, start it with a word instead of "{value[0]}".'
        )
    assert found == sorted(expected)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+2", "'=1+2"),
        ("\tcmd", "'\tcmd"),
        ("-2.5", "-2.5"),
        ("-0", "-0"),
        ("12", "12"),
        ("a=1", "a=1"),
        ("'=x", "'=x"),
    ],
)
def test_spreadsheet_cells(cell, shown) -> None:
    text = f"\ufeffa,b\r\n{cell},1\r\n"
    rows = list(csv.reader(io.StringIO(spreadsheet_safe(text).lstrip("\ufeff"))))
    assert rows == [["a", "b"], [shown, "1"]]


# Class 3 at the level of one value: any text through Markdown and back is the same text


HOSTILE_TEXT = [
    PHISH,
    '{: onmouseover="alert(1)" }',
    "# not a heading",
    "1. not a list",
    "2) nor this",
    "- nor this",
    "+ nor this",
    "> not a quote",
    "=== not an underline",
    "| a | b |",
    "![alt](x.png)",
    "<https://evil.example/>",
    "&lt;b&gt; &amp; &#x5b;",
    "*em* _em_ **strong** `code` ~~del~~",
    "[x]: https://evil.example/ref",
    "    four spaces",
    "a\\*b",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_plain_text_survives_markdown(text) -> None:
    md = markdown.Markdown(extensions=["attr_list", "tables", "toc", "def_list", "abbr"])
    html = restore(md.convert(f"Before {markdown_plain(text)} after.\n\n{markdown_plain(text)}\n"))
    soup = BeautifulSoup(html, "html.parser")
    assert [tag.name for tag in soup.find_all(True)] == ["p", "p"], html
    shown = re.sub(r"^[ \t]+|[ \t]+$", " ", text)  # spaces at either end shrink to one
    assert [p.get_text() for p in soup.select("p")] == [f"Before {shown} after.", shown.strip()]


def test_a_space_a_template_writes_beside_a_value_stays() -> None:
    """``across {{ "all " }}{{ count }} wards`` once read "across all19 wards"."""
    assert str(markdown_plain("all ")) + "19" == "all 19"
    assert "x" + str(markdown_plain(" with a figure")) == "x with a figure"
    assert str(markdown_plain("    code?  ")) == " code? "  # never a code block or line break


def test_a_line_break_in_plain_text_cannot_start_a_block() -> None:
    html = markdown.markdown(
        str(markdown_plain("Title\n\n# Heading\n- item")), extensions=["attr_list"]
    )
    assert BeautifulSoup(restore(html), "html.parser").select("h1, ul") == []


# Class 12 (part): the GitHub job summary


def test_job_summary_shows_cell_values_as_text() -> None:
    value = f"{PHISH} <b>bold</b> *x* | `c` ![](https://evil.example/x.png)"
    problem = Problem("data/a_b.csv", 3, "title", f'"{value}" is too long.')
    line = summary([problem], {}).splitlines()[-1]
    assert line == (
        r"- [data/a\_b.csv line 3](data/a_b.csv#L3): title: "
        r'"\[Report a crime here\]\(https://evil.example/phish\) \<b\>bold\</b\> \*x\* \| '
        r'\`c\` \!\[\]\(https://evil.example/x.png\)" is too long.'
    )
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(line)
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.select("a")] == ["data/a_b.csv#L3"]
    assert soup.select("b, em, code, img") == []
    assert value in soup.get_text()
