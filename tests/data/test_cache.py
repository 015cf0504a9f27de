"""The validation cache: an unchanged package is not validated again, anything that could
change its result invalidates it, a cache file is never trusted, and warm and cold runs
report exactly the same problems and build exactly the same site."""

from __future__ import annotations

import filecmp
import json
import logging
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project, run_portalgen, set_cell

from portalgen import check, check_data, cli, publish
from portalgen.data import cache as cache_module
from portalgen.data.cache import FOLDER, NO_CACHE, ValidationCache

OBSERVATIONS = Path("data/haringey/performance/observations.csv")
BROKEN = (
    'data/haringey/performance/observations.csv:2 value: "fifty" is not a number. Write a '
    "plain number without commas, £ or %, for example 3756 or 13.5. Leave the cell empty if "
    "the figure is not stated."
)


def validate(project: Path) -> tuple[list[str], ValidationCache]:
    """Every problem, as the editor reads them, with a fresh cache object reading the disk
    (as a second ``portalgen validate`` would)."""
    found = ValidationCache.for_project(project)
    _, problems = check_data(project / "data", project, found)
    return sorted(str(problem) for problem in problems), found


def packages(project: Path) -> int:
    return len(list((project / "data").rglob("datapackage.yaml")))


def cache_files(project: Path) -> list[Path]:
    return sorted((project / FOLDER / "validation").glob("*.json"))


def entry_for(project: Path, label: str) -> Path:
    for path in cache_files(project):
        if json.loads(path.read_text("utf-8"))["package"] == label:
            return path
    raise AssertionError(f"no cache entry for {label}")


@pytest.fixture
def broken(project: Path) -> Path:
    """The example with a value that is not a number."""
    set_cell(project / OBSERVATIONS, 2, "value", "fifty")
    return project


def test_an_unchanged_package_is_not_validated_again(project: Path):
    cold, first = validate(project)
    warm, second = validate(project)
    assert first.validated == packages(project) == 27
    assert second.validated == 0
    assert warm == cold == []


def test_the_same_cache_object_reuses_its_memory_without_warnings(project: Path, caplog):
    """As ``mkdocs serve`` keeps one cache between rebuilds: the second check finds every
    package in memory, and nothing it remembered reads as a broken cache file."""
    found = ValidationCache(None)
    check_data(project / "data", project, found)
    with caplog.at_level(logging.WARNING, logger="portalgen.cache"):
        _, problems = check_data(project / "data", project, found)
    assert found.validated == packages(project)
    assert problems == [] and caplog.messages == []


def test_a_changed_file_invalidates_its_package_only(project: Path):
    validate(project)
    set_cell(project / OBSERVATIONS, 2, "value", "51")
    found, again = validate(project)
    assert again.validated == 1
    assert found == []
    assert validate(project)[1].validated == 0


def test_a_file_added_to_a_package_invalidates_it(project: Path):
    validate(project)
    (project / OBSERVATIONS).with_name("notes.txt").write_text("a note", "utf-8")
    assert validate(project)[1].validated == 1


def test_a_changed_schema_or_portalgen_invalidates_every_package(project: Path, monkeypatch):
    validate(project)
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "another version of portalgen")
    assert validate(project)[1].validated == packages(project)


def test_changed_statuses_invalidate_the_packages_checked_against_them(project: Path):
    validate(project)
    statuses = project / "data/vocabulary/statuses.csv"
    statuses.write_text(
        statuses.read_text("utf-8") + "withdrawn-test,plan,Withdrawn (test),A test status.\n",
        "utf-8",
    )
    problems, again = validate(project)
    assert again.validated == packages(project)
    assert problems == sorted(str(problem) for problem in check_data(project / "data")[1])


def test_problems_are_the_same_warm_and_cold(broken: Path):
    cold, first = validate(broken)
    warm, second = validate(broken)
    assert second.validated == 0
    assert warm == cold
    assert cold == [BROKEN]


def test_a_garbage_cache_file_is_ignored_with_a_warning(broken: Path, caplog, monkeypatch):
    monkeypatch.chdir(broken)
    validate(broken)
    entry = entry_for(broken, "data/haringey/performance")
    entry.write_bytes(b"\x00\xff garbage \x80")
    with caplog.at_level(logging.WARNING, logger="portalgen.cache"):
        found, again = validate(broken)
    assert again.validated == 1
    assert found == validate(broken)[0] and found == [BROKEN]
    assert [r.getMessage() for r in caplog.records] == [
        f"{entry.relative_to(broken).as_posix()}: this validation cache file was ignored "
        "because it is not JSON portalgen can read. The package was validated again instead. "
        "Nothing needs doing: the file is written again."
    ]


@pytest.mark.parametrize(
    ("stored", "reason"),
    [
        ([1, 2, 3], "it does not have the shape of a cache entry"),
        ({"format": 1}, "it does not have the shape of a cache entry"),
        ("right key", "part of it is not a mapping"),
    ],
)
def test_a_cache_file_of_the_wrong_shape_is_ignored_with_a_warning(
    broken: Path, caplog, monkeypatch, stored, reason
):
    monkeypatch.chdir(broken)
    validate(broken)
    entry = entry_for(broken, "data/haringey/performance")
    if stored == "right key":  # the key matches, but the entry inside is not one
        stored = json.loads(entry.read_text("utf-8"))
        stored["entry"]["tables"] = ["observations"]
    entry.write_text(json.dumps(stored), "utf-8")
    with caplog.at_level(logging.WARNING, logger="portalgen.cache"):
        found, again = validate(broken)
    assert again.validated == 1
    assert found == [BROKEN]
    assert [r.getMessage() for r in caplog.records] == [
        f"{entry.relative_to(broken).as_posix()}: this validation cache file was ignored "
        f"because {reason}. The package was validated again instead. Nothing needs doing: "
        "the file is written again."
    ]


def test_an_entry_for_other_files_does_not_vouch_for_these(broken: Path, caplog):
    """An entry claiming no problems, but under another key (a forged or an old one), is out
    of date: the package is validated again and its problem reported."""
    validate(broken)
    entry = entry_for(broken, "data/haringey/performance")
    stored = json.loads(entry.read_text("utf-8"))
    stored["entry"]["problems"], stored["key"] = [], "0" * 64
    entry.write_text(json.dumps(stored), "utf-8")
    with caplog.at_level(logging.WARNING, logger="portalgen.cache"):
        found, again = validate(broken)
    assert again.validated == 1
    assert found == [BROKEN]
    assert caplog.records == []


def test_an_entry_under_the_right_key_is_used(broken: Path):
    """What the cache is for, and why ``portalgen check`` does not read it: an entry whose
    key matches is believed. (A key is a hash of the files, so only a cache file written
    on purpose, not an old one, can say what this one says.)"""
    validate(broken)
    entry = entry_for(broken, "data/haringey/performance")
    stored = json.loads(entry.read_text("utf-8"))
    stored["entry"]["problems"] = []
    entry.write_text(json.dumps(stored), "utf-8")
    assert validate(broken)[0] == []


def test_no_cache_neither_reads_nor_writes_it(broken: Path, monkeypatch, capsys, caplog):
    monkeypatch.chdir(broken)
    assert cli.main(["validate", "--no-cache", "data"]) == 1
    assert not (broken / FOLDER).exists()
    assert cli.main(["validate", "data"]) == 1
    entries = cache_files(broken)
    assert len(entries) == packages(broken)
    for path in entries:
        path.write_bytes(b"not json")
    before = {path: path.read_bytes() for path in entries}
    capsys.readouterr()
    with caplog.at_level(logging.WARNING, logger="portalgen.cache"):
        assert cli.main(["validate", "--no-cache", "data"]) == 1
    assert caplog.records == []
    assert BROKEN in capsys.readouterr().err
    assert {path: path.read_bytes() for path in cache_files(broken)} == before


def test_validate_reports_the_same_warm_and_cold(broken: Path, monkeypatch, capsys):
    monkeypatch.chdir(broken)
    outputs = []
    for arguments in (["--no-cache"], [], [], ["--no-cache"]):
        assert cli.main(["validate", *arguments, "data"]) == 1
        outputs.append(capsys.readouterr())
    assert len({(out.out, out.err) for out in outputs}) == 1
    assert BROKEN in outputs[0].err


def test_a_page_gone_from_the_content_folder_is_found_warm(project: Path, monkeypatch, capsys):
    """The address checks are cached too, keyed by the content folder's files among others:
    a published page removed from it is reported on the next, warm, run."""
    monkeypatch.chdir(project)
    assert cli.main(["validate", "data"]) == 0
    assert cli.main(["validate", "data"]) == 0
    (project / "content" / "about.md").unlink()
    capsys.readouterr()
    assert cli.main(["validate", "data"]) == 1
    warm = capsys.readouterr().err
    assert "data/urls.lock:" in warm and " /about/ was published, but " in warm
    assert cli.main(["validate", "--no-cache", "data"]) == 1
    assert capsys.readouterr().err == warm


def test_the_pull_request_check_builds_without_the_cache(project: Path, monkeypatch):
    """``portalgen check`` is the gate: its build must validate everything itself, so that a
    cache file committed with the data can never vouch for it."""
    builds = []

    def build(command, env=None, **options):
        if "mkdocs" in command:
            builds.append(env)
        return subprocess.CompletedProcess(command, 1, "", "stopped for the test")

    monkeypatch.setattr(publish.subprocess, "run", build)
    portal = check.Portal.read(project / "mkdocs.yml")
    check.build(portal, check.Run(), project / "staging")
    publish.run_build(portal.config, project / "staging")
    assert [env.get(NO_CACHE) for env in builds] == ["1", None]


@pytest.mark.build
def test_a_warm_build_makes_the_same_site_as_a_cold_one(tmp_path: Path):
    project = copy_project(tmp_path / "portal")
    assert run_portalgen(project, "build").returncode == 0  # cold: writes the cache
    assert len(cache_files(project)) == packages(project)
    shutil.move(project / "site", tmp_path / "cold")
    result = run_portalgen(project, "build")
    assert result.returncode == 0, result.stderr
    assert_same_tree(tmp_path / "cold", project / "site")


def assert_same_tree(one: Path, other: Path) -> None:
    names = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(one, other, names, shallow=False)
    assert mismatch == errors == []
