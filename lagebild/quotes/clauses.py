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
_ARTICLES = {"ein", "eine", "einen", "einem", "einer", "eines", "des"}
_CLAUSE_PRONOUNS = {"er", "sie", "es", "wir", "ihr", "ich", "man", "sich", "ihn", "ihm", "ihnen", "uns"}


def _content_start(doc: Doc, cue: int, comma: int, sentence: SpacySpan, cues: QuoteCues) -> int | None:
    """The first token of the clause that the cue at ``cue`` reports after ``comma``, or
    None when the words after the comma are no reported clause.

    Right after the verb ("Die Zeitung meldet, Giuliana Sgrena, die …, habe …") the comma
    opens the report unless an adverbial conjunction follows.  After words of the verb's
    own clause ("begrüßte den Veranstalter, der …", "sagte Edmon Chung, CEO von
    DotAsia, die Lage …") it opens a relative clause or an apposition, which is stepped
    over when the words up to the next comma hold no verb."""
    start = comma + 1
    if doc[comma].text == ":":
        return start        # "Er forderte: mehr Geld" may report a phrase
    if start < sentence.end and _finite_verb(doc[start], cues) and _in_adverbial_clause(doc, cue, sentence, cues):
        return None
    if _adjacent(doc, cue, comma):
        if _conjunction(doc, start, sentence, cues) or \
                _relative_clause(doc, start, sentence) and not _reported_mood(doc, start, sentence.end, cues):
            return None
        return start
    for _ in range(_MAX_APPOSITIONS + 1):
        if _conjunction(doc, start, sentence, cues) or _relative_clause(doc, start, sentence):
            return None
        if doc[start].lower_ in _SUBORDINATORS or doc[start].lower_ == "zu":
            return start        # "sagte Kerry, dass …", "versprach er, zu …"
        nxt = next((c for c in range(start, sentence.end) if doc[c].text in (",", ";")), sentence.end)
        if _has_verb(doc, start, nxt, cues) or _fronted_phrase(doc, start, sentence, cues):
            return start
        if nxt >= sentence.end - 1:
            return None
        start = nxt + 1
    return None


def _fronted_phrase(doc: Doc, start: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A phrase opened by a preposition after the cue's comma ("erklärte die Ministerin,
    in den Ländern, in denen …, sei die Zahl gestiegen"): no apposition of the speaker,
    which is a noun phrase, but the fronted adverbial of the reported clause, when a
    Konjunktiv verb follows in the sentence."""
    return doc[start].text[:1].islower() and _parsed_pos(doc, start) == "ADP" \
        and _reported_mood(doc, start, sentence.end, cues)


def _reported_mood(doc: Doc, start: int, end: int, cues: QuoteCues) -> bool:
    """A Konjunktiv verb among the tokens [start, end): a relative clause in the
    subjunctive ("…, der in ihrem Einsatz ein Vorbild sei") reports what the cue's
    speaker said, one in the indicative only describes a noun."""
    from lagebild.quotes.mood import _konjunktiv_i
    return any(t.lower_ in cues.subjunctive or _konjunktiv_i(t) for t in doc[start:end])


def _in_adverbial_clause(doc: Doc, cue: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A cue verb in an adverbial clause ("Nachdem die Behörden gewarnt hatten, hatte
    sich herausgestellt …", "Wenn Berlin geklagt hätte, hätte man …"): when a finite
    verb follows the comma, the comma opens the main clause, no report ("…, da sie
    befürchten, viele könnten …" still reports)."""
    start = cue
    while start > sentence.start and doc[start - 1].text not in (",", ";", ":", "(", "–"):
        start -= 1
    return doc[start].lower_ in cues.not_content and doc[start].lower_ not in ("um", "ohne", "bis")


def _adjacent(doc: Doc, cue: int, comma: int) -> bool:
    """Only particles and adverbs between the cue verb and the comma ("teilte mit,",
    "erklärte weiter,"): no noun phrase there that a relative clause could belong to."""
    return all(t.text[:1].islower() and t.lower_ not in _D_WORDS and t.lower_ not in _CLAUSE_PRONOUNS
               and t.lower_ not in _ARTICLES for t in doc[cue + 1:comma])


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


def _conjunction(doc: Doc, start: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A clause opened by a conjunction of an adverbial clause ("…, da dieser
    zurückgetreten war", "…, nachdem …"), or nothing left to report."""
    return start >= sentence.end - 1 or doc[start].lower_ in cues.not_content


def _relative_clause(doc: Doc, start: int, sentence: SpacySpan) -> bool:
    """A clause opened by a relative pronoun, also after a preposition ("…, der die
    Strecke gestaltet hatte", "…, zu der 100.000 Menschen erwartet werden")."""
    if _relative_pronoun(doc, start, sentence):
        return True
    return doc[start].text[:1].islower() and start + 1 < sentence.end and _parsed_pos(doc, start) == "ADP" \
        and _relative_pronoun(doc, start + 1, sentence)


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
    # "die noch zu schaffende Verfassung": where the words say relative pronoun, the
    # parse may still read an article
    return nxt.text[:1].islower() and not nxt.lower_.endswith(("e", "en", "er", "es", "em")) \
        and not nxt.text[:1].isdigit() and _parsed_pos(doc, k) != "DET"


def _parsed_pos(doc: Doc, k: int) -> str:
    token = _parsed_token(doc, k)
    return token.pos_ if token is not None else ""
