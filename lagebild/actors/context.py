"""Resolve actor mentions in the context of their article.

A first, simple form of what an analyst does without thinking: a role with no
nationality of its own ("die Polizei", "der Richter", "Insassen") belongs to the
country the article is about.  That *home country* is the country of the dateline
("Beirut – " -> LBN) or, failing that, the country the article mentions most.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from lagebild.actors.matcher import ActorMention, repeat_names
from lagebild.records import Article

# Mentions that name a country directly and so vote for the home country.
_COUNTRY_KINDS = ("country", "capital", "adjective", "demonym")
# Mentions that vote for the home country: countries and their people, and persons.
_VOTING_KINDS = _COUNTRY_KINDS + ("person",)
DATELINE_WEIGHT = 2
# Mentions that take the home country when they carry no code of their own.
_CONTEXT_KINDS = ("role", "person")
OUTSIDERS = Path(__file__).resolve().parent.parent / "lang" / "de" / "outsiders.txt"


def _word_list(path: Path) -> frozenset[str]:
    """The words of a one-word-per-line data file, comments and blank lines skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _outsiders() -> frozenset[str]:
    """Role forms of people foreign to the article's place (lang/de/outsiders.txt)."""
    return _word_list(OUTSIDERS)


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


# Role nouns of the German federal state: a German newspaper's "Außenamtssprecherin" or
# "Bundesregierung" is Germany's, unless the article is about Austria or Switzerland,
# which have "Bundes-" offices of their own ("Bundespräsident Heinz Fischer").
_GERMAN_PREFIXES = ("Bundes", "Außenamt", "Auswärtig")
_BUNDES_STATES = frozenset({"AUT", "CHE"})


def _own_country(m: ActorMention, home: str | None) -> str | None:
    text = m.text.lstrip()
    role = m.role or ""
    if text.startswith(_GERMAN_PREFIXES) or role.startswith(_GERMAN_PREFIXES):
        if not (text.startswith("Bundes") or role.startswith("Bundes")) \
                or home not in _BUNDES_STATES:
            return "DEU"
    return home


def _roles_of(m: ActorMention) -> list[str]:
    """The role forms a mention carries: its role, or the office words inside a person's
    lexicon form ("König Abdullah II.")."""
    if m.role:
        return [m.role]
    if m.kind != "person":
        return []
    from lagebild.actors.lexicon import ActorLexicon
    lexicon = ActorLexicon.load()
    found = []
    for word in m.text.split():
        hit = lexicon.role(word, allow_compound=False)
        if hit is not None and hit.kind == "office":
            found.append(hit.entry.form)
    return found


# Sectors of organisations a bare noun of their kind refers back to ("die Partei", "die Miliz"),
# and how far back (characters, about two sentences).
_ORGANISATION_SECTORS = ("REB", "PTY", "PRM", "SOC")
_ORGANISATION_REACH = 400
ORGANISATION_NOUNS = Path(__file__).resolve().parent.parent / "lang" / "de" / "organisation_nouns.txt"


@lru_cache(maxsize=1)
def _organisation_nouns() -> frozenset[str]:
    return _word_list(ORGANISATION_NOUNS)


def _names_organisation(m: ActorMention) -> bool:
    """A singular noun for an organisation of a kind ("die Terrormiliz", "die Partei"),
    not a plural of them ("Milizen", "Parteien")."""
    return m.role in _organisation_nouns() and m.text.split()[-1] == m.role


def _is_office(role: str) -> bool:
    from lagebild.actors.lexicon import ActorLexicon
    entry = ActorLexicon.load().roles.get(role)
    return entry is not None and entry.kind == "office"


def resolve_in_context(mentions: list[ActorMention], home: str | None) -> list[ActorMention]:
    """Resolve code-less roles and persons in the article's context.

    A bare role noun that an earlier mention carried with a code is coreferent with it
    ("König Abdullah ... der König", "US-Präsident Obama ... der Präsident"): it takes
    that mention's code, sector and name.  Only offices (one holder) corefer this way;
    bodies and groups ("Regierungen", "Soldaten") may well be others.  What is left gets the home country, except
    German federal roles ("Außenamtssprecherin", "Bundesregierung"), which are DEU.
    """
    out = []
    last_with_role: dict[str, ActorMention] = {}
    last_organisation: dict[str, ActorMention] = {}     # by sector
    for m in sorted(mentions, key=lambda m: m.start):
        if m.code is None and m.kind == "role" and m.role in last_with_role and \
                _is_office(m.role):
            ante = last_with_role[m.role]
            m = replace(m, code=ante.code, sector=ante.sector or m.sector,
                        name=ante.name if ante.kind == "person" else m.name)
        elif m.code is None and m.kind == "role" and m.sector in last_organisation and _names_organisation(m) \
                and m.start - last_organisation[m.sector].end <= _ORGANISATION_REACH:
            # "Kämpfer der Jihadistenmiliz Islamischer Staat … von der Terrormiliz
            # entführt", "die SPÖ … die Partei": the organisation just named
            ante = last_organisation[m.sector]
            m = replace(m, code=ante.code, name=ante.name)
        elif m.code is not None and m.kind in ("role", "person"):
            for role in _roles_of(m):
                last_with_role[role] = m
        if m.code is not None and m.kind == "organisation" and m.sector in _ORGANISATION_SECTORS:
            last_organisation[m.sector] = m
        if m.code == "DEU" and home in _BUNDES_STATES and m.text.lstrip().startswith("Bundes") \
                and m.kind in ("organisation", "role"):
            # an Austrian article's "Bundesregierung" is Austria's
            m = replace(m, code=home, name=None)
        if m.code is None and m.kind in _CONTEXT_KINDS and m.role not in _outsiders():
            code = _own_country(m, home)
            if code:
                m = replace(m, code=code)
        out.append(m)
    return out


# Personal pronouns that can stand for a party, and the antecedent kinds they take:
# "er/ihn/ihm" a person or office holder, "sie/ihnen" also a group, body or state.
_PRONOUNS = {"er": ("person", "role"), "ihn": ("person", "role"), "ihm": ("person", "role"),
             "sie": ("person", "role", "organisation", "country", "capital", "demonym"),
             "ihnen": ("person", "role", "organisation", "demonym")}
# How many tokens back an antecedent may stand (about two sentences).
_PRONOUN_REACH = 60


def pronoun_mentions(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions plus one for each later surname of an unknown person introduced with a
    role (:func:`repeat_names`) and one for each personal pronoun with a coded antecedent.

    The antecedent is the nearest earlier mention of a fitting kind within reach;
    the pronoun mention copies its code, sector and name (its text stays the pronoun).
    """
    mentions = repeat_names(doc, mentions)
    added = []
    ordered = sorted(mentions, key=lambda m: m.token_start)
    for token in doc:
        kinds = _PRONOUNS.get(token.lower_)
        if not kinds:
            continue
        antecedent = None
        # a pronoun never refers to a party of its own clause ("die Polizei hat ihn
        # festgenommen", "Schäuble warf er vor"): its antecedent stands before the clause
        limit = _clause_start(doc, token.i)
        for m in ordered:
            if m.token_end > limit:
                break
            if m.code and m.kind in kinds and token.i - m.token_end <= _PRONOUN_REACH \
                    and not (token.lower_ in _MASCULINE and (_feminine(m) or _counted(doc, m))):
                antecedent = m
        if antecedent:
            added.append(replace(antecedent, start=token.idx, end=token.idx + len(token.text),
                                 token_start=token.i, token_end=token.i + 1, text=token.text,
                                 kind="pronoun"))
    return sorted(mentions + added, key=lambda m: m.token_start)


_MASCULINE = frozenset({"er", "ihn", "ihm"})


def _feminine(mention: ActorMention) -> bool:
    """A role in its feminine form ("Kanzlerin", "Sprecherin"): no antecedent of "er"."""
    head = mention.text.split()[-1] if mention.text else ""
    return bool(mention.role) and mention.kind in ("role", "person") and head.endswith("in") \
        and not mention.role.endswith("in") and head[:1].isupper() and mention.name is None


# Words that count a group: "zwei Menschen", "mehrere Soldaten" are many, never "er".
_COUNTING = frozenset({"mehrere", "viele", "zahlreiche", "einige", "beide", "beiden", "alle",
                       "weitere", "hunderte", "tausende", "dutzende", "zwei", "drei", "vier",
                       "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"})


def _counted(doc, mention: ActorMention) -> bool:
    """A group counted by a number or quantifier ("zwei Menschen getötet")."""
    before = doc[mention.token_start - 1] if mention.token_start else None
    return before is not None and (before.like_num or before.lower_ in _COUNTING)


def _clause_start(doc, i: int) -> int:
    """The first token of the clause holding token ``i`` (after the last punctuation)."""
    for k in range(i - 1, -1, -1):
        if doc[k].is_punct:
            return k + 1
    return 0
