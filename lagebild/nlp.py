"""The NLP stage: a German spaCy pipeline that tokenises, lemmatises and splits sentences.

lagebild prefers the project's own trained pipeline ``de_lagebild`` (built by the
models recipe) and falls back to a blank German pipeline with spaCy's lookup
lemmatiser (tables from the ``spacy-lookups-data`` package) and a rule-based
sentence splitter fit for news layout.  No model is ever downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PIPELINE_NAME = "de_lagebild"
LEMMA_FIXES = Path(__file__).resolve().parent / "lang" / "de" / "lemmas.tsv"

_CLOSING_QUOTES = {'"', "“", "”", "«", "»", "'", "‘", "’"}


@Language.component("news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Sentence boundaries for news text.

    A line break always ends a sentence: headlines, date lines and captions carry no
    final punctuation.  Otherwise a sentence ends after ``. ! ?`` (and any closing
    quote right after it) when the next token starts with an upper-case letter,
    a digit or an opening quote.
    """
    if len(doc) == 0:
        return doc
    doc[0].is_sent_start = True
    for i in range(1, len(doc)):
        doc[i].is_sent_start = False
    for i in range(len(doc) - 1):
        token = doc[i]
        if "\n" in token.text:
            doc[i + 1].is_sent_start = True
        elif token.text in {".", "!", "?"} or token.text.endswith(("!", "?")):
            j = i + 1
            while j < len(doc) and doc[j].text in _CLOSING_QUOTES and not doc[j - 1].whitespace_:
                j += 1
            if j < len(doc) and _starts_sentence(doc[j].text):
                doc[j].is_sent_start = True
    # A space token holding a line break belongs to the sentence it ends, and the
    # token after it starts a new one; a sentence never starts with whitespace.
    for i in range(1, len(doc)):
        if doc[i].is_space and doc[i].is_sent_start and i + 1 < len(doc):
            doc[i].is_sent_start = False
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def _lemma_fixes() -> dict[str, str]:
    fixes = {}
    for line in LEMMA_FIXES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            form, lemma = line.split("\t")[:2]
            fixes[form.strip()] = lemma.strip()
    return fixes


@Language.component("lemma_fixes")
def lemma_fixes(doc: Doc) -> Doc:
    """Apply the project's corrections (``lang/de/lemmas.tsv``) to the lookup lemmas."""
    fixes = _lemma_fixes()
    for token in doc:
        fixed = fixes.get(token.lower_) if token.text[:1].islower() else None
        if fixed:
            token.lemma_ = fixed
    return doc


def _starts_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in "„\"«»‚'"


@lru_cache(maxsize=2)
def load_pipeline(name: str = PIPELINE_NAME) -> Language:
    """Load the German pipeline: the trained package if installed, else rules.

    Cached, so that every stage in a process shares one pipeline.
    """
    try:
        nlp = spacy.load(name)
    except OSError:
        nlp = spacy.blank("de")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        nlp.add_pipe("lemma_fixes", after="lemmatizer")
    if "news_sentences" not in nlp.pipe_names and "parser" not in nlp.pipe_names \
            and "senter" not in nlp.pipe_names:
        nlp.add_pipe("news_sentences", first=True)
    return nlp
