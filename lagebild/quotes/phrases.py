"""Noun phrases read from the words alone, for the speaker rules: the inverted subject
after a cue ("sagte der Minister Kerry am …"), the phrase after "laut"/"nach", a name in
quotation marks inside a phrase ("der „Aktion Saubere Stadt“").  No parse is asked."""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.quotes.cues import (
    _DETERMINERS,
    _MAX_SPEAKER,
    _OPEN,
    _SUBORDINATORS,
    QuoteCues,
    _finite_verb,
    _is_name,
)
from lagebild.quotes.spans import _trimmed
from lagebild.records import Span

# Closing quotation marks.
_CLOSING = frozenset(_OPEN.values())
# Words that may stand between an inverted cue and its subject: "erklärten nur die Gefängnisse".
_FOCUS_PARTICLES = frozenset({"auch", "nur", "selbst", "sogar"})
# Pronouns that take up someone just named, a speaker on their own: "sagte dieser, dass …".
_DEMONSTRATIVE_PRONOUNS = frozenset({"dieser", "diese", "letzterer", "letztere", "ersterer", "erstere"})
# Marks inside a name after an inverted cue: an apostrophe, the quotation marks of a title.
_NAME_MARKS = ("’", "'", "„", "»")


def _looks_like_verb(token) -> bool:
    """A lower-case word whose lemma is a verb's infinitive ("sei" -> "sein")."""
    if not token.text[:1].islower():
        return False
    lemma = token.lemma_.lower()
    return lemma != token.lower_ and lemma.endswith(("en", "ern", "eln")) and \
        not token.lower_.endswith(("e", "en", "er", "es", "em"))


def _speaker_after(doc: Doc, start: int, end: int, cues: QuoteCues) -> Span | None:
    """The speaker right after an inverted cue: "sagte der Minister Kerry am …".  A
    phrase that opens with an accusative or dative article is the verb's object, no
    speaker ("…, nannte seinen Platzverweis „überzogen“")."""
    while start + 1 < end and doc[start].lower_ in _FOCUS_PARTICLES:
        start += 1        # "erklärten nur die Gefängnisse", "so betont auch die Polizei"
    if start < end and doc[start].lower_ in cues.object_determiners:
        return None
    if start < end and doc[start].lower_ in _DEMONSTRATIVE_PRONOUNS and \
            (start + 1 == end or not doc[start + 1].text[:1].isupper()):
        return _trimmed(doc, start, start + 1)        # "sagte dieser, dass …", "so letztere"
    k = start
    while k < end and k - start < _MAX_SPEAKER:
        token = doc[k]
        if token.text in _NAME_MARKS and k > start and k + 1 < end and not doc[k + 1].is_punct:
            k += 1        # "Mark O’Keefe", "das „Space Telescope Science Institute“"
            continue
        if token.is_punct or token.lower_ in cues.speaker_stops or token.lower_ in _SUBORDINATORS:
            break
        if token.text[:1].islower() and token.lower_ not in _DETERMINERS and not _compound_noun(token) \
                and not token.lower_.endswith(("e", "en", "er", "es", "em")) and token.lower_ != "von":
            break
        k += 1
    if k == start or not any(doc[t].text[:1].isupper() or doc[t].lower_ in ("er", "sie") or _compound_noun(doc[t])
                             for t in range(start, k)):
        return None
    return _trimmed(doc, start, k)


def _compound_noun(token) -> bool:
    """A compound whose first part is written small or in digits: "ai-Bericht",
    "der 81-jährige", "eBay-Sprecher"."""
    head, _, rest = token.text.partition("-")
    return bool(head) and bool(rest) and rest[:1].isalpha() and (rest[:1].isupper() or head[:1].isdigit())


def _web_name(token) -> bool:
    """A web address used as a name, written small: "faz.net", "tagesschau.de"."""
    return re.fullmatch(r"[a-z0-9][\w-]*(\.[\w-]+)*\.(de|com|net|org|at|ch|eu|info)", token.lower_) is not None


def _quoted_name_start(doc: Doc, close: int, sentence: SpacySpan, cues: QuoteCues) -> int | None:
    """The opening mark of a name in quotation marks that closes at ``close`` ("Moritz
    Wohlrab von der „Aktion Deutschland hilft“ sagte"): part of the speaker phrase, not
    the end of a quotation before it."""
    if doc[close].text not in _CLOSING:
        return None
    opening = next((j for j in range(close - 1, max(sentence.start, close - 6) - 1, -1)
                    if doc[j].text in _OPEN), None)
    if opening is None or opening + 1 >= close or not _is_name(doc, opening + 1, close, cues):
        return None
    return opening


def _phrase_start(doc, k, sentence):
    start = k
    while start > sentence.start and not doc[start - 1].is_punct and k - start < _MAX_SPEAKER:
        start -= 1
    return start


def _phrase_end(doc, start, sentence, cues):
    """End of the noun phrase after "laut"/"nach": capitalised words, determiners,
    adjectives and genitive attachments, up to a verb or punctuation."""
    k = start
    while k < sentence.end and k - start < _MAX_SPEAKER:
        token = doc[k]
        if token.is_punct and token.text not in ("-",):
            break
        lower = token.lower_
        if token.text[:1].isupper() or _web_name(token) or lower in _DETERMINERS or lower in cues.cue_nouns \
                or lower in ("von", "vom") or (token.text[:1].islower() and lower.endswith(("en", "er", "es", "e"))
                                               and not _finite_verb(token, cues)
                                               and k + 1 < sentence.end and doc[k + 1].text[:1].isupper()):
            k += 1
            continue
        break
    # a capitalised word that starts the clause proper ("Laut Polizei Die Täter…") is rare;
    # German V2 puts the verb right after the phrase, which stops the loop above
    return k
