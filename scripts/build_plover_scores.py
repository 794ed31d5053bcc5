#!/usr/bin/env python3
"""Derive PLOVER's conflict-cooperation scores from the manual's score table.

    .venv/bin/python scripts/build_plover_scores.py [--manual ../shared/data/plover/PLOVER_MANUAL.tex]
                                                   [--out lagebild/data/plover_scores.tsv]

Reads Table ``tab:ploverscores`` ("PLOVER conflict--cooperation scores") of the PLOVER
manual (the LaTeX source; the commented-out older table of category-only scores above it
is skipped) and writes ``plover_scores.tsv`` with the columns ``event mode score note``:
one row per event type (``mode`` empty: the score of the type without a mode) and one per
type and mode, -10 (most conflictual) ... +10 (most cooperative).

Errata: the manual prints the category score of ACCUSE as ``3``. Every ACCUSE mode is
negative (-2, -3.5, -3.5), ACCUSE is verbal conflict, and the earlier category-only table
gave -2.0: the sign is a typo, so the row is written as -3 with a note saying so.

The script fails unless every PLOVER type of ``lagebild.records`` has a score and every
row names a known type and mode. A mode the manual gives no row (PROTEST: vandalize) is
listed on stderr and takes its type's score (``lagebild.scores``).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from lagebild.records import EVENT_MODES, EVENT_TYPES  # noqa: E402

DEFAULT_MANUAL = REPO.parent / "shared" / "data" / "plover" / "PLOVER_MANUAL.tex"
DEFAULT_OUT = REPO / "lagebild" / "data" / "plover_scores.tsv"
ERRATA = {("ACCUSE", ""): (-3.0, "manual prints 3; sign corrected (all ACCUSE modes are negative)")}


def score_table(tex: str) -> str:
    """The LaTeX source of the live (not commented-out) score table."""
    live = "\n".join(line for line in tex.splitlines() if not line.lstrip().startswith("%"))
    end = live.index(r"\label{tab:ploverscores}")
    start = live.rindex(r"\begin{tabular}", 0, end)
    return live[start:end]


def parse(table: str) -> list[tuple[str, str, float]]:
    rows = []
    for line in table.split(r"\\"):
        line = re.sub(r"\\cellcolor\{[^}]*\}", "", line)
        line = re.sub(r"\\(hline|textbf|hspace\*?)(\{[^}]*\})?", "", line)
        cells = [c.strip() for c in line.replace("\n", " ").split("&")]
        for label, value in zip(cells[0::2], cells[1::2]):
            if not label or not value or label.startswith("CATEGORY"):
                continue
            event, _, mode = label.partition(":")
            rows.append((event.strip().upper(), mode.strip().lower(), float(value)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manual", type=Path, default=DEFAULT_MANUAL)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    rows = parse(score_table(args.manual.read_text(encoding="utf-8")))
    scores = {(event, mode): (value, "") for event, mode, value in rows}
    scores.update(ERRATA)
    missing = [(t, "") for t in EVENT_TYPES if (t, "") not in scores]
    unscored = [f"{t}:{m}" for t, modes in EVENT_MODES.items() for m in modes if (t, m) not in scores]
    if unscored:    # the manual has no row for these modes: they take their type's score
        print(f"modes without a score of their own (type score used): {', '.join(unscored)}",
              file=sys.stderr)
    unknown = [key for key in scores if key[0] not in EVENT_TYPES
               or (key[1] and key[1] not in EVENT_MODES.get(key[0], ()))]
    if missing or unknown:
        print(f"missing scores: {missing}; unknown rows: {unknown}", file=sys.stderr)
        return 1
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    lines = ["event\tmode\tscore\tnote"]
    for (event, mode), (value, note) in sorted(scores.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])):
        lines.append(f"{event}\t{mode}\t{value:g}\t{note}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(scores)} scores to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
