"""Where a trigger's clause names no actor: find one in its phrase, sentence or article.

* a noun event after a possessive is the act of the sentence's person ("nach seinen
  Gesprächen mit Merkel");
* an attack "aus dem Gazastreifen" has the place it came from as its actor;
* a passive act done "bei einem US-Luftangriff" has that event's actor;
* a verb's subject may stand in the main clause, a relative pronoun stands for its
  antecedent, a pronoun for the last person named, and a meeting without parties
  ("beide Seiten") takes the parties of the previous sentence;
* a subject headed by a role noun the lexicon cannot place ("Die Führung der Krim
  forderte …") is a party of the article's home country.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan

from lagebild.actors import ActorLexicon
from lagebild.events.arguments import embedded_parties, unnamed_subject
from lagebild.events.clauses import Clause, antecedent_end, comma_before, relative_clause
from lagebild.events.context import ArticleContext
from lagebild.events.conventions import PARTY_TYPES
from lagebild.events.lexicon import Cues, TriggerLexicon
from lagebild.events.roles import can_act, is_party, role_marker
from lagebild.events.triggers import TriggerMatch, zu_infinitive
from lagebild.places import Gazetteer

_PRONOUNS = {"er", "sie"}


def possessive_owner(doc: Doc, sentence: SpacySpan, trigger: int, mentions: list, cues: Cues) -> list:
    """"Das sagte Fischer nach seinen Gesprächen mit Merkel": a possessive before a
    noun event makes it the act of the sentence's person (even a speaker)."""
    if trigger == sentence.start or doc[trigger - 1].lower_ not in cues["possessive"]:
        return []
    persons = [m for m in mentions if m.kind in ("person", "role") and m.code]
    before = [m for m in persons if m.token_end <= trigger]
    # "Nach seinen Gesprächen mit Merkel … zog Fischer Bilanz": else the subject after
    after = [m for m in persons if m.token_start > trigger
             and role_marker(doc, m, sentence.start, cues) == "plain"]
    return before[-1:] or after[:1]


def origin(doc: Doc, trigger: int, clause: Clause, countries: set[str], gazetteer: Gazetteer) -> list:
    """"Raketenangriff aus dem Gazastreifen": the place an attack came from stands
    for its actor when no actor is named."""
    for k in range(trigger + 1, min(trigger + 3, clause.end - 1)):
        if doc[k].lower_ != "aus":
            continue
        j = k + 2 if doc[k + 1].lower_ in ("dem", "der", "den") else k + 1
        if j < clause.end and doc[j].text[:1].isupper():
            place = gazetteer.resolve(doc[j].text, countries)
            if place and not gazetteer.is_common_word(doc[j].text):
                token = doc[j]
                return [_UnlistedParty(token.idx, token.idx + len(token.text), token.i, token.i + 1,
                                    token.text, place.country)]
    return []


def instrument_actor(doc: Doc, clause: Clause, trigger: TriggerMatch, mentions: list,
                     triggers: TriggerLexicon, cues: Cues) -> list:
    """"… bei einem US-Luftangriff getötet worden", "durch einen Anschlag der Taliban
    verletzt": a passive act done in an event of its own kind has that event's actor."""
    for k in range(clause.start, clause.end):
        if k == trigger.token or not any(doc[j].lower_ in cues["instrument_prep"]
                                         for j in range(max(clause.start, k - 3), k)):
            continue
        found = triggers.noun_entries(doc[k].text)
        if found and any(e.event == trigger.entry.event for e in found[1]):
            # "bei einem Feuergefecht mit den Taliban getötet": the named side fought
            phrase = embedded_parties(doc, k, mentions, clause, cues)
            return phrase.actor or [m for m in phrase.recipient if can_act(m)][:1]
    return []


def actor_from_context(ctx: ArticleContext, sentence: SpacySpan, clauses: list[Clause],
                       clause: Clause, candidates: list, event_type: str, cues: Cues,
                       main_clause: bool = True, mode: str | None = None) -> list:
    """An actor from outside the clause: the sentence's subject, a pronoun's
    antecedent, or the parties of the previous sentence for a meeting."""
    doc = ctx.doc
    if clause.start > sentence.start and comma_before(doc, clause) is not None \
            and doc[clause.start].lower_ in cues["oblique_relative"]:
        # "In diesem Antrag, dem die Genossen zugestimmt hatten, …": the pronoun is
        # an object, and the clause's subject stands in it or goes unnamed
        return []
    if relative_clause(doc, clause, cues):
        # "…eines Grazers, der zum Kerzenmeer aufgerufen hatte": the relative
        # pronoun stands for the noun before the comma, and only for it
        return [m for m in ctx.mentions if m.token_end == antecedent_end(doc, clause, cues)
                and can_act(m) and m.code][:1]
    # a verb's subject may stand in the main clause; a noun event in a subordinate
    # clause ("…, die Militärhilfe für Assad drohe …") is not the main subject's act
    # (a clause opening the sentence with "Die …" is the main clause, not a relative one)
    # (nor has a zu-clause a subject of its own: "verspricht, Politik für die Menschen zu machen")
    subordinate = [c for c in clauses if c != clause and c.start > sentence.start
                   and (doc[c.start].lower_ in cues["subordinator"]
                        or any(zu_infinitive(doc, k) for k in range(c.start, c.end)
                               if doc[k].text[:1].islower()))]
    outside = [m for m in candidates if main_clause and can_act(m)
               and not (clause.start <= m.token_start < clause.end)
               and not any(c.start <= m.token_start < c.end for c in subordinate)
               and role_marker(doc, m, sentence.start, cues) == "plain"]
    if outside:
        return outside[:1]
    words = [doc[k].lower_ for k in range(clause.start, clause.end)]
    before = [m for m in ctx.mentions if m.token_end <= clause.start and is_party(m)]
    if any(w in _PRONOUNS for w in words):
        persons = [m for m in before if m.name and m.kind not in ("country", "capital", "adjective")]
        if persons:
            return persons[-1:]
    # "beide Seiten", "ein bilaterales Treffen": the two parties just named; a
    # meeting verb without parties also takes them
    # (a promise or an offer, AGREE, is one party's: it takes no one from before; nor
    # does a journey, whose traveller the sentence names: "mussten die Hacker reisen")
    if "beide" in words or "bilateral" in " ".join(words) or (
            main_clause and event_type in PARTY_TYPES and event_type != "AGREE" and mode != "visit"):
        return _distinct_codes(ctx.previous_parties)[:2]
    return []


def unnamed_subject_actor(ctx: ArticleContext, clause: Clause, verb: int, mentions: list,
                          actors: ActorLexicon, cues: Cues) -> list:
    """The subject noun phrase before the verb that no mention covers, when a role noun
    heads it ("Die Führung der Krim"): a party of the article's home country, with
    the role's sector (an office or body of a territory: GOV)."""
    doc = ctx.doc
    if not ctx.home or not unnamed_subject(doc, clause, mentions, verb, cues):
        return []
    head = next((t for t in doc[clause.start:verb] if t.text[:1].isupper() and t.lower_ not in
                 cues["subject_article"] and t.i > clause.start and doc[t.i - 1].lower_ in cues["article"]),
                None)
    role = actors.role(head.text) if head is not None else None
    if role is None:
        return []
    end = next((t.i for t in doc[head.i:verb] if t.is_punct), verb)
    span = doc[head.i - 1:end]
    # an office or body of a territory ("der Krim", "des Landes") is its government's
    of_territory = any(t.lower_ in ("der", "des") for t in doc[head.i + 1:end])
    sector = role.sector or ("GOV" if role.kind in ("office", "body") and of_territory else None)
    return [_UnlistedParty(span.start_char, span.end_char, span.start, span.end, span.text,
                           ctx.home, sector, kind="role")]


@dataclass(frozen=True)
class _UnlistedParty:
    """A party no lexicon mention names: a place standing for the party that acted from
    it, or a subject headed by a role noun whose owner the lexicon cannot place ("Die
    Führung der Krim forderte …")."""

    start: int
    end: int
    token_start: int
    token_end: int
    text: str
    code: str
    sector: str | None = None
    name: str | None = None
    kind: str = "place"
    role: str | None = None


def _distinct_codes(mentions: list) -> list:
    seen, out = set(), []
    for mention in mentions:
        if mention.code and mention.code not in seen:
            seen.add(mention.code)
            out.append(mention)
    return out
