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


def _serving_in_process(project: Path, served: Path, monkeypatch):
    """The project's site built into ``served`` as ``mkdocs serve`` builds it, in this
    process: the plugin is kept, MkDocs' serve builder is wrapped by the plugin's
    ``on_serve``. Returns the server (``server.builder()`` rebuilds) and the config."""
    import mkdocs.commands.serve as serve
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    monkeypatch.chdir(project)

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
    return config.plugins.on_serve(server, config=config, builder=builder), config


def _rebuilt_as_full(server, config, project: Path, tmp_path: Path, step: str) -> None:
    """Rebuild, and check the site folder is, file by file, what a full build makes."""
    server.builder()
    indexing = getattr(config.plugins["portalgen"], "indexing", None)
    if indexing is not None:
        indexing.wait()
    built = tmp_path / f"built-{step}"
    _build(project, built)
    assert _differences(Path(config.site_dir), built) == [], step


def test_a_partial_rebuild_makes_the_site_a_full_build_makes(project, tmp_path, monkeypatch):
    """In one process, as ``mkdocs serve`` runs: after each edit the site folder is
    compared, file by file, with a full build of the same files."""
    server, config = _serving_in_process(project, tmp_path / "served", monkeypatch)
    assert server.observer.timeout == 0.1
    assert {e.timeout for e in server.observer.emitters} == {0.1}
    preview = config.plugins["portalgen"].preview

    def rebuilt_as_full(step: str) -> int:
        _rebuilt_as_full(server, config, project, tmp_path, step)
        return len(preview.skipped)

    csv_file = project / PRIORITIES
    set_cell(csv_file, 2, "title", "Trust in the police")
    rebuilt = len(preview.pages) - rebuilt_as_full("edit")
    assert 0 < rebuilt < len(preview.pages) / 10, "only pages that show the priority are rebuilt"
    rendered = config.plugins["portalgen"].renders.rendered
    assert "partnerships/haringey/plans/2013-14/priorities/p1/index.md" in rendered
    assert "partnerships/safer-devon/index.md" not in rendered

    set_cell(csv_file, 2, "number", "one")
    assert rebuilt_as_full("broken") == 0
    set_cell(csv_file, 2, "number", "1")
    assert rebuilt_as_full("fixed") == 0
    with csv_file.open("a", encoding="utf-8") as out:
        out.write('p7,7,A seventh priority,"What the seventh priority is for.",,,\n')
    assert rebuilt_as_full("new row") == 0, "a new page changes the navigation's files"
    set_cell(csv_file, 8, "title", "The seventh priority")
    assert rebuilt_as_full("second edit") > 0


EDITS = [
    # what, file, line, column, new value, a page that shows it
    ("plan", PRIORITIES, 2, "title", "Trust in the police", PRIORITY),
    (
        "meeting",
        "data/haringey/governance/meetings.csv",
        2,
        "title",
        "Year end round-up",
        "partnerships/haringey/meetings/2014-03-27-community-safety-partnership-board/",
    ),
    (
        "recommendation",
        "data/haringey/governance/recommendations.csv",
        2,
        "owner_role",
        "The whole board",
        "partnerships/haringey/recommendations/csp-2014-r1/",
    ),
    (
        "funding",
        "data/worcestershire/funding/amounts.csv",
        2,
        "title",
        "Capital funding from the Home Office",
        "partnerships/worcestershire/funding/",
    ),
    (
        "performance",
        "data/north-lincolnshire/performance/indicators.csv",
        2,
        "title",
        "Domestic violence incidents the police recorded",
        "partnerships/north-lincolnshire/indicators/domestic-violence-incidents/",
    ),
    (
        "ward figures",
        "data/redditch/ward-figures/figures.csv",
        2,
        "value",
        "31.5",
        "partnerships/redditch/maps/imd-2019-score/2019/",
    ),
    (
        "areas",
        "data/safer-devon/areas/wd23/areas.csv",
        2,
        "name",
        "Allington and Strete",
        "wards/E05010128/",
    ),
]
"""An edit to each kind of a partnership's package."""

SHARED_EDITS = [
    ("partnerships", "data/partnerships/partnerships.csv", 2, "summary", "A partnership."),
    ("vocabulary", "data/vocabulary/organisations.csv", 2, "name", "Bucks County Council"),
    ("glossary", "data/vocabulary/glossary.csv", 2, "expansion", "Double A"),
]
"""An edit to each shared package."""


def _page(path: str) -> str:
    """A page's source path as the plugin names it, from its address under the site."""
    return f"{path.removeprefix('portalgen/')}index.md"


def _edit_about(project: Path) -> None:
    about = project / "content/about.md"
    about.write_text(about.read_text("utf-8").replace("# About", "# All about", 1), "utf-8")


def test_each_edit_renders_again_only_the_pages_that_can_show_it(project, tmp_path, monkeypatch):
    """An edit to one partnership's package renders again only the pages that can show
    it (a few, none of another partnership's); an edit to a shared package, ``content/``
    or a template renders every page. After each, the site is the one a full build makes."""
    server, config = _serving_in_process(project, tmp_path / "served", monkeypatch)
    renders = config.plugins["portalgen"].renders

    for what, path, line, column, value, shows in EDITS:
        set_cell(project / path, line, column, value)
        _rebuilt_as_full(server, config, project, tmp_path, what)
        assert _page(shows) in renders.rendered, what
        assert 0 < len(renders.rendered) < renders.pages / 2, what
        others = {"haringey", "safer-devon", "north-lincolnshire"} - {path.split("/")[1]}
        assert not [p for p in renders.rendered if p.split("/")[1] in others], what

    for what, path, line, column, value in SHARED_EDITS:
        set_cell(project / path, line, column, value)
        _rebuilt_as_full(server, config, project, tmp_path, what)
        assert len(renders.rendered) == renders.pages, what

    _edit_about(project)
    _rebuilt_as_full(server, config, project, tmp_path, "content")
    assert len(renders.rendered) == renders.pages

    template = project / "overrides/portalgen/pages/priority.html.j2"
    template.parent.mkdir(parents=True, exist_ok=True)
    shipped = Path(__file__).parents[2] / "src/portalgen/site/templates/pages/priority.html.j2"
    template.write_text(shipped.read_text("utf-8").replace("<h1", "<h1 data-override", 1))
    _rebuilt_as_full(server, config, project, tmp_path, "new template")
    assert len(renders.rendered) == renders.pages
    template.write_text(shipped.read_text("utf-8").replace("<h1", "<h1 data-edited", 1))
    _rebuilt_as_full(server, config, project, tmp_path, "template")
    assert len(renders.rendered) == renders.pages

    server.builder()
    assert renders.rendered == [p for p in renders.rendered if _always(p)], "nothing changed"


def _always(path: str) -> bool:
    """A page rendered every time: one that lists every partnership or place."""
    return path.split("/")[0] in {"places", "partnerships", "open-data", "search"} and (
        path.count("/") == 1
    )
