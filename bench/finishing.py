"""Milliseconds a page for what the plugin does to each finished page (``on_post_page``).

    .venv/bin/python bench/finishing.py site                    # the example, built
    .venv/bin/python bench/finishing.py /tmp/p100-site --pages 2000

Reads the pages of a built site and times, on each, the steps of ``on_post_page``:
abbreviations marked in the main text, the inline scripts and script sources the page
policy checks, and the policy written in. The glossary is the example's (every generated
portal copies it). Prints CPU milliseconds a page for each step and the load average.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from portalgen import engine  # noqa: E402
from portalgen.site import csp  # noqa: E402
from portalgen.site.abbreviations import Abbreviations  # noqa: E402


def steps(marker: Abbreviations) -> dict:
    def policy(address: str, page: str) -> None:
        scripts = csp.inline_scripts(page)
        csp.unknown_scripts(page, scripts)
        csp.unknown_sources(page, address, set(), "/")
        csp.protect(page, (), scripts)

    return {
        "abbreviations": lambda address, page: marker.mark(page),
        "page policy": policy,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--pages", type=int, default=1500, help="a random sample of this many")
    args = parser.parse_args()
    marker = Abbreviations(engine.load_portal(ROOT / "data", ROOT).glossary)
    paths = sorted(args.site.rglob("*.html"))
    paths = random.Random(1).sample(paths, min(args.pages, len(paths)))
    pages = [(p.relative_to(args.site).as_posix(), p.read_text("utf-8")) for p in paths]
    print(f"{len(pages)} pages, load average {os.getloadavg()[0]:.2f}")
    for name, step in steps(marker).items():
        start = time.process_time()
        for address, page in pages:
            step(address, page)
        ms = (time.process_time() - start) * 1000 / len(pages)
        print(f"{name:15s} {ms:6.3f} ms a page (CPU)")


if __name__ == "__main__":
    main()
