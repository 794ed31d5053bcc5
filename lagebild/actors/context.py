"""Resolve actor mentions in the context of their article.

A first, simple form of what an analyst does without thinking: a role with no
nationality of its own ("die Polizei", "der Richter", "Insassen") belongs to the
country the article is about.  That *home country* is the country of the dateline
("Beirut – " -> LBN) or, failing that, the country the article mentions most.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from lagebild.actors.matcher import ActorMention
from lagebild.records import Article

# Mentions that name a country directly and so vote for the home country.
_COUNTRY_KINDS = ("country", "capital", "adjective", "demonym")
# Mentions that vote for the home country: countries and their people, and persons.
_VOTING_KINDS = _COUNTRY_KINDS + ("person",)
DATELINE_WEIGHT = 2
# Mentions that take the home country when they carry no code of their own.
_CONTEXT_KINDS = ("role", "person")


def home_country(article: Article, mentions: list[ActorMention], place_country=None) -> str | None:
    """The article's home country: the country it names most, where the dateline's
    country counts ``DATELINE_WEIGHT`` mentions (a correspondent in Seoul may well
    report on North Korea), and ties go to the country named first.

    ``place_country`` (form -> ISO3 or None) resolves dateline places that are no
    capital ("Aden – "), e.g. from the GeoNames gazetteer.
    """
    votes = Counter(m.code for m in mentions if m.code and m.kind in _VOTING_KINDS)
    dateline = _dateline_country(article, mentions, place_country)
    if dateline:
        votes[dateline] += DATELINE_WEIGHT
    if not votes:
        return None
    best = max(votes.values())
    first = [m.code for m in mentions if m.code and votes.get(m.code) == best]
    return first[0] if first else dateline


def _dateline_country(article: Article, mentions: list[ActorMention], place_country) -> str | None:
    for block in article.blocks:
        if block.kind != "dateline":
            continue
        inside = [m for m in mentions if block.start <= m.start and m.end <= block.end and m.code
                  and m.kind in _COUNTRY_KINDS]
        if inside:
            return inside[0].code
        if place_country:
            for part in article.text[block.start:block.end].replace("–", " ").replace("/", " ").split():
                country = place_country(part.strip(" ,"))
                if country:
                    return country
    return None


def resolve_in_context(mentions: list[ActorMention], home: str | None) -> list[ActorMention]:
    """Give code-less roles and persons the home country."""
    if not home:
        return mentions
    return [replace(m, code=home) if m.code is None and m.kind in _CONTEXT_KINDS else m
            for m in mentions]


# Personal pronouns that can stand for a party, and the antecedent kinds they take:
# "er/ihn/ihm" a person or office holder, "sie/ihnen" also a group, body or state.
_PRONOUNS = {"er": ("person", "role"), "ihn": ("person", "role"), "ihm": ("person", "role"),
             "sie": ("person", "role", "organisation", "country", "capital", "demonym"),
             "ihnen": ("person", "role", "organisation", "demonym")}
# How many tokens back an antecedent may stand (about two sentences).
_PRONOUN_REACH = 60


def pronoun_mentions(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions plus one for each personal pronoun with a coded antecedent.

    The antecedent is the nearest earlier mention of a fitting kind within reach;
    the pronoun mention copies its code, sector and name (its text stays the pronoun).
    """
    added = []
    ordered = sorted(mentions, key=lambda m: m.token_start)
    for token in doc:
        kinds = _PRONOUNS.get(token.lower_)
        if not kinds:
            continue
        antecedent = None
        for m in ordered:
            if m.token_end > token.i:
                break
            if m.code and m.kind in kinds and token.i - m.token_end <= _PRONOUN_REACH:
                antecedent = m
        if antecedent:
            added.append(replace(antecedent, start=token.idx, end=token.idx + len(token.text),
                                 token_start=token.i, token_end=token.i + 1, text=token.text,
                                 kind="pronoun"))
    return sorted(mentions + added, key=lambda m: m.token_start)
