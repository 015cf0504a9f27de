"""Set aside the rows that have problems, in a copy of a portal, so that ``portalgen check``
can still build the rest and check it in the same run. Never used for publishing."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

from .problems import Problem, errors

PARTS = ("mkdocs.yml", "overrides")
ROUNDS = 5
"""Setting a row aside can break a row that refers to it: that one is set aside next."""


def copy_portal(root: Path, docs: str, data: str, into: Path) -> Path:
    """A copy of the portal's configuration, pages, overrides and data in ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    for part in (*PARTS, docs, data):
        source = root / part
        if source.is_dir():
            shutil.copytree(source, into / part, symlinks=True)
        elif source.is_file():
            shutil.copy(source, into / part)
    return into


def set_aside(
    copy: Path, data: str, check: Callable[[Path, Path], list[Problem]]
) -> list[Problem] | None:
    """Remove, from the copy, every row with an error until ``check`` finds none; return
    the problems of the rows set aside, or None if an error is not on a row (a
    ``datapackage.yaml``, a whole file) or will not go away."""
    removed: list[Problem] = []
    for _ in range(ROUNDS):
        found = errors(check(copy / data, copy))
        if not found:
            (copy / data / "urls.lock").unlink(missing_ok=True)  # pages set aside go too
            return removed
        if any(not problem.path.endswith(".csv") or not problem.line for problem in found):
            return None
        for path, lines in _by_file(found).items():
            drop_rows(copy / path, lines)
        removed += found
    return None


def _by_file(problems: list[Problem]) -> dict[str, set[int]]:
    files: dict[str, set[int]] = {}
    for problem in problems:
        files.setdefault(problem.path, set()).add(problem.line or 0)
    return files


def drop_rows(path: Path, lines: set[int]) -> None:
    """Remove each record of the CSV file that starts or runs on one of ``lines`` (as an
    editor counts them, header on line 1), keeping the header."""
    text = path.read_text("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    kept, start = [], 1
    for record in reader:
        span = set(range(start, reader.line_num + 1))
        if start == 1 or not span & lines:
            kept.append(record)
        start = reader.line_num + 1
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(kept)
    path.write_text(out.getvalue(), "utf-8")
