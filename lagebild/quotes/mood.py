"""The mood of reported speech: whether a sentence is in the subjunctive (a Konjunktiv I
verb, the hearsay modal "soll", a Konjunktiv II), whether its Konjunktiv I opens a report
on its own, and a main clause in the indicative whose complement is in the subjunctive,
which reports for its own subject whatever its verb ("Die Experten kamen zu dem
Ergebnis, dass es keine Beweise gebe")."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.quotes.clauses import _relative_clause
from lagebild.quotes.cues import (
    _DETERMINERS,
    _E_NOT_VERB,
    _OPEN,
    _PRONOUNS,
    _SUBORDINATORS,
    QuoteCues,
    _finite_verb,
)
from lagebild.quotes.spans import _token_span, _trimmed
from lagebild.quotes.speakers import _parsed_clause_subject, _subject
from lagebild.records import Quote

# Konjunktiv I forms that differ from the first person indicative ("ich bin", "ich kann").
_ONLY_KONJUNKTIV = frozenset({"sei", "könne", "müsse", "wolle", "dürfe", "solle", "möge"})
# How many words into a clause after a comma its subjunctive verb may stand ("…, die
# Lage im Land werde sich bessern") for the clause to count as reported.
_V2_REACH = 6


def _is_subjunctive(sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A sentence that reports: a Konjunktiv I verb ("sei", "bestehe") or the hearsay
    modal "soll(en)" ("Er soll das Geld genommen haben")."""
    return any(t.lower_ in cues.subjunctive or t.lower_ in cues.reportative or _konjunktiv_i(t)
               for t in sentence)


def _goes_on_reporting(sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A sentence in the mood of reported speech (:func:`_is_subjunctive`) by more than
    a hedging modal: "Die Lage könnte sich verschärfen" weighs a possibility in the
    reporter's own words as often as it goes on quoting the speaker before."""
    return any((t.lower_ in cues.subjunctive and t.lower_ not in cues.hedging_modals)
               or t.lower_ in cues.reportative or _konjunktiv_i(t) for t in sentence if not _first_person(t))


def _konjunktiv_i_sentence(sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A sentence with a Konjunktiv I verb ("sei", "bestehe"), the mood of reported
    speech alone.  The Konjunktiv II ("würde", "hätte") and "soll" also plan, suppose or
    wish ("Das Werk soll verkauft werden"): they go on a report under way, but open none."""
    if any(t.lower_ in cues.subjunctive and t.lower_ not in cues.weak_subjunctive or _konjunktiv_i(t)
           for t in sentence if not _first_person(t)):
        return True
    # "soll" with a perfect infinitive is hearsay alone: "Er soll Geld angenommen haben"
    modal = next((t.i for t in sentence if t.lower_ in cues.reportative), None)
    return modal is not None and any(t.lower_ in ("haben", "sein") for t in sentence.doc[modal + 1:sentence.end])


def _first_person(token) -> bool:
    """A verb in "-e" next to its subject "ich": the first person indicative ("ich denke",
    "habe ich"), which looks like a Konjunktiv I but is no reported speech.  Forms that
    are only ever Konjunktiv ("sei", "könne") stay one."""
    if not token.lower_.endswith("e") or token.lower_ in _ONLY_KONJUNKTIV:
        return False
    doc = token.doc
    return any(0 <= j < len(doc) and doc[j].lower_ == "ich" for j in (token.i - 1, token.i + 1))


def _konjunktiv_i(token) -> bool:
    """Third person Konjunktiv I: the infinitive less its final "n" ("bestehe" <- "bestehen",
    "arbeite" <- "arbeiten"); the preterite "sagte" does not fit ("sagten" is no lemma).
    Determiners and possessives that look alike ("eine", "meine") are left out."""
    lower = token.lower_
    return lower.endswith("e") and token.text[:1].islower() and lower not in _DETERMINERS \
        and lower not in _E_NOT_VERB and token.lemma_ == lower + "n"


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
        # the parse has no subject for the verb (it takes "Ein Manager … ließ" for an
        # object): the words say where it stands, before the verb or after it
        verb, subject = _word_clause_subject(doc, sentence.start, comma, cues)
    if subject is None:
        return None
    return Quote(_trimmed(doc, comma + 1, sentence.end), "indirect", speaker=subject, cue=_token_span(doc, verb))


def _word_clause_subject(doc: Doc, start: int, end: int, cues: QuoteCues):
    """The first finite verb of the clause [start, end) and its subject as the words
    have it (:func:`lagebild.quotes.speakers._subject`), no pronoun: that stands for
    someone named before, whom the free indirect speech goes on quoting."""
    verb = next((k for k in range(start, end) if _finite_verb(doc[k], cues)), None)
    if verb is None:
        return None, None
    subject = _subject(doc, start, end, cues)
    if subject is not None and subject.text.lower() in _PRONOUNS:
        return verb, None        # "Sie zeigten, dass …": the pronoun stands for the speaker before
    return verb, subject


def _v2_report(doc: Doc, start: int, sentence: SpacySpan, cues: QuoteCues) -> bool:
    """A reported main clause after the comma at ``start - 1``, its verb in the
    subjunctive near its start ("Er zeigte sich zuversichtlich, die Lage werde sich
    bessern"), not a relative or adverbial clause nor a main clause joined by "und".  Only after a plain main clause with
    no comma or quotation of its own, whose subject the parse can be trusted with."""
    if any(t.text == "," or t.text in _OPEN for t in doc[sentence.start:start - 1]):
        return False
    first = doc[start].lower_
    if first in _SUBORDINATORS or first in cues.not_content or first in cues.coordinators or first == "zu" \
            or _relative_clause(doc, start, sentence):
        return False
    end = next((c for c in range(start, sentence.end) if doc[c].text in (",", ";", ":")), sentence.end)
    return any(t.lower_ in cues.subjunctive or _konjunktiv_i(t) for t in doc[start:min(end, start + _V2_REACH)])
