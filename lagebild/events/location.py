"""Where an event happened: a place named in the trigger's clause, resolved to GeoNames.

A place is a country or capital mention after a locative preposition (the argument
stage sets those aside as places), or any capitalised word (or two: "Tel Aviv") after
one that the gazetteer knows ("in Latakia", "nahe Maimana").  Candidates in the
article's own countries win over homonyms elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Doc

from lagebild.events.clauses import Clause
from lagebild.places import Gazetteer
from lagebild.records import Location

# Prepositions after which a place is where the event happened (not "aus": origin).
_LOCATIVE = {"in", "im", "nahe", "bei", "nach", "nördlich", "südlich", "östlich", "westlich"}
# Determiners that may stand between the preposition and the place ("in der Türkei").
_DETERMINERS = {"der", "dem", "den", "die", "das"}


def event_location(doc: Doc, clause: Clause, place_mentions: list, gazetteer: Gazetteer,
                   context: set[str]) -> Location | None:
    for mention in place_mentions:
        place = gazetteer.resolve(mention.text, context)
        if place:
            return Location(name=place.name, country=place.country, text=mention.text,
                            start=mention.start, end=mention.end)
    for i in range(clause.start, clause.end - 1):
        if doc[i].lower_ not in _LOCATIVE:
            continue
        j = i + 1
        if doc[j].lower_ in _DETERMINERS:
            j += 1
        for length in (2, 1):
            span = doc[j:j + length]
            if j + length > clause.end or not all(t.text[:1].isupper() and t.is_alpha for t in span):
                continue
            if gazetteer.is_common_word(span.text):
                continue
            place = gazetteer.resolve(span.text, context)
            if place:
                return Location(name=place.name, country=place.country, text=span.text,
                                start=span.start_char, end=span.end_char)
    return None
