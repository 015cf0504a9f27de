"""Safer Devon's wards (December 2023) as a boundary-vintage package.

Reads the ONS December 2023 ward boundaries of the eight Devon districts (one GeoJSON file
per district, from ../shared/data/boundaries/) and writes data/safer-devon/areas/wd23/
areas.csv and boundaries.geojson: one row and one feature per ward, with the properties
renamed to code and name and the coordinates copied unchanged (the build simplifies them).

    python data/sources/devon_wards.py /work/shared/data/boundaries data/safer-devon/areas/wd23

Run it again to remake both files; the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

DISTRICTS = [f"E070000{n}" for n in range(40, 48)]  # East Devon … West Devon


def wards(boundaries: Path) -> list[dict]:
    """Every ward of the eight districts, sorted by ONS code."""
    features = []
    for district in DISTRICTS:
        data = json.loads((boundaries / f"{district}.geojson").read_text("utf-8"))
        for feature in data["features"]:
            props = feature["properties"]
            if props["LAD23CD"] != district:
                raise SystemExit(f"{district}.geojson: {props['WD23CD']} is in {props['LAD23CD']}")
            features.append(
                {
                    "code": props["WD23CD"],
                    "name": props["WD23NM"].strip(),
                    "local_authority": district,
                    "geometry": feature["geometry"],
                }
            )
    features.sort(key=lambda ward: ward["code"])
    codes = [ward["code"] for ward in features]
    if len(set(codes)) != len(codes):
        raise SystemExit("a ward code appears twice")
    return features


def write(features: list[dict], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "areas.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "name", "local_authority"])
        for ward in features:
            writer.writerow([ward["code"], ward["name"], ward["local_authority"]])
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": ward["code"], "name": ward["name"]},
                "geometry": ward["geometry"],
            }
            for ward in features
        ],
    }
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    (out / "boundaries.geojson").write_text(text + "\n", "utf-8")


def main(argv: list[str]) -> None:
    if len(argv) != 3:
        raise SystemExit(__doc__)
    features = wards(Path(argv[1]))
    write(features, Path(argv[2]))
    print(f"{len(features)} wards written to {argv[2]}")


if __name__ == "__main__":
    main(sys.argv)
