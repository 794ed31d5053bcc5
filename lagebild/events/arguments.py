"""Who did it, to whom: sort the party mentions of a trigger's clause into actor and recipient.

The role each mention's words give it (``roles``) decides most: a place is set aside,
a recipient-preposition or an oblique article makes a recipient, an agent makes the
actor of a passive clause (``passive``), and of the plain mentions the first is the
subject (actor) and later ones objects.  This module adds what the event's type and
the clause around the mentions change: a meeting's "mit"-partner is its counterpart, a
subject named before the verb makes the parties after it objects, a zu-clause has no
subject of its own.  A noun event inside a phrase ("nach dem Angriff der Taliban auf
…") takes its parties from that phrase (:func:`embedded_parties`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from lagebild.events.clauses import Clause
from lagebild.events.lexicon import Cues
from lagebild.events.roles import can_act, is_party, joined, role_marker
from lagebild.records import Entity

# Event types whose "mit"-partner is a counterpart (recipient), not a co-actor.
PARTNER_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
# Types whose "gegen"-phrase names a common foe, not the recipient ("Rebellen für den
# Kampf gegen den IS ausbilden").
FOE_EXCLUDING_TYPES = PARTNER_TYPES | {"AID", "SUPPORT"}
# Types whose target may be a thing standing for its owner ("den Sitz der Regierung",
# "den Antrag der Staatsanwaltschaft ablehnen"); not ACCUSE: "die Behandlung der Uiguren
# kritisieren" accuses whoever treats them.
OWNED_TARGET_TYPES = {"ASSAULT", "COERCE", "REJECT", "SUPPORT"}


@dataclass
class Arguments:
    actor: list = field(default_factory=list)       # ActorMention
    recipient: list = field(default_factory=list)
    places: list = field(default_factory=list)
    # "mit seinem Cousin einen Anschlag verüben": acts with the actor, who is named elsewhere
    companions: list = field(default_factory=list)


def assign(doc: Doc, clause: Clause, mentions: list, event_type: str, passive: bool,
           cues: Cues, noun_trigger: int | None = None, verb_trigger: int | None = None,
           subjectless: bool = False, relative: bool = False) -> Arguments:
    """Sort the clause's party mentions into actor and recipient.  ``noun_trigger`` is
    the token of a nominalised trigger ("die Abschiebung … durch Thailand"), whose
    following ``durch``-phrase names its agent."""
    args = Arguments()
    owners = []      # owners of a plain object: "den Sitz der Regierung"
    previous_role = None
    # the subject stands before the verb unnamed, or is the relative pronoun opening the
    # clause ("eine Gruppe, die Armeeangehörige getötet hat"): the parties are objects
    subject_named_before = unnamed_subject(doc, clause, mentions, verb_trigger, cues) or (
        relative and verb_trigger is not None and not passive)
    main_verb = noun_subject_verb(doc, clause, noun_trigger, cues)
    # "er" is always a subject: a party named before it is fronted, an object ("Kunden
    # und Mitarbeitern hat er Klarheit versprochen"), unless coordinated with it
    subject = next((m for m in mentions if m.kind == "pronoun" and m.text.lower() in cues["subject_pronoun"]
                    and role_marker(doc, m, clause.start, cues, barrier=verb_trigger) == "plain"), None)
    for n, mention in enumerate(mentions):
        if main_verb is not None and mention.token_start > main_verb:
            continue    # the object of the sentence's verb, not a party of the noun event
        if affiliation(doc, mention, mentions):
            continue    # "Finanzminister Schelling (ÖVP)": the person's party, no party of its own
        if mention.kind == "adjective" and n + 1 < len(mentions) \
                and mentions[n + 1].token_start == mention.token_end:
            continue    # "der libysche IS-Chef": the adjective belongs to the next mention
        if n + 1 < len(mentions) and mention.kind == "role" and \
                any(doc[k].lower_ == "wie" for k in range(mention.token_end, mentions[n + 1].token_start)) \
                and mentions[n + 1].token_start - mention.token_end <= 3:
            continue    # "Extremistenorganisationen wie dem IS": the example names the party
        role = role_marker(doc, mention, clause.start, cues, barrier=verb_trigger)
        if role in ("noun_von", "noun_von_object"):
            # the noun before "von" is the trigger itself: its agent ("Treffen von Fico");
            # else an attribute, or the owner of a plain object ("Pläne von X ablehnen")
            if noun_trigger is not None and noun_trigger + 2 == mention.token_start - _article_count(doc, mention):
                role = "agent"
            else:
                role = "genitive" if role == "noun_von" else "object_genitive"
        if noun_trigger is not None and mention.token_start == noun_trigger + 1 and \
                mention.kind in ("country", "capital", "organisation") and mention.text.endswith("s"):
            role = "strict_agent"   # "der Atomangriff Pjöngjangs": the genitive owns the act
        if mention.kind == "adjective" and role == "place":
            continue    # "in den syrischen Bürgerkrieg": a place's attribute
        if event_type in FOE_EXCLUDING_TYPES and (
                (event_type in PARTNER_TYPES and not can_act(mention)) or _after(doc, mention, "gegen")):
            continue    # "ihren Kampf gegen den IS koordinieren": the foe is no partner
        if event_type == "ASSAULT" and (mention.role or "").lower() in cues["victim_noun"]:
            role = "oblique"   # "24 Verletzte bei Angriff auf Armeeposten": a victim never attacks
        if role == "coordinated":
            # with the mention before, or a plain party when no mention stands before
            # ("mit Autos oder Schusswaffen Israelis"): the rules below then decide
            role = previous_role or "plain"
        if subject is not None and role == "plain" and mention.token_end <= subject.token_start \
                and not joined(doc, mention, subject, cues):
            role = "oblique"
        if subjectless and role == "plain" and not any(
                doc[k].lower_ == "zwischen" for k in range(max(clause.start, mention.token_start - 6), mention.token_start)):
            # "…, Rebellen auszubilden": a zu-clause has no subject of its own; but the
            # sides "zwischen der Regierung und den Rebellen" fought
            role = "oblique"
        if subject_named_before and role == "plain" and (relative or mention.token_start > verb_trigger) \
                and mention.text.lower() not in cues["nominative_pronoun"]:
            role = "oblique"   # "Die Führung der Krim forderte die Bewohner auf": the object
        previous_role = role
        if not can_act(mention) and role not in ("recipient", "oblique", "plain"):
            continue
        if role == "place":
            args.places.append(mention)
        elif role == "object_genitive":
            owners.append(mention)
        elif role in ("genitive", "venue", "predicative", "attribute"):
            continue
        elif role == "agent" and noun_trigger is not None and noun_trigger < mention.token_start <= noun_trigger + 4 \
                and not any(doc[k].lower_ in cues["strict_agent_prep"] for k in range(noun_trigger, clause.end)):
            # "Kritik von Abgeordneten", "ein Angriff von Rebellen"; but with a durch-agent
            # the von-phrase is what was done to ("die Abschiebung von Uiguren durch Thailand");
            # a city is where ("der Terroranschlag von Paris")
            (args.places if mention.kind == "capital" else args.actor).append(mention)
        elif (role in ("agent", "strict_agent") and passive) or (
                role == "strict_agent" and noun_trigger is not None
                and noun_trigger < mention.token_start
                and not _other_action_between(doc, noun_trigger, mention)):
            args.actor.append(mention)
        elif role == "strict_agent" and noun_trigger is not None and noun_trigger < mention.token_start:
            continue    # "Proteste gegen die Zentralisierung durch die Regierung": its agent
        elif role == "partner":
            if (mention.role or "").lower() in cues["instrument_noun"]:
                continue    # "mit Kampfflugzeugen angegriffen": the means, no companion
            (args.recipient if event_type in PARTNER_TYPES else args.companions).append(mention)
        elif role in ("recipient", "oblique", "agent", "strict_agent"):
            args.recipient.append(mention)
        elif passive and not any(r for r in args.actor):
            # subject of a passive clause is what the action was done to
            args.recipient.append(mention)
        elif can_act(mention) and (not args.actor or _coordinated_with_actor(doc, mention, args.actor, cues)):
            args.actor.append(mention)
        else:
            args.recipient.append(mention)
    if event_type in OWNED_TARGET_TYPES and not args.recipient and owners and not passive:
        # "beschossen den Sitz der Regierung": a thing attacked or seized stands for its owner
        args.recipient.append(owners[0])
    elif event_type == "ACCUSE" and not args.recipient and not passive:
        # "kritisierte die Militärübung der USA und Südkoreas": the states or bodies
        # whose act is criticised (not "die Behandlung der Uiguren": those treated)
        args.recipient.extend(m for m in owners if m.kind in ("country", "organisation") and m.sector != "CVL")
    return args


# Endings of nouns that name an action ("Zentralisierung", "Intervention").
_ACTION_NOUN_ENDINGS = ("ierung", "isierung", "tion", "ation")


def _other_action_between(doc: Doc, noun_trigger: int, mention) -> bool:
    """Another action noun stands between the noun event and the "durch"-agent: the
    agent is that action's ("Proteste gegen die Zentralisierung des Bildungswesens durch
    die Regierung")."""
    return any(doc[k].text[:1].isupper() and doc[k].lower_.endswith(_ACTION_NOUN_ENDINGS)
               for k in range(noun_trigger + 1, mention.token_start))


def _after(doc: Doc, mention, word: str) -> bool:
    return any(doc[k].lower_ == word for k in range(max(mention.token_start - 3, 0), mention.token_start))


def affiliation(doc: Doc, mention, mentions: list) -> bool:
    """A mention in parentheses right after another one: a person's party or country
    ("Landeshauptmann Erwin Pröll (ÖVP)", "Ministerpräsident Seehofer (CSU)")."""
    k = mention.token_start
    return k >= 2 and doc[k - 1].text == "(" and mention.token_end < len(doc) \
        and doc[mention.token_end].text == ")" and any(m.token_end == k - 1 for m in mentions)


def _coordinated_with_actor(doc: Doc, mention, actors: list, cues: Cues) -> bool:
    last = actors[-1]
    between = doc[last.token_end:mention.token_start]
    # "Russland und die USA"; an enumeration "Bundesregierung, Bundespräsident und …"
    # (a number may quantify the next party: "700 Schulen und insgesamt 30.000 Lehrer");
    # members named with it act with it ("der UN-Sicherheitsrat – einschließlich China")
    # a city's adjective may stand before the party ("die CIA und die Zürcher Staatsanwaltschaft")
    joins = cues["coordinator"] | cues["inclusive"]
    return len(between) <= 3 and any(t.lower_ in joins or t.text == "," for t in between) \
        and all(t.text in (",", "–", "(") or t.lower_ in joins or t.text[:1].islower() or t.like_num
                or (t.i == mention.token_start - 1 and t.text.endswith("er") and t.is_alpha)
                for t in between)


def unnamed_subject(doc: Doc, clause: Clause, mentions: list, verb: int | None, cues: Cues) -> bool:
    """The clause opens with a noun phrase the lexicon does not know, right before its
    finite verb trigger ("Die Führung der Krim forderte …", "Der Anschlag tötete …"):
    that phrase is the subject, and the parties after the verb are objects."""
    if verb is None:
        return False
    start = _past_dateline(doc, clause, verb)
    first = doc[start] if start < verb else None
    if first is None or not first.text[:1].isupper() or first.lower_ not in cues["subject_article"]:
        return False
    before = doc[start:verb]
    return len(before) >= 2 and before[1].text[:1].isupper() and not any(t.is_punct for t in before) \
        and not any(start <= m.token_start < verb for m in mentions)


def _past_dateline(doc: Doc, clause: Clause, limit: int) -> int:
    """Where the clause proper starts: past a dateline ("Simferopol – Die Führung …")."""
    dash = next((k for k in range(clause.start, min(limit, clause.start + 4)) if doc[k].text in ("–", "-", "—")),
                None)
    return clause.start if dash is None else dash + 1


def noun_subject_verb(doc: Doc, clause: Clause, noun_trigger: int | None, cues: Cues) -> int | None:
    """The finite verb after a noun event that heads the clause's opening noun phrase
    ("Die Anschläge auf Charlie Hebdo haben die Regierung veranlasst, …"): the parties
    after that verb are the verb's objects, no parties of the noun event."""
    if noun_trigger is None:
        return None
    start = _past_dateline(doc, clause, noun_trigger)
    if doc[start].lower_ not in cues["subject_article"]:
        return None
    for k in range(start + 1, clause.end):
        if doc[k].is_punct:
            return None
        if k > noun_trigger and doc[k].lower_ in cues["finite_verb"]:
            return k
    return None


def _article_count(doc: Doc, mention) -> int:
    """Determiners and adjectives between "von" and the mention ("von ukrainischen
    Rechtsextremisten"): the mention's words start after them."""
    k, n = mention.token_start - 1, 0
    while k >= 0 and doc[k].lower_ != "von" and doc[k].text[:1].islower() and n < 3:
        k, n = k - 1, n + 1
    return n


def embedded_parties(doc: Doc, trigger: int, mentions: list, clause: Clause, cues: Cues) -> Arguments:
    """Parties of a noun event inside a phrase: an actor prefix of the noun itself
    ("US-Luftangriff", "IS-Anschlag"), an actor after aus/von/durch or in the genitive
    ("Angriff der Taliban"), a recipient after auf/gegen; at most six words on."""
    args = Arguments()
    for mention in mentions:
        if mention.token_start <= trigger < mention.token_end and mention.code:
            args.actor.append(mention)          # the compound's modifier
    for mention in mentions:
        if not (trigger < mention.token_start <= trigger + 6 and mention.token_start < clause.end):
            continue
        if any(doc[k].is_punct or doc[k].lower_ in cues["finite_verb"]
               for k in range(trigger + 1, mention.token_start)):
            continue    # "Nach den Anschlägen von November hatte Moskau …": the phrase ended
        if not is_party(mention):
            continue
        before = {doc[k].lower_ for k in range(max(trigger + 1, mention.token_start - 3), mention.token_start)}
        phrase = {doc[k].lower_ for k in range(trigger + 1, mention.token_start)}
        owner = doc[mention.token_start - 1].lower_ in ("der", "des") and phrase & {"auf", "gegen"}
        if before & {"auf", "gegen", "mit"} or owner:
            # "Angriff auf X", "Gespräche mit X"; "Anschlag auf den Sitz der Regierung":
            # the owner of the target
            args.recipient.append(mention)
        elif before & cues["embedded_agent_prep"] and can_act(mention) and not _governed_article(
                doc, trigger, mention, cues) and (
                not args.actor or _coordinated_with_actor(doc, mention, args.actor, cues)):
            # ("Bei Kämpfen von Armee und UN-Soldaten": both fought)
            if mention.kind == "capital" and "von" in before:
                args.places.append(mention)     # "die Anschläge von Paris": where, not who
            elif mention.kind in ("country", "capital", "place") and before & {"aus", "von"}:
                args.actor.append(mention)      # "Raketenangriff aus dem Gazastreifen"
            elif mention.kind not in ("country", "capital"):
                args.actor.append(mention)
    return args


def _governed_article(doc: Doc, trigger: int, mention, cues: Cues) -> bool:
    """ "Drohnenangriff nahe der syrischen Stadt": "der" after a preposition is its
    dative, no genitive naming who attacked."""
    for k in range(mention.token_start - 1, trigger, -1):
        if doc[k].lower_ in cues["embedded_agent_prep"]:
            return doc[k].lower_ in ("der", "des") and doc[k - 1].lower_ in cues["preposition"]
    return False


def to_entity(mention) -> Entity:
    return Entity(code=mention.code, sector=mention.sector, name=mention.name,
                  text=mention.text, start=mention.start, end=mention.end)
