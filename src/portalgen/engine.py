"""The pipeline, start to finish: load → validate → model. Knows nothing of MkDocs.

Validating a package (frictionless, shapely) and building the model are imported where they
run: a warm ``portalgen validate``, whose packages all come from the cache, needs neither
(``tests/data/test_cold_imports.py``)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .data import checks, checks_areas, checks_figures, checks_governance, formulas, glossary
from .data.cache import ValidationCache
from .data.checked import Checked
from .data.load import discover, read_descriptor
from .data.problems import DataError, Problem, errors, warnings

if TYPE_CHECKING:
    from .model.history import History
    from .model.portal import Portal


def check_data(
    data_dir: Path, root: Path | None = None, cache: ValidationCache | None = None
) -> tuple[list[Checked], list[Problem]]:
    """Validate every package under ``data_dir``; return them and every problem found.
    With a ``cache``, a package unchanged since it was last validated is taken from it;
    the checks across packages run every time."""
    root = root or data_dir.parent
    if not data_dir.is_dir():
        return [], [Problem(str(data_dir), None, None, "is not a folder of data packages.")]
    sources, problems = discover(data_dir, root)
    if cache is not None:
        cache.keys.clear()
    readable = []
    for source in sources:
        found = read_descriptor(source)
        problems += found
        if not found:
            readable.append(source)
    packages = _check_in_order(readable, cache)
    problems += [problem for package in packages for problem in package.problems]
    problems += cross_check(packages)
    return packages, problems


def cross_check(packages: list[Checked]) -> list[Problem]:
    """Checks that span packages, once every package has been validated on its own."""
    context = checks.Context(packages)
    found = [
        *checks.CHECKS,
        *checks_governance.CHECKS,
        *checks_figures.CHECKS,
        *checks_areas.CHECKS,
        *glossary.CHECKS,
        *formulas.CHECKS,
    ]
    return [problem for check in found for problem in check(context)]


def _check_in_order(sources, cache: ValidationCache | None) -> list[Checked]:
    """The vocabulary first: its statuses are the allowed values everywhere else."""
    ordered = sorted(sources, key=lambda s: s.kind.name != "vocabulary")
    checked, statuses = [], None
    for source in ordered:
        if cache is None:
            package = _check_one(source, statuses)
        else:
            package = cache.checked(source, statuses, _check_one)
        if source.kind.name == "vocabulary":
            statuses = _statuses(package)
        checked.append(package)
    return checked


def _check_one(source, statuses) -> Checked:
    """One package validated on its own (and an areas package's boundaries read)."""
    from .data.boundaries import check_boundaries
    from .data.validate import check_package

    package = check_package(source, statuses)
    if source.kind.name == "areas":
        check_boundaries(package)
    return package


def _statuses(vocabulary: Checked) -> dict[str, list[str]]:
    schemes: dict[str, list[str]] = {}
    for row in vocabulary.tables.get("statuses", []):
        if row.get("id") and row.get("scheme"):
            schemes.setdefault(row["scheme"], []).append(row["id"])
    return schemes


def load_portal(
    data_dir: Path, root: Path | None = None, checked=None, cache: ValidationCache | None = None
) -> Portal:
    """The validated portal model; raises ``DataError`` listing every problem that stops
    the build. Warnings go with the portal (``portal.warnings``) for the caller to report.
    ``checked`` is what ``check_data`` returned, if it has already run; else it runs, with
    ``cache`` if one is given."""
    from .model import history
    from .model.build import build_portal

    packages, problems = checked or check_data(data_dir, root, cache)
    if errors(problems):
        raise DataError(errors(problems))
    versions = {
        history.package_key(package.source.folder, data_dir): package.version
        for package in packages
    }
    dates = history.read(data_dir, versions)
    portal = build_portal(packages, as_at(dates))
    portal.versions, portal.history = versions, dates
    portal.warnings = warnings(problems)
    return portal


def as_at(dates: History) -> dt.date:
    """The day the portal's facts are "as at": the newest change to the data (its last
    commit or the newest ``changes`` date), so what is "overdue" or "ended" depends on the
    data alone; ``build_date`` only when the data carries no date at all."""
    return dates.latest or build_date()


def build_date() -> dt.date:
    """The day the site is built for: from ``SOURCE_DATE_EPOCH`` (the last commit) if set,
    so the same commit always builds the same site; today outside a Git repository."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit() and int(epoch) > 0:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
