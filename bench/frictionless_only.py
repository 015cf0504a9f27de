"""frictionless' own validation of the same packages, without portalgen's checks.

Each package is given portalgen's Table Schemas (fields in the file's column order, foreign
keys between its own tables), and ``Package.validate()`` runs on it. Nothing else: no
explanations for editors, no checks across packages, no typed rows. What portalgen adds on
top is the difference between this and ``portalgen validate``.

    python bench/frictionless_only.py bench/out/p10/data
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from frictionless import Package

from portalgen.data.contract import schema_descriptor
from portalgen.data.load import discover, read_descriptor


def package_descriptor(source) -> dict:
    tables = {entry["name"]: entry["path"] for entry in source.descriptor["resources"]}
    resources = []
    for name, path in tables.items():
        schema = schema_descriptor(name)
        with (source.folder / path).open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle))
        by_name = {field["name"]: field for field in schema["fields"]}
        schema["fields"] = [by_name[column] for column in header]
        schema["foreignKeys"] = [
            key
            for key in schema.get("foreignKeys", [])
            if key["reference"]["resource"] in ("", *tables)
        ]
        resources.append({"name": name, "path": path, "schema": schema, "format": "csv"})
    return {"name": "package", "resources": resources}


def main(data_dir: Path) -> int:
    sources, _ = discover(data_dir, data_dir.parent)
    errors = rows = 0
    for source in sources:
        if read_descriptor(source):
            continue
        package = Package.from_descriptor(package_descriptor(source), basepath=str(source.folder))
        report = package.validate()
        errors += report.stats["errors"]
        rows += sum(task.stats.get("rows") or 0 for task in report.tasks)
    print(f"{len(sources)} packages, {rows} rows, {errors} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
