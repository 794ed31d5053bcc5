"""Who did it, to whom, according to whom: actor, recipient and source of a trigger.

Without a dependency parser, German word order and case marking carry most of the
signal, and this module reads them from the tokens around each actor mention:

* a mention after a locative preposition ("in Moskau") is a place, never a party;
* after ``gegen/an/auf/für/zu/vor/mit`` it is the recipient ("mit" makes a partner:
  recipient of a meeting, co-actor of an attack);
* after ``von/durch`` in a passive clause it is the actor;
* after an oblique determiner (``den``, ``dem``, ``seinen`` …) it is an object, so a
  recipient; otherwise the first mention is the subject (actor) and later ones objects;
* mentions joined by "und"/"sowie" share their role ("Russland und die USA");
* the speaker of a report clause ("…, teilten das Pentagon … mit", "sagte Kerry") and
  the object of ``laut``/``zufolge``/``nach …-Angaben`` are the source, not parties.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from lagebild.events.clauses import Clause
from lagebild.events.lexicon import Cues
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
# How far back from a mention to look for the word that marks its role.
_LOOKBACK = 4


@dataclass
class Arguments:
    actor: list = field(default_factory=list)       # ActorMention
    recipient: list = field(default_factory=list)
    places: list = field(default_factory=list)
    # "mit seinem Cousin einen Anschlag verüben": acts with the actor, who is named elsewhere
    companions: list = field(default_factory=list)


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
            owner_of_target = any(doc[j].lower_ in ("auf", "gegen")
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
                and doc[k - 2].lower_ in ("des", "der", "eines", "einer"):
            # "während des Besuchs von Papst Franziskus": "von" stands for a genitive of
            # the noun before it, no agent of the verb (of a noun trigger it is the agent:
            # "bei einer Kundgebung von Rechtsextremisten", see :func:`assign`)
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


def _in_attribute(doc: Doc, mention) -> bool:
    """The mention is the agent inside an attribute: an inflected participle and its noun
    follow ("von Islamisten geführte Rebellengruppe", "vom Iran unterstützten Milizen")."""
    k = mention.token_end
    if k + 1 >= len(doc):
        return False
    word, noun = doc[k], doc[k + 1]
    return word.text[:1].islower() and word.lower_.endswith(("te", "ten", "tem", "ter", "tes", "ene", "enen", "enem"))\
        and noun.text[:1].isupper() and noun.is_alpha


def _article_count(doc: Doc, mention) -> int:
    """Determiners and adjectives between "von" and the mention ("von ukrainischen
    Rechtsextremisten"): the mention's words start after them."""
    k, n = mention.token_start - 1, 0
    while k >= 0 and doc[k].lower_ != "von" and doc[k].text[:1].islower() and n < 3:
        k, n = k - 1, n + 1
    return n


def _party_prepositions(cues: Cues) -> set[str]:
    """Prepositions that mark a party: the companion or counterpart ("mit"), the
    recipient ("gegen"), the agent ("von", "durch")."""
    return {"mit"} | set(cues["recipient_prep"]) | set(cues["agent_prep"]) | set(cues["strict_agent_prep"])


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


def _genitive_der(doc: Doc, k: int, clause_start: int) -> bool:
    """ "der" after a noun ("ein Lager der Hamas") is a genitive; at a phrase start
    ("mit der Hamas", "die der Hamas") it is not."""
    return k > clause_start and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper()


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
                and not _joined(doc, mention, subject, cues):
            role = "oblique"
        if subjectless and role == "plain":
            role = "oblique"   # "…, Rebellen auszubilden": a zu-clause has no subject of its own
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
                and noun_trigger < mention.token_start):
            args.actor.append(mention)
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
    return args


def _after(doc: Doc, mention, word: str) -> bool:
    return any(doc[k].lower_ == word for k in range(max(mention.token_start - 3, 0), mention.token_start))


def affiliation(doc: Doc, mention, mentions: list) -> bool:
    """A mention in parentheses right after another one: a person's party or country
    ("Landeshauptmann Erwin Pröll (ÖVP)", "Ministerpräsident Seehofer (CSU)")."""
    k = mention.token_start
    return k >= 2 and doc[k - 1].text == "(" and mention.token_end < len(doc) \
        and doc[mention.token_end].text == ")" and any(m.token_end == k - 1 for m in mentions)


def apposition_head(doc: Doc, clause: Clause, mentions: list, cues: Cues) -> list:
    """The parties right before the comma that opens an apposition ("FPÖ und ÖVP, …")."""
    head = [m for m in mentions if m.token_end == clause.start - 1 and is_party(m)]
    for m in sorted(mentions, key=lambda m: -m.token_start):
        if head and m.token_end < head[0].token_start and _joined(doc, m, head[0], cues) and is_party(m):
            head.insert(0, m)
    return head


def _joined(doc: Doc, first, second, cues: Cues) -> bool:
    """Two mentions joined by a coordinator or comma alone ("Merkel und er")."""
    between = doc[first.token_end:second.token_start]
    return len(between) <= 2 and all(t.lower_ in cues["coordinator"] or t.text == "," for t in between)


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


def is_passive(doc: Doc, clause: Clause, trigger: int, cues: Cues) -> bool:
    """A passive clause, or a headline made of a participle alone ("18 Menschen
    verschleppt."), whose subject is what the action was done to."""
    words = {doc[k].lower_ for k in range(clause.start, clause.end)}
    if words & {"wurde", "wurden", "worden", "wird", "werden"} and any(
            doc[k].lower_.startswith("ge") or doc[k].lower_.endswith(("iert", "t", "en"))
            for k in range(clause.start, clause.end) if doc[k].text[:1].islower()):
        return True
    words = [k for k in range(clause.start, clause.end) if doc[k].is_alpha]
    token = doc[trigger]
    if _state_passive(doc, words, token, cues) or participle_apposition(doc, clause, token.i, cues):
        return True
    lowercase = [k for k in words if doc[k].text[:1].islower()]
    participle = token.lower_ != token.lemma_.lower() and token.lower_.endswith(("t", "en"))
    if lowercase == [trigger] and words[-1] == trigger and participle:
        return True     # "18 Menschen verschleppt."
    # a headline without a finite verb that ends in a participle ("Deutschland deswegen
    # von EU-Kommission verklagt"): a finite verb would stand second, not last
    # ("-ten" is rather a preterite: "Doch die Gewerkschaften kritisierten")
    # (the clause is the whole sentence: "X fordert, dass …" ends its clause with the verb)
    return clause.start == clause.sentence.start and _ends_sentence(doc, clause) and len(words) > 2 \
        and words[-1] == trigger and words[1] != trigger \
        and doc[words[0]].lower_ not in cues["clause_opener"] \
        and not any(doc[k].lower_ in cues["finite_verb"] for k in words) \
        and token.lower_ != token.lemma_.lower() and token.lower_.endswith(("t", "en")) \
        and (token.lower_.startswith("ge") or not token.lower_.endswith("ten"))


def _ends_sentence(doc: Doc, clause: Clause) -> bool:
    rest = doc[clause.end:clause.sentence.end]
    return all(t.is_punct or t.is_space for t in rest)


def participle_apposition(doc: Doc, clause: Clause, trigger: int, cues: Cues) -> bool:
    """A participle with its agent set off by commas after a noun ("Die
    Belegschaftsvertreter, von der Gewerkschaft unterstützt, rüsten sich", "FPÖ und
    ÖVP, unterstützt von Neos, …"): the noun is what was done to."""
    token = doc[trigger]
    words = [k for k in range(clause.start, clause.end) if doc[k].is_alpha]
    # (no finite verb stands in it, so a verb form in "-t" is the participle: "unterstützt")
    participle = token.lower_ != token.lemma_.lower() and token.lower_.endswith("t")
    return participle and clause.start > clause.sentence.start and doc[clause.start - 1].text == "," \
        and not any(doc[k].lower_ in cues["finite_verb"] for k in words) \
        and any(doc[k].lower_ in cues["agent_prep"] for k in words)


def _state_passive(doc: Doc, words: list[int], token, cues: Cues) -> bool:
    """"Mehrere Verdächtige sind angeklagt": "sein" with a participle of a verb whose
    perfect is formed with "haben" is a state passive (not "ist gereist")."""
    lower, lemma = token.lower_, token.lemma_.lower()
    participle = lower != lemma and lower.endswith("t") and (
        "ge" in lower[:5] or lower.startswith(tuple(cues["inseparable_prefix"])))
    # (no comma between: "verurteilt ihn zu einem Jahr Haft, drei Monate sind unbedingt")
    return participle and lemma not in cues["sein_perfect"] and any(
        doc[k].lower_ in cues["sein_form"] and not any(t.text == "," for t in doc[min(k, token.i):max(k, token.i)])
        for k in words)


def source_mentions(doc: Doc, sentence_clauses: list[Clause], trigger_clause: Clause,
                    mentions: list, cues: Cues) -> list:
    """Mentions that report the sentence's events rather than take part in them."""
    sources = []
    for clause in sentence_clauses:
        if clause == trigger_clause:
            continue
        if _is_report_clause(doc, clause, cues):
            sources.extend(m for m in mentions if clause.start <= m.token_start < clause.end)
    for mention in mentions:
        before = doc[max(mention.token_start - 3, 0):mention.token_start]
        # "den nordkoreanischen Angaben zufolge": a report noun may stand between
        after = doc[mention.token_end:mention.token_end + 2]
        if len(after) == 2 and after[0].lower_ not in cues["report_noun"]:
            after = after[:1]
        text_after = mention.text.lower()
        # "laut X", "X zufolge" (a postposition: its object stands before it)
        if any(t.lower_ in cues["report_prep"] for t in before) or \
                any(t.lower_ in cues["report_postposition"] for t in after) or \
                (any(t.lower_ == "nach" for t in before) and text_after.endswith("angaben")):
            sources.append(mention)
    return sources


def _is_report_clause(doc: Doc, clause: Clause, cues: Cues) -> bool:
    for k in range(clause.start, clause.end):
        lemma = doc[k].lemma_.lower()
        if lemma in cues["report_lemma"]:
            return True
    return False


def unresolved_target(doc: Doc, clause: Clause, trigger: int, mentions: list, cues: Cues,
                      subject_end: int | None = None, after_trigger: bool = False):
    """A noun phrase in the clause that looks like the act's target but is no known
    actor: an object ("den Hubschrauber", or "die Maßnahmen" after the subject) or a
    recipient-preposition phrase ("gegen Uiguren").  Returns its span, or None."""
    covered = {k for m in mentions for k in range(m.token_start, m.token_end)}
    # a noun event's target follows it ("Angriff auf …"); a verb's may stand anywhere
    for k in range(trigger + 1 if after_trigger else clause.start, clause.end - 1):
        word = doc[k].lower_
        if k == trigger or k in covered:
            continue
        after_subject = subject_end is not None and k >= subject_end
        governed = k > clause.start and doc[k - 1].lower_ in cues["preposition"]
        # "unter Verweis auf die Lage": a preposition after a noun belongs to that noun
        noun_attached = k > clause.start and k - 1 != trigger and doc[k - 1].is_alpha and \
            doc[k - 1].text[:1].isupper()
        if (word in cues["oblique_det"] and not governed) or (word in ("gegen", "auf", "an") and not noun_attached) or (
                after_subject and not governed and (word in ("die", "das", "eine", "ein", "seine", "ihre")
                                                    or word in cues["quantifier"] or doc[k].like_num)):
            for j in range(k + 1, min(k + 4, clause.end)):
                if j in covered or j == trigger:
                    break
                if doc[j].text[:1].isupper() and doc[j].is_alpha:
                    return doc[k + 1:j + 1]
    return None


def passive_subject(doc: Doc, clause: Clause, trigger: int, mentions: list, cues: Cues):
    """The subject of a passive clause that no actor mention covers ("Hasan E. war …
    festgenommen worden", "… waren Munition und Material beschlagnahmt worden"): the
    first noun phrase outside a prepositional phrase.  Returns its span, or None."""
    covered = {k for m in mentions for k in range(m.token_start, m.token_end)}
    governed = False
    for k in range(clause.start, clause.end):
        token = doc[k]
        if k == trigger or k in covered or token.is_punct:
            continue
        if token.lower_ in cues["preposition"]:
            governed = k + 1 < clause.end and doc[k + 1].lower_ not in cues["adverbial_object"]
            continue
        if governed and token.lower_ in cues["coordinator"]:
            continue
        if not (token.is_alpha and token.text[:1].isupper()):
            continue
        if governed:
            # the noun closes the prepositional phrase ("an diesem Tag"), with the rest of
            # a name ("von der Islamistengruppe Ansar Dine") or a coordinated noun ("auf
            # den Straßen und Plätzen")
            nxt = doc[k + 1] if k + 1 < clause.end else None
            governed = nxt is not None and (nxt.text[:1].isupper() and nxt.is_alpha or nxt.lower_ in cues["coordinator"])
            continue
        if token.is_stop or token.lower_ in cues["temporal_noun"] or token.lower_ in cues["measure_noun"]:
            continue              # "Der", "Dort" opening the sentence; "Anfang September" a time
        if k == clause.sentence.start and doc[k + 1].lower_ not in cues["passive_aux"] \
                and not doc[k + 1].text[:1].isupper():
            continue              # "Zuletzt wurde …": an adverb in first position
        end = k + 1
        while end < clause.end and end != trigger and (doc[end].text[:1].isupper() or doc[end].text == "."):
            end += 1
        return doc[k:end]
    return None


def auxiliary_subject(doc: Doc, clause: Clause, mentions: list, cues: Cues):
    """The party that is the subject of a clause holding just the auxiliary of a passive
    told further on ("Der Salafistenführer X sei am Samstag bei dem Versuch, …,
    festgenommen worden"): the first party mention with no preposition before it, where the
    clause has a form of "sein" or "werden"."""
    words = {doc[k].lower_ for k in range(clause.start, clause.end)}
    if not words & (set(cues["passive_aux"]) | set(cues["sein_form"])):
        return None
    return next((m for m in mentions if clause.start <= m.token_start < clause.end and m.code
                 and is_party(m) and role_marker(doc, m, clause.start, cues) == "plain"), None)


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
        elif before & cues["embedded_agent_prep"] and not args.actor and can_act(mention):
            if mention.kind == "capital" and "von" in before:
                args.places.append(mention)     # "die Anschläge von Paris": where, not who
            elif mention.kind in ("country", "capital", "place") and before & {"aus", "von"}:
                args.actor.append(mention)      # "Raketenangriff aus dem Gazastreifen"
            elif mention.kind not in ("country", "capital"):
                args.actor.append(mention)
    return args


def to_entity(mention) -> Entity:
    return Entity(code=mention.code, sector=mention.sector, name=mention.name,
                  text=mention.text, start=mention.start, end=mention.end)
