"""Reports that name a source without a cue verb: a cue preposition ("Laut Pentagon …",
"Nach Angaben der Polizei …", "Dem Bericht zufolge …"), an adverb that points back to
the source or forward from a noun ("Demnach …", "ein Bericht, wonach …"), and a
demonstrative that takes up the sentence before ("Dies bestätigte der Minister.").  A
source preposition inside a report by a cue verb is a report of its own."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.nlp import doc_text
from lagebild.quotes.cues import _DEMONSTRATIVES, _DETERMINERS, QuoteCues, _is_cue
from lagebild.quotes.mood import _is_subjunctive
from lagebild.quotes.parse import (
    _parse_speaker,
    _parsed_token,
    _phrase_span,
    _source_phrase,
)
from lagebild.quotes.phrases import _phrase_end, _phrase_start, _speaker_after
from lagebild.quotes.spans import _token_span, _trimmed
from lagebild.records import Quote, Span


def _reported(doc: Doc, sentence: SpacySpan, cues: QuoteCues) -> list[Quote]:
    """The report of the first cue preposition in the sentence: "Laut X …", "Nach Angaben
    X …", "X zufolge …".  Where the phrase opens or closes the sentence the rest is the
    quotation, where it stands inside, the whole sentence."""
    for k in range(sentence.start, sentence.end):
        word = doc[k].lower_
        if word not in cues.cue_preps or word == "laut" and _adjective(doc, k, sentence, cues):
            continue
        start = k + 1          # the speaker phrase is [start, end)
        if word == "zufolge" or word == "nach" and _postposed(doc, k, sentence, cues):
            # "Dem Bericht zufolge …", "Seiner Meinung nach …", "Dem Vernehmen nach …"
            start, end = _noun_phrase_start(doc, k, sentence, cues), k
            if word == "nach":
                start = max(start, k - 3)
        else:
            end = _phrase_end(doc, k + 1, sentence, cues)
            if word == "nach":
                h = k + 1
                while h < sentence.end - 1 and doc[h].text[:1].islower() and \
                        doc[h].lower_.endswith(("en", "er", "em", "es")):
                    h += 1        # "nach offiziellen Angaben"
                head = doc[h].lower_ if h < sentence.end else ""
                if head in cues.cue_nouns:
                    # the noun belongs to the speaker: "nach Angaben aus Khartum"
                    end = max(_phrase_end(doc, h + 1, sentence, cues), h + 1)
                elif any(head.endswith(n) for n in cues.cue_nouns if len(n) > 5):
                    end = h + 1        # "nach Behördenangaben"
                else:
                    continue
        speaker = _trimmed(doc, start, end) if end > start else None
        if speaker is not None and not speaker.text:
            speaker = None
        if speaker is None and word != "nach":
            # a name the rules do not read as one ("Laut bildblog.de", "Laut „Welt“"):
            # the noun the preposition governs in the parse
            governed = _parsed_token(doc, k)
            if governed is not None and governed.dep_ == "case" and governed.head.i > governed.i:
                speaker = _phrase_span(doc, k, governed.head)
                end = next((t.i + 1 for t in doc[k:sentence.end] if t.idx + len(t.text) >= speaker.end), end)
        before = _trimmed(doc, sentence.start, min(start, k))
        after = _trimmed(doc, max(end, k + 1), sentence.end)
        # the phrase opens or closes the sentence, or stands inside it ("Ein Tatverdacht
        # bestehe nach Angaben der Anklage nicht mehr"): then the whole sentence reports
        if len(after.text.split()) > 2 and len(before.text.split()) <= 1:
            rest = after
        elif len(before.text.split()) > 2 and len(after.text.split()) <= 1:
            rest = before
        else:
            rest = _trimmed(doc, sentence.start, sentence.end)
        if rest.text and len(rest.text.split()) > 2:
            return [Quote(rest, "reported", speaker=speaker, cue=_token_span(doc, k))]
    return []



def _nested_source(doc: Doc, sentence: SpacySpan, clause: list[Quote], cues: QuoteCues) -> list[Quote]:
    """The report of a source preposition in a sentence whose cue verb reports already
    ("Heute bestätigte der Minister laut Reuters, dass …", "Die Lage ist nach Angaben
    der Polizei ernst, sagte er"): the corpus marks both, the source as the speaker of
    the sentence, the cue's subject as that of the clause.  Not a preposition inside the
    other report's speaker ("sagte der Sprecher laut Protokoll") or its cue."""
    nested = []
    for quote in _reported(doc, sentence, cues):
        if any(c.speaker is not None and c.speaker.start <= quote.cue.start < c.speaker.end or
               c.cue is not None and c.cue.start == quote.cue.start for c in clause):
            continue
        nested.append(quote)
    return nested

def _noun_phrase_start(doc: Doc, k: int, sentence: SpacySpan, cues: QuoteCues) -> int:
    """Start of the noun phrase that ends before the postposition at ``k``: nouns,
    articles and inflected adjectives ("Dem jüngsten Bericht der Polizei zufolge"), back
    to a word of another kind ("Die Camorra erwirtschaftet Schätzungen zufolge",
    "Die Lage ist seiner Meinung nach"), which is no part of the speaker."""
    start = _phrase_start(doc, k, sentence)
    j = k
    while j > start:
        word = doc[j - 1]
        lower = word.lower_
        name = word.text[:1].isupper() or word.text[:1].isdigit() or any(c in word.text[1:-1] for c in "-.")
        attribute = lower in ("von", "vom") and j < k    # "Einer Meldung von Xinhua zufolge"
        inflected = word.text[:1].islower() and lower.endswith(("e", "en", "er", "em", "es")) \
            and lower not in cues.finite_aux and lower not in cues.speaker_stops
        if not (name or attribute or inflected or lower in _DETERMINERS):
            break
        j -= 1
    return j


def _postposed(doc: Doc, k: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """"nach" after its noun: "Seiner Meinung nach", "Dem Vernehmen nach"."""
    return k > sentence.start and doc[k - 1].lower_ in cues.cue_nouns and doc[k - 1].text[:1].isupper()


def _adjective(doc: Doc, k: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """"laut" as the adjective "loud": before a form of "werden" ("Kritik ist laut
    geworden", "Vorwürfe werden laut") or closing the sentence ("Kritik wurde laut.");
    the preposition always has a noun phrase after it."""
    nxt = next((t for t in doc[k + 1:sentence.end] if not t.is_space), None)
    return nxt is None or nxt.lower_ in cues.adjective_after or nxt.text in (".", "!", "?", ";")


def _anaphoric(doc: Doc, sentence: SpacySpan, cues: QuoteCues) -> list[Quote]:
    """A report that names its source by an adverb pointing back: "Demnach seien alle an
    Bord gewesen" (the corpus takes the adverb as the speaker), or forward from a noun:
    "Ein Bericht, wonach der Minister zurücktrete, …" (the noun is the source).
    "Danach" reports only in the subjunctive: otherwise it is mostly "afterwards"."""
    for k in range(sentence.start, sentence.end):
        word = doc[k].lower_
        if word not in cues.anaphoric or word == "danach" and not (
                k == sentence.start and _is_subjunctive(sentence, cues)):
            continue
        if word == "wonach":
            source = _parsed_token(doc, k)
            noun = source.head.head if source is not None else None
            speaker = _phrase_span(doc, k, noun) if noun is not None and noun.pos_ in ("NOUN", "PROPN") \
                and noun.i < source.i else _token_span(doc, k)
            rest = _trimmed(doc, k + 1, sentence.end)
        else:
            speaker = _token_span(doc, k)
            rest = _trimmed(doc, k + 1 if k == sentence.start else sentence.start, sentence.end)
        if len(rest.text.split()) > 2:
            return [Quote(rest, "reported", speaker=speaker, cue=_token_span(doc, k))]
    return []


def _backward(doc: Doc, sentence: SpacySpan, previous: tuple[SpacySpan, list[Quote]] | None,
              cues: QuoteCues) -> list[Quote]:
    """A report that takes up the sentence before with a demonstrative: "Die Partei
    schließt eine Koalition aus. Dies bestätigte der Vorsitzende am Abend.", "Das geht
    aus einem Bericht hervor."  The corpus takes the sentence before and the
    demonstrative as the quotation, the cue's subject (or source) as its speaker.  Not
    when the sentence before is a report with a cue of its own."""
    first = next((t.i for t in sentence if not t.is_space), sentence.end)
    if previous is None or first >= sentence.end - 1 or doc[first].lower_ not in _DEMONSTRATIVES or \
            any(q.cue is not None and q.kind != "reported" for q in previous[1]):
        return []
    before = previous[0]
    last = next((t for t in reversed(before) if not t.is_space), None)
    if last is None or "\n" in doc_text(doc)[last.idx:doc[first].idx]:
        return []        # a new paragraph takes up nothing
    lemmas = cues.cue_lemmas | cues.act_lemmas
    for k in range(first + 1, min(first + 3, sentence.end)):
        if _is_cue(doc, k, sentence.end, cues, lemmas):
            decided, speaker = _parse_speaker(doc, k)
            if not decided or speaker is None or speaker.text.lower() in _DEMONSTRATIVES:
                # the subject after the verb ("Dies bestätigte der Vorsitzende"), else
                # the source phrase ("Das geht aus einem Bericht hervor")
                speaker = _speaker_after(doc, k + 1, sentence.end, cues) or _backward_source(doc, k, cues)
            return [Quote(_trimmed(doc, before.start, first + 1), "indirect",
                          speaker=speaker, cue=_token_span(doc, k))]
    return []


def _backward_source(doc: Doc, k: int, cues: QuoteCues) -> Span | None:
    """The source phrase of the cue at ``k`` in the parse ("aus einem Bericht")."""
    token = _parsed_token(doc, k)
    if token is None:
        return None
    verb = token.head if token.dep_ in ("aux", "aux:pass", "cop", "compound:prt") else token
    source = _source_phrase(verb, cues.source_preps)
    return _phrase_span(doc, k, source) if source is not None else None
