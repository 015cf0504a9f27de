"""The measurements: a command's time (wall and CPU) and peak memory, a page's weight in
Chromium, the bytes a search downloads, and how long an edit to a CSV file takes to show
under ``mkdocs serve``."""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from portalgen.gates.browser import CHROMIUM_ARGS

CHROMIUM = os.environ.get("PORTALGEN_CHROMIUM", "/usr/bin/chromium")
SEARCH_FILES = ("/search/", "/pagefind/", "search_index", "/workers/search")
"""Addresses of search files (material's index and worker, Pagefind's bundle): not page weight."""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"}


@dataclass
class Run:
    seconds: float
    """Wall time."""
    peak_mb: float
    output: str
    cpu: float = 0.0
    """User and system time of the command and its children (``os.wait4``): the measure
    that other work on a shared machine disturbs least."""


def timed(command: list[str], cwd: Path) -> Run:
    """Run ``command``; its wall time and the peak resident memory of it and its children."""
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=out)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, output, usage.ru_utime + usage.ru_stime)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(root: Path):
    """Serve a built site over HTTP (python's http.server: no compression)."""
    handler = partial(_Quiet, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_weights(site: Path, addresses: dict[str, str]) -> dict[str, dict[str, int]]:
    """Bytes transferred to load each page in Chromium (CDP ``encodedDataLength``), without
    the search files (``search.py`` counts them); and the same files gzipped, as a server
    that compresses would send."""
    from playwright.sync_api import sync_playwright

    weights = {}
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for name, address in addresses.items():
            weights[name] = _weigh(browser, base, address, site)
        browser.close()
    return weights


def _weigh(browser, base: str, address: str, site: Path) -> dict[str, int]:
    context = browser.new_context()
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    urls, sizes = {}, {}
    session.on(
        "Network.responseReceived",
        lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]),
    )
    session.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(base + address, wait_until="networkidle")
    context.close()
    loaded = {urls[key]: size for key, size in sizes.items() if key in urls}
    kept = {url: size for url, size in loaded.items() if not any(p in url for p in SEARCH_FILES)}
    return {
        "bytes": sum(kept.values()),
        "gzip": sum(_gzipped(site, url.removeprefix(base)) for url in kept),
        "requests": len(kept),
    }


def _gzipped(site: Path, path: str) -> int:
    file = site / path.split("?")[0].split("#")[0]
    if file.is_dir():
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0


def serve_rebuilds(project: Path, csv_file: str, address: str, old: str, times: int) -> list[float]:
    """Seconds from saving an edit to ``csv_file`` until ``address`` under ``mkdocs serve``
    shows it, ``times`` times over, on a copy of ``project``."""
    with tempfile.TemporaryDirectory(prefix="portalgen-bench-") as tmp:
        copy = Path(tmp) / "project"
        copy.mkdir()
        for name in ("mkdocs.yml", "content", "overrides", "data"):
            source = project / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
        port = free_port()
        url = f"http://127.0.0.1:{port}{_mount(copy / 'mkdocs.yml')}{address}"
        command = [str(Path(os.sys.executable).with_name("mkdocs")), "serve"]
        command += ["-a", f"127.0.0.1:{port}"]
        log = (Path(tmp) / "serve.log").open("w")
        server = subprocess.Popen(command, cwd=copy, env=ENV, stdout=log, stderr=log)
        try:
            _wait_for(url, old, timeout=300)
            edited = copy / csv_file
            return [_edit_and_wait(edited, url, old, f"Bench edit {n}") for n in range(times)]
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()


def _mount(config: Path) -> str:
    """The path ``mkdocs serve`` serves the site under: that of ``site_url`` (``/portalgen/``)."""
    found = re.search(r"^site_url:\s*(\S+)", config.read_text("utf-8"), re.MULTILINE)
    path = urllib.parse.urlsplit(found[1]).path if found else "/"
    return path if path.endswith("/") else path + "/"


def _edit_and_wait(file: Path, url: str, old: str, new: str) -> float:
    text = file.read_text("utf-8")
    current = re.search(rf"{re.escape(old)}|Bench edit \d+", text)[0]
    time.sleep(1.5)
    start = time.perf_counter()
    file.write_text(text.replace(current, new, 1), "utf-8")
    _wait_for(url, new, timeout=300)
    return time.perf_counter() - start


def _wait_for(url: str, text: str, timeout: float) -> None:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")
