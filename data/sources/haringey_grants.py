"""Haringey's grants by ward: the 360Giving GrantNav export of 23 November 2018 (as pivoted
by yanoak/360giving-deprivation), added up per ward and award year into two metrics of
data/haringey/ward-figures/: the amount awarded (pounds) and the number of grants.

A grant's ward is where the recipient organisation's postcode is, not where the money was
spent. Only rows for Haringey (district E09000014) whose ward code is one of the wards in
data/haringey/areas/wd13/areas.csv are used. Only the full award years 2013 to 2017 are
kept: the export was made in November 2018, so 2018 is part of a year. A ward with no
grant recorded in a year gets 0 (GrantNav lists no grant to an organisation there).
Amounts are added up exactly, then rounded to the nearest pound.

    python data/sources/haringey_grants.py \
        /work/shared/data/funding/360giving_grants_by_ward_funder_year_grantnav-2018-11.csv \
        data/haringey/areas/wd13/areas.csv \
        data/haringey/ward-figures/figures.csv

It replaces the grants-amount and grants-number rows of figures.csv and keeps every other
row as it is. Run it again to remake them; the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

DISTRICT = "E09000014"
YEARS = ["2013", "2014", "2015", "2016", "2017"]
METRICS = ["grants-amount", "grants-number"]


def ward_codes(areas: Path) -> list[str]:
    with areas.open(encoding="utf-8", newline="") as handle:
        return [row["code"] for row in csv.DictReader(handle)]


def grants(path: Path, wards: list[str]) -> list[list[str]]:
    amount: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    number: dict[tuple[str, str], int] = defaultdict(int)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ward, year = row["Recipient Ward Geographic Code"], row["Award Year"]
            if row["Recipient District Geographic Code"] != DISTRICT or ward not in wards:
                continue
            if year not in YEARS:
                continue
            amount[(year, ward)] += Decimal(row["Amount Awarded"])
            number[(year, ward)] += int(row["Identifier"])
    rows = []
    for year in YEARS:
        for ward in sorted(wards):
            pounds = amount.get((year, ward), Decimal(0)).quantize(Decimal(1), ROUND_HALF_UP)
            rows.append(["grants-amount", year, ward, str(pounds)])
    for year in YEARS:
        for ward in sorted(wards):
            rows.append(["grants-number", year, ward, str(number.get((year, ward), 0))])
    return rows


def main(argv: list[str]) -> None:
    if len(argv) != 4:
        raise SystemExit(__doc__)
    source, areas, figures = map(Path, argv[1:])
    with figures.open(encoding="utf-8", newline="") as handle:
        kept = [row for row in csv.reader(handle)]
    header, kept = kept[0], [row for row in kept[1:] if row[0] not in METRICS]
    new = grants(source, ward_codes(areas))
    with figures.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(kept + new)
    total = sum(int(r[3]) for r in new if r[0] == "grants-number")
    print(f"{len(new)} rows written: {total} grants in {', '.join(YEARS)}")


if __name__ == "__main__":
    main(sys.argv)
