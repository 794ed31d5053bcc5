"""A rejection that answers the sentence before it.

"Die Regierung der Krim warf der Regierung in Kiew vor, … Die frühere Sowjetrepublik
wies dies zurück.": the rejection names its object only by an anaphor ("dies", "die
Vorwürfe") and its actor by a description the lexicon cannot resolve.  Who rejects is
the one accused (or asked, or threatened) in the sentence before, and the one rejected
is the one who accused.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from lagebild.events.lexicon import Cues
from lagebild.records import NON_STATE_CODES, Entity, Event

# What a rejection can answer: an accusation, a demand, a threat.
ANSWERED_TYPES = {"ACCUSE", "REQUEST", "THREATEN"}


def answer_previous(event: Event, sentence: SpacySpan, previous: SpacySpan | None,
                    events: list[Event], cues: Cues) -> Event:
    """Fill a REJECT's missing sides from the last accusation, demand or threat of the
    sentence before, when the rejection points back at it with an anaphor."""
    if event.event != "REJECT" or previous is None or _coded(event.recipient):
        return event
    if not _points_back(sentence, cues):
        return event
    answered = next((e for e in reversed(events) if e.event in ANSWERED_TYPES
                     and any(previous.start_char <= s.start < previous.end_char for s in e.evidence)), None)
    if answered is None or not _coded(answered.actor):
        return event
    # "Die frühere Sowjetrepublik wies dies zurück": no side named, the accused answers
    # (the answering side is not named here: its state, not the organ accused)
    actor = event.actor if _coded(event.actor) else [_unmentioned(e, state_only=True)
                                                    for e in answered.recipient if e.code]
    accusers = [_unmentioned(e) for e in answered.actor if e.code]
    if not actor or {(a.code, a.sector) for a in actor} & {(a.code, a.sector) for a in accusers}:
        return event    # no one to answer, or the accuser's own side
    return replace(event, actor=actor, recipient=accusers)


def _points_back(sentence: SpacySpan, cues: Cues) -> bool:
    """The sentence names what it rejects by an anaphor: "dies"/"das" standing alone
    ("wies das zurück"), or a demonstrative before an accusation noun ("diese Vorwürfe")."""
    for t in sentence[:-1]:
        after = t.nbor(1)
        if t.lower_ in cues["anaphoric_pronoun"] and not (after.is_alpha and after.text[:1].isupper()):
            return True
        if t.lower_ in cues["demonstrative"] and after.lower_ in cues["anaphoric_object"] \
                and not _content_follows(after):
            return True
    return False


def _content_follows(noun) -> bool:
    """ "die Vorwürfe, er habe …", "die Vorwürfe der Opposition": the noun is told here."""
    if noun.i + 1 >= len(noun.doc):
        return False
    after = noun.nbor(1)
    return after.text in (",", ":") or after.lower_ in ("der", "des", "gegen", "von", "über", "wegen", "nach")


def _coded(entities: list[Entity]) -> bool:
    return any(e.code for e in entities)


def _unmentioned(entity: Entity, state_only: bool = False) -> Entity:
    """A party taken from another sentence: its code and sector (or only the state's
    code), not its words here."""
    if state_only and entity.code not in NON_STATE_CODES:
        return Entity(code=entity.code)
    return Entity(code=entity.code, sector=entity.sector, name=entity.name)
