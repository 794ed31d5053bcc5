"""Where an event happened: a place named in the trigger's clause, resolved to GeoNames.

A place is a country or capital mention after a locative preposition (the argument
stage sets those aside as places), or any capitalised word (or two: "Tel Aviv") after
one that the gazetteer knows ("in Latakia", "nahe Maimana").  Candidates in the
article's own countries win over homonyms elsewhere.  Where the clause and its sentence
name no place, an attack on a foreign state lands in that state, an event takes the
dateline's place when it lies in the article's home country, and a material event
took place in the home country.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from lagebild.events.clauses import Clause
from lagebild.events.context import ArticleContext
from lagebild.events.conventions import MATERIAL_TYPES
from lagebild.places import Gazetteer
from lagebild.records import NON_STATE_CODES, Entity, Location

# Prepositions after which a place is where the event happened (not "aus": origin).
_LOCATIVE = {"in", "im", "nahe", "bei", "nach", "nördlich", "südlich", "östlich", "westlich"}
# Determiners that may stand between the preposition and the place ("in der Türkei").
_DETERMINERS = {"der", "dem", "den", "die", "das"}


def locate_event(ctx: ArticleContext, sentence: SpacySpan, clause: Clause, places: list, event_type: str,
                 gazetteer: Gazetteer, recipient: list[Entity] | None = None) -> Location | None:
    """The place named in the trigger's clause, else in its sentence; else, for an
    attack on a foreign state, that state; else the dateline's place when it lies in
    the article's home country; a material event named nowhere took place in the
    home country."""
    found = event_location(ctx.doc, clause, places, gazetteer, ctx.countries) or \
        event_location(ctx.doc, Clause(sentence, sentence.start, sentence.end), [], gazetteer,
                       ctx.countries)
    if found:
        return found
    # "Angriffe auf das syrische Kobane": force lands where its target is
    targets = [r.code for r in recipient or [] if r.code and r.code not in NON_STATE_CODES]
    if event_type == "ASSAULT" and targets and targets[0] != ctx.home:
        country = gazetteer.country(targets[0])
        if country:
            return Location(name=country.name, country=targets[0])
    if ctx.dateline_place is not None and ctx.dateline_place.country == ctx.home:
        # "Genf – Russland hat … gewarnt": the place the report comes from, where
        # it is in the country the article is about
        return ctx.dateline_place
    if event_type not in MATERIAL_TYPES or not ctx.home:
        return None
    country = gazetteer.country(ctx.home)
    return Location(name=country.name, country=ctx.home) if country else None


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
