"""The live preview (``make serve``): an edit to the data is served, only the pages whose
source changed are rebuilt, and the site it serves is the one a full build makes."""

from __future__ import annotations

import contextlib
import filecmp
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import free_port, mkdocs_serve, set_cell

pytestmark = pytest.mark.build

PRIORITIES = "data/haringey/plans/2013-14/priorities.csv"
PLAN = "portalgen/partnerships/haringey/plans/2013-14/"
PRIORITY = f"{PLAN}priorities/p1/"
SERVE_URL = "http://127.0.0.1:8000/portalgen/"


@contextlib.contextmanager
def previewing(project: Path):
    """``mkdocs serve`` in ``project``, as ``make serve`` runs it; yields its address."""
    with (project / "serve.log").open("w") as log, mkdocs_serve(project, log) as served:
        address, process = served
        heading(address, PRIORITY, process, lambda text: True)
        yield address, process


def heading(address: str, path: str, process, wanted, seconds: float = 240) -> str:
    """The first heading of the page at ``path``, once ``wanted`` (a test of its text) is
    true: the preview is polled as a browser's reload would fetch it."""
    deadline = time.monotonic() + seconds
    seen = None
    while time.monotonic() < deadline:
        assert process.poll() is None, "the preview stopped"
        with contextlib.suppress(OSError, urllib.error.HTTPError):
            with urllib.request.urlopen(address + path, timeout=10) as response:
                found = BeautifulSoup(response.read(), "html.parser").select_one("h1")
                seen = found.get_text().rstrip("¶") if found else None
                if seen is not None and wanted(seen):
                    return seen
        time.sleep(0.1)
    raise AssertionError(f"{path} still shows {seen!r} after {seconds} s")


def test_the_preview_serves_each_edit_to_the_data_and_content(project):
    csv_file = project / PRIORITIES
    about = project / "content/about.md"
    with previewing(project) as (address, process):
        title = heading(address, PRIORITY, process, lambda text: True)
        assert title.startswith("Priority 1: Confidence in policing")
        plan = heading(address, PLAN, process, lambda text: True)

        set_cell(csv_file, 2, "title", "Trust in the police")
        assert heading(address, PRIORITY, process, lambda t: "Trust" in t) == (
            "Priority 1: Trust in the police"
        )
        # A page whose source did not change is still served, as it was.
        assert heading(address, PLAN, process, lambda text: True) == plan

        set_cell(csv_file, 2, "number", "one")
        problems = heading(address, "portalgen/", process, lambda t: "problems" in t)
        assert problems == "The data has problems"

        set_cell(csv_file, 2, "number", "1")
        assert heading(address, PRIORITY, process, lambda t: t.startswith("Priority")) == (
            "Priority 1: Trust in the police"
        )

        with csv_file.open("a", encoding="utf-8") as out:
            out.write('p7,7,A seventh priority,"What the seventh priority is for.",,,\n')
        new = f"{PLAN}priorities/p7/"
        assert heading(address, new, process, lambda t: "seventh" in t) == (
            "Priority 7: A seventh priority"
        )

        about.write_text(
            about.read_text("utf-8").replace("# About this portal", "# About the portal", 1),
            "utf-8",
        )
        assert heading(address, "portalgen/about/", process, lambda t: "the portal" in t) == (
            "About the portal"
        )


def _build(project: Path, site: Path) -> None:
    """A full build of ``project`` as the preview makes it (its own process)."""
    code = (
        "from mkdocs.config import load_config\n"
        "from mkdocs.commands.build import build\n"
        f"c = load_config(config_file='mkdocs.yml', site_dir={str(site)!r})\n"
        f"c.site_url = {SERVE_URL!r}\n"
        "c.plugins.on_startup(command='serve', dirty=False)\n"
        f"build(c, serve_url={SERVE_URL!r})\n"
        "i = getattr(c.plugins['portalgen'], 'indexing', None)\n"  # the search index, made
        "i and i.wait()\n"  # beside the preview
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-c", code], cwd=project, env=env, check=True)


def _differences(served: Path, built: Path) -> list[str]:
    found = []
    folders = [filecmp.dircmp(served, built)]
    while folders:
        folder = folders.pop()
        found += [f"only served: {folder.left}/{n}" for n in folder.left_only]
        found += [f"only built: {folder.right}/{n}" for n in folder.right_only]
        found += [f"differs: {folder.left}/{n}" for n in folder.diff_files]
        folders += folder.subdirs.values()
    return found


def test_a_partial_rebuild_makes_the_site_a_full_build_makes(project, tmp_path, monkeypatch):
    """In one process, as ``mkdocs serve`` runs: the plugin is kept, MkDocs' serve builder
    is wrapped by the plugin's ``on_serve``, and after each edit the site folder is
    compared, file by file, with a full build of the same files."""
    import mkdocs.commands.serve as serve
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    monkeypatch.chdir(project)
    served = tmp_path / "served"

    def get_config():
        config = load_config(config_file="mkdocs.yml", site_dir=str(served))
        config.site_url = SERVE_URL
        return config

    def builder(config=None):
        serve.build(config or get_config(), serve_url=SERVE_URL, dirty=False)

    builder.__module__ = serve.__name__
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    builder(config)
    server = LiveReloadServer(builder, "127.0.0.1", free_port(), str(served))
    server.watch(str(project / "content"))
    server = config.plugins.on_serve(server, config=config, builder=builder)
    assert server.observer.timeout == 0.1
    assert {e.timeout for e in server.observer.emitters} == {0.1}
    preview = config.plugins["portalgen"].preview

    def rebuilt_as_full(step: str) -> int:
        server.builder()
        indexing = getattr(config.plugins["portalgen"], "indexing", None)
        if indexing is not None:
            indexing.wait()
        built = tmp_path / f"built-{step}"
        _build(project, built)
        assert _differences(served, built) == [], step
        return len(preview.skipped)

    csv_file = project / PRIORITIES
    set_cell(csv_file, 2, "title", "Trust in the police")
    rebuilt = len(preview.pages) - rebuilt_as_full("edit")
    assert 0 < rebuilt < len(preview.pages) / 10, "only pages that show the priority are rebuilt"

    set_cell(csv_file, 2, "number", "one")
    assert rebuilt_as_full("broken") == 0
    set_cell(csv_file, 2, "number", "1")
    assert rebuilt_as_full("fixed") == 0
    with csv_file.open("a", encoding="utf-8") as out:
        out.write('p7,7,A seventh priority,"What the seventh priority is for.",,,\n')
    assert rebuilt_as_full("new row") == 0, "a new page changes the navigation's files"
    set_cell(csv_file, 8, "title", "The seventh priority")
    assert rebuilt_as_full("second edit") > 0
