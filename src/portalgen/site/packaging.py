"""Each data package as a zip an open-data user can take away: its files as the editors
keep them, a ``datapackage.json`` with the full Table Schemas (every field described), a
README, the licence and the attribution. Zip entries carry a fixed date, so the same data
gives the same bytes."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..data.boundaries import FILE as BOUNDARIES
from ..data.checked import Checked
from ..data.contract import METADATA_SCHEMAS, schema_descriptor
from ..data.formats import NOT_STATED

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
OGL = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}


@dataclass
class Resource:
    name: str
    path: str
    rows: int
    size: int
    schema: dict


@dataclass
class Download:
    """One package, described for the downloads page, with its zip."""

    label: str
    slug: str
    kind: str
    title: str
    licence: dict
    attribution: str
    resources: list[Resource]
    zipped: Callable[[], bytes] = field(repr=False, compare=False)
    """Makes the zip: only when the page or its files are made, not when the address
    checks of ``portalgen validate`` list the pages."""
    version: object | None = None
    """The package's ``PackageVersion`` (version and changes), if it has one."""

    @cached_property
    def archive(self) -> bytes:
        return self.zipped()


def download(package: Checked) -> Download:
    descriptor = package.source.descriptor
    licence = (descriptor.get("licenses") or [OGL])[0]
    resources = [
        Resource(
            name,
            path,
            len(package.tables.get(name, [])),
            (package.source.folder / path).stat().st_size,
            schema_descriptor(name),
        )
        for name, path in _resource_paths(package)
    ]
    title = str(descriptor.get("title") or package.source.label)
    attribution = _attribution(package)
    slug = package.source.label.removeprefix("data/").replace("/", "-")
    return Download(
        package.source.label,
        slug,
        package.source.kind.name,
        title,
        dict(licence),
        attribution,
        resources,
        lambda: _archive(package, resources, title, dict(licence), attribution),
        package.version,
    )


def _resource_paths(package: Checked) -> list[tuple[str, str]]:
    entries = package.source.descriptor.get("resources") or []
    return [(e["name"], e["path"]) for e in entries if e.get("name") in package.tables]


def _attribution(package: Checked) -> str:
    block = package.source.descriptor.get(package.source.kind.metadata or "") or {}
    return str(
        block.get("attribution")
        or "Contains public sector information licensed under the Open Government Licence v3.0."
    )


def _archive(
    package: Checked, resources: list[Resource], title: str, licence: dict, attribution: str
) -> bytes:
    metadata = package.source.kind.metadata
    descriptor = {
        "name": package.source.descriptor.get("name") or package.source.label.replace("/", "-"),
        "title": title,
        "version": package.version.version if package.version else None,
        "changes": _changes(package),
        "licenses": [licence],
        "resources": [
            {
                "name": r.name,
                "path": r.path,
                "format": "csv",
                "encoding": "utf-8",
                "schema": r.schema,
            }
            for r in resources
        ],
    }
    if metadata:
        descriptor[metadata] = _plain(package.source.descriptor.get(metadata))
        descriptor[f"{metadata}_schema"] = schema_descriptor(
            METADATA_SCHEMAS.get(metadata, metadata)
        )
    files = {
        "datapackage.json": json.dumps(descriptor, indent=2, ensure_ascii=False, sort_keys=True)
        + "\n"
    }
    files["README.md"] = _readme(title, licence, attribution, resources, package.version)
    for resource in resources:
        files[resource.path] = (package.source.folder / resource.path).read_bytes()
    if "boundaries" in package.attachments:
        # Only what validation read and checked: never any file that happens to be there.
        files[BOUNDARIES] = (package.source.folder / BOUNDARIES).read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            content = files[name]
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def _plain(value):
    """YAML values (dates, nested mappings with line numbers) as plain JSON values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _changes(package: Checked) -> list[dict]:
    changes = package.version.changes if package.version else ()
    return [
        {"version": c.version, "date": c.date.isoformat(), "summary": c.summary} for c in changes
    ]


def _readme(title: str, licence: dict, attribution: str, resources, version) -> str:
    lines = [
        f"# {title}",
        "",
        f"Version: {version.version if version else NOT_STATED}",
        "",
        f"Licence: {licence.get('title', licence.get('name'))} ({licence.get('path', '')})",
        "",
        f"Attribution: {attribution}",
        "",
    ]
    if version and version.changes:
        lines += ["## Changes", ""]
        lines += [f"- {c.version} ({c.date.isoformat()}): {c.summary}" for c in version.changes]
        lines.append("")
    for resource in resources:
        lines += [f"## {resource.path}", "", resource.schema.get("description", ""), ""]
        lines += [
            f"- `{f['name']}` ({f['type']}): {f.get('description', '')}"
            for f in resource.schema["fields"]
        ]
        lines.append("")
    return "\n".join(lines)
