"""The GitHub Actions workflows: valid against the workflow schema (check-jsonschema's copy,
which needs no network), actions pinned by version, and least permissions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
CHECKER = Path(sys.executable).with_name("check-jsonschema")


def schema_errors(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CHECKER), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_there_are_workflows():
    assert [p.name for p in WORKFLOWS] == ["ci.yml"]


def test_workflows_match_the_github_schema():
    for path in WORKFLOWS:
        result = schema_errors(path)
        assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_fails_on_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stepz: []\n")
    result = schema_errors(broken)
    assert result.returncode == 1
    assert "'stepz' was unexpected" in result.stdout


def test_actions_are_pinned_and_permissions_are_least():
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text("utf-8"))
        assert workflow["permissions"] == {"contents": "read"}, path.name
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    action, _, version = step["uses"].partition("@")
                    assert version.startswith("v"), step["uses"]
