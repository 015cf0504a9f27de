"""Load: find the data packages under ``data/`` and read their files safely.

Nothing here knows what the data means; it finds packages by where they are
(``vocabulary/``, ``partnerships/``, ``addresses/``, ``<partnership>/plans/<version>/``,
``<partnership>/governance/``, ``<partnership>/governance/terms/<body>/<date>/``,
``<partnership>/funding/`` and ``<partnership>/performance/``) and turns
unreadable files into editor-facing problems instead of exceptions.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .contract import DATE_PATTERN, ID_PATTERN, KINDS, MAX_ID_LENGTH, VERSION_PATTERN, PackageKind
from .problems import Problem
from .yamlfile import YamlProblem, load_yaml

DESCRIPTOR = "datapackage.yaml"
MAX_FILE_BYTES = 20 * 1024 * 1024
LINKED = (
    "is a symbolic link, so what it holds may come from outside data/. "
    "portalgen reads only files kept in data/ itself: replace the link with a copy."
)
LINKED_ELSEWHERE = (
    "is a symbolic link, so what it holds may come from outside the project. portalgen "
    "publishes only files kept in the project itself: replace the link with a copy of the "
    "file, or remove it."
)


@dataclass
class PackageSource:
    """One data package found on disk, before validation."""

    kind: PackageKind
    folder: Path
    label: str
    """The folder relative to the project, as editors know it (``data/haringey/plans/2013-14``)."""
    partnership: str | None = None
    version: str | None = None
    body: str | None = None
    """For terms of reference: the id of the body they belong to."""
    descriptor: dict = field(default_factory=dict)

    def file_label(self, name: str) -> str:
        return f"{self.label}/{name}"


def discover(data_dir: Path, root: Path) -> tuple[list[PackageSource], list[Problem]]:
    """Every package under ``data_dir``, in a stable order, and problems with the layout."""
    sources, problems = [], []
    folders, links = _walk(data_dir)
    for folder in folders:
        label = _label(folder, root)
        source = _classify(folder.relative_to(data_dir), folder, label)
        longest = max(folder.relative_to(data_dir).parts, key=len, default="")
        if len(longest) > MAX_ID_LENGTH:
            problems.append(Problem(label, None, None, _long_folder_message(longest)))
        elif source is None:
            problems.append(Problem(f"{label}/{DESCRIPTOR}", None, None, _misplaced_message()))
        else:
            sources.append(source)
    problems += _missing_descriptors(data_dir, root, sources)
    problems += [_link_problem(link, root) for link in links]
    return sources, problems


def _walk(data_dir: Path) -> tuple[list[Path], list[Path]]:
    """In one pass: the folders holding a descriptor, and every file or folder that is a
    symbolic link (``os.walk`` does not enter them), each in a stable order. Every file
    counts, not only those a package lists: a file the loader does not read may still be
    published (an open-data zip), so nothing in data/ may point outside it."""
    folders, links = [], [data_dir] if data_dir.is_symlink() else []
    for dirpath, dirnames, filenames in os.walk(data_dir):
        dirnames.sort()
        if DESCRIPTOR in filenames:
            folders.append(Path(dirpath))
        names = sorted(dirnames + filenames)
        links += [Path(dirpath) / name for name in names if (Path(dirpath) / name).is_symlink()]
    return folders, links


def linked_files(folder: Path, root: Path) -> list[Problem]:
    """A problem for each file or folder in ``folder`` (the site's ``content/`` or
    ``overrides/``) that is a symbolic link: what it points to may be anywhere on the
    machine that builds the site, and would be published or read as a template."""
    if not folder.exists() and not folder.is_symlink():
        return []
    _, links = _walk(folder)
    return [_link_problem(link, root, LINKED_ELSEWHERE) for link in links]


def _link_problem(path: Path, root: Path, message: str = LINKED) -> Problem:
    # Not _label: resolving the link would name where it points, not where it is.
    return Problem(PurePosixPath(os.path.relpath(path, root)).as_posix(), None, None, message)


def _classify(relative: Path, folder: Path, label: str) -> PackageSource | None:
    parts = relative.parts
    if parts in (("vocabulary",), ("partnerships",), ("addresses",)):
        return PackageSource(KINDS[parts[0]], folder, label)
    if len(parts) == 3 and parts[1] == "plans" and VERSION_PATTERN.fullmatch(parts[2]):
        return PackageSource(KINDS["plan"], folder, label, parts[0], parts[2])
    if len(parts) == 2 and parts[1] in ("governance", "funding", "performance", "ward-figures"):
        return PackageSource(KINDS[parts[1]], folder, label, parts[0])
    if len(parts) == 3 and parts[1] == "areas" and ID_PATTERN.fullmatch(parts[2]):
        return PackageSource(KINDS["areas"], folder, label, parts[0], parts[2])
    if _is_terms_folder(parts):
        return PackageSource(KINDS["terms"], folder, label, parts[0], parts[4], parts[3])
    return None


def _is_terms_folder(parts: tuple[str, ...]) -> bool:
    return (
        len(parts) == 5
        and parts[1:3] == ("governance", "terms")
        and ID_PATTERN.fullmatch(parts[3]) is not None
        and DATE_PATTERN.fullmatch(parts[4]) is not None
    )


def _long_folder_message(name: str) -> str:
    return (
        f"has a folder name {len(name)} characters long, but a folder name becomes part of web "
        f"addresses and file names, so it may be at most {MAX_ID_LENGTH}. Rename the folder."
    )


def _misplaced_message() -> str:
    return (
        "is in a folder portalgen does not read. Packages go in data/vocabulary/, "
        "data/partnerships/, data/addresses/, "
        "data/<partnership id>/plans/<first year, e.g. 2013-14>/, "
        "data/<partnership id>/governance/, data/<partnership id>/funding/, "
        "data/<partnership id>/performance/, data/<partnership id>/ward-figures/, "
        "data/<partnership id>/areas/<boundary vintage, e.g. wd13>/ or "
        "data/<partnership id>/governance/terms/<body id>/<date it applies from, e.g. 2007-04-26>/."
    )


def _missing_descriptors(data_dir: Path, root: Path, sources: list[PackageSource]) -> list[Problem]:
    problems = []
    for name in ("vocabulary", "partnerships"):
        if not any(source.kind.name == name for source in sources):
            label = _label(data_dir / name, root)
            problems.append(Problem(f"{label}/{DESCRIPTOR}", None, None, "is missing."))
    versions = [*data_dir.glob("*/plans/*"), *data_dir.glob("*/governance/terms/*/*")]
    for folder in sorted(versions):
        if folder.is_dir() and not (folder / DESCRIPTOR).is_file():
            label = _label(folder, root)
            problems.append(
                Problem(
                    label,
                    None,
                    None,
                    f"has no {DESCRIPTOR}; add one (copy it "
                    "from another version) or remove the folder.",
                )
            )
    return problems


def _label(path: Path, root: Path) -> str:
    try:
        return PurePosixPath(path.resolve().relative_to(root.resolve())).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path, label: str) -> tuple[str | None, list[Problem]]:
    """The file's text if an editor's tools can have written it sensibly, else problems."""
    if path.is_symlink():
        return None, [Problem(label, None, None, LINKED)]
    if not path.is_file():
        return None, [
            Problem(label, None, None, f"is missing. Create it or remove it from {DESCRIPTOR}.")
        ]
    if path.stat().st_size > MAX_FILE_BYTES:
        return None, [
            Problem(
                label,
                None,
                None,
                f"is larger than {MAX_FILE_BYTES // 2**20} MB; "
                "split it or remove what does not belong in it.",
            )
        ]
    data = path.read_bytes()
    if not data.strip():
        return None, [Problem(label, None, None, "is empty. It needs at least a header line.")]
    return _decode(data, label)


def _decode(data: bytes, label: str) -> tuple[str | None, list[Problem]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                label,
                line,
                None,
                (
                    f"is not saved as UTF-8 (byte 0x{data[error.start]:02X} cannot be read). "
                    'Save it again as "CSV UTF-8 (comma delimited)" or UTF-8 text.'
                ),
            )
        ]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [
            Problem(
                label,
                line,
                None,
                "contains a NUL (zero) byte, so it is not a "
                "text file. Save it again as UTF-8 text.",
            )
        ]
    return text, []


def read_descriptor(source: PackageSource) -> list[Problem]:
    """Parse the package's ``datapackage.yaml`` into ``source.descriptor``."""
    label = source.file_label(DESCRIPTOR)
    text, problems = read_text(source.folder / DESCRIPTOR, label)
    if text is None:
        return problems
    try:
        descriptor = load_yaml(text)
    except YamlProblem as problem:
        return [Problem(label, problem.line, None, str(problem))]
    if not isinstance(descriptor, dict):
        return [Problem(label, 1, None, 'must be a set of "key: value" lines (a YAML mapping).')]
    source.descriptor = descriptor
    return []


def read_header(text: str) -> list[str]:
    """The column names on the first line of CSV ``text``."""
    return next(csv.reader(io.StringIO(text)), [])
