"""Quotations of a document: direct, indirect, reported and free indirect speech,
found by rules over tokens, lemmas and sentences (see the package docstring)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.quotes.clauses import _content_start, _has_verb, _relative_clause
from lagebild.quotes.cues import (
    _DEMONSTRATIVES,
    _DETERMINERS,
    _E_NOT_VERB,
    _OPEN,
    _SUBORDINATORS,
    QuoteCues,
    _finite_verb,
    _is_cue,
    _is_name,
    _names,
    load_quote_cues,
)
from lagebild.quotes.opinions import _is_opinion, _opinion
from lagebild.quotes.parse import (
    _parse_cue_sentences,
    _parse_speaker,
    _parsed_token,
    _phrase_span,
    _source_phrase,
    _subject_end,
    _subject_token,
)
from lagebild.quotes.spans import _token_span, _trimmed
from lagebild.quotes.speakers import (
    _cue_after,
    _cue_before,
    _cue_in_sentence,
    _cue_next_sentence,
    _introducing_subject,
    _parsed_clause_subject,
    _phrase_end,
    _phrase_start,
    _speaker_after,
    _speaker_before,
    _speaker_of,
)
from lagebild.records import Entity, Quote, Span

# How many words into a clause after a comma its subjunctive verb may stand ("…, die
# Lage im Land werde sich bessern") for the clause to count as reported.
_V2_REACH = 6


def find_quotes(doc: Doc, mentions: list | None = None, doc_id: str = "") -> list[Quote]:
    """All quotations of a document, in text order."""
    cues = load_quote_cues()
    quotes: list[Quote] = []
    last_speaker: Span | None = None
    _parse_cue_sentences(doc, cues)
    direct = _direct_quotes(doc, cues)
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
        mostly_quoted = any(2 * (q.quote.end - q.quote.start) > whole.end - whole.start for q in found)
        act = _speech_act(doc, sentence, cues) if not clause and not mostly_quoted else None
        if act is not None:
            found.append(act)
            found.sort(key=lambda q: q.quote.start)
        elif not clause and not mostly_quoted and _is_subjunctive(sentence, cues) and \
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
                    passage.quote = Span(passage.quote.start, whole.end, doc.text[passage.quote.start:whole.end])
                    quotes.extend(found)
                    previous = (sentence, previous[1])
                    continue
                found.append(Quote(whole, "free_indirect", speaker=last_speaker))
            found.sort(key=lambda q: q.quote.start)
        for quote in found:
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
    return quotes


def _passage(doc: Doc, previous: tuple[SpacySpan, list[Quote]] | None, found: list[Quote],
             whole: Span, speaker: Span | None) -> Quote | None:
    """The free indirect quotation of the sentence before that the sentence ``whole``,
    in the subjunctive with nothing else found, goes on in the same paragraph and with
    the same speaker ("Die Lage sei ernst. Man müsse handeln."): the corpus takes such
    a passage as one quotation, not one a sentence."""
    if previous is None or found or not previous[1]:
        return None
    last = previous[1][-1]
    if last.kind != "free_indirect" or last.speaker is not speaker or "\n" in doc.text[last.quote.end:whole.start]:
        return None
    return last


# -- the four kinds ----------------------------------------------------------------------
def _direct_quotes(doc: Doc, cues: QuoteCues) -> list[Quote]:
    """Words in quotation marks, which may run over several sentences of a paragraph;
    the cue stands in the sentence that closes the quotation or the one opening it."""
    quotes = []
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
            speaker = _introducing_subject(doc, i, cues)
        if cue is not None or len(doc[i + 1:j]) > 3:
            quotes.append(Quote(quote, "direct", speaker=speaker, cue=cue))
        i = j + 1
    return quotes


def _named(doc: Doc, quote_open: int, cues: QuoteCues) -> bool:
    """Words in quotation marks given as a name by a naming verb just before them ("Der
    wissenschaftliche Name lautet also „Tiktaalik roseae“")."""
    for k in range(quote_open - 1, max(doc[quote_open].sent.start, quote_open - 3) - 1, -1):
        if doc[k].is_punct:
            return False
        if doc[k].lemma_.lower() in cues.naming_verbs:
            return _names(doc, k, cues)
    return False


def _indirect(doc: Doc, sentence: SpacySpan, cues: QuoteCues) -> list[Quote]:
    for k in range(sentence.start, sentence.end):
        token = doc[k]
        if token.lower_ == "so" and k > sentence.start and doc[k - 1].text == ",":
            # "…, so Kongresskreise."
            verb = k + 1
            if verb < sentence.end and _finite_verb(doc[verb], cues) and doc[verb].lower_ not in _DETERMINERS:
                # "so" opens a main clause: "…, so wurde der Hafen geschlossen"; only a
                # cue verb there reports ("Ein „Sieg“, so urteilte Romney"), and with a
                # comma after it ("…, so schätzen die Forscher, …") the cue's own rules
                # read it
                if _is_cue(doc, verb, sentence.end, cues) and \
                        not any(doc[c].text in (",", ":") for c in range(verb + 1, sentence.end)):
                    speaker = _speaker_after(doc, verb + 1, sentence.end, cues)
                    if speaker:
                        return [Quote(_trimmed(doc, sentence.start, k - 1), "indirect",
                                      speaker=speaker, cue=_token_span(doc, verb))]
                continue
            speaker = _speaker_after(doc, k + 1, sentence.end, cues)
            if speaker and not _so_clause(doc, speaker, cues):
                return [Quote(_trimmed(doc, sentence.start, k - 1), "indirect",
                              speaker=speaker, cue=_token_span(doc, k))]
            continue
        if _is_opinion(doc, k, cues):
            quote = _opinion(doc, k, sentence, cues)
            if quote is not None:
                return [quote]
            continue
        if not _is_cue(doc, k, sentence.end, cues):
            continue
        comma = next((c for c in range(k + 1, sentence.end) if doc[c].text in (",", ":")), None)
        before = next((c for c in range(k - 1, sentence.start - 1, -1) if doc[c].text in (",", ":")), None)
        content = _content_start(doc, k, comma, sentence, cues) \
            if comma is not None and comma + 1 < sentence.end - 1 else None
        if content is not None:
            # "X sagte, dass …" / "sagte X, …"
            speaker = _speaker_of(doc, k, sentence, comma, cues)
            return [Quote(_trimmed(doc, content, sentence.end), "indirect",
                          speaker=speaker, cue=_token_span(doc, k))]
        if before is not None and before > sentence.start and _has_verb(doc, sentence.start, before, cues):
            # "…, sagte X." / "…, teilte ein Sprecher mit." the complement stands first and
            # the subject follows the verb; with words between comma and verb ("…, die
            # Meteorologen wiesen darauf hin") those words are the subject
            speaker = _speaker_after(doc, k + 1, sentence.end, cues) or _wie_subject(doc, before, k, sentence, cues)
            if speaker:
                # the rules find the report, the parse (where it has a subject) its speaker
                decided, parsed = _parse_speaker(doc, k)
                speaker = parsed if decided and parsed and not _subject_in_report(doc, k, before, parsed, cues) \
                    else speaker
                return [Quote(_trimmed(doc, sentence.start, before), "indirect",
                              speaker=speaker, cue=_token_span(doc, k))]
    return []


def _reported(doc: Doc, sentence: SpacySpan, cues: QuoteCues) -> list[Quote]:
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
    if last is None or "\n" in doc.text[last.idx:doc[first].idx]:
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


def _complement_report(doc: Doc, sentence: SpacySpan, cues: QuoteCues) -> Quote | None:
    """A main clause in the indicative whose "dass"/"ob" clause (a ``complementizer``),
    or a main clause after its comma (:func:`_v2_report`), is in the subjunctive: "Die
    Aktivistin zeigte sich besorgt, dass die Täter straflos blieben", "Die Experten
    kamen zu dem Ergebnis, dass es keine Beweise gebe".  The verb is no cue the list
    knows, but the mood says reported speech, and the subject of the main clause (from
    the parse) is its speaker, not the speaker of the sentences before.  A clause that
    opens the sentence with a conjunction ("Nachdem …, dass …") is no main clause."""
    comma = next((c for c in range(sentence.start + 1, sentence.end - 1) if doc[c].text == "," and
                  (doc[c + 1].lower_ in cues.complementizers or _v2_report(doc, c + 1, sentence, cues))), None)
    first = doc[sentence.start].lower_
    if comma is None or first in _SUBORDINATORS or first in cues.not_content or \
            _is_subjunctive(doc[sentence.start:comma], cues) or not _is_subjunctive(doc[comma + 1:sentence.end], cues):
        return None
    verb, subject = _parsed_clause_subject(doc, sentence.start, comma)
    if subject is None:
        return None
    return Quote(_trimmed(doc, comma + 1, sentence.end), "indirect", speaker=subject, cue=_token_span(doc, verb))


def _v2_report(doc: Doc, start: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A reported main clause after the comma at ``start - 1``, its verb in the
    subjunctive near its start ("Er zeigte sich zuversichtlich, die Lage werde sich
    bessern"), not a relative or adverbial clause.  Only after a plain main clause with
    no comma or quotation of its own, whose subject the parse can be trusted with."""
    if any(t.text == "," or t.text in _OPEN for t in doc[sentence.start:start - 1]):
        return False
    first = doc[start].lower_
    if first in _SUBORDINATORS or first in cues.not_content or first == "zu" or _relative_clause(doc, start, sentence):
        return False
    end = next((c for c in range(start, sentence.end) if doc[c].text in (",", ";", ":")), sentence.end)
    return any(t.lower_ in cues.subjunctive or _konjunktiv_i(t) for t in doc[start:min(end, start + _V2_REACH)])


def _speech_act(doc: Doc, sentence: SpacySpan, cues: QuoteCues) -> Quote | None:
    """A sentence that reports a speech act without quoting its content: "Die Gewerkschaft
    forderte höhere Löhne", "Der Minister sprach von einem Erfolg".  The corpus counts the
    whole sentence as the quotation, its subject as the speaker.  Only with a subject
    from the parse (without a content clause there is no comma for the rules to go by),
    and only in a main clause in the active voice: a relative clause ("…, die einen
    Kompromiss ablehnen") reports no act of the sentence's own, and a passive ("Weitere
    Aktionen sind angekündigt") has its addressee or topic as subject, not its speaker."""
    for k in range(sentence.start, sentence.end):
        if not _is_cue(doc, k, sentence.end, cues, cues.act_lemmas):
            continue
        verb, subject = _subject_token(doc, k)
        if verb is not None and verb.dep_ in ("ROOT", "conj", "parataxis") and _passive(verb):
            # "Die Pläne wurden von der Opposition als unrealistisch bezeichnet": the
            # agent of the passive is the speaker; without one there is none to name
            agent = _source_phrase(verb, cues.agent_preps)
            if agent is not None and agent.pos_ in ("NOUN", "PROPN"):
                return Quote(_trimmed(doc, sentence.start, sentence.end), "reported",
                             speaker=_phrase_span(doc, k, agent), cue=_token_span(doc, k))
            continue
        if subject is None or verb.dep_ not in ("ROOT", "conj", "parataxis") \
                or subject.pos_ not in ("NOUN", "PROPN", "PRON") or "Rel" in subject.morph.get("PronType"):
            continue
        if any(c.dep_ in ("obj", "nsubj") and c.lemma_.lower() in cues.not_act_object for c in verb.children):
            # "Das Beben forderte drei Menschenleben": a toll, no demand; also with the
            # object fronted, which the parser takes for the subject ("Zwölf Todesopfer
            # forderte ein Taifun")
            continue
        return Quote(_trimmed(doc, sentence.start, sentence.end), "reported",
                     speaker=_phrase_span(doc, k, subject), cue=_token_span(doc, k))
    return None


def _adjective(doc: Doc, k: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """"laut" as the adjective "loud": before a form of "werden" ("Kritik ist laut
    geworden", "Vorwürfe werden laut") or closing the sentence ("Kritik wurde laut.");
    the preposition always has a noun phrase after it."""
    nxt = next((t for t in doc[k + 1:sentence.end] if not t.is_space), None)
    return nxt is None or nxt.lower_ in cues.adjective_after or nxt.text in (".", "!", "?", ";")


def _so_clause(doc: Doc, speaker: Span, cues: QuoteCues) -> bool:
    """"so" that opens a main clause rather than naming a source: "…, so lange könne
    die Belastung nicht bestehen", "…, so mancher Reifen wurde gewechselt": a finite
    verb in what would be the speaker, where "…, so der Minister" has a noun phrase alone."""
    words = doc.char_span(speaker.start, speaker.end, alignment_mode="expand") or ()
    return any(_finite_verb(t, cues) and t.lower_ not in _DETERMINERS for t in words)


def _passive(verb) -> bool:
    """A verb in the passive: with "werden" ("wird vorgeworfen") or, as a participle,
    with "sein" ("sind angekündigt"), where the perfect of these verbs takes "haben"."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    if any(c.dep_ == "aux:pass" for c in auxiliaries):
        return True
    return "Part" in verb.morph.get("VerbForm") and not any(c.lemma_ == "haben" for c in auxiliaries)


def _is_subjunctive(sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A sentence that reports: a Konjunktiv I verb ("sei", "bestehe") or the hearsay
    modal "soll(en)" ("Er soll das Geld genommen haben")."""
    return any(t.lower_ in cues.subjunctive or t.lower_ in cues.reportative or _konjunktiv_i(t)
               for t in sentence)


def _konjunktiv_i_sentence(sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A sentence with a Konjunktiv I verb ("sei", "bestehe"), the mood of reported
    speech alone.  The Konjunktiv II ("würde", "hätte") and "soll" also plan, suppose or
    wish ("Das Werk soll verkauft werden"): they go on a report under way, but open none."""
    if any(t.lower_ in cues.subjunctive and t.lower_ not in cues.weak_subjunctive or _konjunktiv_i(t)
           for t in sentence):
        return True
    # "soll" with a perfect infinitive is hearsay alone: "Er soll Geld angenommen haben"
    modal = next((t.i for t in sentence if t.lower_ in cues.reportative), None)
    return modal is not None and any(t.lower_ in ("haben", "sein") for t in sentence.doc[modal + 1:sentence.end])


def _konjunktiv_i(token) -> bool:
    """Third person Konjunktiv I: the infinitive less its final "n" ("bestehe" <- "bestehen",
    "arbeite" <- "arbeiten"); the preterite "sagte" does not fit ("sagten" is no lemma).
    Determiners and possessives that look alike ("eine", "meine") are left out."""
    lower = token.lower_
    return lower.endswith("e") and token.text[:1].islower() and lower not in _DETERMINERS \
        and lower not in _E_NOT_VERB and token.lemma_ == lower + "n"


def _resolve(speaker: Span | None, mentions: list) -> Entity | None:
    if speaker is None:
        return None
    inside = [m for m in mentions if speaker.start <= m.start and m.end <= speaker.end and m.code]
    if not inside:
        return None
    best = max(inside, key=lambda m: m.end - m.start)
    return Entity(code=best.code, sector=best.sector, name=best.name, text=best.text,
                  start=best.start, end=best.end)


def _wie_subject(doc: Doc, comma: int, k: int, sentence: SpacySpan, cues: QuoteCues) -> Span | None:
    """The subject of a cue in a "wie" clause after its report ("Die Lage ist ernst, wie
    der Minister mitteilte"): it stands before the verb that closes the clause."""
    if doc[comma + 1].lower_ != "wie":
        return None
    return _speaker_before(doc, k, sentence, cues)


def _subject_in_report(doc: Doc, k: int, comma: int, speaker: Span, cues: QuoteCues) -> bool:
    """Whether the subject the parse gives a cue that follows its report ("Die Lage sei
    ernst, bestätigte ein Sprecher") is the report's own subject: the phrase holds a
    verb, or a verb of a main clause stands between the subject with its clauses and
    the comma.  A subject whose relative clause or apposition ends at the comma
    ("Celebi, die oft Frauen vertritt, nennt das einen Skandal") is the cue's."""
    if speaker.start >= doc[comma].idx:
        return False
    words = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if words is None or _has_verb(doc, words.start, words.end, cues):
        return True
    start = _subject_end(doc, k)
    while start is not None and start < comma:
        end = next((c for c in range(start, comma) if doc[c].text == ","), comma)
        while start < end and doc[start].is_punct:
            start += 1
        if start < end and _has_verb(doc, start, end, cues) and not _subordinate(doc, start, cues):
            return True
        start = end + 1
    return False


def _subordinate(doc: Doc, start: int, cues: QuoteCues) -> bool:
    """A clause opened by a relative pronoun or a conjunction ("…, die den Brief
    unterschrieben, …"), which hangs from the subject or the sentence, no main clause."""
    sentence = doc[start].sent
    return _relative_clause(doc, start, sentence) or doc[start].lower_ in _SUBORDINATORS \
        or doc[start].lower_ in cues.not_content


def _same_span(a: Span, b: Span) -> bool:
    """Two spans covering mostly the same characters (a clause that is all quotation)."""
    common = min(a.end, b.end) - max(a.start, b.start)
    return common > 0.8 * max(a.end - a.start, b.end - b.start)


def _inside(clause: Span, quotation: Span) -> bool:
    """A clause within a quotation, up to its closing mark."""
    return quotation.start <= clause.start and clause.end <= quotation.end + 1


def _opens_with(clause: Span, quotation: Span) -> bool:
    """A clause that starts at the quotation marks is the quotation itself
    ("Kerry sagte: „Wir kommen. …“"), not a report around it."""
    return quotation.start - 1 <= clause.start < quotation.end


