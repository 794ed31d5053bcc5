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

from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan

from lagebild.actors import ActorLexicon
from lagebild.events.clauses import Clause
from lagebild.events.context import ArticleContext
from lagebild.events.lexicon import LANG_DIR, data_rows
from lagebild.events.conventions import MATERIAL_TYPES
from lagebild.places import Gazetteer
from lagebild.records import NON_STATE_CODES, Entity, Location

# Prepositions after which a place is where the event happened (not "aus": origin).
_LOCATIVE = {"in", "im", "nahe", "bei", "nach", "nördlich", "südlich", "östlich", "westlich"}
# Adverbs that refer back to the place last named ("dort", "dorthin").
_BACK_REFERENCES = {"dort", "ebendort"}
# Before "dort" these make it an origin ("von dort mitgebracht"), not the event's place.
_ORIGIN_PREPOSITIONS = {"von", "aus"}
# Determiners that may stand between the preposition and the place ("in der Türkei").
_DETERMINERS = {"der", "dem", "den", "die", "das"}
# Endings of inflected adjectives ("im syrischen Aleppo", "in der nordirakischen Stadt").
_ADJECTIVE_ENDINGS = ("e", "en", "em", "er", "es")
@lru_cache(maxsize=1)
def _place_words() -> dict[str, frozenset[str]]:
    """Nouns for a kind of place ("Stadt", "Provinz") and verbs of arriving or sending
    ("kommen", "entsenden"), from ``lang/de/place_words.tsv``."""
    words: dict[str, set[str]] = {}
    for _, (kind, word, *_rest) in data_rows(LANG_DIR / "de" / "place_words.tsv"):
        words.setdefault(kind, set()).add(word.strip())
    return {kind: frozenset(ws) for kind, ws in words.items()}


# Words that may join the names of a coordination after one preposition
# ("nach Rumänien und Litauen").
_COORDINATION = {"und", "oder", ","}


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
    found = _place_referred_back_to(ctx.doc, sentence, gazetteer, ctx.countries)
    if found:
        return found
    # "Angriffe auf das syrische Kobane": force lands where its target is
    targets = [r.code for r in recipient or [] if r.code and r.code not in NON_STATE_CODES]
    if event_type == "ASSAULT" and targets and targets[0] != ctx.home:
        country = gazetteer.country(targets[0])
        if country:
            return Location(name=country.name, country=targets[0])
    if ctx.dateline_place is not None and (
            ctx.dateline_place.country == ctx.home
            or event_type not in MATERIAL_TYPES and _opens_with_dateline(sentence, ctx.dateline_place)):
        # the place the report comes from, where it is in the country the article is
        # about; or where a statement in the lead sentence right after the dateline was
        # made ("Genf – Russland hat vor … gewarnt"; deeds there may be far off)
        return ctx.dateline_place
    if event_type not in MATERIAL_TYPES or not ctx.home:
        return None
    country = gazetteer.country(ctx.home)
    return Location(name=country.name, country=ctx.home) if country else None


def _opens_with_dateline(sentence: SpacySpan, dateline: Location) -> bool:
    """The sentence is the lead: the dateline stands at its start ("Genf – …")."""
    return dateline.start is not None and sentence.start_char <= dateline.start < sentence.start_char + 3


def _place_referred_back_to(doc: Doc, sentence: SpacySpan, gazetteer: Gazetteer,
                            context: set[str]) -> Location | None:
    """The place of the sentence before, where this one refers back to it ("Die Moschee
    in Lagny-sur-Marne galt als salafistisch. Bei Durchsuchungen waren dort …")."""
    # only with an explicit "dort": carrying the last sentence's place over to any
    # sentence that names none was wrong for most of the 10kGNAD events it changed
    if sentence.start == 0 or not any(t.lower_ in _BACK_REFERENCES and doc[t.i - 1].lower_ not in
                                      _ORIGIN_PREPOSITIONS for t in sentence):
        return None
    previous = doc[sentence.start - 1].sent
    return event_location(doc, Clause(previous, previous.start, previous.end), [], gazetteer, context)


def event_location(doc: Doc, clause: Clause, place_mentions: list, gazetteer: Gazetteer,
                   context: set[str]) -> Location | None:
    for mention in place_mentions:
        if not _where_it_happened(doc, mention.token_start, clause.start):
            continue
        place = gazetteer.resolve(mention.text, context)
        if place:
            return Location(name=place.name, country=place.country, text=mention.text,
                            start=mention.start, end=mention.end)
    for i in range(clause.start, clause.end - 1):
        if doc[i].lower_ not in _LOCATIVE or not _where_it_happened(doc, i + 1, clause.start):
            continue
        found = _locative_phrase_place(doc, i + 1, clause.end, gazetteer, context)
        if found:
            return found
    return None


def _locative_phrase_place(doc: Doc, j: int, end: int, gazetteer: Gazetteer,
                           context: set[str]) -> Location | None:
    """The place named by the phrase after a locative preposition (token ``j`` on):
    "in Latakia", "in der Türkei", and with a country adjective and a noun for a kind of
    place before the name, "im syrischen Aleppo", "in der ostukrainischen Stadt Donezk"
    (the adjective's country is preferred for the name)."""
    if j < end and doc[j].lower_ in _DETERMINERS:
        j += 1
    adjective_countries: set[str] = set()
    while j < end and _is_attributive_adjective(doc[j]):
        adjective_countries |= _adjective_countries(doc[j].lower_)
        j += 1
    kind_noun = None
    if j < end and doc[j].text in _place_words()["place_kind"]:
        kind_noun = doc[j]
        j += 1
    preferred = adjective_countries or context
    for length in (2, 1):
        span = doc[j:j + length]
        if j + length > end or not all(_is_name_word(t) for t in span):
            continue
        if gazetteer.is_common_word(span.text):
            continue
        place = gazetteer.resolve(span.text, preferred)
        if place:
            return Location(name=place.name, country=place.country, text=span.text,
                            start=span.start_char, end=span.end_char)
    if kind_noun is None or len(adjective_countries) != 1:
        return None
    country = next(iter(adjective_countries))
    if kind_noun.text == "Hauptstadt":
        # "in der deutschen Hauptstadt" with no name after it: Berlin
        return _capital_location(country, kind_noun, gazetteer)
    # "im nordirakischen Dorf Sarkel", "in dem südamerikanischen Land": a place the
    # gazetteer does not know, or the country itself, in the adjective's country
    place = gazetteer.country(country)
    return Location(name=place.name, country=country) if place else None


def _capital_location(country: str, noun, gazetteer: Gazetteer) -> Location | None:
    name = _capitals().get(country)
    place = gazetteer.resolve(name, {country}) if name else None
    if place is None or place.country != country:
        return None
    return Location(name=place.name, country=country, text=noun.text,
                    start=noun.idx, end=noun.idx + len(noun.text))


def _is_name_word(token) -> bool:
    """A capitalised word, also hyphenated ("Lagny-sur-Marne", "Baden-Württemberg")."""
    return token.text[:1].isupper() and token.text.replace("-", "").isalpha()


def _is_attributive_adjective(token) -> bool:
    """A lower-case inflected word before a noun ("syrischen", "südlichen", "nahe gelegenen")."""
    return token.is_alpha and token.text.islower() and token.text.endswith(_ADJECTIVE_ENDINGS)


def _where_it_happened(doc: Doc, k: int, clause_start: int) -> bool:
    """False where the place phrase opening at token ``k`` names a destination:
    "die Abschiebung nach China", "Ausreise nach Peking". "nach X" only places the event
    in a sentence with a verb of arriving, whose event happens there ("kommt nach Berlin,
    wo er …")."""
    prep = _preposition_before(doc, k, clause_start)
    if prep is None or prep.lower_ != "nach":
        return True
    # the clause's verb, not the parse: it often hangs "nach X" on the wrong word
    sentence = doc[k].sent
    return any(t.lemma_ in _place_words()["arrival"] for t in doc[sentence.start:sentence.end])


def _preposition_before(doc: Doc, k: int, clause_start: int):
    """The preposition that opens the phrase of the name at token ``k`` (determiners,
    adjectives and a kind-of-place noun may stand between), or None."""
    i = k - 1
    while i >= clause_start and i >= k - 4 and (
            doc[i].lower_ in _DETERMINERS or _is_attributive_adjective(doc[i])
            or doc[i].text in _place_words()["place_kind"]):
        i -= 1
    if i > clause_start and doc[i].lower_ in _COORDINATION and doc[i - 1].text[:1].isupper():
        return _preposition_before(doc, i - 1, clause_start)
    if i >= clause_start and doc[i].lower_ in _LOCATIVE:
        return doc[i]
    return None


def _adjective_countries(word: str) -> set[str]:
    """The countries a lower-case country adjective names ("syrischen" -> {"SYR"}), also
    with a compass prefix ("nordsyrischen", "ostukrainischen")."""
    table = _country_adjectives()
    if word in table:
        return {table[word]}
    for prefix in _COMPASS_PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] in table:
            return {table[word[len(prefix):]]}
    return set()


_COMPASS_PREFIXES = ("nordost", "nordwest", "südost", "südwest", "nord", "süd", "ost", "west", "zentral")


@lru_cache(maxsize=1)
def _country_adjectives() -> dict[str, str]:
    """Inflected country adjective -> ISO3, from the actor lexicon."""
    return {e.form.lower(): e.code for e in ActorLexicon.load().entries if e.kind == "adjective"}


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO3 -> the German name of its capital (the first capital form listed)."""
    table: dict[str, str] = {}
    for entry in ActorLexicon.load().entries:
        if entry.kind == "capital":
            table.setdefault(entry.code, entry.form)
    return table
