"""``make serve`` with broken data: the browser shows every problem, in the words
``portalgen validate`` uses, and reloads to the portal once the fix is saved."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import problems

REDIRECTS = "data/addresses/redirects.csv"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def previewing(project):
    """``mkdocs serve`` in ``project``, as ``make serve`` runs it; yields its address."""
    address = f"127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", address],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        _wait_for(f"http://{address}/", process)
        yield f"http://{address}/"
    finally:
        process.terminate()
        process.wait(timeout=30)


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
