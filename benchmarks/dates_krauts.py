"""Benchmark: German date normalisation on KRAUTS (TIMEX3 gold, DATE expressions).

    .venv/bin/python benchmarks/dates_krauts.py [../shared/data/time/krauts/KRAUTS] [--errors N]

For every gold DATE timex (the creation time excluded) the gold expression text is
normalised by ``lagebild.events.dates.normalise`` against the document's creation
date, with the tense of its sentence, in TIMEX3 mode (``present_ref=True``: "heute" in
a statement about the present is PRESENT_REF, as in the It-TimeML guidelines); prints
value accuracy overall, per subcorpus, and for the expressions an event date can take
(day, month, year values).
"""

from __future__ import annotations

import argparse
import html
import re
from collections import Counter
from datetime import date
from pathlib import Path

from lagebild.events.dates import normalise, tokens_are_past
from lagebild.nlp import load_pipeline

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "time" / "krauts" / "KRAUTS"
_TIMEX = re.compile(r'<TIMEX3 ([^>]*[^/])>(.*?)</TIMEX3>', re.S)   # not the empty <TIMEX3 …/>
_TAG = re.compile(r"<[^>]+>")
_EVENT_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def gold_timexes(path: Path):
    """(expression, sentence, value, creation date) for each DATE timex of a file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    created = date.fromisoformat(dct.group(1)) if dct else None
    body = raw[raw.find("<TEXT>"):]
    for m in _TIMEX.finditer(body):
        attrs = m.group(1)
        if 'type="DATE"' not in attrs or "CREATION_TIME" in attrs:
            continue
        value = re.search(r'value="([^"]*)"', attrs).group(1).strip()
        before = _TAG.sub("", body[max(0, m.start() - 300):m.start()])
        after = _TAG.sub("", body[m.end():m.end() + 300])
        sentence = re.split(r"[.!?]\s", before)[-1] + _TAG.sub("", m.group(2)) + re.split(r"[.!?]\s", after)[0]
        yield html.unescape(_TAG.sub("", m.group(2))).strip(), html.unescape(sentence), value, created


def is_past(sentence: str) -> bool:
    """The tense test the event coder applies to a clause, here to the sentence."""
    return tokens_are_past(load_pipeline(analysis="lexical")(sentence))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong values")
    args = parser.parse_args()

    totals, hits, errors = Counter(), Counter(), []
    for path in sorted(args.corpus.glob("*/*.tml")):
        part = path.parent.name
        for expression, sentence, value, created in gold_timexes(path):
            # TIMEX3 values: "heute" as the present (PRESENT_REF), see normalise()
            timex = normalise(expression, created, is_past(sentence), present_ref=True, context=sentence)
            predicted = timex.value if timex else None
            for key in ("all", part) + (("event-dates",) if _EVENT_VALUE.match(value) else ()):
                totals[key] += 1
                hits[key] += predicted == value
            if predicted != value:
                errors.append((expression, value, predicted, str(created)))
    for key in ["all", "event-dates"] + sorted(k for k in totals if k not in ("all", "event-dates")):
        print(f"{key:<24} {hits[key] / totals[key]:.3f}  ({hits[key]}/{totals[key]})")
    for expression, value, predicted, created in errors[:args.errors]:
        print(f"  {expression!r:<32} gold {value:<14} got {predicted}  (created {created})")


if __name__ == "__main__":
    main()
