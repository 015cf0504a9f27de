"""Milliseconds a map: every choropleth of a portal, made as a build makes it and as folium alone.

    .venv/bin/python bench/maps.py                    # the example portal
    .venv/bin/python bench/maps.py bench/out/p100     # a generated portal (generate.py)

The portal is loaded and validated once; then every map (each partnership's metrics, each
period) is made in turn, as a build makes them (each part's text handed to branca as plain
text, ``maps._plain_text_elements``) and as folium alone makes them (each part's text
compiled as a Jinja template), in interleaved rounds, so that the load of the machine
falls on both alike. It prints the median milliseconds a map of each way, their ratio and
the load average, and fails if the two ways give different maps.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from portalgen import engine  # noqa: E402
from portalgen.site import maps  # noqa: E402


def every_map(portal) -> list[tuple]:
    """What ``area_map.pages`` passes to ``choropleth`` for each map of the portal."""
    return [
        (metric, period)
        for partnership in portal.partnerships
        for metric in partnership.metrics
        for period in metric.periods
    ]


def make_all(portal, wanted: list[tuple]) -> list[maps.MapParts]:
    made = []
    for metric, period in wanted:
        links = {area.code: f"../{area.code}/" for area in metric.area_set.areas}
        key = f"{metric.area_set.partnership.id}_{metric.id}_{period}".replace("-", "_")
        made.append(maps.choropleth(key, metric, period, links, portal.map_tiles))
    return made


def timed(portal, wanted, plain: bool) -> tuple[float, list[maps.MapParts]]:
    """CPU milliseconds a map, and the maps, made with plain-text elements or without."""
    maps.PLAIN_TEXT_ELEMENTS = plain
    try:
        start = time.process_time()
        made = make_all(portal, wanted)
        return (time.process_time() - start) * 1000 / len(wanted), made
    finally:
        maps.PLAIN_TEXT_ELEMENTS = True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("portal", nargs="?", default=str(ROOT), type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    portal = engine.load_portal(args.portal / "data", args.portal)
    wanted = every_map(portal)
    make_all(portal, wanted[:1])  # boundaries simplified, imports done: not what is measured
    times: dict[bool, list[float]] = {True: [], False: []}
    made: dict[bool, list[maps.MapParts]] = {}
    for _ in range(args.rounds):
        for plain in (False, True):
            ms, made[plain] = timed(portal, wanted, plain)
            times[plain].append(ms)
    same = made[True] == made[False]
    before, after = statistics.median(times[False]), statistics.median(times[True])
    print(f"{len(wanted)} maps, {args.rounds} rounds, load average {os.getloadavg()[0]:.2f}")
    print(f"folium alone:          {before:6.2f} ms a map (CPU)")
    print(f"plain-text elements:   {after:6.2f} ms a map (CPU)")
    print(f"ratio: {after / before:.2f}; same maps: {same}")
    if not same:
        sys.exit("the two ways made different maps")


if __name__ == "__main__":
    main()
