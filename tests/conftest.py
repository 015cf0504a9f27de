"""Shared fixtures: copies of the example portal in tmp_path, built for real.

Tests are in folders by stage (``data/``, ``model/``, ``site/``) and by kind (``browser/``,
``hostile/``); the hook below marks them so that ``make check`` can leave out the slow ones:

- ``browser``: drives Chromium (everything in ``browser/``);
- ``build``: builds a portal with MkDocs (reads ``example_site``, or builds its own copy and
  says so with ``pytestmark = pytest.mark.build`` or ``@pytest.mark.build``);
- ``hostile``: the bad-input corpus, property and injection tests (``hostile/``): minutes.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from playwright import sync_api as playwright_api

from portalgen import check_data
from portalgen.gates import serve
from portalgen.gates.browser import CHROMIUM_ARGS

CHROMIUM = os.environ.get("PORTALGEN_CHROMIUM", "/usr/bin/chromium")
"""Debian's Chromium; another Chromium-based browser (GitHub's runners have Google Chrome)
can be named in PORTALGEN_CHROMIUM."""
REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "content", "data", "overrides")


def copy_project(destination: Path) -> Path:
    """A copy of the example portal (config, content, data) that a test may change."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy(source, destination / part)
    return destination


@functools.cache
def commit_time() -> str:
    """The repository's last commit time, as a build inside the repository would use."""
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "0"


def run_portalgen(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the ``portalgen`` command as an editor would, in ``project``.

    A copy in tmp_path is not a Git repository, so the build date is the repository's last
    commit, as it would be for a build in the repository itself."""
    return subprocess.run(
        [sys.executable, "-m", "portalgen", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": commit_time(), **(env or {})},
    )


def problems(project: Path) -> list[str]:
    """Every problem validation finds in the project's data, as the editor reads them."""
    _, found = check_data(project / "data", project)
    return sorted(str(problem) for problem in found)


def replace_line(path: Path, number: int, old: str, new: str) -> None:
    lines = path.read_text("utf-8").split("\n")
    assert old in lines[number - 1], lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), "utf-8")


def set_cell(path: Path, line: int, field: str, value: str) -> None:
    """Change one cell, as an editor does in a spreadsheet (header on line 1)."""
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    rows[line - 1][rows[0].index(field)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


def fill_in(project: Path) -> None:
    """What an editor does after ``portalgen new``: write what the source says wherever
    "To be written" is left (``no`` for a yes-or-no column)."""
    for path in sorted((project / "data").rglob("*")):
        if path.suffix not in (".csv", ".yaml") or "To be written" not in path.read_text("utf-8"):
            continue
        if path.suffix == ".yaml":
            text = path.read_text("utf-8").replace("To be written", "As the source says")
            path.write_text(text, "utf-8")
            continue
        table = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
        for row in table[1:]:
            for n, cell in enumerate(row):
                if cell == "To be written":
                    row[n] = "no" if table[0][n] == "statutory_annual" else "As the source says"
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(table)
        path.write_text(out.getvalue(), "utf-8")


class Site:
    """A built site: read its pages as HTML by address."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, address: str) -> Path:
        return self.root / address / "index.html"

    def soup(self, address: str) -> BeautifulSoup:
        """The page's HTML, without the "¶" permalinks that headings carry."""
        soup = BeautifulSoup(self.path(address).read_text("utf-8"), "html.parser")
        for permalink in soup.select("a.headerlink"):
            permalink.decompose()
        return soup


BUILD_FIXTURES = {"example_site", "server", "browser", "page"}
FOLDER_MARKS = {"browser": "browser", "hostile": "hostile"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def mkdocs_serve(project: Path, output=subprocess.DEVNULL):
    """``mkdocs serve`` in ``project``, as ``make serve`` runs it, on a free port; yields
    its address and process (``output`` takes what it prints), and stops it after."""
    address = f"127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", address],
        cwd=project,
        stdout=output,
        stderr=output,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        yield f"http://{address}/", process
    finally:
        process.terminate()
        process.wait(timeout=30)


def pytest_collection_modifyitems(items):
    for item in items:
        folder = Path(item.fspath).parent.name
        if folder in FOLDER_MARKS:
            item.add_marker(FOLDER_MARKS[folder])
        if BUILD_FIXTURES & set(item.fixturenames):
            item.add_marker("build")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Site:
    """The example portal, built once for the whole test run."""
    project = copy_project(tmp_path_factory.mktemp("example"))
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    return Site(project / "site")


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "portal")


def site_url(project: Path = REPO) -> str:
    """``site_url`` in the project's ``mkdocs.yml`` ("" when it is not set)."""
    found = re.search(r"^site_url:\s*(\S*)", (project / "mkdocs.yml").read_text("utf-8"), re.M)
    return found[1].strip("\"'") if found else ""


def site_path(project: Path = REPO) -> str:
    """The path the site is published under: that of ``site_url`` (``/portalgen/``), as
    GitHub Pages serves it; ``/`` when it is not set."""
    return serve.mount_of(site_url(project))


def serving(root: Path, mount: str | None = None):
    """A local web server for the built site in ``root``, under ``mount`` (by default the
    example's published path); yields the site's address."""
    return serve.serving(root, site_path() if mount is None else mount)


@pytest.fixture(scope="session")
def server(example_site):
    with serving(example_site.root) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request to a host other than the local server."""
    context = browser.new_context()
    page = recording_page(context, server)
    yield page
    context.close()


def recording_page(context, server: str):
    """A page of ``context`` whose ``outside_requests`` lists requests to any other host."""
    page = context.new_page()
    page.outside_requests = []
    local = urlparse(server).netloc

    def record(request):
        if (
            urlparse(request.url).scheme in ("http", "https")
            and urlparse(request.url).netloc != local
        ):
            page.outside_requests.append(request.url)

    page.on("request", record)
    return page


def text(element) -> str:
    """What a reader sees of an element, spaces as they fall: inline elements such as
    ``<abbr>`` are part of the words around them, not separated by spaces."""
    return " ".join(element.get_text().split())
