"""What a site's ``mkdocs.yml`` says about the files it reads and the addresses it makes,
read without MkDocs, and without importing the page modules (``portalgen validate`` reads it
to know whether its address checks can be taken from the cache)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from .statement import AccessibilityStatement


@dataclass(frozen=True)
class Project:
    """What ``mkdocs.yml`` says that changes the site's addresses and the files it reads."""

    docs_dir: Path
    statement: AccessibilityStatement | None
    templates: tuple[Path, ...]
    """The site's own template folders: ``overrides_dir`` and the theme's ``custom_dir``."""


def read_project(root: Path) -> Project | None:
    """What ``root/mkdocs.yml`` sets; None if there is none (a folder of data alone)."""
    file = root / "mkdocs.yml"
    if not file.is_file():
        return None
    config = yaml.load(file.read_text("utf-8"), Loader=_Loader)  # noqa: S506
    config = config if isinstance(config, dict) else {}
    options = _plugin_options(config.get("plugins"))
    accessibility = options.get("accessibility") or {}
    statement = None
    if accessibility.get("organisation") and accessibility.get("contact_email"):
        statement = AccessibilityStatement(**accessibility)
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    templates = (options.get("overrides_dir") or "overrides", theme.get("custom_dir"))
    return Project(
        root / str(config.get("docs_dir") or "docs"),
        statement,
        tuple(root / str(folder) for folder in templates if folder),
    )


class _Loader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` whatever tags it uses (``!!python/name:`` for material's
    emoji, ``!ENV``): only plain values are needed here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def _plugin_options(plugins) -> dict:
    for plugin in plugins or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("portalgen"), dict):
            return plugin["portalgen"]
    return {}


def addresses_key(data_dir: Path, label: str, package_keys: list[str], code: str) -> str | None:
    """The hash of everything the address checks of ``portalgen validate`` depend on besides
    portalgen's ``code``: the data (its packages' keys), the data's last commit (its dates),
    ``SOURCE_DATE_EPOCH``, ``mkdocs.yml``, the register of addresses, and the names of the
    files in the content and template folders. None if there is no ``mkdocs.yml``."""
    root = data_dir.resolve().parent
    project = read_project(root)
    if project is None:
        return None
    parts = [code, label, package_keys, os.environ.get("SOURCE_DATE_EPOCH"), _commit(data_dir)]
    for file in (root / "mkdocs.yml", data_dir / "urls.lock"):
        parts.append(hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else None)
    for folder in (project.docs_dir, *project.templates):
        parts.append(_listing(folder))
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def _commit(data_dir: Path) -> str | None:
    """The last commit that changed ``data_dir`` (the dates of its history), if any."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%H", "--", "."],
            cwd=data_dir,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def _listing(folder: Path) -> list:
    """Every path under ``folder``, and whether it is a link."""
    if not folder.exists() and not folder.is_symlink():
        return []
    found = [[folder.as_posix(), folder.is_symlink()]]
    for directory, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(folders + files):
            path = Path(directory) / name
            found.append([path.relative_to(folder).as_posix(), path.is_symlink()])
    return found
