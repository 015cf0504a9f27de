"""A local web server for a built site, under its published path, as GitHub Pages serves it."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse


def mount_of(site_url: str) -> str:
    """The path the site is published under (``/portalgen/``); ``/`` without ``site_url``."""
    path = urlparse(site_url).path.strip("/")
    return f"/{path}/" if path else "/"


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site under its published path, and its ``404.html`` for any address
    that is not a page, as GitHub Pages does."""

    mount = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return super().translate_path("/.not-on-this-site/")
        return super().translate_path("/" + path[len(self.mount) :])

    def send_error(self, code, message=None, explain=None):
        missing = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not missing.is_file():
            return super().send_error(code, message, explain)
        body = missing.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(root: Path, mount: str = "/") -> Iterator[str]:
    """A local web server for the built site in ``root``, under ``mount``; yields the
    site's address (``http://127.0.0.1:<port>/portalgen/``)."""
    handler = functools.partial(
        type("Handler", (SiteHandler,), {"mount": mount}), directory=str(root)
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{mount}"
    finally:
        httpd.shutdown()
        httpd.server_close()
