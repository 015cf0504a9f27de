"""The benchmark's synthetic portal validates, so what the benchmark times is a real build."""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


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
