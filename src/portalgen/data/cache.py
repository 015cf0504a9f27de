"""The validation cache: a package whose files have not changed is not validated again.

An entry is kept per package, on disk (``.portalgen-cache/validation/`` in the project, which
Git ignores) and in memory (so ``mkdocs serve`` reuses it between rebuilds). Its key is the
hash of the package's files (their contents, not their dates), of the statuses the
vocabulary allows (other packages are checked against them) and of portalgen itself (its
version, schemas and data code, and frictionless' version): change any of them and the
package is validated again. Entries are JSON (``cachefile.py``), never pickles: a cache file
is data anyone could have written, so one that cannot be read, or does not have the shape
of an entry, is ignored with a warning and the package is validated again. ``portalgen
check``, the gate for a pull request, does not use the cache at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from . import cachefile
from .checked import Checked
from .load import PackageSource
from .problems import Problem

FOLDER = ".portalgen-cache"
"""The cache's folder, in the project (beside ``data/``); Git ignores it."""
NO_CACHE = "PORTALGEN_NO_CACHE"
"""Set (to anything) in the environment of a build that must validate every package and
neither read nor write the cache: ``portalgen build --no-cache`` and ``portalgen check``."""
FORMAT = 1
"""The shape of an entry; a change to ``cachefile.py`` that changes it raises this."""
log = logging.getLogger("portalgen.cache")


@cache
def fingerprint() -> str:
    """What every entry depends on besides the package: portalgen's version, schemas and
    data code (which decide what a package's problems and rows are), and frictionless'."""
    digest = hashlib.sha256(f"{FORMAT}\n".encode())
    for name in ("portalgen", "frictionless"):
        digest.update(f"{name} {_version(name)}\n".encode())
    package = resources.files("portalgen.data")
    for folder, suffix in ((package.joinpath("schemas"), ".yaml"), (package, ".py")):
        for item in sorted(folder.iterdir(), key=lambda item: item.name):
            if item.name.endswith(suffix):
                digest.update(f"{item.name}\n".encode() + item.read_bytes())
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """All of portalgen's code and files besides ``fingerprint``'s: what a check of the
    whole site (its addresses) depends on."""
    digest = hashlib.sha256(fingerprint().encode())
    folder = Path(str(resources.files("portalgen")))
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def package_key(source: PackageSource, statuses: dict | None) -> str:
    """The hash of everything a package's validation depends on."""
    digest = hashlib.sha256(fingerprint().encode())
    where = [source.kind.name, source.label, source.partnership, source.version, source.body]
    digest.update(json.dumps([where, statuses], sort_keys=True).encode())
    for path in sorted(source.folder.iterdir()):
        digest.update(b"\0" + path.name.encode("utf-8", "surrogateescape") + b"\0")
        if path.is_symlink():
            digest.update(b"link")
        elif path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


Validate = Callable[[PackageSource, dict | None], Checked]


class ValidationCache:
    """Packages already validated, by key: in memory, and in ``folder`` if it is given.

    ``validated`` counts the packages validated (not found) since the cache was made."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.memory: dict[str, tuple[str, dict]] = {}
        self.validated = 0
        self.keys: list[str] = []
        """The key of each package looked up, in order: what the whole data is."""
        self.objects: dict[str, tuple[str, Checked]] = {}
        """The last package returned for each label, with its key: handed out again
        while its key and folder are the same, so a preview's rebuild decodes only what
        changed (MkDocs keeps the plugin, and so its cache, for every build in a process)."""

    @classmethod
    def for_project(cls, root: Path) -> ValidationCache | None:
        """The cache of the project in ``root``; None if ``NO_CACHE`` is set."""
        if os.environ.get(NO_CACHE):
            return None
        return cls(root / FOLDER / "validation")

    def checked(self, source: PackageSource, statuses, validate: Validate) -> Checked:
        """The package validated, from the cache if its key is there, else by ``validate``
        (and then remembered)."""
        key = package_key(source, statuses)
        self.keys.append(key)
        kept = self.objects.get(source.label)
        if kept is not None and kept[0] == key and kept[1].source.folder == source.folder:
            return kept[1]
        package = self._found(source, key) or self._validated(source, statuses, key, validate)
        self.objects[source.label] = (key, package)
        return package

    def _found(self, source: PackageSource, key: str) -> Checked | None:
        entry = self._entry(source.label, key)
        return self._decoded(source, entry) if entry is not None else None

    def _validated(self, source: PackageSource, statuses, key: str, validate: Validate) -> Checked:
        self.validated += 1
        package = validate(source, statuses)
        self._remember(source.label, key, package)
        return package

    def problems(self, name: str, key: str, find: Callable[[], list[Problem]]) -> list[Problem]:
        """What ``find`` found when ``key`` was last seen (a check of the whole site, such
        as its addresses), or what it finds now (and then remembered)."""
        entry = self._entry(name, key)
        if entry is not None:
            try:
                return cachefile.problems(entry)
            except cachefile.Malformed as error:
                self.memory.pop(name, None)
                self._ignored(self._path(name), str(error))
        found = find()
        entry = {"problems": [cachefile.encode_problem(problem) for problem in found]}
        self.memory[name] = (key, entry)
        self._write(name, key, entry)
        return found

    def _remember(self, label: str, key: str, package: Checked) -> None:
        try:
            entry = cachefile.encode(package)
        except TypeError as error:  # a value JSON cannot hold: validate it every time
            log.debug("%s not cached: %s", label, error)
            return
        self.memory[label] = (key, entry)
        self._write(label, key, entry)

    def _entry(self, label: str, key: str) -> dict | None:
        remembered = self.memory.get(label)
        if remembered and remembered[0] == key:
            return remembered[1]
        if self.folder is None:
            return None
        path = self._path(label)
        try:
            stored = json.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, RecursionError) as error:
            log.debug("%s: %s", path, error)
            self._ignored(path, "it is not JSON portalgen can read")
            return None
        return self._matching(path, stored, label, key)

    def _matching(self, path: Path, stored, label: str, key: str) -> dict | None:
        """The entry in ``stored`` if it is for this package as it is now; one for an
        older state of the package is simply out of date."""
        if not isinstance(stored, dict) or set(stored) != {"format", "package", "key", "entry"}:
            self._ignored(path, "it does not have the shape of a cache entry")
            return None
        if stored["format"] != FORMAT or stored["package"] != label or stored["key"] != key:
            return None
        return stored["entry"]

    def _decoded(self, source: PackageSource, entry: dict) -> Checked | None:
        try:
            return cachefile.decode(source, entry)
        except cachefile.Malformed as error:
            self.memory.pop(source.label, None)
            self._ignored(self._path(source.label), str(error))
            return None

    def _ignored(self, path: Path, reason: str) -> None:
        log.warning(
            f"{_shown(path)}: this validation cache file was ignored because {reason}. The "
            "package was validated again instead. Nothing needs doing: the file is "
            "written again."
        )

    def _path(self, label: str) -> Path:
        name = hashlib.sha256(label.encode("utf-8", "surrogateescape")).hexdigest()[:40]
        return (self.folder or Path(FOLDER)) / f"{name}.json"

    def _write(self, label: str, key: str, entry: dict) -> None:
        """Write the entry atomically (a temporary file, then a rename), so a build running
        at the same time reads the whole of an old entry or of a new one; a cache that
        cannot be written is no reason to stop."""
        if self.folder is None:
            return
        stored = {"format": FORMAT, "package": label, "key": key, "entry": entry}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomically(self._path(label), json.dumps(stored, separators=(",", ":")))
        except OSError as error:
            log.debug("validation cache not written: %s", error)


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _shown(path: Path) -> str:
    """``path`` from the current folder if it is inside it, as an editor would type it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
