"""Opinions held that report like a cue verb: "Der Minister ist der Ansicht, dass …",
"Die Gewerkschaft vertritt die Auffassung, …", "Experten halten es für möglich, dass …".
The nouns and adjectives are data (``opinion_noun``, ``opinion_adj`` in ``quotes.tsv``)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.quotes.clauses import _content_start
from lagebild.quotes.cues import QuoteCues, _finite_verb
from lagebild.quotes.parse import _parse_speaker
from lagebild.quotes.spans import _token_span, _trimmed
from lagebild.quotes.speakers import _speaker_of, _subject
from lagebild.records import Quote

# Verbs that hold an opinion noun or adjective ("ist der Ansicht", "halten es für möglich").
_HOLDING = ("sein", "halten", "vertreten", "teilen")


def _is_opinion(doc: Doc, k: int, cues: QuoteCues) -> bool:
    """A held opinion that reports like a cue verb: "der Ansicht" (also "der festen
    Überzeugung") or "halten es für möglich"."""
    token, start = doc[k], doc[k].sent.start
    if token.lower_ in cues.opinion_nouns and token.text[:1].isupper():
        before = [doc[j].lower_ for j in range(max(start, k - 2), k)]
        return bool(before) and (before[-1] in ("der", "die") or len(before) == 2 and
                                 before[0] in ("der", "die") and before[1].endswith(("e", "en")))
    if token.lower_ in cues.opinion_adjs and k > start and doc[k - 1].lower_ == "für":
        return any(doc[j].lemma_.lower() == "halten" for j in range(max(start, k - 5), k - 1))
    return False


def _opinion(doc: Doc, k: int, sentence: SpacySpan, cues: QuoteCues) -> Quote | None:
    """"Der Minister ist der Ansicht, dass …", "Experten halten es für möglich, …": the
    clause after the comma is the report, the subject of the clause the speaker."""
    comma = k + 1
    if comma + 2 >= sentence.end or doc[comma].text not in (",", ":"):
        return None
    content = _content_start(doc, k, comma, sentence, cues)
    if content is None:
        return None
    # the speaker is the subject of the verb that holds the opinion ("ist", "vertritt", "halten")
    verb = next((j for j in range(k - 1, max(sentence.start, k - 6) - 1, -1)
                 if doc[j].is_punct or doc[j].lemma_.lower() in _HOLDING
                 or _finite_verb(doc[j], cues)), None)
    if verb is not None and not doc[verb].is_punct:
        speaker = _speaker_of(doc, verb, sentence, k, cues)
    else:
        decided, speaker = _parse_speaker(doc, k)
        speaker = speaker if decided else _subject(doc, sentence.start, k, cues)
    return Quote(_trimmed(doc, content, sentence.end), "indirect", speaker=speaker, cue=_token_span(doc, k))
