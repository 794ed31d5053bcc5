"""Benchmark: quotation detection on the German Wikinews quotation corpus (test split).

    .venv/bin/python benchmarks/quotes_wikinews.py [--analysis lexical|full] [../shared/data/quotes/wikinews-de/test.jsonl.xz]

By default the documents go through the lexical pipeline, as in the event coder
(``EventCoder.analyse``): ``find_quotes`` then parses only the sentences that hold a cue.
With ``--analysis full`` every document is tagged and parsed first and the quotations
read that parse.  The time printed covers the pipeline and ``find_quotes`` together.

A found quotation matches a gold one when their quote spans overlap (one-to-one,
greedy by overlap).  Reports precision/recall/F1 of quotations, of speakers (a matched
quotation whose speaker span overlaps the gold speaker span; gold quotations without a
speaker are left out of speaker recall, found ones without a speaker out of speaker
precision), and token-level F1 of the quote spans over matched pairs.
"""

from __future__ import annotations

import argparse
import json
import lzma
import time
from pathlib import Path

from lagebild.nlp import load_pipeline
from lagebild.quotes import find_quotes

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes" / "wikinews-de" / "test.jsonl.xz"


def spans(field: dict) -> list[tuple[int, int]]:
    return [(s["charBegin"], s["charEnd"]) for s in field.get("spans", [])]


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--analysis", choices=("lexical", "full"), default="lexical")
    args = parser.parse_args()
    nlp = load_pipeline(analysis=args.analysis)
    docs = [json.loads(line) for line in lzma.open(args.data, "rt", encoding="utf-8")]
    n_pred = n_gold = tp = 0
    sp_pred = sp_gold = sp_tp = 0
    chars_common = chars_pred = chars_gold = 0
    started = time.perf_counter()
    for data in docs:
        doc = nlp(data["originalText"])
        found = find_quotes(doc)
        gold = [a for a in data["annotations"] if a["quote"]["spans"]]
        n_pred += len(found)
        n_gold += len(gold)
        sp_pred += sum(1 for q in found if q.speaker)
        sp_gold += sum(1 for g in gold if g["speaker"]["spans"])
        pairs = sorted(((overlap([(q.quote.start, q.quote.end)], spans(g["quote"])), i, j)
                        for i, q in enumerate(found) for j, g in enumerate(gold)), reverse=True)
        used_p, used_g = set(), set()
        for common, i, j in pairs:
            if common <= 0 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            tp += 1
            q, g = found[i], gold[j]
            chars_common += common
            chars_pred += q.quote.end - q.quote.start
            chars_gold += sum(e - s for s, e in spans(g["quote"]))
            if q.speaker and g["speaker"]["spans"] and overlap([(q.speaker.start, q.speaker.end)],
                                                               spans(g["speaker"])) > 0:
                sp_tp += 1
    elapsed = time.perf_counter() - started
    print(f"documents          {len(docs)}  ({elapsed:.1f} s, {args.analysis} pipeline)")
    print("quotations         P %.3f  R %.3f  F1 %.3f" % prf(tp, n_pred, n_gold))
    print("speakers           P %.3f  R %.3f  F1 %.3f" % prf(sp_tp, sp_pred, sp_gold))
    print("quote span chars   P %.3f  R %.3f  F1 %.3f  (matched pairs)" % prf(chars_common, chars_pred, chars_gold))


if __name__ == "__main__":
    main()
