"""``portalgen init``: a new portal for one partnership, valid from its first minute.

Run with the repository's own portalgen; ``test_package.py`` does the same from the wheel."""

from __future__ import annotations

import csv
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, run_portalgen

from portalgen import check_data
from portalgen.cli import main
from portalgen.data.placeholders import is_placeholder

DEMO = ("--name", "Demo Community Safety Partnership", "--council", "E06000013")
WRITTEN = [
    ".github/workflows/portal.yml",
    ".gitignore",
    "README.md",
    "content/about.md",
    "content/how-to-edit.md",
    "content/index.md",
    "data/README.md",
    "data/addresses/datapackage.yaml",
    "data/addresses/redirects.csv",
    "data/addresses/withdrawn.csv",
    "data/partnerships/datapackage.yaml",
    "data/partnerships/partnerships.csv",
    "data/vocabulary/datapackage.yaml",
    "data/vocabulary/financial-years.csv",
    "data/vocabulary/glossary.csv",
    "data/vocabulary/local-authorities.csv",
    "data/vocabulary/organisations.csv",
    "data/vocabulary/statuses.csv",
    "mkdocs.yml",
    "requirements.txt",
]


@pytest.fixture
def init(tmp_path, monkeypatch, capsys):
    """``portalgen init demo …`` in ``tmp_path``, in this process (the fast tier's way):
    what it prints and its exit code."""
    monkeypatch.chdir(tmp_path)

    def run(where: Path, *args: str) -> subprocess.CompletedProcess:
        code = main(["init", "demo", *args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return run


def table(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_init_writes_a_whole_portal_that_validates(tmp_path, init):
    result = init(tmp_path, *DEMO)
    assert result.returncode == 0, result.stderr
    demo = tmp_path / "demo"
    assert sorted(p.relative_to(demo).as_posix() for p in demo.rglob("*") if p.is_file()) == WRITTEN
    assert result.stdout.splitlines()[-1] == (
        "Next: cd demo && portalgen check. Before publishing, read demo/README.md: "
        "set site_url and the accessibility contact."
    )
    assert check_data(demo / "data", demo)[1] == []
    [partnership] = table(demo / "data/partnerships/partnerships.csv")
    assert partnership["id"] == "demo"
    assert partnership["kind"] == "unitary CSP"  # E06: a unitary council
    assert partnership["local_authorities"] == "E06000013"
    assert partnership["summary"].startswith("The community safety partnership for North Lincoln")


def test_the_settings_name_the_partnership_and_the_plugin(tmp_path, init):
    init(tmp_path, *DEMO, "--site-url", "https://csp.example.gov.uk/portal", "--email", "a@b.uk")
    settings = yaml.load((tmp_path / "demo/mkdocs.yml").read_text("utf-8"), yaml.BaseLoader)
    assert settings["site_name"] == "Demo Community Safety Partnership"
    assert settings["site_url"] == "https://csp.example.gov.uk/portal/"
    assert settings["theme"]["font"] == "false"  # no Google Fonts
    assert "search" not in settings["plugins"]  # portalgen makes the site search itself
    portalgen = settings["plugins"][0]["portalgen"]
    assert portalgen["accessibility"]["organisation"] == "Demo Community Safety Partnership"
    assert portalgen["accessibility"]["contact_email"] == "a@b.uk"
    requirements = (tmp_path / "demo/requirements.txt").read_text("utf-8")
    assert "portalgen==0.1.0" in requirements.splitlines()


def test_the_workflow_checks_pull_requests_and_publishes_main(tmp_path, init):
    init(tmp_path, *DEMO)
    workflow = tmp_path / "demo/.github/workflows/portal.yml"
    schema = subprocess.run(
        [
            str(Path(sys.executable).parent / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            str(workflow),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert schema.returncode == 0, schema.stdout + schema.stderr
    jobs = yaml.safe_load(workflow.read_text("utf-8"))["jobs"]
    steps = "\n".join(step.get("run", "") for step in jobs["check"]["steps"])
    assert "portalgen check --format github --base" in steps
    assert jobs["publish"]["steps"][-1]["uses"].startswith("actions/deploy-pages@")


def test_a_council_portalgen_does_not_know_needs_its_name(tmp_path, init):
    result = init(tmp_path, "--name", "Anytown CSP", "--council", "E07000099")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "portalgen does not know the council E07000099. Give its name as well, for example "
        '--council-name "Anytown" (the name the Office for National Statistics uses).'
    )
    assert not (tmp_path / "demo").exists()
    result = init(
        tmp_path, "--name", "Anytown CSP", "--council", "E07000099", "--council-name", "Anytown"
    )
    assert result.returncode == 0, result.stderr
    demo = tmp_path / "demo"
    councils = table(demo / "data/vocabulary/local-authorities.csv")
    assert councils[-1] == {
        "id": "E07000099",
        "name": "Anytown",
        "tier": "district",
        "abolished": "",
    }
    [partnership] = table(demo / "data/partnerships/partnerships.csv")
    assert (partnership["id"], partnership["kind"]) == ("anytown-csp", "district CSP")
    assert check_data(demo / "data", demo)[1] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--name", "X Partnership", "--council", "W06000001"),
            '"W06000001" is not the ONS code of an English council: it starts E06 (unitary), '
            "E07 (district), E08 (metropolitan borough), E09 (London borough) or E10 (county).",
        ),
        (
            ("--name", "X Partnership", "--council", "E06000013", "--site-url", "javascript:x"),
            '"javascript:x" is not a web address. Give where the portal will be published, '
            "e.g. --site-url https://<owner>.github.io/<repository>/",
        ),
        (
            ("--name", "  ", "--council", "E06000013"),
            'Give the partnership\'s name, e.g. --name "Anytown CSP".',
        ),
    ],
)
def test_init_says_what_is_wrong_and_writes_nothing(tmp_path, init, args, message):
    result = init(tmp_path, *args)
    assert (result.returncode, result.stderr.strip()) == (1, message)
    assert not (tmp_path / "demo").exists()
    assert "Traceback" not in result.stderr


def test_init_never_writes_into_a_folder_in_use(tmp_path, init):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo/notes.txt").write_text("mine", "utf-8")
    result = init(tmp_path, *DEMO)
    assert (result.returncode, result.stderr.strip()) == (
        1,
        "demo is not empty: choose a new folder for the portal.",
    )
    assert [p.name for p in (tmp_path / "demo").iterdir()] == ["notes.txt"]


def test_a_name_with_markdown_stays_text_on_the_home_page(tmp_path, init):
    init(tmp_path, "--name", "Safer *Anytown* [Partnership]", "--council", "E06000013")
    home = (tmp_path / "demo/content/index.md").read_text("utf-8")
    assert "# Safer \\*Anytown\\* \\[Partnership\\]" in home.splitlines()


@pytest.mark.parametrize("table_name", ["financial-years", "statuses", "glossary"])
def test_a_new_portal_starts_from_the_examples_vocabulary(tmp_path, init, table_name):
    """The defaults a new portal gets are the example's, so the two never drift apart."""
    init(tmp_path, *DEMO)
    mine = (tmp_path / f"demo/data/vocabulary/{table_name}.csv").read_text("utf-8")
    assert mine == (REPO / f"data/vocabulary/{table_name}.csv").read_text("utf-8")


@pytest.mark.build
def test_a_new_portal_builds_and_suggests_its_own_places(tmp_path, init):
    init(tmp_path, *DEMO)
    demo = tmp_path / "demo"
    result = run_portalgen(demo, "build")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((demo / "site/partnerships/demo/index.html").read_text("utf-8"), "lxml")
    assert page.h1.get_text(strip=True).removesuffix("¶") == "Demo Community Safety Partnership"
    home = BeautifulSoup((demo / "site/index.html").read_text("utf-8"), "lxml")
    assert home.select_one("#pg-find-hint").get_text() == (
        "For example North Lincolnshire or Demo Community Safety Partnership."
    )
    assert home.select_one(".pg-find__locate") is None  # no boundaries to look in yet


def test_the_new_portals_guide_gives_commands_that_work_there(tmp_path, init):
    """Each ``portalgen new`` in the new portal's "How to edit" page runs there, and leaves
    only "To be written" for the editor to fill in."""
    init(tmp_path, *DEMO)
    demo = tmp_path / "demo"
    guide = (demo / "content/how-to-edit.md").read_text("utf-8")
    commands = [
        shlex.split(line, comments=True)[1:]
        for line in guide.splitlines()
        if line.startswith("portalgen new ")
    ]
    assert [command[:2] for command in commands] == [
        ["new", "plan"],
        ["new", "governance"],
        ["new", "body"],
        ["new", "performance"],
        ["new", "funding"],
    ]
    os.chdir(demo)
    for command in commands:
        assert main(command) == 0, command
    left = [str(p) for p in check_data(demo / "data", demo)[1] if not is_placeholder(p)]
    assert left == []


def test_the_examples_find_box_suggests_three_different_places_of_its_own(example_site):
    home = example_site.soup("")
    assert home.select_one("#pg-find-hint").get_text() == (
        "For example Allington & Strete, Bromsgrove or Haringey Community Safety Partnership."
    )
    assert home.select_one(".pg-find__locate button").get_text() == "Use my location"
