"""The tables ``run.py`` writes into RESULTS.md, and the targets of issue 24 checked against
them. Ratios are medians over rounds of runs made side by side; the verdicts use CPU time
(user and system), which the other work on a shared machine disturbs least, with the wall
time beside it."""

from __future__ import annotations

import statistics

TARGET_SCALES = (10, 100)
"""The scales at which issue 24 sets the build and validation targets."""


def median(rounds: list[dict], key: str, attr: str = "cpu") -> float:
    return statistics.median(getattr(run[key], attr) for run in rounds)


def ratio(rounds: list[dict], top: str, bottom: str, attr: str = "cpu") -> float:
    """The median over rounds of ``top`` ÷ ``bottom``, each round's two runs side by side."""
    return statistics.median(getattr(r[top], attr) / getattr(r[bottom], attr) for r in rounds)


def _seconds(rounds: list[dict], key: str) -> str:
    return f"{median(rounds, key):.1f} / {median(rounds, key, 'seconds'):.1f}"


def _ratio(rounds: list[dict], top: str, bottom: str) -> str:
    cpu, wall = ratio(rounds, top, bottom), ratio(rounds, top, bottom, "seconds")
    return f"**{cpu:.2f}×** ({wall:.2f}×)"


def per_page(row: dict, key: str) -> float:
    """Milliseconds of CPU per page, median of the rounds."""
    return median(row["builds"], key) / row["pages"] * 1000


def builds_table(rows: list[dict]) -> str:
    head = (
        "| Partnerships | Pages | Areas | CSV rows | Load before | Rounds | "
        "Cold build (s) | Warm build (s) | Plain mkdocs (s) | Cold ÷ plain | Warm ÷ plain | "
        "CPU per page, cold / warm / plain (ms) | Peak MB, cold / plain | Cache after cold |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
    )
    lines = []
    for r in rows:
        b = r["builds"]
        pages = " / ".join(f"{per_page(r, key):.1f}" for key in ("cold", "warm", "plain"))
        peak = f"{median(b, 'cold', 'peak_mb'):.0f} / {median(b, 'plain', 'peak_mb'):.0f}"
        cache = "yes" if all(run["cached"] for run in b) else "no"
        lines.append(
            f"| {r['partnerships']} | {r['pages']:,} | {r['areas']:,} | {r['rows']:,} | "
            f"{r['load']:.2f} | {len(b)} | {_seconds(b, 'cold')} | {_seconds(b, 'warm')} | "
            f"{_seconds(b, 'plain')} | {_ratio(b, 'cold', 'plain')} | "
            f"{_ratio(b, 'warm', 'plain')} | {pages} | {peak} | {cache} |\n"
        )
    return head + "".join(lines)


def validation_table(rows: list[dict]) -> str:
    head = (
        "| Partnerships | Rounds | validate cold (s) | validate warm (s) | "
        "frictionless alone (s) | csv floor (s) | Cold ÷ frictionless | Warm ÷ frictionless | "
        "Floor ÷ frictionless |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    lines = []
    for r in rows:
        v = r["validation"]
        times = " | ".join(_seconds(v, key) for key in ("cold", "warm", "frictionless", "floor"))
        ratios = " | ".join(_ratio(v, key, "frictionless") for key in ("cold", "warm", "floor"))
        lines.append(f"| {r['partnerships']} | {len(v)} | {times} | {ratios} |\n")
    return head + "".join(lines)


def slopes(rows: list[dict]) -> str:
    """CPU seconds per extra page between the smallest and the largest scale."""
    if len(rows) < 2:
        return "Only one scale: no slope.\n"
    first, last = rows[0], rows[-1]
    extra = last["pages"] - first["pages"]
    parts = [
        f"{(median(last['builds'], key) - median(first['builds'], key)) / extra * 1000:.1f} ms "
        f"{name}"
        for key, name in (("cold", "cold"), ("warm", "warm"), ("plain", "plain mkdocs"))
    ]
    return (
        f"CPU time grows by {', '.join(parts)} per extra page "
        f"(from {first['partnerships']} to {last['partnerships']} partnerships).\n"
    )


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


def search_table(rows: list[dict]) -> str:
    head = (
        "| Partnerships | Search | Search files on disk (KB) | Query | Transferred (KB) | "
        "Requests | Results shown | If the host compresses (gzip, KB) |\n"
        "|---:|---|---:|---|---:|---:|---:|---:|\n"
    )
    lines = [
        f"| {r['partnerships']} | {r['search_engine']} | {r['search_files_kb']:,.0f} | "
        f"{s.query} | {s.bytes / 1024:,.1f} | {s.requests} | {s.results} | "
        f"{s.gzip_bytes / 1024:,.1f} |\n"
        for r in rows
        for s in r["search"]
    ]
    return head + "".join(lines)


def serve_text(serve: dict | None, edit: tuple[str, str, str]) -> str:
    if serve is None:
        return "Not measured in this run (`--serve-runs 0`).\n"
    shown = ", ".join(f"{s:.2f}" for s in serve["seconds"])
    return (
        f"Edit one cell of `{edit[0]}` in a copy of the example portal under "
        f"`mkdocs serve`, then poll `{edit[1]}` (under the path of `site_url`) until the new "
        "text is served "
        f"(load before: {serve['load']:.2f}). Runs: {shown} s; "
        f"**median {statistics.median(serve['seconds']):.2f} s**.\n"
    )


def _at_scales(rows: list[dict], value, limit: float, unit: str = "×") -> tuple[str, str]:
    chosen = [r for r in rows if r["partnerships"] in TARGET_SCALES]
    if not chosen:
        return "not measured at 10 or 100 partnerships", "n/a"
    found = [(r["partnerships"], value(r)) for r in chosen]
    shown = ", ".join(f"{v:.2f}{unit} at {p}" for p, v in found)
    return shown, "Met" if all(v <= limit for _, v in found) else "Missed"


def _linear(rows: list[dict]) -> tuple[str, str]:
    chosen = [r for r in rows if r["partnerships"] >= 10]
    if len(chosen) < 2:
        return "needs two scales of 10 partnerships or more", "n/a"
    costs = [(r["partnerships"], per_page(r, "cold")) for r in chosen]
    shown = ", ".join(f"{ms:.1f} ms at {p}" for p, ms in costs)
    grows = costs[-1][1] > 1.15 * min(ms for _, ms in costs)
    return f"CPU per page (cold): {shown}", "Missed" if grows else "Met"


def _search(rows: list[dict]) -> tuple[str, str]:
    largest = max(rows, key=lambda r: r["partnerships"])
    most = max(s.bytes for s in largest["search"]) / 1024
    verdict = "Met" if most <= 300 else "Missed"
    if largest["partnerships"] < 300:
        verdict = "n/a (not measured at 300)"
    return f"{most:,.0f} KB at {largest['partnerships']} ({largest['search_engine']})", verdict


def targets_table(rows: list[dict], serve: dict) -> str:
    serve_median = statistics.median(serve["seconds"]) if serve else None
    checks = [
        ("Warm build ≤ 1.1× plain MkDocs", _at_scales(rows, _builds("warm"), 1.1)),
        ("Cold build ≤ 1.5× plain MkDocs", _at_scales(rows, _builds("cold"), 1.5)),
        ("Build time linear in pages", _linear(rows)),
        ("Cold `portalgen validate` ≤ 1.5× frictionless", _at_scales(rows, _checks("cold"), 1.5)),
        ("Warm `portalgen validate` ≤ 0.2× frictionless", _at_scales(rows, _checks("warm"), 0.2)),
        ("Search ≤ 300 KB per query at 300 partnerships", _search(rows)),
        (
            "An edited CSV on screen under `mkdocs serve` ≤ 1.5 s (median)",
            _serve(serve_median),
        ),
    ]
    head = "| Target (CPU-time ratios) | Measured | Met? |\n|---|---|---|\n"
    return head + "".join(f"| {name} | {shown} | {met} |\n" for name, (shown, met) in checks)


def _serve(seconds: float | None) -> tuple[str, str]:
    if seconds is None:
        return "not measured", "n/a"
    return f"{seconds:.2f} s", "Met" if seconds <= 1.5 else "Missed"


def _builds(key: str):
    return lambda r: ratio(r["builds"], key, "plain")


def _checks(key: str):
    return lambda r: ratio(r["validation"], key, "frictionless")


def _durations(rows: list[dict]) -> str:
    return ", ".join(f"{r['minutes']:.1f} at {r['partnerships']}" for r in rows if "minutes" in r)


def report(rows, serve, edit, day: str, machine: str, minutes: float) -> str:
    return (
        f"Measured {day} on {machine}. This run took {minutes:.0f} minutes "
        f"({_durations(rows)}).\n\n"
        "Times are **CPU / wall** seconds (medians of the rounds); ratios are **CPU** "
        "(wall in brackets), medians of side-by-side pairs.\n\n"
        f"### Builds\n\n{builds_table(rows)}\n{slopes(rows)}\n"
        f"### Validation\n\n{validation_table(rows)}\n"
        f"### Search\n\n{search_table(rows)}\n"
        f"### Page weight\n\n{weights_table(rows)}\n"
        f"### Rebuild under `mkdocs serve`\n\n{serve_text(serve, edit)}\n"
        f"### Targets (issue 24)\n\n{targets_table(rows, serve)}"
    )
