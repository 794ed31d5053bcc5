"""Whether the words next to a cue verb can be the clause it reports.

A cue with a comma after it ("Der Minister sagte, die Lage sei ernst") reports the clause
behind the comma, but not every comma opens one: an apposition of the speaker ("sagte
der Parteichef, Bill Graham, …"), a relative clause ("begrüßte den Veranstalter, der die
Strecke gestaltet hatte") or an adverbial clause ("…, da dieser zurückgetreten war") is
no report.  A reported clause holds a verb; the word classes come from the parse of the
cue sentence (:func:`lagebild.quotes.parse._parsed_token`)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.quotes.cues import _SUBORDINATORS, QuoteCues, _finite_verb
from lagebild.quotes.parse import _parsed_token

# How many appositions after a cue's comma the rules step over.
_MAX_APPOSITIONS = 2
_D_WORDS = {"der", "die", "das", "dem", "den"}
_RELATIVE = {"denen", "dessen", "deren", "welche", "welcher", "welches", "welchem", "welchen"}
# Words after a d-word that show it to be a relative pronoun, not an article.
_CLAUSE_PRONOUNS = {"er", "sie", "es", "wir", "ihr", "ich", "man", "sich", "ihn", "ihm", "ihnen", "uns"}


def _content_start(doc: Doc, comma: int, sentence: SpacySpan, cues: QuoteCues) -> int | None:
    """The first token of the clause that the cue before ``comma`` reports, or None when
    the words after the comma are no reported clause.  Appositions (words up to the next
    comma without a verb: "sagte Edmon Chung, CEO von DotAsia, …") are stepped over."""
    start = comma + 1
    for _ in range(_MAX_APPOSITIONS + 1):
        if doc[comma].text == ":":
            return start        # "Er forderte: mehr Geld" may report a phrase
        if _not_content(doc, start, sentence, cues):
            return None
        if doc[start].lower_ in _SUBORDINATORS or doc[start].lower_ == "zu":
            return start        # "sagte, dass …", "versprach, zu …"
        nxt = next((c for c in range(start, sentence.end) if doc[c].text in (",", ";")), sentence.end)
        if _has_verb(doc, start, nxt, cues):
            return start
        if nxt >= sentence.end - 1:
            return None
        start = nxt + 1
    return None


def _has_verb(doc: Doc, start: int, end: int, cues: QuoteCues) -> bool:
    """A verb among the tokens [start, end): so tagged in the parse, or a word the rules
    read as a finite verb (the tagger misses Konjunktiv forms such as "werfe")."""
    for k in range(start, end):
        if _finite_verb(doc[k], cues):
            return True
        token = _parsed_token(doc, k)
        if token is not None and token.pos_ in ("VERB", "AUX"):
            return True
    return False


def _not_content(doc: Doc, start: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A clause that a cue does not report: one opened by a relative pronoun, also after a
    preposition ("…, der die Strecke gestaltet hatte", "…, zu der 100.000 Menschen
    erwartet werden"), or by a conjunction of an adverbial clause ("da", "nachdem")."""
    k = start
    while k < sentence.end and doc[k].is_space:
        k += 1
    if k >= sentence.end - 1 or doc[k].lower_ in cues.not_content:
        return True
    if _relative_pronoun(doc, k, sentence):
        return True
    return doc[k].text[:1].islower() and k + 1 < sentence.end and _relative_pronoun(doc, k + 1, sentence) \
        and _parsed_pos(doc, k) == "ADP"


def _relative_pronoun(doc: Doc, k: int, sentence: SpacySpan) -> bool:
    """A d-word or "welch-" that opens a relative clause: "denen", "dessen", "deren",
    "welche" always; "der", "die", "das", "dem", "den" when no noun phrase follows them
    as their article would have it ("die er …", "der die Strecke …", "die in …", but
    "die Entdeckung", "die betroffenen Tiere")."""
    word = doc[k].lower_
    if word in _RELATIVE:
        return True
    if word not in _D_WORDS or k + 1 >= sentence.end:
        return False
    nxt = doc[k + 1]
    if nxt.lower_ in _D_WORDS or nxt.lower_ in _CLAUSE_PRONOUNS:
        return True
    return nxt.text[:1].islower() and not nxt.lower_.endswith(("e", "en", "er", "es", "em")) \
        and not nxt.text[:1].isdigit()


def _parsed_pos(doc: Doc, k: int) -> str:
    token = _parsed_token(doc, k)
    return token.pos_ if token is not None else ""
