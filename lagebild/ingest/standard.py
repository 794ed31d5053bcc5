"""derStandard articles as in 10kGNAD: one paragraph, ``teaser Ort – body``.

    Die Gewerkschaft ... beschränkt gehört. Wien – Die Gewerkschaft GPA-djp sieht ...
    \\_____________ teaser ______________/ \\dl./ \\________ body ________...

The dateline is one or more places ("Kabul", "Wien/Berlin", "Rio de Janeiro",
"Columbia (South Carolina)") followed by an en dash (sometimes a spaced hyphen).  It
starts the text or a sentence; it is told apart from a dash inside the teaser ("Apple
patzt – Kritik an Maus") by the shape of a place name: capitalised words, at most two
per place besides connectors like "am"/"de", and a capitalised word after the dash.
"""

from __future__ import annotations

import re

from ..records import Article, Block
from .errors import ReadError
from .plaintext import paragraph_spans

# The dateline begins within this many characters (10kGNAD: 99% within ~450).
DATELINE_WINDOW = 500

# Where a dateline may begin: the text start, or after a sentence's final character.
_SENTENCE_START = re.compile(r"(?:^\s*|(?<=[.!?\"“”»«)’'])\s+|(?<=\n)[ \t]*)(?=\S)")
# Candidate "place(s) –": lazily up to the first dash; checked by _is_place below.
_CANDIDATE = re.compile(
    r"(?P<place>[^\W\d_][\w'’ ./-]{0,60}?(?:\s\([^()\n]{1,40}\))?)"
    r"(?P<dash>[ \u00a0]+–[ \u00a0]*|[ \u00a0]+-[ \u00a0]+)(?=\S)"
)
_QUALIFIER = re.compile(r"\s\([^()]*\)$")      # "Columbia (South Carolina)"
# Abbreviations whose period does not end a sentence ("St. Martinsorden in Gold – ...").
# An ordinal's period ("am 5. Juli – Tsipras: …") ends no sentence either.
_ABBREVIATION = re.compile(r"(?:\b(?:St|Dr|Prof|Nr|Mag|Ing|Hl|bzw|ca|vgl|Abs|Art)|\b[^\W\d_]|\b\d{1,2})\.\s+$")
# German function words that begin a teaser phrase but never a place ("Der Bürgermeister – ").
_NOT_PLACE_START = frozenset({"Der", "Die", "Das", "Dem", "Des", "Ein", "Eine", "Einen", "Und",
                              "Oder", "Aber", "Auch", "Im", "Am", "Nach", "Vor", "Mit", "Für",
                              "Bei", "Zum", "Zur", "Vom", "Von", "Wie", "Was", "Wer", "Wenn",
                              "Als", "Doch", "So", "Es", "Er", "Sie", "Wir", "Ich", "Nur"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Lower-case words that occur inside place names (Frankfurt am Main, Rio de Janeiro).
_CONNECTORS = frozenset({"am", "an", "der", "im", "in", "ob", "bei", "de", "del", "da", "do",
                         "dos", "la", "le", "el", "al", "on", "upon", "sur", "sul", "ad"})


def _is_place(place: str) -> bool:
    place = _QUALIFIER.sub("", place)
    if place.split()[0] in _NOT_PLACE_START:
        return False
    for segment in re.split(r"\s*/\s*", place):
        words = segment.split()
        if words and words[0] in ("St.", "Sankt"):
            words = words[1:]
        if not words or words[0] in _CONNECTORS or words[-1] in _CONNECTORS:
            return False
        capitals = 0
        for word in words:
            if word in _CONNECTORS:
                continue
            if not (_WORD.fullmatch(word) and word[0].isupper() and not word.endswith("-")):
                return False
            capitals += 1
        if capitals > 2:
            return False
    return True


def find_dateline(text: str, window: int = DATELINE_WINDOW) -> tuple[int, int, int] | None:
    """``(start, dash_end, body_start)`` of the first dateline starting within ``window``.

    ``text[start:dash_end]`` is "Wien –"; the body starts at ``body_start``.
    """
    for start in _SENTENCE_START.finditer(text, 0, window):
        if _ABBREVIATION.search(text, max(0, start.start() - 6), start.end()):
            continue
        m = _CANDIDATE.match(text, start.end())
        if not m or not _is_place(m.group("place")):
            continue
        body_start = m.end()
        if text[body_start].islower():       # "Merkel – die Kanzlerin ...": an aside, no dateline
            continue
        dash_end = m.start("dash") + len(m.group("dash").rstrip(" \u00a0"))
        return m.start(), dash_end, body_start
    return None


def looks_like_standard(text: str) -> bool:
    return find_dateline(text) is not None


def read_standard(text: str, doc_id: str) -> Article:
    """Teaser, dateline and body; without a dateline all of it is body."""
    if not text.strip():
        raise ReadError(doc_id, "empty")
    art = Article(id=doc_id, text=text, source="derStandard")
    body_from = 0
    found = find_dateline(text)
    if found:
        start, dash_end, body_from = found
        teaser = paragraph_spans(text, 0, start)
        if teaser:   # the teaser is one block even if a copy wraps it over lines
            art.blocks.append(Block("teaser", teaser[0][0], teaser[-1][1]))
        art.blocks.append(Block("dateline", start, dash_end))
    art.blocks.extend(Block("body", a, b) for a, b in paragraph_spans(text, body_from))
    return art
