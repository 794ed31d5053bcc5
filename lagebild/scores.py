"""PLOVER conflict-cooperation scores: -10 (most conflictual) ... +10 (most cooperative).

    from lagebild.scores import score
    score("CONSULT", "visit")     # 4.0
    score("ASSAULT", None)        # -9.0  (the type's own score)
    score("PROTEST", "vandalize") # -5.0  (no row for the mode: the type's score)

The numbers are the PLOVER manual's score table (``tab:ploverscores``), derived into
``lagebild/data/plover_scores.tsv`` by ``scripts/build_plover_scores.py`` (which also
documents the one erratum corrected there).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

SCORES_FILE = Path(__file__).resolve().parent / "data" / "plover_scores.tsv"


@lru_cache(maxsize=1)
def score_table() -> dict[tuple[str, str], float]:
    """(event, mode) -> score; mode "" is the score of the type without a mode."""
    with open(SCORES_FILE, encoding="utf-8", newline="") as fh:
        return {(row["event"], row["mode"]): float(row["score"])
                for row in csv.DictReader(fh, delimiter="\t")}


def score(event: str, mode: str | None = None) -> float:
    """The PLOVER score of an event type and mode; KeyError for an unknown type."""
    table = score_table()
    if mode and (event, mode) in table:
        return table[(event, mode)]
    return table[(event, "")]
