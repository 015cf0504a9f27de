"""``portalgen check``: everything an editor's pull request must pass, in one run, every
problem named with the file to open; and the gates it runs on a built site."""

from __future__ import annotations

import concurrent.futures
import subprocess
from pathlib import Path

import pytest
from conftest import CHROMIUM, copy_project, run_portalgen, set_cell

from portalgen.data.setaside import drop_rows
from portalgen.gates import policy_problems, third_party_loads
from portalgen.gates.browser import NO_CHROMIUM, browser_problems, kind_of
from portalgen.gates.explain import SiteProblems

SITE_URL = "https://csp.example.org/portal/"
PRIORITIES = "data/haringey/plans/2013-14/priorities.csv"
FONTS = "https://fonts.googleapis.com/css?family=Roboto"
BROKEN_LINKS = (
    "\n[Our partners](../partners/) and [how to edit the plans](../how-to-edit/#no-such-part)\n"
    f'\n<img src="{FONTS}" alt="Roboto">\n'
)
OVERRIDE = (
    '{% extends "base.html" %}\n'
    "{% block content %}{{ super() }}<p>An <b>unclosed</p></i>{% endblock %}\n"
    "{% block scripts %}{{ super() }}<script>alert(1)</script>{% endblock %}\n"
)


def git(project, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=editor@example.org", "-c", "user.name=Editor", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


@pytest.mark.build
def test_check_passes_on_the_example_says_what_it_checked_and_leaves_the_site(tmp_path):
    project = copy_project(tmp_path / "portal")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Before")
    set_cell(project / "data/haringey/plans/2013-14/priorities.csv", 4, "status", "at risk")
    git(project, "commit", "-qam", "After")
    lock = project / "data/urls.lock"
    lock.write_text(lock.read_text("utf-8").replace("/glossary/\n", ""), "utf-8")
    result = run_portalgen(project, "check", "--base", "HEAD~1")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for line in (
        "1. Data (data/)",
        "  Every data package is valid",
        "2. What this change does to the site (against HEAD~1)",
        "~ /partnerships/haringey/plans/2013-14/priorities/p3/",
        "3. Strict build (into a temporary folder)",
        "  Passed: links and #fragments lead somewhere.",
        "  Passed: nothing is loaded from another site.",
        "  Passed: every page parses as HTML5.",
        "  Passed: each page's security policy allows its scripts.",
        "  Not run: add --browser to run them (needs Chromium).",
        "Every check passed in",
        "data/urls.lock now lists 1 new address: commit it with the change.",
    ):
        assert line in out, line
    assert (project / "site/partnerships/haringey/index.html").is_file()
    assert not list(project.glob(".portalgen-build-*"))


@pytest.fixture
def broken(tmp_path):
    """The example with one broken thing of each kind: a data cell, and each kind a built
    site can have."""
    project = copy_project(tmp_path / "portal")
    set_cell(project / PRIORITIES, 4, "status", "on-track")
    about = project / "content/about.md"
    about.write_text(about.read_text("utf-8") + BROKEN_LINKS, "utf-8")
    (project / "overrides/main.html").write_text(OVERRIDE, "utf-8")
    return project


@pytest.mark.build
def test_check_names_every_problem_with_its_file_in_one_run(broken):
    summary = broken.parent / "summary.md"
    result = run_portalgen(
        broken,
        "check",
        "--base",
        "origin/main",
        "--browser",
        "--format",
        "github",
        env={"PORTALGEN_CHROMIUM": "/no/such/chromium", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 1
    out = result.stdout
    for line in (
        '  data/haringey/plans/2013-14/priorities.csv:4 status: "on-track" is not one of',
        "::error file=data/haringey/plans/2013-14/priorities.csv,line=4,title=priorities.csv%3A "
        'status::status: "on-track" is not one of:',
        "  Not compared: this folder is not in a Git repository.",
        "  Built with 20 rows set aside (those with problems, and those that refer to them), "
        "to check everything else: links to their pages may be reported too.",
        "  - content/about.md: contains an unrecognized relative link '../partners/', "
        "it was left as is.",
        "  - content/about.md (page /about/): ../partners/ leads to no page. "
        "Correct the link, or remove it.",
        "  - content/about.md (page /about/): ../how-to-edit/#no-such-part has no "
        "#no-such-part there. Correct the link, or remove it.",
        f"  - content/about.md (page /about/): loads {FONTS} from another site. A portal "
        "loads nothing from other sites, so that they cannot follow its readers: put a copy "
        "in the portal's own files and use that, or remove it.",
        "  - site/404.html and 437 other pages: has an inline script its security policy "
        "does not allow, so it will not run: <script>alert(1)… If it comes from overrides/, "
        "move it into a .js file there and load it with src=; if it comes from data, report "
        "it as a bug in portalgen. As it is on many pages, it most likely comes from a "
        "template in overrides/.",
        f"  - {NO_CHROMIUM}",
        "::error file=content/about.md,title=links::content/about.md (page /about/): "
        "../partners/ leads to no page. Correct the link, or remove it.",
    ):
        assert line in out, line
    html = [line for line in out.splitlines() if "unexpected-end-tag (p)" in line]
    assert html[0].startswith("  - site/accessibility/index.html and 436 other pages: line ")
    assert html[0].endswith(
        'unexpected-end-tag (p) in "<p>An <b>unclosed</p></i>". Correct the HTML there: an '
        "end tag without its start tag, or an element left open. As it is on many pages, it "
        "most likely comes from a template in overrides/."
    )
    assert (
        "portalgen check failed (data 1, build 3, links 2, loads 1, HTML 1, policy 1, browser 1)"
    ) in out
    text = summary.read_text("utf-8")
    assert text.startswith("## There is a problem with the data\n")
    assert (
        "## There is a problem with the site\n\n9 problems to fix:\n\n- content/about.md: " in text
    )
    assert not (broken / "site").exists()


@pytest.mark.build
def test_check_builds_nothing_while_a_data_problem_is_not_on_a_row(broken):
    descriptor = broken / "data/haringey/plans/2013-14/datapackage.yaml"
    descriptor.write_text(descriptor.read_text("utf-8") + "\nplan: [\n", "utf-8")
    result = run_portalgen(broken, "check")
    assert result.returncode == 1
    out = result.stdout
    assert "  data/haringey/plans/2013-14/datapackage.yaml:" in out
    assert (
        "  Not built: the site cannot be built until the data problems above are fixed, so "
        "the built-site checks did not run."
    ) in out
    assert "  Not run: there is no built site to check." in out
    assert not (broken / "site").exists()


@pytest.mark.browser
@pytest.mark.build
def test_check_with_the_browser_passes_on_the_example(tmp_path):
    project = copy_project(tmp_path / "portal")
    result = run_portalgen(project, "check", "--browser", env={"PORTALGEN_CHROMIUM": CHROMIUM})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  Passed on one page of each of 31 kinds" in result.stdout


def test_the_loads_gate_finds_everything_a_page_would_fetch_from_another_site(tmp_path):
    (tmp_path / "here").mkdir()
    (tmp_path / "here/index.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example.com/a.css">'
        '<link rel="alternate" href="https://feeds.example.com/feed.xml">'
        '<link rel="icon" href="https://csp.example.org/portal/icon.png">'
        '<script src="//cdn.example.com/a.js"></script>'
        '<img src="pic.png" srcset="pic.png 1x, https://img.example.com/p2.png 2x">'
        '<iframe src="https://video.example.com/embed"></iframe>'
        "<style>@import 'https://fonts.example.com/f.css';</style>"
        '<a href="https://www.gov.uk/">a link to read, not a load</a>',
        "utf-8",
    )
    (tmp_path / "extra.css").write_text(
        "body { background: url('https://img.example.com/bg.png') } p { background: url(x.png) }",
        "utf-8",
    )
    assert third_party_loads(tmp_path, SITE_URL) == [
        "here/index.html: loads //cdn.example.com/a.js from another site",
        "here/index.html: loads https://img.example.com/p2.png from another site",
        "here/index.html: loads https://video.example.com/embed from another site",
        "here/index.html: loads https://cdn.example.com/a.css from another site",
        "here/index.html: loads https://fonts.example.com/f.css from another site",
        "extra.css: loads https://img.example.com/bg.png from another site",
    ]


def test_the_policy_gate_names_a_page_whose_script_would_not_run(tmp_path):
    policy = '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
    (tmp_path / "index.html").write_text(f"<head>{policy}</head><script>go()</script>", "utf-8")
    (tmp_path / "bare.html").write_text("<p>no policy</p>", "utf-8")
    (tmp_path / "fine.html").write_text(f"<head>{policy}</head><script src=a.js></script>")
    assert [line.split(" so ")[0] for line in policy_problems(tmp_path)] == [
        "bare.html: has no security policy (no Content-Security-Policy meta element)",
        "index.html: has an inline script its security policy does not allow,",
    ]


def test_a_problem_on_many_pages_is_said_once_with_the_editors_file_first(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/about.md").write_text("# About", "utf-8")
    found = SiteProblems(tmp_path / "content", tmp_path).explain(
        "links",
        [
            "about/index.html: x/ leads to no page",
            "about/index.html: #top has no #top there",
            "a/index.html: #top has no #top there",
            "b/index.html: #top has no #top there",
            "Config value 'nav': a message of MkDocs' own",
        ],
    )
    assert [(line.file, str(line)) for line in found] == [
        (
            "content/about.md",
            "content/about.md (page /about/): x/ leads to no page. Correct the link, or remove it.",
        ),
        (
            "site/a/index.html",
            "site/a/index.html and 2 other pages: #top has no #top there. Correct the link, "
            "or remove it. As it is on many pages, it most likely comes from a template in "
            "overrides/.",
        ),
        ("", "Config value 'nav': a message of MkDocs' own"),
    ]


def test_each_kind_of_page_is_one_address_shape():
    assert kind_of("partnerships/haringey/plans/2013-14/priorities/p3/index.html") == (
        "partnerships",
        "*",
        "plans",
        "*",
        "priorities",
        "*",
    )
    assert kind_of("partnerships/a/maps/crime/2017-18/index.html") == kind_of(
        "partnerships/b/maps/asb/2024/index.html"
    )
    assert kind_of("index.html") == ()


@pytest.mark.browser
def test_the_browser_gates_name_each_problem_on_its_page(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>Wide</title></head><body><main>'
        '<article><h1>Wide</h1><img src="x.png"><div style="width: 900px">Too wide</div>'
        "</article></main></body></html>",
        "utf-8",
    )
    (tmp_path / "404.html").write_text(
        '<!doctype html><html lang="en"><head><title>Not found</title></head><body>'
        "<main><h1>Not found</h1></main></body></html>",
        "utf-8",
    )
    # In its own thread, as in `portalgen check --browser`: a worker that has already run
    # other browser tests has Playwright's event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        count, found = pool.submit(browser_problems, tmp_path, SITE_URL, Path(CHROMIUM)).result()
    assert count == 2  # the page, and an address the site does not have
    assert (
        "no-such-page-here/: without JavaScript, there is no main text (no <article> element)"
        in found
    )
    for problem in (
        "index.html: fails WCAG 2.2 AA: image-alt: ['img']",
        "index.html: without JavaScript, almost no text",
    ):
        assert problem in found
    assert [p for p in found if "sideways" in p][0].startswith(
        "index.html: scrolls sideways on a 360 px phone: the page is 9"
    )


def test_the_builds_warnings_and_errors_are_read_a_problem_a_line(tmp_path):
    output = (
        "INFO    -  Building documentation...\n"
        "\x1b[33mWARNING \x1b[0m-  Doc file 'about.md' contains a link 'x.md', but the target "
        "is not found among documentation files.\n"
        "ERROR   -  There is 1 problem in the data:\n"
        "data/urls.lock:448 /partnerships/gone/ was published, but the site no longer has it.\n"
        "\n"
        "Aborted with a BuildError!\n"
    )
    found = SiteProblems(tmp_path / "content", tmp_path).build_warnings(output)
    assert [str(line) for line in found] == [
        "content/about.md: contains a link 'x.md', but the target is not found among "
        "documentation files.",
        "data/urls.lock:448 /partnerships/gone/ was published, but the site no longer has it.",
    ]


def test_a_row_set_aside_goes_whole_even_across_lines(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text('id,text\na,"one\ntwo"\nb,three\nc,four\n', "utf-8")
    drop_rows(table, {3, 5})
    assert table.read_text("utf-8") == "id,text\nb,three\n"
