"""Indirect speech: a cue verb with a speaker and a complement clause ("sagte Liwei,
dass …", "Der Minister erklärte, die Lage sei ernst", "…, teilte ein Sprecher mit",
"…, so Kongresskreise"), or an opinion held (:mod:`lagebild.quotes.opinions`)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.quotes.clauses import _content_start, _has_verb, _relative_clause
from lagebild.quotes.cues import (
    _DETERMINERS,
    _OPEN,
    _SUBORDINATORS,
    QuoteCues,
    _finite_verb,
    _is_cue,
)
from lagebild.quotes.opinions import _is_opinion, _opinion
from lagebild.quotes.parse import _impersonal_source, _parse_speaker, _parsed_token, _subject_end
from lagebild.quotes.phrases import _speaker_after
from lagebild.quotes.spans import _token_span, _trimmed
from lagebild.quotes.speakers import _speaker_before, _speaker_of
from lagebild.records import Quote, Span


# Word classes the parse tags reliably, none of them a verb.
_CLOSED_CLASSES = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "NUM", "PUNCT"})


def _indirect(doc: Doc, sentence: SpacySpan, cues: QuoteCues) -> list[Quote]:
    """The report of the first cue in the sentence that has one: "…, so X" after its
    report, an opinion held, a cue verb whose comma opens a content clause ("X sagte,
    dass …") or that follows its report after a comma ("…, sagte X")."""
    quoted = _quoted_tokens(doc, sentence)
    for k in range(sentence.start, sentence.end):
        token = doc[k]
        if k in quoted:
            # a cue inside quotation marks is the quoted speaker's word, no cue of the
            # sentence ("Nach Auffassung der CDU sei es „untragbar, dass eine
            # verurteilte Terroristin unterrichtet“": no report by "verurteilte")
            continue
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
            # "…, so auch die Mutter" compares ("as did"), it names no source
            speaker = _speaker_after(doc, k + 1, sentence.end, cues) if doc[k + 1].lower_ != "auch" else None
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
        if content is not None and doc[comma].text == "," and not _clause_has_verb(doc, content, sentence.end, cues):
            # a comma that opens no clause but an apposition of the speaker ("…“, sagte
            # Andrew Wetzler, ein Anwalt des Verbands."): no report after it
            content = None
        if content is not None:
            # "X sagte, dass …" / "sagte X, …"
            speaker = _speaker_of(doc, k, sentence, comma, cues)
            return [Quote(_trimmed(doc, content, sentence.end), "indirect",
                          speaker=speaker, cue=_token_span(doc, k))]
        if before is not None and before > sentence.start and _has_verb(doc, sentence.start, before, cues) \
                and _impersonal(doc, k, sentence, cues):
            # "…, hieß es aus Regierungskreisen": the source, if any, follows "es"
            return [Quote(_trimmed(doc, sentence.start, before), "indirect",
                          speaker=_impersonal_source(doc, k) or _source_after_es(doc, k, sentence, cues),
                          cue=_token_span(doc, k))]
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


def _impersonal(doc: Doc, k: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """An impersonal cue with its "es" right after it: "…, heißt es", "…, hieß es in …"."""
    return doc[k].lemma_.lower() in cues.impersonal and k + 1 < sentence.end and doc[k + 1].lower_ == "es"


def _source_after_es(doc: Doc, k: int, sentence: SpacySpan, cues: QuoteCues) -> Span | None:
    """The source phrase right after "heißt es" as the words have it, where the parse
    hangs it elsewhere: "…, hieß es vom Sprecher Mark Toner"."""
    prep = k + 2
    if prep >= sentence.end or doc[prep].lower_ not in cues.source_preps | cues.agent_preps:
        return None
    return _speaker_after(doc, prep + 1, sentence.end, cues)


def _clause_has_verb(doc: Doc, start: int, end: int, cues: QuoteCues) -> bool:
    """A verb among the tokens [start, end): so tagged in the parse, or a word the rules
    read as a finite verb that the parse does not call a word of a closed class (the
    words alone take "ein" for a form of "einen"; the tagger misses Konjunktiv forms
    such as "bekenne", so an open class does not count against them)."""
    for k in range(start, end):
        token = _parsed_token(doc, k)
        if token is not None and token.pos_ in ("VERB", "AUX"):
            return True
        if _finite_verb(doc[k], cues) and (token is None or token.pos_ not in _CLOSED_CLASSES):
            return True
    return False


def _quoted_tokens(doc: Doc, sentence: SpacySpan) -> set[int]:
    """The tokens of ``sentence`` between an opening quotation mark and its closing one."""
    inside: set[int] = set()
    k = sentence.start
    while k < sentence.end:
        close = _OPEN.get(doc[k].text)
        end = next((j for j in range(k + 1, sentence.end) if doc[j].text == close), None) if close else None
        if end is None:
            k += 1
            continue
        inside.update(range(k + 1, end))
        k = end + 1
    return inside


def _so_clause(doc: Doc, speaker: Span, cues: QuoteCues) -> bool:
    """"so" that opens a main clause rather than naming a source: "…, so lange könne
    die Belastung nicht bestehen", "…, so mancher Reifen wurde gewechselt": a finite
    verb in what would be the speaker, where "…, so der Minister" has a noun phrase alone."""
    words = doc.char_span(speaker.start, speaker.end, alignment_mode="expand") or ()
    return any(_finite_verb(t, cues) and t.lower_ not in _DETERMINERS for t in words)


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
