"""``make serve`` with broken data: the browser shows every problem, in the words
``portalgen validate`` uses, and reloads to the portal once the fix is saved."""

from __future__ import annotations

import contextlib
import time
import urllib.request

from conftest import mkdocs_serve, problems

REDIRECTS = "data/addresses/redirects.csv"


@contextlib.contextmanager
def previewing(project):
    """``mkdocs serve`` in ``project``, as ``make serve`` runs it; yields its address."""
    with mkdocs_serve(project) as (address, process):
        _wait_for(address, process)
        yield address


def _wait_for(url: str, process, seconds: int = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the preview stopped"
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=5):
                return
        time.sleep(0.5)
    raise AssertionError(f"the preview did not answer at {url}")


def test_the_preview_shows_every_problem_then_reloads_when_fixed(project, browser):
    path = project / REDIRECTS
    kept = path.read_text("utf-8")
    path.write_text("from,to,date,reason\nonly-one-cell\n", "utf-8")
    expected = problems(project)
    with previewing(project) as address:
        page = browser.new_page()
        page.goto(address)
        assert page.locator("h1").inner_text().rstrip("¶") == "The data has problems"
        assert page.locator(".pg-problems li").all_inner_texts() == expected
        assert page.locator("[role=alert] strong").inner_text() == (
            "There is 1 problem in the data:"
        )
        path.write_text(kept, "utf-8")
        page.wait_for_selector("h1:has-text('Community safety partnerships')", timeout=180_000)
        page.close()
