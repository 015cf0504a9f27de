"""Safer Devon's ward figures: police.uk recorded crime and mid-2019 population, added up
from small areas (LSOAs) to the December 2023 wards.

Each 2011 LSOA is put in the ward that contains its polygon's representative point (a
point shapely guarantees is inside the polygon), so an LSOA that straddles a ward boundary
is counted whole in one ward. LSOAs with no 2011 polygon (codes new in 2021, flagged
LSOA_in_lsoa11_boundaries = no) cannot be placed and are left out. Only the full calendar
years 2023 and 2024 are kept: the source runs from May 2022 to April 2025. A ward that no
LSOA's point falls in gets no figure (not 0). A 2011 LSOA whose records stop after 2022
was split in 2021 and its area is counted under the new, unplaceable codes, so the ward
it falls in gets no crime figure either: a total missing part of the ward would mislead.

    python data/sources/devon_ward_figures.py \
        /work/shared/data/crime/devon_lsoa_crime_type_counts_by_year_2022-2025.csv \
        /work/shared/data/population/lsoa11_population_mid2019.csv \
        /work/shared/data/boundaries/lsoa11 \
        data/safer-devon/areas/wd23/boundaries.geojson \
        data/safer-devon/ward-figures

It writes figures.csv (metrics.csv is written by hand) and prints the counts that the
package's summary and metrics.csv quote. Run it again to remake the file; the same input
gives the same bytes.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

from shapely.geometry import shape
from shapely.strtree import STRtree

DISTRICTS = [f"E070000{n}" for n in range(40, 48)]
YEARS = ["2023", "2024"]  # 2022 (May-Dec) and 2025 (Jan-Apr) are part years
METRICS = {  # metric id → police.uk crime types counted (None: every type)
    "all-crime": None,
    "anti-social-behaviour": {"Anti-social behaviour"},
    "violent-crime": {"Violence and sexual offences"},
}


def ward_of_each_lsoa(lsoa_dir: Path, wards_file: Path) -> tuple[dict[str, str], list[str]]:
    """LSOA code → ward code, by the ward containing the LSOA's representative point."""
    wards = json.loads(wards_file.read_text("utf-8"))["features"]
    shapes = [shape(w["geometry"]) for w in wards]
    codes = [w["properties"]["code"] for w in wards]
    tree = STRtree(shapes)
    placed, outside = {}, []
    for district in DISTRICTS:
        lsoas = json.loads((lsoa_dir / f"{district}.geojson").read_text("utf-8"))["features"]
        for lsoa in lsoas:
            code = lsoa["properties"]["LSOA11CD"]
            point = shape(lsoa["geometry"]).representative_point()
            hits = sorted(codes[i] for i in tree.query(point, predicate="intersects"))
            if hits:
                placed[code] = hits[0]
            else:
                outside.append(code)
    return placed, outside


def crime_counts(path: Path) -> tuple[dict[tuple[str, str, str], int], set[str]]:
    """(LSOA, year, crime type) → count, each once; and the LSOAs with no 2011 polygon.

    Two LSOAs are listed twice in the source under two names with the same counts; they
    are counted once (and the script stops if the counts ever differ)."""
    counts: dict[tuple[str, str, str], int] = {}
    unplaceable = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["LSOA code"], row["Year"], row["Crime type"])
            value = int(row["Crime Count"])
            if counts.setdefault(key, value) != value:
                raise SystemExit(f"{key} has two different counts")
            if row["LSOA_in_lsoa11_boundaries"] == "no":
                unplaceable.add(row["LSOA code"])
    return counts, unplaceable


def population(path: Path) -> dict[str, int]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["lsoa"]: int(row["pop"].replace(",", "")) for row in csv.DictReader(handle)}


def split_lsoas(counts, placed) -> set[str]:
    """2011 LSOAs whose records stop after 2022: they were split in 2021, and police.uk
    counts their area under the new codes, which have no 2011 polygon."""
    by_year: dict[tuple[str, str], int] = defaultdict(int)
    for (lsoa, year, _), value in counts.items():
        by_year[(lsoa, year)] += value
    later = ["2023", "2024", "2025"]
    return {
        lsoa
        for lsoa in placed
        if by_year[(lsoa, "2022")] and not any(by_year[(lsoa, y)] for y in later)
    }


def figures(counts, residents, placed, incomplete) -> list[tuple[str, str, str, int]]:
    """Crime totals by ward (none for the incomplete wards) and population by ward."""
    totals: dict[tuple[str, str, str], int] = defaultdict(int)
    for (lsoa, year, crime_type), value in counts.items():
        if year not in YEARS or lsoa not in placed or placed[lsoa] in incomplete:
            continue
        for metric, types in METRICS.items():
            if types is None or crime_type in types:
                totals[(metric, year, placed[lsoa])] += value
    for lsoa, ward in placed.items():
        totals[("population", "2019", ward)] += residents[lsoa]
    order = [*METRICS, "population"]
    return sorted(
        ((m, p, a, v) for (m, p, a), v in totals.items()),
        key=lambda row: (order.index(row[0]), row[1], row[2]),
    )


def main(argv: list[str]) -> None:
    if len(argv) != 6:
        raise SystemExit(__doc__)
    crime, pop, lsoa_dir, wards_file, out = map(Path, argv[1:])
    placed, outside = ward_of_each_lsoa(lsoa_dir, wards_file)
    counts, unplaceable = crime_counts(crime)
    residents = population(pop)
    missing = sorted(set(placed) - set(residents))
    if missing:
        raise SystemExit(f"no population for {missing}")
    split = split_lsoas(counts, placed)
    incomplete = {placed[lsoa] for lsoa in split}
    rows = figures(counts, residents, placed, incomplete)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "figures.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["metric", "period", "area", "value"])
        writer.writerows(rows)
    wards = {w["properties"]["code"] for w in json.loads(wards_file.read_text("utf-8"))["features"]}
    empty = sorted(wards - set(placed.values()))
    left_out = {
        year: sum(v for (lsoa, y, _), v in counts.items() if y == year and lsoa in unplaceable)
        for year in YEARS
    }
    counted = {
        year: sum(v for m, y, _, v in rows if m == "all-crime" and y == year) for year in YEARS
    }
    recorded = {year: sum(v for (_, y, _), v in counts.items() if y == year) for year in YEARS}
    print(f"{len(placed)} LSOAs placed in {len(set(placed.values()))} of {len(wards)} wards")
    print(f"LSOA points outside every ward: {outside}")
    print(f"{len(unplaceable)} LSOAs with no 2011 polygon left out; records left out {left_out}")
    print(f"records in the ward figures {counted} of {recorded}")
    print(f"wards with no LSOA (no figure): {len(empty)} {empty}")
    print(f"2011 LSOAs split in 2021 {sorted(split)}; wards with no crime figure")
    print(f"  as part of their records cannot be placed: {len(incomplete)} {sorted(incomplete)}")


if __name__ == "__main__":
    main(sys.argv)
