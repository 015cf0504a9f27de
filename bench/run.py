"""Run every benchmark and write the results tables into ``bench/RESULTS.md``.

    .venv/bin/python bench/run.py                 # scales 1, 10, 100 and 300 (make bench)
    .venv/bin/python bench/run.py --scales 1 10   # a quick look
    .venv/bin/python bench/run.py --repeat 1      # one repetition at every scale

For each scale it generates a synthetic portal (``generate.py``; kept in ``--out`` and
reused while the generator and the example are unchanged) and measures, side by side in
interleaved runs: the portalgen build, cold (no validation cache) and warm (the cache of
the build before), against plain ``mkdocs build`` of the same pages written out by
``dump.py``; ``portalgen validate`` cold and warm against frictionless' own validation
(``frictionless_only.py``) and the same rules done with the ``csv`` module
(``csv_floor.py``); peak memory; the weight of three pages in Chromium; and the bytes one
search downloads. On the example portal it times how long an edit to one CSV file takes to
show under ``mkdocs serve``. Every time is taken as wall time and as CPU time (user and
system, of the command and its children): the load average is written with each scale.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import os
import platform
import shutil
import sys
import time
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from measure import page_weights, serve_rebuilds, timed  # noqa: E402
from report import report  # noqa: E402
from search import engine, search_bytes  # noqa: E402

PYTHON = sys.executable
MKDOCS = str(Path(PYTHON).with_name("mkdocs"))
BUILD = [MKDOCS, "build", "-q", "-d", "site"]
VALIDATE = [PYTHON, "-m", "portalgen", "validate", "data"]
FRICTIONLESS = [PYTHON, str(HERE / "frictionless_only.py"), "data"]
FLOOR = [PYTHON, str(HERE / "csv_floor.py"), "data"]
CACHE = ".portalgen-cache"
"""The validation cache, kept in the project (issue 24): a cold run starts without it."""
REPEATS = {1: 3, 10: 3}
"""Rounds per scale by default; larger scales get one (cold, plain, warm) round, so that a
full run stays within half an hour on two cores shared with a test run."""
SEARCHES = ("Haringey", "Bounds Green")
"""A partnership's name and a ward's name (one of Haringey's, copied to most partnerships)."""
SERVE_EDIT = (
    "data/haringey/plans/2013-14/priorities.csv",
    "partnerships/haringey/plans/2013-14/priorities/p1/",
    "Confidence in policing",
)
"""The file an editor changes, the page that shows it, and a word of it the edit replaces."""
GENERATOR_INPUTS = ("bench/generate.py", "data", "content", "overrides", "mkdocs.yml")
CODE = ("src/portalgen", "plugins", "bench/dump.py", "pyproject.toml", "constraints.txt")
"""What the plain site written by ``dump.py`` depends on, besides the generated portal
(portalgen's code and the versions of what it runs on)."""


def measure_scale(partnerships: int, out: Path, repeat: int) -> dict:
    project, plain = prepared(partnerships, out)
    row = {"partnerships": _partnership_count(project), "load": os.getloadavg()[0]}
    row["builds"] = build_rounds(project, plain, repeat)
    row["validation"] = validation_rounds(project, repeat)
    site = project / "site"
    row.update(
        pages=sum(1 for _ in site.rglob("index.html")),
        areas=sum(1 for _ in (site / "wards").glob("*/")) + _count(site / "small-areas"),
        rows=int(row["validation"][0]["frictionless"].output.split()[2]),
        weights=page_weights(site, _sample_pages(site)),
        search=search_bytes(site, "", list(SEARCHES)),
        search_engine=engine(site),
        search_files_kb=_search_files_kb(site),
    )
    return row


def prepared(partnerships: int, out: Path) -> tuple[Path, Path]:
    """The generated project and its plain MkDocs copy, made again only when what they are
    made from has changed (a full run at 300 partnerships spends minutes on them)."""
    project, plain = out / f"p{partnerships}", out / f"p{partnerships}-plain"
    stamp = fingerprint(GENERATOR_INPUTS) + f"/{partnerships}"
    if not _stamped(project, stamp):
        generate(partnerships, project)
        _stamp(project, stamp)
    plain_stamp = stamp + fingerprint(CODE)
    if not _stamped(plain, plain_stamp):
        timed([PYTHON, str(HERE / "dump.py"), "mkdocs.yml", str(plain)], project)
        _stamp(plain, plain_stamp)
    return project, plain


def fingerprint(paths: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in paths:
        top = ROOT / name
        for file in sorted([top] if top.is_file() else top.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(ROOT).as_posix().encode() + b"\0")
                digest.update(file.read_bytes())
    return digest.hexdigest()


def _stamped(folder: Path, stamp: str) -> bool:
    file = folder / ".bench-stamp"
    return file.is_file() and file.read_text("utf-8") == stamp


def _stamp(folder: Path, stamp: str) -> None:
    (folder / ".bench-stamp").write_text(stamp, "utf-8")


def _partnership_count(project: Path) -> int:
    with (project / "data" / "partnerships" / "partnerships.csv").open(encoding="utf-8") as file:
        return sum(1 for _ in csv.DictReader(file))


def forget_cache(project: Path) -> None:
    """Remove the validation cache, so the next run is cold (harmless where there is none)."""
    shutil.rmtree(project / CACHE, ignore_errors=True)


def build_rounds(project: Path, plain: Path, repeat: int) -> list[dict]:
    """``repeat`` rounds of cold portalgen, plain mkdocs, warm portalgen: each portalgen
    build sits next to a plain one, so both see the same load."""
    rounds = []
    for _ in range(repeat):
        forget_cache(project)
        cold = timed(BUILD, project)
        cached = (project / CACHE).exists()
        base = timed(BUILD, plain)
        warm = timed(BUILD, project)
        rounds.append({"cold": cold, "plain": base, "warm": warm, "cached": cached})
    return rounds


def validation_rounds(project: Path, repeat: int) -> list[dict]:
    """``repeat`` rounds of validate cold, frictionless alone, validate warm, the csv floor."""
    rounds = []
    for _ in range(repeat):
        forget_cache(project)
        cold = timed(VALIDATE, project)
        alone = timed(FRICTIONLESS, project)
        warm = timed(VALIDATE, project)
        floor = timed(FLOOR, project)
        rounds.append({"cold": cold, "frictionless": alone, "warm": warm, "floor": floor})
    return rounds


def _count(folder: Path) -> int:
    return sum(1 for _ in folder.glob("*/")) if folder.is_dir() else 0


def _search_files_kb(site: Path) -> float:
    folders = [site / "search", site / "pagefind"]
    files = [file for folder in folders if folder.is_dir() for file in folder.rglob("*")]
    return sum(file.stat().st_size for file in files if file.is_file()) / 1024


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


def repeats(scales: list[int], given: list[int] | None) -> list[int]:
    """Rounds for each scale: as given (one number for all, or one a scale), or the default."""
    if not given:
        return [REPEATS.get(scale, 1) for scale in scales]
    if len(given) == 1:
        return given * len(scales)
    if len(given) != len(scales):
        raise SystemExit("--repeat takes one number, or one for each scale")
    return given


def serve_run(times: int) -> dict:
    load = os.getloadavg()[0]
    return {"load": load, "seconds": serve_rebuilds(ROOT, *SERVE_EDIT, times)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100, 300])
    parser.add_argument(
        "--repeat", type=int, nargs="+", help="rounds: one number for every scale, or one a scale"
    )
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--serve-runs", type=int, default=5, help="0 leaves serve out")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    start, rows = time.monotonic(), []
    for scale, repeat in zip(args.scales, repeats(args.scales, args.repeat), strict=True):
        print(f"scale {scale}, {repeat} rounds …", flush=True)
        began = time.monotonic()
        rows.append(measure_scale(scale, args.out, repeat))
        rows[-1]["minutes"] = (time.monotonic() - began) / 60
        minutes = (time.monotonic() - start) / 60
        print(f"  done after {minutes:.1f} min", flush=True)
        write_results(args.results, _report(rows, None, minutes, finished=False))
    serve = serve_run(args.serve_runs) if args.serve_runs else None
    text = _report(rows, serve, (time.monotonic() - start) / 60, finished=True)
    print(text)
    write_results(args.results, text)
    print(f"Wrote {args.results}")


def _report(rows: list[dict], serve: dict | None, minutes: float, finished: bool) -> str:
    """The results so far: written after each scale, so a run cut short keeps what it did."""
    text = report(rows, serve, SERVE_EDIT, f"{dt.date.today():%-d %B %Y}", machine(), minutes)
    return text if finished else f"**Unfinished run**: written after each scale.\n\n{text}"


START, END = "<!-- results: written by bench/run.py -->", "<!-- end of results -->"


def write_results(path: Path, text: str) -> None:
    """Replace the measured part of RESULTS.md; the written findings around it stay."""
    old = path.read_text("utf-8") if path.is_file() else f"# Benchmark results\n\n{START}\n{END}\n"
    before, rest = old.split(START, 1)
    after = rest.split(END, 1)[1]
    path.write_text(f"{before}{START}\n{text}{END}{after}", "utf-8")


if __name__ == "__main__":
    main()
