"""Map coordinates of event locations.

    from lagebild.coords import locate
    locate("Aleppo", "SYR")       # (36.2, 37.16)
    locate("Nowhere", "SYR")      # the country's point (its capital), else None

Events carry ``location = {"name", "country"}`` with the gazetteer's names
(``lagebild.places``); ``lagebild/data/place_coords.tsv`` (from
``scripts/build_place_coords.py``) gives each such place a latitude and longitude.
A name that is not there falls back to its country's point.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

COORDS_FILE = Path(__file__).resolve().parent / "data" / "place_coords.tsv"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, str], tuple[float, float]], dict[str, tuple[float, float]]]:
    places, countries = {}, {}
    with open(COORDS_FILE, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            point = (float(row["lat"]), float(row["lon"]))
            places[(row["name"], row["country"])] = point
            if row["kind"] == "country":
                countries[row["country"]] = point
    return places, countries


def locate(name: str | None, country: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a place, of its country when the place is unknown, else None."""
    places, countries = _table()
    if name and (name, country or "") in places:
        return places[(name, country or "")]
    return countries.get(country or "")


def country_point(country: str) -> tuple[float, float] | None:
    return _table()[1].get(country)
