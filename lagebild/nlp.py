"""The NLP stage: a German spaCy pipeline that tokenises, lemmatises, splits sentences,
tags, parses and finds named entities.

lagebild loads the project's own trained pipeline ``de_lagebild`` (rebuilt from open data
by ``training/build.py`` and installed from ``models/`` by the README set-up): news
tokenizer, tagger (STTS), morphologizer (UPOS + features), dependency parser, lookup
lemmatiser (spacy-lookups-data tables), entity ruler fed by lagebild's gazetteers and
NER (PER, LOC, ORG, MISC).  If the package is missing it falls back to a blank German
pipeline with the same lookup lemmatiser.  In both cases the rule-based ``news_sentences``
splitter runs first (the parser keeps its boundaries: headlines and captions end at line
breaks) and ``lemma_fixes`` corrects the lookup lemmas.  No model is ever downloaded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PIPELINE_NAME = "de_lagebild"
LEMMA_FIXES = Path(__file__).resolve().parent / "lang" / "de" / "lemmas.tsv"

_CLOSING_QUOTES = {'"', "“", "”", "«", "»", "'", "‘", "’"}
# The tokenizer keeps "1945." whole (an ordinal, like "3."); a year is no ordinal, nor is a
# number with thousands ("2.000."), so either with a stop before a capital ends the
# sentence ("seit 1945. Zudem …", "zwischen 700 und 2.000. Tsipras …").
_YEAR_WITH_STOP = re.compile(r"(1[0-9]|20)[0-9]{2}\.|[0-9]{1,3}(\.[0-9]{3})+\.")
# Mid-sentence an article is lower-case; a capital one after a content word opens a run-in
# subheading's body ("Zu Hass und Jihad aufgerufen Die Moschee galt als salafistisch"). After
# a function word it is a title ("in Der Pate", "für Das Märchen") and no boundary.
_ARTICLES = frozenset({"Der", "Die", "Das", "Ein", "Eine"})


@Language.component("news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Sentence boundaries for news text.

    A line break always ends a sentence: headlines, date lines and captions carry no
    final punctuation; nor do run-in subheadings, whose body opens with a capital article.  Otherwise a sentence ends after ``. ! ?`` (and any closing
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
        elif token.text in {".", "!", "?"} or token.text.endswith(("!", "?")) or \
                _YEAR_WITH_STOP.fullmatch(token.text):
            j = i + 1
            while j < len(doc) and doc[j].text in _CLOSING_QUOTES and not doc[j - 1].whitespace_:
                j += 1
            # a double space after the stop is a token of its own ("betreiben.  EU-…")
            while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
                j += 1
            if j < len(doc) and _starts_sentence(doc[j].text):
                doc[j].is_sent_start = True
        elif doc[i + 1].text in _ARTICLES and token.whitespace_ and token.is_alpha and \
                token.text[:1].islower() and not token.is_stop:
            doc[i + 1].is_sent_start = True
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


# The statistical components of de_lagebild; a "lexical" analysis runs without them.
STATISTICAL = ("tok2vec", "tagger", "morphologizer", "parser", "entity_ruler", "ner")


@lru_cache(maxsize=4)
def load_pipeline(name: str = PIPELINE_NAME, analysis: str = "full") -> Language:
    """Load the German pipeline: the trained package if installed, else rules.

    ``analysis="full"`` runs every component (tags, morphology, parse, entities);
    ``analysis="lexical"`` only tokeniser, lemmatiser and sentence splitter, which is
    all the event coder reads today, at five times the speed (README, "Models").
    Cached, so that every stage in a process shares one pipeline.
    """
    if analysis not in ("full", "lexical"):
        raise ValueError(f"analysis must be 'full' or 'lexical', not {analysis!r}")
    try:
        nlp = spacy.load(name, exclude=list(STATISTICAL) if analysis == "lexical" else [])
    except OSError:
        nlp = spacy.blank("de")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    if "lemma_fixes" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("lemma_fixes", after="lemmatizer")
    # Sentence boundaries are set by rule before the parser, which respects them (it
    # neither adds nor removes boundaries).  On the dev gold, the parser's own
    # boundaries instead cost L1 F1 0.508 -> 0.438 (README, "Models").
    if "news_sentences" not in nlp.pipe_names:
        nlp.add_pipe("news_sentences", first=True)
    return nlp


def doc_text(doc: Doc) -> str:
    """The document's text, kept once per document: spaCy's ``Doc.text`` joins all
    tokens anew on every call, which the rules' many slices would pay each time."""
    text = doc.user_data.get("lagebild_text")
    if text is None:
        text = doc.user_data["lagebild_text"] = doc.text
    return text
