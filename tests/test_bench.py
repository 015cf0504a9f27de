"""The benchmark measures what it says: its synthetic portal validates, its csv floor checks
the same rules as frictionless, a cold run starts without the validation cache, and a run at
the smallest scale writes every table (the full run is ``make bench``, not a test)."""

import csv
import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


@pytest.fixture
def bench(monkeypatch):
    """The bench's modules, imported as ``bench/run.py`` imports them."""
    monkeypatch.syspath_prepend(str(BENCH))
    return {name: importlib.import_module(name) for name in ("run", "search", "report")}


def _counts(script: str, project: Path) -> tuple[int, int]:
    """(rows, errors) printed by a validation script run on ``project``'s data."""
    result = subprocess.run(
        [sys.executable, str(BENCH / script), "data"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.fullmatch(r"\d+ packages, (\d+) rows, (\d+) errors\n", result.stdout)
    assert found, result.stdout
    return int(found[1]), int(found[2])


def test_generated_portal_validates(tmp_path):
    subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), "12", str(tmp_path / "portal")], check=True
    )
    result = subprocess.run(
        [sys.executable, "-m", "portalgen", "validate", "data"],
        cwd=tmp_path / "portal",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ids = (tmp_path / "portal/data/partnerships/partnerships.csv").read_text("utf-8")
    assert "\nharingey-2," in ids


def test_csv_floor_reads_the_rows_frictionless_reads_and_finds_no_error(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    floor, alone = _counts("csv_floor.py", tmp_path), _counts("frictionless_only.py", tmp_path)
    assert floor == alone
    assert floor[0] > 2000
    assert floor[1] == 0


def _edit(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _break_plan(rows: list[dict]) -> None:
    rows[0]["number"] = "first"  # not an integer
    rows[1]["id"] = "Bad Id"  # does not match the id pattern
    rows[2]["title"] = ""  # required
    rows[3]["status_date"] = "2014-02-30"  # no such date
    rows[4]["number"] = "0"  # below the minimum of 1
    rows.append(dict(rows[0]))  # the primary key twice


def test_csv_floor_finds_each_error_frictionless_finds(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    plan = tmp_path / "data/haringey/plans/2013-14"
    _edit(plan / "priorities.csv", _break_plan)
    _edit(plan / "actions.csv", lambda rows: rows[0].update(priority="p99"))  # foreign key
    floor, alone = _counts("csv_floor.py", tmp_path), _counts("frictionless_only.py", tmp_path)
    assert floor == alone
    assert floor[1] == 18  # 7 in priorities; p99, and the 10 actions of p2, now "Bad Id"


def test_a_cold_build_starts_without_the_cache_and_a_warm_one_keeps_it(
    tmp_path, bench, monkeypatch
):
    run = bench["run"]
    project, plain = tmp_path / "project", tmp_path / "plain"
    (project / run.CACHE).mkdir(parents=True)
    seen = []

    def timed(command, cwd):
        seen.append((cwd.name, (project / run.CACHE).exists()))
        (project / run.CACHE).mkdir(exist_ok=True)  # what a build with the cache does
        return "run"

    monkeypatch.setattr(run, "timed", timed)
    rounds = run.build_rounds(project, plain, 2)
    assert seen == [("project", False), ("plain", True), ("project", True)] * 2
    assert [r["cold"] for r in rounds] == ["run", "run"]
    assert all(r["cached"] for r in rounds)


def test_the_search_is_recognised_from_the_built_files(tmp_path, bench):
    engine = bench["search"].engine
    assert engine(tmp_path) == "unknown"
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text("{}")
    assert engine(tmp_path) == "material (lunr, one index)"
    (tmp_path / "search/pagefind").mkdir()
    assert engine(tmp_path) == "Pagefind"


def test_results_replace_only_what_is_between_the_markers(tmp_path, bench):
    run = bench["run"]
    results = tmp_path / "RESULTS.md"
    results.write_text(f"# Results\n\nHow.\n\n{run.START}\nold table\n{run.END}\n\n## Findings\n")
    run.write_results(results, "new table\n")
    expected = f"# Results\n\nHow.\n\n{run.START}\nnew table\n{run.END}\n\n## Findings\n"
    assert results.read_text() == expected


@pytest.mark.build
@pytest.mark.browser
def test_a_run_at_one_partnership_writes_every_table(tmp_path):
    results = tmp_path / "RESULTS.md"
    command = [sys.executable, str(BENCH / "run.py"), "--scales", "1", "--repeat", "1"]
    command += ["--serve-runs", "1", "--out", str(tmp_path / "out"), "--results", str(results)]
    subprocess.run(command, check=True, capture_output=True)
    text = results.read_text("utf-8")
    for heading in ("Builds", "Validation", "Search", "Page weight", "Targets (issue 24)"):
        assert f"\n### {heading}\n" in text
    row = r"\| 1 \| [\d,]+ \| [\d,]+ \| [\d,]+ \| [\d.]+ \| 1 \| "
    assert re.search(row + r"[\d.]+ / [\d.]+ \| [\d.]+ / [\d.]+ \| [\d.]+ / [\d.]+ \|", text)
    assert re.search(r"\| 1 \| 1 \| (?:[\d.]+ / [\d.]+ \| ){4}", text)
    searches = re.findall(
        r"\| 1 \| [^|]+ \| [\d,]+ \| (Haringey|Bounds Green) \| [\d,.]+ \| "
        r"\d+ \| (\d+) \|",
        text,
    )
    assert [query for query, _ in searches] == ["Haringey", "Bounds Green"]
    assert all(int(shown) > 0 for _, shown in searches)
    assert re.search(r"Runs: [\d.]+ s; \*\*median [\d.]+ s\*\*", text)
