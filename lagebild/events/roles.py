"""The role a mention's words give it: the word before a mention decides what it is.

Without a dependency parser, German word order and case marking carry most of the
signal, and this module reads them from the tokens right before each actor mention:

* a mention after a locative preposition ("in Moskau") is a place, never a party;
* after ``gegen/an/auf/für/zu/vor/mit`` it is the recipient ("mit" makes a partner:
  recipient of a meeting, co-actor of an attack);
* after ``von/durch`` it is the agent (the actor of a passive clause);
* after an oblique determiner (``den``, ``dem``, ``seinen`` …) it is an object, so a
  recipient; otherwise it is plain, a subject when it comes first;
* mentions joined by "und"/"sowie" share their role ("Russland und die USA").

What a role means for an event's actor and recipient is decided in ``arguments``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from lagebild.events.lexicon import Cues

# How far back from a mention to look for the word that marks its role.
_LOOKBACK = 4


def is_party(mention) -> bool:
    """Mentions that can be a party of an event.  A compound's modifier like the
    "Ukraine" of "Ukraine-Krise" cannot; an armed group's or body's property can be a
    target ("griff Hamas-Trainingslager an", "bombardierte IS-Stellungen"), which the
    compound's sector tells (a country's compound has none); a place's compound is a
    place ("Wien-Favoriten", named by no organisation)."""
    return mention.kind != "compound" or (mention.sector not in (None, "CVL") and mention.name is not None)


def can_act(mention) -> bool:
    """A compound ("IS-Stellungen") is a thing: it can be hit, but never act."""
    return mention.kind != "compound"


def role_marker(doc: Doc, mention, clause_start: int, cues: Cues, barrier: int | None = None) -> str:
    """The word that decides a mention's role: 'place', 'recipient', 'partner', 'genitive',
    'object_genitive' (the owner of a plain object),
    'agent', 'oblique' or 'plain'.  The search stops at ``barrier`` (the trigger verb:
    in "Zu dritt besuchten die Männer" the "zu" is no preposition of "Männer")."""
    if barrier is not None and barrier < mention.token_start:
        clause_start = max(clause_start, barrier + 1)
    if mention.kind == "pronoun" and mention.text.lower() in cues["object_pronoun"]:
        return "oblique"
    for k in range(mention.token_start - 1, max(clause_start, mention.token_start - _LOOKBACK) - 1, -1):
        word = doc[k].lower_
        if doc[k].is_punct:
            break
        if word == "mit":
            # "Dialog mit Moskau": a noun's "mit" names its counterpart; after a verb
            # ("fliegen mit Partnern") it names a companion
            before = doc[k - 1] if k > clause_start else None
            # ("am Freitag mit Kampfflugzeugen angegriffen": a time is no such noun)
            attached = before is not None and before.text[:1].isupper() and before.is_alpha \
                and before.lower_ not in cues["temporal_noun"]
            return "recipient" if attached else "partner"
        if word == "als" and not (k > clause_start and doc[k - 1].lower_ in cues["comparative"]):
            return "predicative"    # "war als kubanischer Staatschef zurückgetreten": a role
        if word == "des" or (word == "der" and _genitive_der(doc, k, clause_start)):
            # "einen Angriff auf ein Lager der Hamas": the target's owner is the target;
            # "die Bekämpfung des IS": otherwise an attribute, not a party
            # ("auf dem Flughafen der Hauptstadt": "auf" with a dative places, no target)
            owner_of_target = any(doc[j].lower_ in ("auf", "gegen") and not _locative(doc, j)
                                  for j in range(max(clause_start, k - 4), k))
            if owner_of_target:
                return "recipient"
            # "beschossen den Sitz der Regierung": the owner of a plain object may stand
            # for it; "nach dem Wahlsieg der AKP" is an attribute in a phrase
            governed = any(doc[j].lower_ in cues["preposition"] for j in range(max(clause_start, k - 4), k))
            return "genitive" if governed else "object_genitive"
        if word in cues["strict_agent_prep"]:
            return "strict_agent"
        if word in cues["agent_prep"] and _in_attribute(doc, mention):
            return "attribute"      # "die von Islamisten geführte Rebellengruppe": of the noun, no party
        if word == "von" and k - 2 >= clause_start and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha \
                and doc[k - 1].lower_ not in cues["collective_noun"] \
                and (doc[k - 2].lower_ in _GENITIVE_ARTICLES
                     or (doc[k - 2].lower_ in ("der", "einer") and _genitive_der(doc, k - 2, clause_start)) or (
                    (doc[k - 2].lower_ in cues["article"] or doc[k - 2].lower_ in cues["preposition"])
                    and doc[k - 2].lower_ not in cues["report_prep"] and not _passive_words(doc, clause_start, k, cues))):
            # "während des Besuchs von Papst Franziskus", "für Attacke auf Spital von
            # Ärzte ohne Grenzen": "von" stands for a genitive of the noun before it, no
            # agent of the verb (of a noun trigger it is the agent: "bei einer Kundgebung
            # von Rechtsextremisten", see ``arguments.assign``); but in a passive clause
            # "von" after any phrase is the agent ("wurde am Montag von der Polizei …")
            governed = any(doc[j].lower_ in cues["preposition"] for j in range(max(clause_start, k - 5), k - 2))
            return "noun_von" if governed else "noun_von_object"
        if word in cues["agent_prep"] and k > clause_start and doc[k - 1].lower_ in cues["collective_noun"]:
            return "plain"      # "eine Gruppe von 40 Journalisten": the group is who, no agent
        if word in cues["agent_prep"]:
            if k > clause_start and doc[k - 1].lower_ in cues["place_prep"]:
                # "nördlich von Jerusalem": a place
                return "place" if mention.kind in ("country", "capital", "place") else "oblique"
            return "agent"
        if word == "vor" and mention.sector == "JUD":
            return "venue"      # "vor Gericht ziehen": where, not against whom
        if word in cues["recipient_prep"]:
            if word in ("zu", "zur", "zum") and mention.kind in ("country", "capital") and k > clause_start \
                    and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
                return "place"      # "nahe der Grenze zur Elfenbeinküste": a noun's "zu" places
            return "recipient"
        if word in cues["place_prep"]:
            # "in Moskau" is a place; "bei der UN-Vollversammlung" a circumstance
            return "place" if mention.kind in ("country", "capital", "place") else "oblique"
        if word in cues["oblique_det"]:
            # "in den Irak", "in den syrischen Bürgerkrieg": the article of a place
            if k > clause_start and doc[k - 1].lower_ in cues["place_prep"] and \
                    mention.kind in ("country", "capital", "place", "adjective"):
                return "place"
            if k > clause_start and doc[k - 1].lower_ in _party_prepositions(cues):
                continue    # "mit seinem Cousin", "von seinem Kollegen": the preposition decides
            return "oblique"
        if word in cues["inclusive"]:
            return "coordinated"    # "einschließlich China und Russland": with the party before
        if word in cues["coordinator"]:
            # "aus Bayern und Österreich", "in Tirol und Niederösterreich": a place the
            # lexicon does not know as a party stands first; its preposition decides
            j = k - 1
            while j > clause_start and k - j <= 2 and doc[j].is_alpha and doc[j].text[:1].isupper():
                j -= 1
            if j < k - 1 and doc[j].lower_ in cues["place_prep"] and mention.kind in ("country", "capital", "place"):
                return "place"
            return "coordinated"
        if word == "der" and k == mention.token_start - 1 and _feminine_or_plural(mention, cues) and not (
                k > clause_start and doc[k - 1].lower_ in cues["preposition"]):
            return "oblique"    # "warf der Türkei vor": "der" before a feminine name is its dative
        if word in cues["nominative_det"] and not (
                k > clause_start and doc[k - 1].lower_ in cues["preposition"]):
            # "in dem der Diplomat Warschau vorwarf": an article that may be nominative
            # and governed by no preposition opens the subject; what precedes is not its
            return "plain"
        if word in cues["preposition"] and word != "zwischen" and word not in cues["subordinator"]:
            # any other preposition ("neben einer Schule", "wegen der Taliban") governs
            # no subject; "zwischen" joins the parties of a meeting, and "während" may
            # open a clause ("Während Moskau Assad unterstützt")
            return "oblique"
        if doc[k].text[:1].isupper() and k != mention.token_start - 1:
            break   # another noun phrase stands between
    return "plain"


# Articles only of a genitive: the noun after them takes "von" as its attribute ("der",
# "einer" are genitives only after a noun: "wurde in der Sitzung von der Opposition
# kritisiert", but "die Verantwortlichen der Anschläge von Paris").
_GENITIVE_ARTICLES = frozenset({"des", "eines"})
# Dative articles: after "auf" they place ("auf dem Flughafen"), the accusative aims
# ("Angriff auf den Flughafen").
_DATIVE_ARTICLES = frozenset({"dem", "einem", "der", "einer"})


def _locative(doc: Doc, k: int) -> bool:
    return doc[k].lower_ == "auf" and k + 1 < len(doc) and doc[k + 1].lower_ in _DATIVE_ARTICLES


def _passive_words(doc: Doc, start: int, end: int, cues: Cues) -> bool:
    """A form of "werden" stands in the span: "wurde am Montag von der Polizei
    festgenommen" has "von" for its agent, after whatever phrase."""
    werden = cues["werden_past"] | cues["werden_present"]
    return any(doc[j].lower_ in werden for j in range(start, end))


def _genitive_der(doc: Doc, k: int, clause_start: int) -> bool:
    """ "der" after a noun ("ein Lager der Hamas") is a genitive; at a phrase start
    ("mit der Hamas", "die der Hamas") it is not."""
    return k > clause_start and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper()


# Endings of feminine nouns ("Regierung", "Polizei", "Opposition", "Kanzlerin").
_FEMININE_ENDINGS = ("ung", "ei", "heit", "keit", "schaft", "ion", "tät", "ie", "ik", "ee", "in")


def _feminine_or_plural(mention, cues: Cues) -> bool:
    """A name or noun "der" cannot make a subject of: feminine ("die Türkei", "die
    Regierung") or plural ("die USA"); its "der" is a dative or genitive."""
    head = mention.text.split()[-1].lower() if mention.text else ""
    if mention.kind in ("country", "organisation", "capital"):
        return head in cues["feminine_or_plural_name"]
    return mention.kind == "role" and head.endswith(_FEMININE_ENDINGS)


def _in_attribute(doc: Doc, mention) -> bool:
    """The mention is the agent inside an attribute: an inflected participle and its noun
    follow ("von Islamisten geführte Rebellengruppe", "vom Iran unterstützten Milizen")."""
    k = mention.token_end
    if k + 1 >= len(doc):
        return False
    word, noun = doc[k], doc[k + 1]
    return word.text[:1].islower() and word.lower_.endswith(("te", "ten", "tem", "ter", "tes", "ene", "enen", "enem"))\
        and noun.text[:1].isupper() and noun.is_alpha


def _party_prepositions(cues: Cues) -> set[str]:
    """Prepositions that mark a party: the companion or counterpart ("mit"), the
    recipient ("gegen"), the agent ("von", "durch")."""
    return {"mit"} | set(cues["recipient_prep"]) | set(cues["agent_prep"]) | set(cues["strict_agent_prep"])


def joined(doc: Doc, first, second, cues: Cues) -> bool:
    """Two mentions joined by a coordinator or comma alone ("Merkel und er")."""
    between = doc[first.token_end:second.token_start]
    return len(between) <= 2 and all(t.lower_ in cues["coordinator"] or t.text == "," for t in between)


# Sectors of the forces a state acts with.
FORCE_SECTORS = ("MIL", "COP")


def own_forces(mention, actor: list) -> bool:
    """Unnamed forces of an actor's own country that it acts "with" are its means,
    not a second party ("Russland schließt nicht aus, mit Soldaten einzugreifen")."""
    return mention.kind == "role" and mention.sector in FORCE_SECTORS and any(
        a.code == mention.code and a.sector not in FORCE_SECTORS for a in actor)
