"""Benchmark: NER precision/recall/F1 of ``de_lagebild`` on GermEval 2014 *test*.

    .venv/bin/python benchmarks/nlp_ner.py [--model de_lagebild] [--split test]

Metric: strict span match (same tokens, same label) on the gold tokenisation, outer
entities only, four classes PER, LOC, ORG and MISC (= GermEval OTH); the ``-deriv`` and
``-part`` labels are not entities here (neither gold nor predicted).  Published GermEval
figures use the shared task's own metrics (outer+inner chunks, with deriv/part), so they
are not directly comparable.  The test split is never used for training (training/README).

Prints micro P/R/F1 and per-label figures for the full pipeline (entity ruler + NER) and,
for comparison, for the statistical NER alone.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from training.convert import germeval_docs  # noqa: E402

LABELS = ("PER", "LOC", "ORG", "MISC")


def score(nlp, gold_docs, disable=()) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    inputs = (Doc(nlp.vocab, words=[t.text for t in g]) for g in gold_docs)
    with nlp.select_pipes(disable=list(disable)):
        for gold, pred in zip(gold_docs, nlp.pipe(inputs, batch_size=256)):
            g = {(e.start, e.end, e.label_) for e in gold.ents}
            p = {(e.start, e.end, e.label_) for e in pred.ents if e.label_ in LABELS}
            for s in g & p:
                tp[s[2]] += 1
            for s in p - g:
                fp[s[2]] += 1
            for s in g - p:
                fn[s[2]] += 1
    out = {}
    for label in (*LABELS, "ALL"):
        t = sum(tp.values()) if label == "ALL" else tp[label]
        f_p = sum(fp.values()) if label == "ALL" else fp[label]
        f_n = sum(fn.values()) if label == "ALL" else fn[label]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, t + f_n)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="de_lagebild")
    ap.add_argument("--split", default="test", choices=["test", "dev"])
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    nlp = spacy.load(args.model, exclude=["parser", "tagger", "morphologizer", "lemmatizer"])
    gold = germeval_docs(nlp.vocab, args.split)
    print(f"GermEval 2014 {args.split}: {len(gold)} sentences, "
          f"{sum(len(d.ents) for d in gold)} outer entities (PER/LOC/ORG/OTH->MISC; deriv/part excluded)")
    runs = [("ruler + NER (shipped pipeline)", ())]
    if "entity_ruler" in nlp.pipe_names:
        runs.append(("NER alone", ("entity_ruler",)))
    for name, disable in runs:
        res = score(nlp, gold, disable)
        print(f"\n{name}\n{'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
        for label, (p, r, f, n) in res.items():
            print(f"{label:<6} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")


if __name__ == "__main__":
    main()
