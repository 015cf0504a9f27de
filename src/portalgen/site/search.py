"""The site's search: a Pagefind index made from the built pages, in ``search/pagefind/``.

Pagefind (the ``pagefind-bin`` package ships its binary) reads every finished page and
writes an index split into small chunks, so a search downloads the chunks for its words
and the few results it shows, not the whole site: what a visitor downloads does not grow
with the number of partnerships. The theme marks what is indexed (``data-pagefind-body``
around the page's text, none on pages left out of search) and each page's boost; the page
at ``/search/`` (``pages/search.py``) asks the index with ``assets/search.js``.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

BUNDLE = "search/pagefind"
"""Where the index is written, in the site: beside the search page, in a folder no page
or redirect may use (``addresses.SITE_FOLDERS``)."""
BOOSTS = "boost"
"""The folder of the boost files, in the bundle: ``boost/<x…>.json`` lists the pages whose
boost is not 1 among those whose Pagefind id (``en_<hex>``) ends in ``<x…>``, by boost:
``{"0.5": ["en_1a2b3xx", …], "4": […]}``; ``boost/spread.json`` says how many last hex
digits name a file (Pagefind's ids seldom start with 0, but end in any digit). ``search.js``
ranks the best 30 pages by boost with these small files, and downloads the text of only
the 10 it shows (a page's boost is otherwise only in its text, one to three kilobytes a
page). There are enough files for about 4 pages each (4,096 at 300 partnerships), so a
search fetches some 30 files of a few hundred bytes, where it fetched 20 more pages'
text (issue 24)."""
PER_FILE = 4
LEFT_OUT = "[data-search-exclude], .headerlink, .pg-area-history, .pg-area-figures, .pg-attribution"
"""Parts of a page that are not searched: the share buttons, sources, citation and licence
attributions, the ¶ of each heading's permanent link, and the tables of figures by area on
place and map pages (numbers, which nobody searches by; the names and headings around them
are searched). The tables and attributions were a fifth of each place page's text, repeated
on thousands of pages, in what a search downloads (issue 24)."""


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
    write_boosts(site_dir / BUNDLE)


def write_boosts(bundle: Path) -> None:
    """Write the boost files for the index in ``bundle``, from each page's metadata: one
    for every ending, empty ones too (a missing file would be fetched as the page-not-found
    page); keys and lists sorted, so the same index gives the same files."""
    boosted = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        boost = _boost(path)
        if boost != "1":
            boosted[path.name.removesuffix(".pf_fragment")] = boost
    spread = 1
    while len(boosted) > PER_FILE * 16**spread:
        spread += 1
    files: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for page, boost in sorted(boosted.items()):
        files[page[-spread:]][boost].append(page)
    folder = bundle / BOOSTS
    folder.mkdir(exist_ok=True)
    (folder / "spread.json").write_text(str(spread), "utf-8")
    for number in range(16**spread):
        name = f"{number:0{spread}x}"
        listed = dict(sorted(files[name].items()))
        (folder / f"{name}.json").write_text(json.dumps(listed, separators=(",", ":")), "utf-8")


BOOST = re.compile(rb'"boost":"([^"\\]*)"')
"""A page's boost in its fragment's JSON (the page's text is a JSON string before it, whose
quotes are escaped, so it cannot be taken for this)."""


def _boost(path: Path) -> str:
    """The boost in the metadata of one page's fragment (gzip-compressed JSON), or 1."""
    found = BOOST.search(gzip.decompress(path.read_bytes()))
    return found.group(1).decode() if found else "1"


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
