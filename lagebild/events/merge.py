"""One record per event: the headline and the body telling the same thing, or two
triggers of one event in a sentence, become one record with several evidence spans."""

from __future__ import annotations

from lagebild.events.conventions import PARTY_TYPES, STATE_SECTORS
from lagebild.records import Event


def merge_duplicates(events: list[Event]) -> list[Event]:
    """One record per event.

    Two records are one event when type, mode, aux and parties agree and their dates
    do not differ (the headline and the body telling the same thing), or when they
    come from the same sentence
    with the same type and aux and one's parties are a subset of the other's (two
    triggers of one event: "kommt … nach Berlin, wo er … sprechen will").
    """
    merged: list[Event] = []
    for event in events:
        kept = next((k for k in merged if _same_event(k, event)), None)
        if kept is None:
            merged.append(event)
            continue
        # keep the fullest and most specific telling ("Carter … mit Schoigu" over
        # "die USA und Russland")
        if _party_rank(event) > _party_rank(kept):
            kept.actor, kept.recipient = event.actor, event.recipient
        kept.mode = kept.mode or event.mode
        kept.evidence.extend(s for s in event.evidence if s not in kept.evidence)
        kept.confidence = min(1.0, kept.confidence + 0.1)
        kept.date = kept.date or event.date
        kept.location = kept.location or event.location
        kept.source = kept.source or event.source
    return merged


def _same_event(a: Event, b: Event) -> bool:
    if (a.event, a.aux) != (b.event, b.aux):
        return False
    if a.date and b.date and a.date != b.date:
        return False    # an attack last week and one today are two events
    if not _sectors_compatible(a, b):
        return False    # "Die Armee machte die PKK verantwortlich … Die HDP wirft der Regierung vor"
    a_act, a_rec = _parties(a)
    b_act, b_rec = _parties(b)
    modes_agree = a.mode == b.mode or a.mode is None or b.mode is None
    if modes_agree and (a_act, a_rec) == (b_act, b_rec):
        return True
    same_sentence = bool(set(a.evidence) & set(b.evidence))
    if same_sentence:
        return (a_act <= b_act and a_rec <= b_rec) or (b_act <= a_act and b_rec <= a_rec)
    # told again later without its target ("Gegen X sind Ermittlungen eingeleitet worden …
    # Die Staatsanwaltschaft habe Ermittlungen eingeleitet"): the same act of the same actor
    return a.mode == b.mode and a.mode is not None and a_act == b_act and bool(a_act) \
        and (not a_rec or not b_rec)


def _sectors_compatible(a: Event, b: Event) -> bool:
    """In a country's own news every party has the same code: the sectors tell the army
    from a party.  Actors whose named sectors have none in common are other parties; an
    actor without a sector ("Russland" in the headline, "Moskau" in the body) fits any.
    (Targets are told more loosely: "ein Islamist" in the headline is "der
    Salafistenführer" in the body.)"""
    for side_a, side_b in ((a.actor, b.actor), (a.recipient, b.recipient)):
        sectors_a, sectors_b = _sectors(side_a), _sectors(side_b)
        if sectors_a and sectors_b and not sectors_a & sectors_b:
            return False
    return True


def _sectors(entities: list) -> set[str]:
    """The sectors of the parties the text names, the organs of a state counted as one
    ("Moskau baute seine Präsenz aus … Vier Kampfflieger sollen stationiert sein")."""
    return {"state" if e.sector in STATE_SECTORS else e.sector
            for e in entities if e.code and e.sector and e.text}


def _parties(event: Event) -> tuple[frozenset, frozenset]:
    actors = frozenset(e.code for e in event.actor if e.code)
    recipients = frozenset(e.code for e in event.recipient if e.code)
    if event.event in PARTY_TYPES:
        return actors | recipients, frozenset()
    return actors, recipients


def _party_count(event: Event) -> int:
    return sum(1 for e in event.actor + event.recipient if e.code)


def _party_rank(event: Event) -> tuple[int, int]:
    return _party_count(event), sum(1 for e in event.actor + event.recipient if e.code and e.sector)
