"""Auxiliary mode of an event (docs/events.md §4): negation, hypothetical, future,
historical or asserted (None), from cue words around the trigger and its date.

Precedence follows what the text commits to: a negated plan is a negation ("ist
bisher nicht geplant"), a conditional future is hypothetical, and only an asserted
event can be historical.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc

from lagebild.events.clauses import Clause
from lagebild.events.dates import mentions_earlier_period, tokens_are_past
from lagebild.events.lexicon import Cues
from lagebild.events.triggers import TriggerMatch, is_infinitive

# Background older than this before publication is historical (docs §4).
HISTORICAL_GAP = timedelta(days=45)
_FUTURE_AUX = {"werde", "werden", "wird", "werdet", "wirst"}
_DASHES = {"–", "—"}


def is_past(doc: Doc, clause: Clause, trigger: TriggerMatch) -> bool:
    """The clause speaks of the past: a past auxiliary, or a preterite verb."""
    return tokens_are_past(doc[clause.start:clause.end])


def aux_mode(doc: Doc, clause: Clause, trigger: TriggerMatch, cues: Cues,
             event_date: date | None, published: date | None, past: bool = False) -> str | None:
    # a dash parts two statements ("Richter lehnte Haft ab – Mann könnte … bleiben"):
    # only the trigger's part has a say in its mode
    start, end = clause.start, clause.end
    for k in range(clause.start, clause.end):
        if doc[k].text in _DASHES:
            if k < trigger.token:
                start = k + 1
            elif k > trigger.token:
                end = k
                break
    tokens = [doc[k] for k in range(start, end)]
    words = [t.lower_ for t in tokens]
    sentence = clause.sentence
    # "schließt … nicht aus, …": the clause and the one it governs are hypothetical
    excluded_not = not_excluded(doc, clause, cues)

    # (a denial's own verb does not negate it: "dementierte die Berichte" is a REJECT)
    others = [t for t in tokens if t.i != trigger.token]
    if _negated(words, others, cues) and not excluded_not:
        return "negation"
    conditional = doc[sentence.start].lower_ in cues["conditional"] or (
        doc[sentence.start].is_punct and sentence.start + 1 < sentence.end
        and doc[sentence.start + 1].lower_ in cues["conditional"])
    if excluded_not or conditional or any(w in cues["hypothetical"] for w in words) \
            or sentence.text.rstrip().endswith("?"):
        return "hypothetical"
    if _future(doc, tokens, words, trigger, cues) or (
            event_date and published and event_date > published):
        return "future"
    if event_date and published:
        return "historical" if published - event_date > HISTORICAL_GAP else None
    if past and _background(doc[clause.start:clause.end].text, words, cues, event_date):
        return "historical"
    elliptic = clause.start > clause.sentence.start and not any(t.lower_ in cues["finite_verb"] for t in tokens)
    if elliptic and tokens_are_past(clause.sentence) \
            and _background(clause.sentence.text, [t.lower_ for t in clause.sentence], cues, None):
        # a clause sharing the sentence's auxiliary ("wurden in den vergangenen Jahren
        # festgenommen, verurteilt und freigelassen") shares its time too
        return "historical"
    return None


def _background(text: str, words: list[str], cues: Cues, event_date: date | None) -> bool:
    """Without a publication date to compare with: does the past clause tell of an
    earlier period ("damals", "im Dezember", "vor fünf Wochen", "2014 wurde …")?"""
    lowered = text.lower()
    return (any(w in cues["historical"] for w in words)
            or any(p in lowered for p in cues["historical_phrase"])
            or mentions_earlier_period(text)
            or event_date is not None)


def _negated(words: list[str], tokens, cues: Cues) -> bool:
    text = " ".join(words)
    for i, word in enumerate(words):
        if word in cues["negation"]:
            following = " ".join(words[i:i + 3])
            # "kritisierte die Regierung als nicht hilfreich": the negation is the
            # judgement's, not the act's
            predicative = i > 0 and words[i - 1] in ("als", "wie")
            if not predicative and not any(following.startswith(p) for p in cues["not_negation"]):
                return True
    return any(t.lemma_.lower() in cues["negation_lemma"] for t in tokens) and bool(text)


def not_excluded(doc: Doc, clause: Clause, cues: Cues) -> bool:
    """The clause stands under "schließt … nicht aus" (its own or the governing one)."""
    governing = doc[max(clause.sentence.start, clause.start - 12):clause.end].text.lower()
    return _hypothetical_phrase(governing, cues)


def _hypothetical_phrase(text: str, cues: Cues) -> bool:
    # "schließt … nicht aus": the words may stand apart, but close the clause
    return any(stem in text for stem in ("schließ", "schloss", "schlöss", "ausgeschlossen")) \
        and any(p in text for p in cues["hypothetical_phrase"])


def _modal_governs_other_verb(tokens, cues: Cues) -> bool:
    """ "Hadi will eine Militäroffensive gegen die Rebellen überwachen": the plan is to
    oversee; the offensive itself is under way.  A noun event is planned only where the
    clause's final infinitive is a support verb ("will Gespräche führen", "fortsetzen")."""
    words = [t for t in tokens if t.is_alpha]
    if not words:
        return False
    last = words[-1]
    return last.text[:1].islower() and len(last) > 3 and last.lower_ not in cues["particle"] \
        and is_infinitive(last) and last.lower_.endswith("n") \
        and last.lemma_.lower() not in cues["support_lemma"] and last.lower_ not in cues["future"] \
        and last.lower_ not in ("sein", "haben", "werden")


def _in_phrase(doc: Doc, noun: int, cues: Cues) -> bool:
    """The noun stands in a prepositional phrase ("soll in enger Kooperation mit …
    wirken"): it tells how the planned act is done, and is planned with it."""
    k = noun - 1
    while k >= 0 and doc[k].text[:1].islower() and doc[k].lower_ not in cues["preposition"]:
        k -= 1      # its article and adjectives
    return k >= 0 and doc[k].lower_ in cues["preposition"]


def _future(doc: Doc, tokens, words: list[str], trigger: TriggerMatch, cues: Cues) -> bool:
    if any(w in cues["hearsay"] for w in words) and any(w in ("soll", "sollen") for w in words):
        return False
    trigger_token = doc[trigger.token]
    if not trigger_token.text[:1].islower() and not _in_phrase(doc, trigger.token, cues) \
            and _modal_governs_other_verb(tokens, cues):
        return False
    infinitive = is_infinitive(trigger_token) or not trigger_token.text[:1].islower()
    for word in words:
        if word not in cues["future"]:
            continue
        if word in _FUTURE_AUX or word in ("will", "wollen", "soll", "sollen", "wollte"):
            if infinitive:      # "wird … festgenommen" is passive, "wird … treffen" future
                return True
        else:
            return True
    return False
