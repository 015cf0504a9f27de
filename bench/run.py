"""Run every benchmark and write the results table into ``bench/RESULTS.md``.

    .venv/bin/python bench/run.py                 # scales 1, 10, 100 and 300 (make bench)
    .venv/bin/python bench/run.py --scales 1 10   # a quick look

For each scale it generates a synthetic portal (``generate.py``) and measures, side by side:
the portalgen build (validate + build) against plain ``mkdocs build`` of the same pages
written out as Markdown (``dump.py``); ``portalgen validate`` against frictionless' own
validation (``frictionless_only.py``); peak memory; the weight of three pages in Chromium
and the size of the search index. On the example portal it times how long an edit to one
CSV file takes to show under ``mkdocs serve``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from measure import page_weights, serve_rebuilds, timed  # noqa: E402

PYTHON = sys.executable
MKDOCS = str(Path(PYTHON).with_name("mkdocs"))
SERVE_EDIT = (
    "data/haringey/plans/2013-14/priorities.csv",
    "partnerships/haringey/plans/2013-14/priorities/p1/",
    "Confidence in policing",
)
"""The file an editor changes, the page that shows it, and a word of it the edit replaces."""


def measure_scale(partnerships: int, out: Path) -> dict:
    project = out / f"p{partnerships}"
    made = generate(partnerships, project)
    row = {"partnerships": made["partnerships"], "load": os.getloadavg()[0]}
    build = timed([MKDOCS, "build", "-q", "-d", "site"], project)
    plain_dir = out / f"p{partnerships}-plain"
    timed([PYTHON, str(HERE / "dump.py"), "mkdocs.yml", str(plain_dir)], project)
    plain = timed([MKDOCS, "build", "-q", "-d", "site"], plain_dir)
    validate = timed([PYTHON, "-m", "portalgen", "validate", "data"], project)
    alone = timed([PYTHON, str(HERE / "frictionless_only.py"), "data"], project)
    site = project / "site"
    row.update(
        pages=sum(1 for _ in site.rglob("index.html")),
        areas=sum(1 for _ in (site / "wards").glob("*/")) + _count(site / "small-areas"),
        rows=int(alone.output.split()[2]),
        build=build.seconds,
        build_mb=build.peak_mb,
        plain=plain.seconds,
        plain_mb=plain.peak_mb,
        validate=validate.seconds,
        validate_mb=validate.peak_mb,
        frictionless=alone.seconds,
        search_kb=(site / "search" / "search_index.json").stat().st_size / 1024,
        weights=page_weights(site, _sample_pages(site)),
    )
    return row


def _count(folder: Path) -> int:
    return sum(1 for _ in folder.glob("*/")) if folder.is_dir() else 0


def _sample_pages(site: Path) -> dict[str, str]:
    """The home page, a plan page, and the map of a district partnership (Redditch's small
    areas, the largest map of the example)."""
    pages = {"home": "", "plan": "partnerships/haringey/plans/2013-14/"}
    maps = sorted((site / "partnerships" / "redditch" / "maps").glob("*/*/index.html"))
    if maps:
        pages["district map"] = maps[0].parent.relative_to(site).as_posix() + "/"
    return pages


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    names = ("mkdocs", "mkdocs-material", "frictionless", "Jinja2")
    packages = ", ".join(f"{name} {version(name)}" for name in names)
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {platform.platform()}; "
        f"Python {platform.python_version()}; {packages}"
    )


def table(rows: list[dict]) -> str:
    head = (
        "| Partnerships | Pages | Areas | CSV rows | Load before | portalgen build (s) | "
        "plain mkdocs (s) | Overhead | Time per page | Peak MB (portalgen / plain) | "
        "portalgen validate (s) | frictionless alone (s) | Search index (KB) |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    lines = [
        f"| {r['partnerships']} | {r['pages']:,} | {r['areas']:,} | {r['rows']:,} | "
        f"{r['load']:.2f} | {r['build']:.1f} | {r['plain']:.1f} | "
        f"{r['build'] / r['plain']:.2f}× | {r['build'] / r['pages'] * 1000:.1f} ms | "
        f"{r['build_mb']:.0f} / {r['plain_mb']:.0f} | {r['validate']:.1f} | "
        f"{r['frictionless']:.1f} | {r['search_kb']:,.0f} |\n"
        for r in rows
    ]
    return head + "".join(lines)


def weights_table(rows: list[dict]) -> str:
    head = (
        "| Partnerships | Page | Transferred (KB, uncompressed) | gzip (KB) | Requests |\n"
        "|---:|---|---:|---:|---:|\n"
    )
    lines = [
        f"| {r['partnerships']} | {name} | {w['bytes'] / 1024:.1f} | {w['gzip'] / 1024:.1f} | "
        f"{w['requests']} |\n"
        for r in rows
        for name, w in r["weights"].items()
    ]
    return head + "".join(lines)


def marginal_cost(rows: list[dict]) -> str:
    """Seconds per extra page between the smallest and largest scale: the slope of a line."""
    if len(rows) < 2:
        return "n/a"
    first, last = rows[0], rows[-1]
    slope = (last["build"] - first["build"]) / (last["pages"] - first["pages"])
    plain = (last["plain"] - first["plain"]) / (last["pages"] - first["pages"])
    return f"{slope * 1000:.1f} ms per page for portalgen, {plain * 1000:.1f} ms for plain mkdocs"


def serve_section(times: int) -> str:
    load = os.getloadavg()[0]
    seconds = serve_rebuilds(ROOT, *SERVE_EDIT, times)
    shown = ", ".join(f"{s:.2f}" for s in seconds)
    return (
        f"Edit one cell of `{SERVE_EDIT[0]}` in a copy of the example portal under "
        f"`mkdocs serve`, then poll `/{SERVE_EDIT[1]}` until the new text is served "
        f"(load before: {load:.2f}). Runs: {shown} s; "
        f"**median {statistics.median(seconds):.2f} s**.\n"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100, 300])
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--serve-runs", type=int, default=5)
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for scale in args.scales:
        print(f"scale {scale} …", flush=True)
        rows.append(measure_scale(scale, args.out))
        print(table(rows[-1:]), flush=True)
    serve = serve_section(args.serve_runs)
    print(serve)
    report = (
        f"Measured {dt.date.today():%d %B %Y} on {machine()}.\n\n"
        f"{table(rows)}\nBuild time grows by {marginal_cost(rows)}.\n\n"
        f"### Page weight\n\n{weights_table(rows)}\n### Rebuild under `mkdocs serve`\n\n{serve}"
    )
    write_results(args.results, report)
    print(f"Wrote {args.results}")


START, END = "<!-- results: written by bench/run.py -->", "<!-- end of results -->"


def write_results(path: Path, report: str) -> None:
    """Replace the measured part of RESULTS.md; the written findings around it stay."""
    text = path.read_text("utf-8") if path.is_file() else f"# Benchmark results\n\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    path.write_text(f"{before}{START}\n{report}{END}{after}", "utf-8")


if __name__ == "__main__":
    main()
