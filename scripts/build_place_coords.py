#!/usr/bin/env python3
"""Derive map coordinates for the places lagebild can put an event at.

    .venv/bin/python scripts/build_place_coords.py [--shared ../shared] [--out lagebild/data/place_coords.tsv]

An event's location is ``{"name", "country"}`` with the name the gazetteer gives
(``lagebild/lang/de/places.tsv``: GeoNames main name of a city or admin1 region, English
short name of a country). This script writes ``place_coords.tsv`` with the columns
``name country kind lat lon`` for every distinct place of that gazetteer, from the shared
GeoNames files:

* city      its own GeoNames coordinates (cities15000);
* admin1    the population-weighted mean of the region's cities in cities15000;
* country   its capital (countryInfo ``Capital``, matched among the country's cities), else
            the population-weighted mean of its cities.

When one (name, country) names several places, the first kind in the order country, city,
admin1 and then the most populous place wins (as the gazetteer would rank them).
Coordinates are rounded to 0.01 degrees (about 1 km): enough for a world map.
"""

from __future__ import annotations

import argparse
import csv
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "lagebild" / "data" / "place_coords.tsv"
PLACES = REPO / "lagebild" / "lang" / "de" / "places.tsv"
CODE_MAP = {"XKX": "KOS"}
KIND_ORDER = {"country": 0, "city": 1, "admin1": 2}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    geo = args.shared / "data" / "geonames"

    iso3_of, capital_of, country_gid = {}, {}, {}
    with open(geo / "countryInfo.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            iso3_of[f[0]] = CODE_MAP.get(f[1], f[1])
            capital_of[f[0]] = f[5]
            if f[16]:
                country_gid[int(f[16])] = f[0]

    city = {}                                   # geonameid -> (lat, lon)
    region_sum = defaultdict(lambda: [0.0, 0.0, 0])   # "CC.ADM1" -> lat*pop, lon*pop, pop
    country_sum = defaultdict(lambda: [0.0, 0.0, 0])
    capital = {}                                # CC -> (pop, lat, lon)
    with zipfile.ZipFile(geo / "cities15000.zip") as zf:
        text = zf.read("cities15000.txt").decode("utf-8")
    for line in text.splitlines():
        f = line.split("\t")
        gid, name, ascii_, lat, lon, cc, adm1 = int(f[0]), f[1], f[2], float(f[4]), float(f[5]), f[8], f[10]
        pop = max(int(f[14] or 0), 1)
        city[gid] = (lat, lon)
        for acc in (region_sum[f"{cc}.{adm1}"], country_sum[cc]):
            acc[0] += lat * pop
            acc[1] += lon * pop
            acc[2] += pop
        if capital_of.get(cc) in (name, ascii_) and pop > capital.get(cc, (0,))[0]:
            capital[cc] = (pop, lat, lon)

    region_code = {}
    with open(geo / "admin1CodesASCII.txt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 4 and f[3]:
                region_code[int(f[3])] = f[0]

    def mean(acc):
        return (acc[0] / acc[2], acc[1] / acc[2]) if acc[2] else None

    best: dict[tuple[str, str], tuple] = {}
    with open(PLACES, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            gid, kind = int(row["geonameid"]), row["kind"]
            if kind == "city":
                point = city.get(gid)
            elif kind == "admin1":
                point = mean(region_sum.get(region_code.get(gid, ""), [0, 0, 0]))
            else:
                cc = country_gid.get(gid)
                point = capital[cc][1:] if cc in capital else mean(country_sum.get(cc, [0, 0, 0]))
            if point is None:
                continue
            key = (row["name"], row["country"])
            rank = (KIND_ORDER[kind], -int(row["population"] or 0))
            if key not in best or rank < best[key][0]:
                best[key] = (rank, kind, point)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("name\tcountry\tkind\tlat\tlon\n")
        for (name, country), (_, kind, (lat, lon)) in sorted(best.items()):
            out.write(f"{name}\t{country}\t{kind}\t{lat:.2f}\t{lon:.2f}\n")
    print(f"wrote {len(best)} places to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
