"""When each page's data last changed: from the packages' own ``changes`` or, where a package
records none, from the Git history of its files.

Both come from the commit being built, so the same commit always gives the same dates.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from ..data.versions import PackageVersion


def package_key(folder: Path, data_dir: Path) -> str:
    """A package folder relative to the data folder, as pages name their sources
    (``haringey/plans/2013-14/``)."""
    return f"{folder.resolve().relative_to(data_dir.resolve()).as_posix()}/"


def committed(data_dir: Path) -> dict[str, dt.date]:
    """Each file under ``data_dir`` (relative to it) → the day of the last commit that changed
    it; empty outside a Git repository or where Git is missing."""
    try:
        result = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--relative", "--", "."],
            cwd=data_dir,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, dt.date] = {}
    for entry in result.stdout.split("\x00")[1:]:
        day, *files = entry.strip().splitlines()
        for name in files:
            dates.setdefault(name.strip(), dt.date.fromisoformat(day))
    return dates


def last_updated(
    sources: list[str],
    versions: dict[str, PackageVersion],
    commits: dict[str, dt.date],
) -> dt.date | None:
    """The newest date among a page's sources: each package's latest recorded change, or the
    last commit to its files when it records none."""
    dates = []
    for source in sources:
        key = package_of(source, versions)
        version = versions.get(key) if key else None
        if version and version.changed:
            dates.append(version.changed)
        else:
            prefix = key or source
            dates += [day for name, day in commits.items() if name.startswith(prefix)]
    return max(dates, default=None)


def package_of(source: str, versions: dict[str, PackageVersion]) -> str | None:
    """The package folder a page's source (a folder or a file) belongs to: the longest of
    the folders on its path that is a package (a walk up the path, not a search of every
    package for every page)."""
    folders = [source[: index + 1] for index, char in enumerate(source) if char == "/"]
    return next((key for key in reversed(["", *folders]) if key in versions), None)
