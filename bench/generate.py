"""Make a synthetic national portal from the example's data, at a chosen number of partnerships.

The example's partnerships are copied round-robin in five groups (Haringey, North
Lincolnshire, Safer Devon, Safer and Stronger Bucks, and Worcestershire with its five
district partnerships), so ten partnerships make one set and 300 make thirty. The first set
keeps the example's ids; later sets add ``-<set>`` to every partnership id. Local authority
codes are made unique per set (``E09000014`` → ``E09002014`` in set 2), so each copy covers
its own councils. Every partnership without boundaries of its own gets a copy of Haringey's
19 wards, with fresh ward codes, so 300 partnerships have about 6,800 wards and small areas,
near England's 7,000. The result validates clean, like the example.

    python bench/generate.py 300 bench/out/p300
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data"

GROUPS = (
    ("haringey",),
    ("north-lincolnshire",),
    ("safer-devon",),
    ("safer-stronger-bucks",),
    (
        "worcestershire",
        "south-worcestershire",
        "bromsgrove",
        "redditch",
        "wyre-forest",
        "north-worcestershire",
    ),
)
"""Partnership ids copied together: a county group's funding names its districts."""

WARDS = EXAMPLE / "haringey"
"""The boundaries and ward figures given to a partnership that has none of its own."""


@dataclass
class Codes:
    """Fresh ONS-like area codes, unique across the generated portal."""

    serial: dict[str, int] = field(default_factory=dict)
    made: dict[tuple[str, str], str] = field(default_factory=dict)

    def fresh(self, key: str, code: str) -> str:
        """The code for ``code`` in the copy named ``key``: the same every time it is asked."""
        if (key, code) not in self.made:
            prefix = code[:3]
            self.serial[prefix] = self.serial.get(prefix, 500000) + 1
            self.made[key, code] = f"{prefix}{self.serial[prefix]:06d}"
        return self.made[key, code]


def council(code: str, copy: int) -> str:
    """A local authority code for set ``copy`` (0 is the example's own)."""
    return code if copy == 0 else f"{code[:3]}{copy:03d}{code[6:]}"


def renamed(pid: str, copy: int) -> str:
    return pid if copy == 0 else f"{pid}-{copy + 1}"


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), "utf-8")


def sets_for(partnerships: int) -> list[tuple[int, tuple[str, ...]]]:
    """(set number, group) round-robin until there are at least ``partnerships``."""
    chosen, count, copy = [], 0, 0
    while count < partnerships:
        for group in GROUPS:
            if count >= partnerships:
                break
            chosen.append((copy, group))
            count += len(group)
        copy += 1
    return chosen


def generate(partnerships: int, target: Path) -> dict[str, int]:
    """Write a project (mkdocs.yml, content/, overrides/, data/) into ``target``."""
    if target.exists():
        shutil.rmtree(target)
    data = target / "data"
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("vocabulary", "addresses"):
        shutil.copytree(EXAMPLE / name, data / name)
    (target / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    chosen = sets_for(partnerships)
    rows = _partnership_rows(chosen)
    write_rows(data / "partnerships" / "partnerships.csv", *rows)
    shutil.copy(EXAMPLE / "partnerships" / "datapackage.yaml", data / "partnerships")
    _councils(data, {copy for copy, _ in chosen})
    codes = Codes()
    for copy, group in chosen:
        for pid in group:
            _copy_partnership(pid, copy, group, data, codes)
    return {"partnerships": len(rows[1]), "areas": len(codes.made)}


def _partnership_rows(chosen) -> tuple[list[str], list[dict]]:
    header, example = read_rows(EXAMPLE / "partnerships" / "partnerships.csv")
    by_id = {row["id"]: row for row in example}
    rows = []
    for copy, group in chosen:
        for pid in group:
            row = dict(by_id[pid])
            row["id"] = renamed(pid, copy)
            for column in ("parent", "successor"):
                row[column] = renamed(row[column], copy) if row[column] else ""
            codes = row["local_authorities"].split(";")
            row["local_authorities"] = ";".join(council(code, copy) for code in codes)
            if copy:
                row["name"] = f"{row['name']} {copy + 1}"
            rows.append(row)
    return header, rows


def _councils(data: Path, copies: set[int]) -> None:
    path = data / "vocabulary" / "local-authorities.csv"
    header, example = read_rows(path)
    rows = [
        {**row, "id": council(row["id"], copy), "name": f"{row['name']} {copy + 1}"}
        for copy in sorted(copies - {0})
        for row in example
    ]
    write_rows(path, header, example + rows)


def _copy_partnership(pid: str, copy: int, group, data: Path, codes: Codes) -> None:
    new = renamed(pid, copy)
    source, target = EXAMPLE / pid, data / new
    if source.is_dir():
        shutil.copytree(source, target)
        _rename_packages(target, pid, new)
        _rename_recipients(target / "funding" / "amounts.csv", group, copy)
    key = f"{new}/"
    if (target / "areas").is_dir() and copy == 0:
        return
    if (target / "areas").is_dir():
        _recode_areas(target, key, codes, lambda code: council(code, copy))
        return
    first = _first_council(data, new)
    for name in ("areas", "ward-figures"):
        shutil.copytree(WARDS / name, target / name)
    _rename_packages(target, "haringey", new)
    _recode_areas(target, key, codes, lambda _code: first)


def _first_council(data: Path, pid: str) -> str:
    _, rows = read_rows(data / "partnerships" / "partnerships.csv")
    return next(row["local_authorities"].split(";")[0] for row in rows if row["id"] == pid)


def _rename_packages(folder: Path, old: str, new: str) -> None:
    """Each package's ``name`` starts with its partnership's id; keep them unique."""
    if old == new:
        return
    pattern = re.compile(rf"^name: {re.escape(old)}\b", re.MULTILINE)
    for descriptor in folder.rglob("datapackage.yaml"):
        text = descriptor.read_text("utf-8")
        descriptor.write_text(pattern.sub(f"name: {new}", text), "utf-8")


def _rename_recipients(path: Path, group, copy: int) -> None:
    if not path.is_file() or copy == 0:
        return
    header, rows = read_rows(path)
    for row in rows:
        for column in ("funder", "recipient"):
            if row[column] in group:
                row[column] = renamed(row[column], copy)
    write_rows(path, header, rows)


def _recode_areas(folder: Path, key: str, codes: Codes, authority) -> None:
    """Give every area of the copy a fresh code, in its tables and its boundaries."""
    for vintage in (folder / "areas").iterdir():
        header, rows = read_rows(vintage / "areas.csv")
        for row in rows:
            row["code"] = codes.fresh(key, row["code"])
            row["local_authority"] = authority(row["local_authority"])
        write_rows(vintage / "areas.csv", header, rows)
        geojson = vintage / "boundaries.geojson"
        text = geojson.read_text("utf-8")
        geojson.write_text(
            re.sub(r'"code":\s*"(\w+)"', lambda m: f'"code":"{codes.fresh(key, m[1])}"', text),
            "utf-8",
        )
    figures = folder / "ward-figures" / "figures.csv"
    header, rows = read_rows(figures)
    for row in rows:
        row["area"] = codes.fresh(key, row["area"])
    write_rows(figures, header, rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("partnerships", type=int)
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    made = generate(args.partnerships, args.target)
    print(f"{args.target}: {made['partnerships']} partnerships, {made['areas']} new area codes")


if __name__ == "__main__":
    main()
