"""The site's search: a Pagefind index made from the built pages, in ``search/pagefind/``.

Pagefind (the ``pagefind-bin`` package ships its binary) reads every finished page and
writes an index split into small chunks, so a search downloads the chunks for its words
and the few results it shows, not the whole site: what a visitor downloads does not grow
with the number of partnerships. The theme marks what is indexed (``data-pagefind-body``
around the page's text, none on pages left out of search) and each page's boost; the page
at ``/search/`` (``pages/search.py``) asks the index with ``assets/search.js``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

BUNDLE = "search/pagefind"
"""Where the index is written, in the site: beside the search page, in a folder no page
or redirect may use (``addresses.SITE_FOLDERS``)."""
LEFT_OUT = "[data-search-exclude], .headerlink"
"""Parts of a page that are not searched: the share buttons, sources and citation, and
the ¶ of each heading's permanent link."""


class SearchIndexError(RuntimeError):
    """Pagefind could not index the built site."""


def index(site_dir: Path) -> None:
    """Write the search index for the built site in ``site_dir``; the same pages give the
    same files (Pagefind names chunks by their content's hash)."""
    _clear(site_dir)
    done = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(
            f"{site_dir}: the search index could not be made (Pagefind said: "
            f"{(done.stderr or done.stdout).strip()[:400]}). Build again; if it happens "
            "again, report it as a bug in portalgen."
        )


def start(site_dir: Path) -> subprocess.Popen:
    """Start writing the index and return at once: the live preview shows the changed page
    without waiting the second or so the index takes; its search catches up after."""
    _clear(site_dir)
    return subprocess.Popen(command(site_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _clear(site_dir: Path) -> None:
    """No chunk of an older index left beside the new one (the preview rebuilds into the
    same folder, and Pagefind only adds the chunks it writes)."""
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)


def command(site_dir: Path) -> list[str]:
    """The Pagefind command that indexes the site in ``site_dir``."""
    from pagefind_bin import get_executable  # only a build runs the indexer

    return [
        str(get_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--exclude-selectors",
        LEFT_OUT,
        "--force-language",
        "en",
        "--silent",
    ]
