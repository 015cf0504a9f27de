"""portalgen as a partnership installs it: the wheel, in a fresh virtual environment
outside the repository, starts a portal with ``portalgen init`` and checks it with
``portalgen check``, with nothing from this repository but the wheel and its constraints.

About a minute: the wheel builds in 3 s; installing it and its dependencies takes the rest
(from pip's cache once ``make test`` has installed the same versions)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("wheel")]

SOURCES = ("pyproject.toml", "README.md", "src", "plugins")
DEMO = ("--name", "Demo Community Safety Partnership", "--council", "E06000013")


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    """A command as someone outside this repository runs it: no PYTHONPATH, no venv of ours."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources (nothing is written into the repository)."""
    root = tmp_path_factory.mktemp("wheel")
    (root / "source").mkdir()
    for part in SOURCES:
        copy = shutil.copytree if (REPO / part).is_dir() else shutil.copy
        copy(REPO / part, root / "source" / part)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.rmtree(root / "source/src")
    shutil.copytree(REPO / "src", root / "source/src", ignore=ignore)
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", "dist", "./source", cwd=root)
    [built] = (root / "dist").glob("portalgen-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment, outside the repository, with only the wheel installed."""
    root = tmp_path_factory.mktemp("venv")
    base = getattr(sys, "_base_executable", sys.executable)
    run(base, "-m", "venv", root / "venv", cwd=root)
    pip = root / "venv/bin/pip"
    run(pip, "install", "-q", "-c", REPO / "constraints.txt", wheel, cwd=root)
    return root / "venv/bin"


def test_the_wheel_ships_what_a_portal_needs(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "portalgen/data/schemas/partnerships.yaml",
        "portalgen/site/templates/pages/partnership.html.j2",
        "portalgen/site/templates/partials/macros.md.j2",
        "portalgen/site/assets/portalgen.css",
        "portalgen/site/assets/feed.xsl",
        "portalgen/starter/mkdocs.yml.j2",
        "portalgen/starter/workflow.yml.j2",
        "portalgen/starter/data/vocabulary/statuses.csv",
        "portalgen_mkdocs/theme/404.html",
    ):
        assert needed in names, needed
    [entry_points] = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    points = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "portalgen = portalgen_mkdocs.plugin:PortalgenPlugin" in points
    assert "portalgen = portalgen.cli:main" in points
    [metadata] = [name for name in names if name.endswith(".dist-info/METADATA")]
    requires = [
        line.removeprefix("Requires-Dist: ")
        for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines()
        if line.startswith("Requires-Dist: ") and "extra ==" not in line
    ]
    assert "mkdocs<2,>=1.6" in requires
    assert not [r for r in requires if "==" in r], "runtime dependencies must be ranges"


def test_a_portal_started_from_the_wheel_passes_its_checks(venv, tmp_path):
    started = run(venv / "portalgen", "init", "demo", *DEMO, cwd=tmp_path)
    assert "Written: demo/mkdocs.yml" in started.stdout.splitlines()
    demo = tmp_path / "demo"
    checked = run(venv / "portalgen", "check", cwd=demo)
    assert "Traceback" not in checked.stderr
    page = demo / "site/partnerships/demo/index.html"
    heading = BeautifulSoup(page.read_text("utf-8"), "lxml").h1.get_text(strip=True)
    assert heading.removesuffix("¶") == "Demo Community Safety Partnership"
    # The plugin also works through plain MkDocs, as the portal's README says.
    run(venv / "mkdocs", "build", "-d", tmp_path / "plain", cwd=demo)
    assert (tmp_path / "plain/partnerships/demo/index.html").is_file()
