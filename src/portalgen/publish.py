"""Publish: build the site into a temporary folder and swap it in only on success.

``mkdocs build --strict`` writes into its site folder before it aborts, so a failed build
must never touch ``site/``: the previous site stays until a new one is complete. The same
goes for the register of published addresses: the plugin writes the new register beside the
staging folder, and it replaces ``data/urls.lock`` only when the build succeeded. (MkDocs'
``--quiet`` would hide the warnings ``--strict`` counts, so it is not used.)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

from .data.cache import NO_CACHE
from .site import addresses

STAGING = ".portalgen-build-"
"""A build's staging folder is ``.portalgen-build-<process id>-<random>``, with the new
register of addresses beside it as ``<folder name>.lock``."""
UNNAMED_AGE = 24 * 60 * 60
"""A staging folder or register without a process id in its name (from before they had
one) is stale once it is a day old."""


def build_site(config_file: Path, site_dir: Path | None = None, cache: bool = True) -> int:
    """Build with MkDocs (strict) and replace ``site_dir`` whole; return an exit code.
    Without ``cache``, every package is validated and the validation cache is not used."""
    config_file = config_file.resolve()
    target = (site_dir or configured_site_dir(config_file)).resolve()
    with staged(target) as staging:
        returncode = run_build(config_file, staging, cache=cache).returncode
        if returncode != 0:
            print(f"The site was not built; {_shown(target)} is unchanged.", file=sys.stderr)
            return returncode
        publish(staging, target)
    print(f"Built the portal into {_shown(target)}.")
    return 0


@contextlib.contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temporary folder beside ``target`` to build into, removed afterwards (with the
    register of addresses the build proposes) unless ``publish`` has moved it into place."""
    remove_stale(target.parent)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=target.parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        _register(staging).unlink(missing_ok=True)


def run_build(
    config_file: Path, staging: Path, capture: bool = False, cache: bool = True
) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` into ``staging``; with ``capture``, its output is kept in
    the result (``stderr``) rather than printed. Without ``cache``, the build validates
    every package and neither reads nor writes the validation cache."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config_file),
            "--site-dir",
            str(staging),
        ],
        env={
            **_build_environment(config_file.parent),
            addresses.PROPOSED: str(_register(staging)),
            **({} if cache else {NO_CACHE: "1"}),
        },
        capture_output=capture,
        text=True,
        check=False,
    )


def publish(staging: Path, target: Path) -> None:
    """Put a successful build in place of ``target``, and its new addresses in the register."""
    _swap(staging, target)
    addresses.keep_proposed(_register(staging))


def _register(staging: Path) -> Path:
    return staging.with_name(f"{staging.name}.lock")


def remove_stale(folder: Path) -> None:
    """Remove the staging folders and registers that killed builds left in ``folder``:
    only ours (named as ``build_site`` names them), and only those whose build is no
    longer running."""
    for path in folder.glob(f"{STAGING}*"):
        if path.is_symlink() or not _stale(path):
            continue
        if path.is_dir() and not path.name.endswith(".lock"):
            shutil.rmtree(path, ignore_errors=True)
        elif path.is_file() and path.name.endswith(".lock"):
            path.unlink(missing_ok=True)


def _stale(path: Path) -> bool:
    pid = path.name.removeprefix(STAGING).split("-", 1)[0]
    if not pid.isdigit() or "-" not in path.name.removeprefix(STAGING):
        return time.time() - path.lstat().st_mtime > UNNAMED_AGE
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def configured_site_dir(config_file: Path) -> Path:
    text = config_file.read_text("utf-8") if config_file.is_file() else ""
    site_dir = next(
        (
            line.split(":", 1)[1].strip()
            for line in text.splitlines()
            if line.startswith("site_dir:")
        ),
        "site",
    )
    return config_file.parent / yaml.safe_load(site_dir or "site")


def _build_environment(root: Path) -> dict[str, str]:
    """Builds of the same commit are identical: dates come from the commit, not the clock."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if "SOURCE_DATE_EPOCH" not in env:
        env["SOURCE_DATE_EPOCH"] = _commit_time(root)
    return env


def _commit_time(root: Path) -> str:
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return "0"
    return result.stdout.strip() or "0"


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _shown(path: Path) -> str:
    try:
        return f"{path.relative_to(Path.cwd())}/"
    except ValueError:
        return str(path)
