"""Shared fixtures: copies of the example portal in tmp_path, built for real."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

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


def run_portalgen(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the ``portalgen`` command as an editor would, in ``project``."""
    return subprocess.run(
        [sys.executable, "-m", "portalgen", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


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
