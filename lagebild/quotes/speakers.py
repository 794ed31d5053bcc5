"""Who speaks, read from the words around a cue: the inverted subject after the verb
("sagte Kerry"), the subject before it ("Der Minister sagte"), the phrase after
"laut"/"nach".  The parse (:mod:`lagebild.quotes.parse`) decides first where it can."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.quotes.cues import (
    _DEMONSTRATIVES,
    _DETERMINERS,
    _MAX_SPEAKER,
    _NOT_SUBJECT_START,
    _PRONOUNS,
    _SUBORDINATORS,
    QuoteCues,
    _finite_verb,
    _in_aside,
    _is_cue,
    _names,
    load_quote_cues,
)
from lagebild.quotes.parse import (
    _parse_speaker,
    _parsed_token,
    _phrase_span,
    _subject_token,
)
from lagebild.quotes.phrases import _looks_like_verb, _quoted_name_start, _speaker_after
from lagebild.quotes.spans import _token_span, _trimmed
from lagebild.records import Span


def _cue_after(doc, start, sentence, cues, quote_open=None):
    """„…“, sagte X / „…“, so X.  A subject the parse finds inside the quotation (from
    ``quote_open`` on) is the parser's error: the cue's own follows it."""
    k = start
    while k < sentence.end and doc[k].is_punct:
        k += 1
    if k + 1 < sentence.end and doc[k].lower_ == "so" and _finite_verb(doc[k + 1], cues) \
            and doc[k + 1].lower_ not in _DETERMINERS:
        k += 1        # "„…“, so lautet der Titel", "„…“, so beschrieb sie es": the verb is the cue
    if k < sentence.end and (doc[k].lower_ == "so" or doc[k].lemma_.lower() in cues.cue_lemmas
                             and not _in_aside(doc, k)
                             and not (doc[k].lemma_.lower() in cues.naming_verbs and _names(doc, k, cues))):
        decided, parsed = _parse_speaker(doc, k) if doc[k].lower_ != "so" else (False, None)
        inside = parsed is not None and quote_open is not None and doc[quote_open].idx <= parsed.start < doc[start].idx
        if decided and not inside:
            return _token_span(doc, k), parsed
        return _token_span(doc, k), _speaker_after(doc, k + 1, sentence.end, cues) \
            or _speaker_before(doc, k, sentence)
    return None


def _inverted_subject_after(doc: Doc, start: int, sentence: SpacySpan, cues: QuoteCues) -> Span | None:
    """The subject of whatever finite verb follows a quotation and its comma ("„…“,
    strich Romney heraus", "„…“, zeigte sich der Trainer zufrieden", "„…“, ließ ein
    Sprecher verlauten"): a main clause that opens with its verb right after quoted
    words has the quotation as its object, and its inverted subject is the speaker,
    whether or not the verb is a cue of the list."""
    if start >= sentence.end or doc[start].text != ",":
        return None
    verb = start + 1
    if verb >= sentence.end or not _finite_verb(doc[verb], cues) or doc[verb].lower_ in _DETERMINERS \
            or doc[verb].lower_ in _SUBORDINATORS:
        return None
    after = verb + 1
    if after < sentence.end and doc[after].lower_ == "sich":
        after += 1        # "zeigte sich der Trainer zufrieden": the reflexive first
    return _speaker_after(doc, after, sentence.end, cues)


def _cue_before(doc, quote_open, sentence, cues):
    """X sagte: „…“"""
    for k in range(quote_open - 1, max(sentence.start, quote_open - 4) - 1, -1):
        if _is_cue(doc, k, quote_open + 1, cues):
            return _token_span(doc, k), _speaker_of(doc, k, sentence, quote_open, cues)
    return None


def _introducing_subject(doc: Doc, quote_open: int, cues: QuoteCues) -> Span | None:
    """A quotation after a colon belongs to the subject of the clause that introduces it,
    whatever its verb ("Schavan zeigte sich im Interview zuversichtlich: „…“")."""
    sentence = doc[quote_open].sent
    k = quote_open - 1
    if k >= sentence.start and doc[k].text == ":":
        if not any(_finite_verb(t, cues) for t in doc[sentence.start:k]):
            # no clause but a name before the colon: "BKA-Präsident Ziercke: „…“"
            return _speaker_before(doc, k, sentence, cues)
        return _parsed_clause_subject(doc, sentence.start, k)[1] or _subject(doc, sentence.start, k, cues)
    return None


def _parsed_clause_subject(doc: Doc, start: int, end: int) -> tuple[int | None, Span | None]:
    """The first finite verb of the main clause in [start, end) and its subject as the
    parse has it, which sees through a fronted object or adverbial ("Die Anwendung
    stellte der Minister in Frage:") and an apposition or relative clause ("Der
    Ermittler, der als Zeuge gilt, will …:") where the words mislead."""
    for k in range(start, end):
        token = _parsed_token(doc, k)
        if token is not None and token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm") \
                and token.dep_ not in ("acl", "acl:relcl", "advcl", "ccomp", "csubj"):
            _verb, subject = _subject_token(doc, k)
            return k, _phrase_span(doc, k, subject) if subject is not None else None
    return None, None


def _cue_next_sentence(doc: Doc, quote_close: int, cues: QuoteCues):
    """A quotation that closes its sentence, taken up by a demonstrative in the next
    one: "„…“ Das sagte der Minister am Montag.", "Dies berichtet die Zeitung." """
    sentence = doc[quote_close].sent
    if quote_close + 1 < sentence.end and not all(t.is_punct or t.is_space for t in doc[quote_close + 1:sentence.end]):
        return None
    start = sentence.end
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start + 1 >= len(doc) or doc[start].lower_ not in _DEMONSTRATIVES or "\n\n" in doc[sentence.end - 1].text:
        return None
    following = doc[start].sent
    for k in range(start + 1, min(start + 3, following.end)):
        if _is_cue(doc, k, following.end, cues):
            return _token_span(doc, k), _speaker_of(doc, k, following, following.end, cues)
    return None


def _subject(doc: Doc, start: int, end: int, cues: QuoteCues) -> Span | None:
    """The subject of a main clause in [start, end): the phrase before its finite verb,
    or, when that phrase is an adverbial ("Im Interview sagte er"), the one after it."""
    verb = next((k for k in range(start, end) if _finite_verb(doc[k], cues)), None)
    if verb is None:
        return None
    clause = doc[start:end]
    before = _speaker_before(doc, verb, clause)
    if before is not None and not _fronted_adverbial(doc, verb, clause):
        return before
    after = verb + 1
    if after < end and doc[after].lower_ == "sich":
        after += 1        # "Im Interview zeigte sich die Ministerin …": reflexive first
    return _speaker_after(doc, after, end, cues) or before


def _cue_in_sentence(doc, sentence, quote_open, quote_close, cues):
    """A quotation woven into a sentence whose cue stands apart ("Der Staatsanwalt sagte,
    der Sohn habe sich „bewusst und gewollt stranguliert“")."""
    for k in range(sentence.start, sentence.end):
        if quote_open <= k <= quote_close or not _is_cue(doc, k, sentence.end, cues):
            continue
        speaker = _speaker_of(doc, k, sentence, sentence.end, cues)
        if speaker:
            return _token_span(doc, k), speaker
    return None


def _speaker_of(doc: Doc, cue: int, sentence: SpacySpan, end: int, cues: QuoteCues) -> Span | None:
    """The speaker of a cue verb: the inverted subject right after it ("sagte Kerry",
    "erklärte er") when one stands there or the phrase before the verb is an
    adverbial ("In einem Interview erklärte er"), else the subject before it."""
    decided, parsed = _parse_speaker(doc, cue)
    if decided:
        return parsed
    nxt = doc[cue + 1] if cue + 1 < end else None
    before = _speaker_before(doc, cue, sentence)
    inverted = nxt is not None and (nxt.lower_ in _PRONOUNS or nxt.lower_ in ("der", "die", "das")
                                    or nxt.text[:1].isupper())
    if before is None or inverted and _fronted_adverbial(doc, cue, sentence):
        return _speaker_after(doc, cue + 1, end, cues) or before or _parted_subject(doc, cue, sentence, cues) \
            or _auxiliary_subject(doc, cue, sentence, cues) or _wie_clause_source(doc, cue, sentence, cues)
    return before


def _wie_clause_source(doc: Doc, cue: int, sentence: SpacySpan, cues: QuoteCues) -> Span | None:
    """The source of a cue that closes a "wie" clause, whatever its words ("Wie t-online.de
    berichtet", "Wie „heise online“ meldet", "Wie Steve Marshall, Sprecher der UN, in
    Bangkok mitteilte", "Wie aus einer Verlautbarung hervorgeht"): between "wie" and the
    cue stands little but the source, up to a comma, with a preposition of origin left off."""
    start = next((j for j in range(cue - 1, max(sentence.start, cue - _MAX_SPEAKER) - 1, -1)
                  if doc[j].lower_ == "wie" or _finite_verb(doc[j], cues)), None)
    if start is None or doc[start].lower_ != "wie":
        return None
    start += 1
    if start < cue and (doc[start].lower_ in cues.origin_preps or doc[start].lower_ in cues.source_preps):
        start += 1
    end = next((j for j in range(start, cue) if doc[j].text == ","), cue)
    if end <= start or doc[start].lower_ == "man" or doc[start].lower_ in _NOT_SUBJECT_START:
        return None
    return _trimmed(doc, start, end)


def _auxiliary_subject(doc: Doc, cue: int, sentence: SpacySpan, cues: QuoteCues) -> Span | None:
    """The subject of a participle cue by its auxiliary ("Am Montag hat der Minister (SPD)
    gefordert, …", "Der Minister hatte im Juni angekündigt, …"): the subject of the
    clause whose finite verb is the auxiliary."""
    if not doc[cue].lower_.endswith(("t", "en")):
        return None
    aux = next((k for k in range(cue - 1, sentence.start - 1, -1)
                if doc[k].lower_ in cues.finite_aux or doc[k].text in (",", ";", ":")), None)
    if aux is None or doc[aux].lower_ not in cues.finite_aux:
        return None
    return _subject(doc, sentence.start, cue, cues)


def _parted_subject(doc: Doc, cue: int, sentence: SpacySpan, cues: QuoteCues) -> Span | None:
    """A subject that an apposition or a relative clause parts from its cue verb: the
    noun phrase that opens the sentence before a comma ("Hans Papier, Präsident des
    Gerichts, sagte …", "Deiss, der sich entschlossen hatte, sagte …")."""
    if cue == sentence.start or doc[cue - 1].text != ",":
        return None
    comma = next((k for k in range(sentence.start, cue) if doc[k].text == ","), None)
    if comma is None or comma == sentence.start:
        return None
    words = doc[sentence.start:comma]
    first = words[0].lower_
    if first in _NOT_SUBJECT_START or first in cues.not_subject or first in _SUBORDINATORS \
            or first in cues.not_content or len(words) > _MAX_SPEAKER \
            or not words[0].text[:1].isupper() or any(t.is_punct and t.text not in "()-" for t in words) \
            or any(_finite_verb(t, cues) for t in words):
        return None
    return _trimmed(doc, sentence.start, comma)


def _fronted_adverbial(doc: Doc, cue: int, sentence: SpacySpan) -> bool:
    start = cue
    while start > sentence.start and not doc[start - 1].is_punct:
        start -= 1
    return start == cue or doc[start].lower_ in _NOT_SUBJECT_START or \
        doc[start].lower_ in load_quote_cues().not_subject


def _speaker_before(doc: Doc, cue: int, sentence: SpacySpan, cues: QuoteCues | None = None) -> Span | None:
    """The subject before a cue verb: "Der Minister sagte"."""
    cues = cues or load_quote_cues()
    start = cue
    while start > sentence.start and cue - start < _MAX_SPEAKER:
        if doc[start - 1].is_punct:
            opening = _quoted_name_start(doc, start - 1, sentence, cues)
            if opening is None:
                break
            start = opening
            continue
        start -= 1
    words = [t for t in doc[start:cue]]
    # "Wie schon die WHO sagte": after "wie" the verb closes the clause, and an adverb
    # before its subject is no adverbial that puts the subject after the verb
    subordinate = bool(words) and words[0].lower_ == "wie"
    if subordinate:
        words = words[1:]
    # drop a leading adverb or conjunction ("Auch Kerry sagte")
    while words and (words[0].lower_ in ("auch", "zudem", "außerdem", "und", "doch", "aber", "so", "nun",
                                         "dann", "später", "zuvor", "bereits")
                     or subordinate and words[0].lower_ in cues.not_subject):
        words = words[1:]
    if not words or words[0].lower_ in _NOT_SUBJECT_START or words[0].lower_ in cues.not_subject:
        return None
    if not (any(t.text[:1].isupper() for t in words) or words[-1].lower_ in _PRONOUNS):
        return None
    # a subject is a noun phrase: no verb inside
    if any(_looks_like_verb(t) for t in words):
        return None
    first = next((t.i for t in words if _finite_verb(t, cues)), None)
    if first is not None and doc[cue - 1].lower_ == "und" and first < cue - 1:
        return _first_conjunct_subject(doc, start, first, cue, sentence, cues)
    if first is not None and first > words[0].i and doc[first].lower_ in cues.finite_aux:
        # "Die Zeitung hatte im September berichtet": the subject ends at the auxiliary
        return _trimmed(doc, words[0].i, first)
    return _trimmed(doc, words[0].i, cue)


def _first_conjunct_subject(doc: Doc, start: int, verb: int, cue: int, sentence: SpacySpan,
                            cues: QuoteCues) -> Span | None:
    """The subject of a cue verb joined by "und" to a verb before it ("Adamou dankte den
    Menschen und ergänzte, …", "Dann zogen die Demonstranten los und riefen …", "Einer
    der Putschisten, Adamou, dankte … und ergänzte"): the subject of the clause of that
    first verb (from ``start``), not the words between."""
    return _subject(doc, start, cue - 1, cues) or _parted_subject(doc, verb, sentence, cues)
