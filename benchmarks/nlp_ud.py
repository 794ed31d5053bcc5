"""Benchmark: POS/tag/morph accuracy and UAS/LAS of ``de_lagebild`` on UD German PUD.

    .venv/bin/python benchmarks/nlp_ud.py [--model de_lagebild]

UD German PUD (1,000 sentences) is held out: the pipeline is trained on UD German GSD
dev+test only.  Multi-word tokens (``zum``) are merged as in training.  Two settings:

* gold tokenisation: the pipeline gets the treebank's tokens (the usual parser figure);
* raw text: the pipeline tokenises the sentence text itself; spaCy's scorer aligns.

UAS/LAS follow spaCy's scorer (punctuation attachments are not scored). STTS tag accuracy
cannot be measured on PUD (its XPOS are Penn-style tags).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.scorer import Scorer  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402

from training.convert import DATA, ud_docs  # noqa: E402

PUD = DATA / "ud" / "german-pud" / "de_pud-ud-test.conllu"
# tag_acc is left out: PUD's XPOS column is a Penn-style tagset, not the STTS of GSD.
# morph_acc compares UD features; PUD annotates fewer of them than GSD, so it reads low.
KEYS = ("pos_acc", "morph_acc", "dep_uas", "dep_las", "sents_f")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="de_lagebild")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    nlp = spacy.load(args.model, exclude=["ner", "entity_ruler"])
    gold = list(DocBin(docs=ud_docs(PUD)).get_docs(nlp.vocab))  # into the model's vocab
    print(f"UD German PUD: {len(gold)} sentences, {sum(len(d) for d in gold)} tokens (held out)")
    scorer = Scorer(nlp)
    for name, make in (("gold tokenisation", lambda g: Doc(nlp.vocab, words=[t.text for t in g],
                                                          spaces=[bool(t.whitespace_) for t in g])),
                       ("raw text", lambda g: nlp.make_doc(g.text))):
        preds = nlp.pipe((make(g) for g in gold), batch_size=256)
        examples = [Example(p, g) for p, g in zip(preds, gold)]
        scores = scorer.score(examples)
        print(f"\n{name}")
        for key in KEYS:
            if scores.get(key) is not None:
                print(f"  {key:<10} {scores[key]:.3f}")


if __name__ == "__main__":
    main()
