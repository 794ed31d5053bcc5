"""German and English labels of PLOVER types, quad classes, aux modes and review states.

    from lagebild.labels import labels
    labels()["type"]["ASSAULT"]   # {"en": "Assault", "de": "Angreifen"}

The labels are data: ``lagebild/data/plover_labels.tsv`` (hand-written).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

LABELS_FILE = Path(__file__).resolve().parent / "data" / "plover_labels.tsv"


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, dict[str, str]]]:
    out: dict[str, dict[str, dict[str, str]]] = {}
    with open(LABELS_FILE, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out.setdefault(row["kind"], {})[row["key"]] = {"en": row["en"], "de": row["de"]}
    return out
