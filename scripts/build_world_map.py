#!/usr/bin/env python3
"""Draw the offline world map of the workbench from Natural Earth country shapes.

    .venv/bin/python scripts/build_world_map.py [--topojson countries-110m.json]
                                                [--out lagebild/server/static/world.svg]

The shapes come from the npm package ``world-atlas`` (2.0.2, ISC; Natural Earth 1:110m
admin-0 countries, public domain). Without ``--topojson`` the script fetches the package
with ``npm pack world-atlas@2.0.2`` into a temporary folder (the npm registry is one of the
package registries the project may use at build time; nothing is fetched at run time).

The TopoJSON arcs are decoded (quantised, delta-encoded) and every country is written as
one SVG ``<path>`` in the equirectangular projection the UI plots events with:
x = longitude + 180, y = 90 - latitude, viewBox ``0 0 360 180``, 0.1 degree precision.
Each path carries ``data-iso3`` (from the ISO 3166 numeric id via GeoNames countryInfo,
Kosovo as KOS) and a ``<title>`` with the country's name. Rings that cross the
antimeridian are unwrapped and drawn from both edges; Antarctica is left out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "lagebild" / "server" / "static" / "world.svg"
COUNTRY_INFO = REPO.parent / "shared" / "data" / "geonames" / "countryInfo.tsv"
PACKAGE = "world-atlas@2.0.2"
SKIP = {"010"}                # Antarctica: no news events, and its ring wraps the pole
EXTRA_ISO3 = {"-99": None}   # Natural Earth's disputed areas (N. Cyprus, Somaliland): no code


def fetch_topojson() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        archive = next(Path(tmp).glob("world-atlas-*.tgz"))
        with tarfile.open(archive) as tar:
            return json.load(tar.extractfile("package/countries-110m.json"))


def iso3_by_numeric() -> dict[str, str]:
    out = {}
    for line in COUNTRY_INFO.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        out[f[2]] = "KOS" if f[1] == "XKX" else f[1]
    return out


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Longitudes made continuous: a ring that crosses the antimeridian (Chukotka, Fiji)
    runs past 180 instead of jumping across the whole map."""
    out, shift = [], 0.0
    for i, (lon, lat) in enumerate(points):
        if i:
            step = lon - points[i - 1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def path_data(geometry: dict, arcs) -> str:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = unwrap(ring_points(ring, arcs))
            lons = [lon for lon, _ in points]
            # A ring running past the map's edge is drawn again from the other side.
            copies = [0] + ([-360] if max(lons) > 180 else []) + ([360] if min(lons) < -180 else [])
            for offset in copies:
                xy, last = [], None
                for lon, lat in points:
                    point = (round(lon + offset + 180, 1), round(90 - lat, 1))
                    if point != last:
                        xy.append(point)
                        last = point
                if len(xy) >= 3:
                    parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in xy) + "Z")
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topojson", type=Path, help="countries-110m.json (default: npm pack)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    topology = json.loads(args.topojson.read_text()) if args.topojson else fetch_topojson()
    arcs = decode_arcs(topology)
    codes = iso3_by_numeric()
    lines = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" class="world">',
             "<!-- Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2; "
             "equirectangular: x = lon + 180, y = 90 - lat. Built by scripts/build_world_map.py -->"]
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon") or geometry.get("id") in SKIP:
            continue
        iso3 = codes.get(geometry.get("id", ""), EXTRA_ISO3.get(geometry.get("id", "")))
        name = escape(geometry.get("properties", {}).get("name", ""))
        attr = f' data-iso3="{iso3}"' if iso3 else ""
        lines.append(f'<path{attr} d="{path_data(geometry, arcs)}"><title>{name}</title></path>')
    lines.append("</svg>")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 3} countries to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
