"""Quotations of a document: direct, indirect, reported and free indirect speech,
found by rules over tokens, lemmas and sentences (see the package docstring).

This module walks the sentences and holds the glue: words in quotation marks are found
here, a report of each sentence in ``indirect.py`` (cue verbs), ``reported.py`` (cue
prepositions, adverbs and demonstratives that name a source) and ``acts.py`` (speech acts
without their content); ``mood.py`` says which sentences are in the subjunctive and so
go on reporting the last speaker."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.nlp import doc_text
from lagebild.quotes.acts import _speech_act
from lagebild.quotes.cues import _OPEN, QuoteCues, _is_name, _names, load_quote_cues
from lagebild.quotes.indirect import _indirect
from lagebild.quotes.mood import (
    _complement_report,
    _goes_on_reporting,
    _konjunktiv_i_sentence,
)
from lagebild.quotes.parse import _parse_cue_sentences
from lagebild.quotes.reported import _anaphoric, _backward, _nested_source, _reported
from lagebild.quotes.spans import _trimmed
from lagebild.quotes.speakers import (
    _cue_after,
    _cue_before,
    _cue_in_sentence,
    _cue_next_sentence,
    _introducing_subject,
    _inverted_subject_after,
)
from lagebild.records import Entity, Quote, Span


def find_quotes(doc: Doc, mentions: list | None = None, doc_id: str = "") -> list[Quote]:
    """All quotations of a document, in text order."""
    cues = load_quote_cues()
    quotes: list[Quote] = []
    last_speaker: Span | None = None
    _parse_cue_sentences(doc, cues)
    direct, words = _direct_quotes(doc, cues)
    previous: tuple[SpacySpan, list[Quote]] | None = None
    for sentence in doc.sents:
        # A sentence may hold several quotations: words in quotation marks inside an
        # indirect report ("X sagte, der Pilot trage die „volle Verantwortung“") are
        # one quotation, the reported clause around them another.
        found = [q for q in direct if sentence.start_char <= q.quote.start < sentence.end_char]
        # "Das bestätigte der Präsident, Susilo Bambang Yudhoyono." takes up the sentence
        # before: the comma after its cue opens an apposition, no report
        clause = _backward(doc, sentence, previous, cues) or _indirect(doc, sentence, cues) \
            or _reported(doc, sentence, cues) or _anaphoric(doc, sentence, cues)
        if clause and clause[0].kind != "reported":
            # a report by a cue verb may name the source it is known from ("Heute
            # bestätigte der Minister laut Reuters, dass …"): a quotation of its own
            clause = clause + _nested_source(doc, sentence, clause, cues)
        if clause and clause[0].quote.start < sentence.start_char:
            # the report takes up the sentence before, whose own guess of a quotation
            # (free indirect speech, a speech act) it replaces
            for quote in [q for q in previous[1] if q.cue is None or q.kind == "reported"]:
                previous[1].remove(quote)
                quotes.remove(quote)
        # a clause inside a quotation opened in an earlier sentence ("„Wir kommen. So
        # lange wird es nicht dauern“, so Freude.") is part of it, no report of its own
        inner = [d for d in direct if d.quote.start < sentence.start_char < d.quote.end]
        found += [q for q in clause if not any(_same_span(q.quote, d.quote) or _opens_with(q.quote, d.quote)
                                               for d in found)
                  and not any(_inside(q.quote, d.quote) for d in inner)]
        found.sort(key=lambda q: q.quote.start)
        # A sentence in the subjunctive with no report of its own goes on reporting
        # (free indirect speech); short quoted words inside it do not count as a report.
        whole = _trimmed(doc, sentence.start, sentence.end)
        # It is reported speech even when no speaker stands before it (the report may
        # open with a summary the rules do not read); the speaker then stays unknown.
        # A sentence inside a quotation opened before ("„Wir gehen. Ich glaube, wir
        # können gewinnen.“") is part of it, no report of its own either.
        mostly_quoted = any(2 * (q.quote.end - q.quote.start) > whole.end - whole.start for q in found) \
            or any(_words_inside(sentence, d.quote) for d in inner)
        act = _speech_act(doc, sentence, cues) if not clause and not mostly_quoted else None
        if act is not None:
            found.append(act)
            found.sort(key=lambda q: q.quote.start)
        elif not clause and not mostly_quoted and _goes_on_reporting(sentence, cues) and \
                (last_speaker is not None or _konjunktiv_i_sentence(sentence, cues)):
            # with no report under way, only a Konjunktiv I reports on its own
            complement = _complement_report(doc, sentence, cues)
            if complement is not None:
                # a main clause of its own reports: its subject speaks, not the last
                # speaker, also in words it quotes ("X will „…“ prüfen, ob …")
                found.append(complement)
                last_speaker = complement.speaker
            else:
                passage = _passage(doc, previous, found, whole, last_speaker)
                if passage is not None:
                    # the passage goes on: one quotation, the sentence is no report of its own
                    passage.quote = Span(passage.quote.start, whole.end, doc_text(doc)[passage.quote.start:whole.end])
                    quotes.extend(found)
                    previous = (sentence, previous[1])
                    continue
                found.append(Quote(whole, "free_indirect", speaker=last_speaker))
            found.sort(key=lambda q: q.quote.start)
        source = _source_of_sentence(clause, cues)
        for quote in found:
            if quote.speaker is None and source is not None and quote.kind == "direct":
                # quoted words in a sentence that names its source ("Nach Auffassung
                # des Ministers sei es „völlig untragbar“") are that source's
                quote.speaker = source
            if quote.speaker is None and last_speaker is not None and quote.kind == "direct":
                # the quotation goes on; a cue of its own whose speaker the rules do
                # not find ("Es wurde bekannt gegeben, dass …") names no one earlier
                quote.speaker = last_speaker
            quote.doc_id = doc_id
            if quote.speaker is not None and quote.speaker.text.lower() in cues.anaphoric:
                # "Demnach …" points back to the source last named, which stays the
                # speaker of the report that goes on
                quote.speaker_entity = _resolve(last_speaker, mentions or [])
                last_speaker = last_speaker or quote.speaker
                continue
            quote.speaker_entity = _resolve(quote.speaker, mentions or [])
            if quote.speaker is not None:
                last_speaker = quote.speaker
        quotes.extend(found)
        previous = (sentence, found)
        if not found:
            # the report ended, unless a quotation goes on through the sentence
            last_speaker = inner[-1].speaker if inner and inner[-1].speaker else None
    return _quoted_words(quotes, words)


def _source_of_sentence(found: list[Quote], cues: QuoteCues) -> Span | None:
    """The speaker of a report by a source preposition among the quotations of a
    sentence ("Nach Angaben der Polizei …", "Laut X …", "X zufolge …")."""
    return next((q.speaker for q in found if q.kind == "reported" and q.speaker is not None
                 and q.cue is not None and q.cue.text.lower() in cues.cue_preps), None)


def _quoted_words(quotes: list[Quote], words: list[Quote]) -> list[Quote]:
    """``quotes`` with the few words in quotation marks that stand inside a report ("Die
    Lage sei eine „offene Frage“, sagte er", "Laut Polizei war es „ein Unfall“"): the
    report quotes them from its speaker, and the corpus marks them as direct quotations
    of their own.  Outside a report such words are a term or an irony, no quotation."""
    added = []
    for word in words:
        around = [q for q in quotes if q.kind != "direct"
                  and q.quote.start <= word.quote.start and word.quote.end <= q.quote.end + 1]
        if around:
            report = min(around, key=lambda q: q.quote.end - q.quote.start)
            added.append(Quote(word.quote, "direct", doc_id=report.doc_id, speaker=report.speaker,
                               speaker_entity=report.speaker_entity, cue=report.cue))
    return sorted(quotes + added, key=lambda q: q.quote.start)


def _passage(doc: Doc, previous: tuple[SpacySpan, list[Quote]] | None, found: list[Quote],
             whole: Span, speaker: Span | None) -> Quote | None:
    """The free indirect quotation of the sentence before that the sentence ``whole``,
    in the subjunctive with nothing else found, goes on in the same paragraph and with
    the same speaker ("Die Lage sei ernst. Man müsse handeln."): the corpus takes such
    a passage as one quotation, not one a sentence."""
    if previous is None or found or not previous[1]:
        return None
    last = previous[1][-1]
    if last.kind != "free_indirect" or last.speaker is not speaker or "\n" in doc_text(doc)[last.quote.end:whole.start]:
        return None
    return last


# -- words in quotation marks ------------------------------------------------------
def _direct_quotes(doc: Doc, cues: QuoteCues) -> tuple[list[Quote], list[Quote]]:
    """Words in quotation marks, which may run over several sentences of a paragraph;
    the cue stands in the sentence that closes the quotation or the one opening it.
    A few words without a cue ("eine „offene Frage“") are no quotation of their own:
    they come second, for the report around them to claim (:func:`_quoted_words`)."""
    quotes, words = [], []
    i = 0
    while i < len(doc):
        close = _OPEN.get(doc[i].text)
        if close is None:
            i += 1
            continue
        j = next((k for k in range(i + 1, min(len(doc), i + 400))
                  if doc[k].text == close or "\n\n" in doc[k].text), None)
        if j is None or doc[j].text != close or j == i + 1:
            i += 1
            continue
        if _is_name(doc, i + 1, j, cues) or _named(doc, i, cues):
            # "die „Süddeutsche Zeitung“ berichtet", "Der Titel lautet „…“": a title, no quotation
            i = j + 1
            continue
        quote = _trimmed(doc, i + 1, j)
        cue, speaker = _cue_after(doc, j + 1, doc[j].sent, cues, i) \
            or _cue_before(doc, i, doc[i].sent, cues) \
            or _cue_in_sentence(doc, doc[i].sent, i, j, cues) or _cue_next_sentence(doc, j, cues) \
            or (None, None)
        if speaker is None:
            speaker = _introducing_subject(doc, i, cues) or _inverted_subject_after(doc, j + 1, doc[j].sent, cues)
        if cue is not None or len(doc[i + 1:j]) > 3:
            quotes.append(Quote(quote, "direct", speaker=speaker, cue=cue))
        else:
            words.append(Quote(quote, "direct"))
        i = j + 1
    return quotes, words


def _named(doc: Doc, quote_open: int, cues: QuoteCues) -> bool:
    """Words in quotation marks given as a name by a naming verb just before them ("Der
    wissenschaftliche Name lautet also „Tiktaalik roseae“")."""
    for k in range(quote_open - 1, max(doc[quote_open].sent.start, quote_open - 3) - 1, -1):
        if doc[k].is_punct:
            return False
        if doc[k].lemma_.lower() in cues.naming_verbs:
            return _names(doc, k, cues)
    return False


def _resolve(speaker: Span | None, mentions: list) -> Entity | None:
    """The coded actor of the longest mention inside the speaker phrase, so the event
    coder can tell who speaks."""
    if speaker is None:
        return None
    inside = [m for m in mentions if speaker.start <= m.start and m.end <= speaker.end and m.code]
    if not inside:
        return None
    best = max(inside, key=lambda m: m.end - m.start)
    return Entity(code=best.code, sector=best.sector, name=best.name, text=best.text,
                  start=best.start, end=best.end)


def _same_span(a: Span, b: Span) -> bool:
    """Two spans covering mostly the same characters (a clause that is all quotation)."""
    common = min(a.end, b.end) - max(a.start, b.start)
    return common > 0.8 * max(a.end - a.start, b.end - b.start)


def _words_inside(sentence: SpacySpan, quotation: Span) -> bool:
    """All words of a sentence (its marks aside) within a quotation."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    return bool(words) and quotation.start <= words[0].idx and words[-1].idx + len(words[-1].text) <= quotation.end


def _inside(clause: Span, quotation: Span) -> bool:
    """A clause within a quotation, up to its closing mark."""
    return quotation.start <= clause.start and clause.end <= quotation.end + 1


def _opens_with(clause: Span, quotation: Span) -> bool:
    """A clause that starts at the quotation marks is the quotation itself
    ("Kerry sagte: „Wir kommen. …“"), not a report around it."""
    return quotation.start - 1 <= clause.start < quotation.end

