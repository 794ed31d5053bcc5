"""Convert the shared open corpora (``../shared/data``) into spaCy DocBin files.

    python training/convert.py [--out training/corpus]

Writes (nothing here is copied into git; the corpus folder is rebuilt on demand):

* ``ud_train.spacy`` / ``ud_dev.spacy``: UD German GSD dev+test (every 10th sentence is
  the validation part used for model selection); multi-word tokens (``zum`` = zu dem)
  are merged so that training sees the tokens the tokenizer produces.
* ``ner_train.spacy`` / ``ner_dev.spacy``: NER with the labels PER, LOC, ORG, MISC from
  GermEval 2014 *dev* (every 8th sentence is the validation part), DFKI SmartData (v1,
  all 2,436 documents), UNER German PUD and Europeana Newspapers (historic OCR).

The evaluation sets are converted by the same functions but only by the benchmarks:
GermEval 2014 *test* (``germeval_docs(..., "test")``) and UD German PUD (``ud_docs``).
Neither is ever read here for training.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.training.converters import conllu_to_docs
from spacy.util import filter_spans

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"

# Label maps (data, not code paths): source label -> PER/LOC/ORG/MISC; anything absent is O.
GERMEVAL_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
UNER_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
EUROPEANA_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
SMARTDATA_LABELS = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
    "location-route": "LOC",
}


def _vocab():
    return spacy.blank("de").vocab


def _bio_doc(vocab, words: list[str], tags: list[str], labels: dict[str, str]) -> Doc:
    """A Doc from words and BIO/IOB1 tags; labels outside ``labels`` become O."""
    ents = []
    start = label = None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, raw = tag.partition("-")
        mapped = labels.get(raw) if prefix in ("B", "I") else None
        if label is not None and (mapped != label or prefix == "B"):
            ents.append((start, i, label))
            start = label = None
        if mapped is not None and label is None:
            start, label = i, mapped
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def _tsv_bio_docs(vocab, path: Path, labels) -> list[Doc]:
    """Sentences of a tab-separated BIO file (token in column 2, tag in column 3)."""
    docs, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                docs.append(_bio_doc(vocab, words, tags, labels))
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    return docs


def germeval_docs(vocab, split: str) -> list[Doc]:
    """GermEval 2014 outer-level entities; ``-deriv``/``-part`` are O; OTH -> MISC."""
    return _tsv_bio_docs(vocab, DATA / "ner" / "germeval2014" / f"NER-de-{split}.tsv", GERMEVAL_LABELS)


def uner_docs(vocab) -> list[Doc]:
    return _tsv_bio_docs(vocab, DATA / "ner" / "uner-german-pud" / "de_pud-ud-test.iob2", UNER_LABELS)


def europeana_docs(vocab, max_len: int = 80) -> list[Doc]:
    """Europeana Newspapers BIO files (no sentence breaks: split after . ! ? + capital)."""
    docs = []
    for path in sorted((DATA / "ner" / "europeana-de").glob("*.bio")):
        words, tags = [], []
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for k, line in enumerate(lines):
            cols = line.split()
            if len(cols) != 2:
                continue
            words.append(cols[0])
            tags.append(cols[1])
            nxt = lines[k + 1].split() if k + 1 < len(lines) else []
            end = cols[0] in {".", "!", "?"} and (not nxt or nxt[0][:1].isupper())
            if end or len(words) >= max_len:
                if not tags[-1].startswith("I-") or end:
                    docs.append(_bio_doc(vocab, words, tags, EUROPEANA_LABELS))
                    words, tags = [], []
        if words:
            docs.append(_bio_doc(vocab, words, tags, EUROPEANA_LABELS))
    return docs


def _read_concatenated_json(path: Path):
    raw = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            return
        obj, i = dec.raw_decode(raw, i)
        yield obj


def smartdata_docs(nlp) -> list[Doc]:
    """SmartData v1 (train+test: all 2,436 documents): text + character-span mentions,
    tokenised with the news tokenizer and split into sentences / lines."""
    seen = set()
    docs = []
    sentencizer = nlp.get_pipe("sentencizer") if "sentencizer" in nlp.pipe_names else None
    for name in ("train", "test"):
        for obj in _read_concatenated_json(DATA / "ner" / "smartdata-de" / "v1_20180119" / f"{name}.json.gz"):
            text = (obj.get("text") or {}).get("string") or ""
            if not text.strip() or text in seen:
                continue
            seen.add(text)
            doc = nlp.make_doc(text)
            spans = []
            for m in (obj.get("conceptMentions") or {}).get("array", []):
                label = SMARTDATA_LABELS.get(m["type"])
                if not label:
                    continue
                span = doc.char_span(m["span"]["start"], m["span"]["end"], label=label,
                                     alignment_mode="contract")
                if span is not None and len(span):
                    spans.append(span)
            doc.ents = filter_spans(spans)
            if sentencizer:
                doc = sentencizer(doc)
            for i in range(1, len(doc)):
                if "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_:
                    doc[i].is_sent_start = True
            for sent in doc.sents:
                if any(not t.is_space for t in sent) and len(sent) >= 3:
                    d = sent.as_doc()
                    docs.append(d)
    return docs


def ud_docs(path: Path) -> list[Doc]:
    """One Doc per sentence, with tags, POS, morphology, lemmas and dependencies."""
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        return list(conllu_to_docs(path.read_text(encoding="utf-8"), n_sents=1,
                                   merge_subtokens=True, no_print=True))


def news_tokenizer_nlp():
    """A blank German pipeline with the project's news tokenizer settings."""
    sys.path.insert(0, str(ROOT))
    from training.news_tokenizer import customize_tokenizer

    nlp = spacy.blank("de")
    customize_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = news_tokenizer_nlp()
    vocab = nlp.vocab

    gsd = []
    for split in ("dev", "test"):
        gsd += ud_docs(DATA / "ud" / "german-gsd" / f"de_gsd-ud-{split}.conllu")
    ud_train = [d for i, d in enumerate(gsd) if i % 10 != 9]
    ud_dev = [d for i, d in enumerate(gsd) if i % 10 == 9]
    DocBin(docs=ud_train, store_user_data=False).to_disk(args.out / "ud_train.spacy")
    DocBin(docs=ud_dev).to_disk(args.out / "ud_dev.spacy")
    print(f"ud: {len(ud_train)} train / {len(ud_dev)} dev sentences (GSD dev+test)")

    ge = germeval_docs(vocab, "dev")
    ge_train = [d for i, d in enumerate(ge) if i % 8 != 7]
    ge_dev = [d for i, d in enumerate(ge) if i % 8 == 7]
    sources = {
        "germeval-dev": ge_train,
        "smartdata-v1": smartdata_docs(nlp),
        "uner-pud": uner_docs(vocab),
        "europeana": europeana_docs(vocab),
    }
    train = []
    for name, docs in sources.items():
        n_tok = sum(len(d) for d in docs)
        n_ent = sum(len(d.ents) for d in docs)
        print(f"ner {name}: {len(docs)} sentences, {n_tok} tokens, {n_ent} entities")
        train += docs
    DocBin(docs=train).to_disk(args.out / "ner_train.spacy")
    DocBin(docs=ge_dev).to_disk(args.out / "ner_dev.spacy")
    print(f"ner: {len(train)} train sentences, {len(ge_dev)} dev sentences (GermEval dev 1/8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
