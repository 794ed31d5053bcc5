"""PLOVER's and CAMEO's coding conventions the coder applies after it has found a
trigger and its parties: which types are directed, which acts only a state performs,
which sector a party takes from its part in the act, what kind of meeting took place,
and when coordinated acts share a target."""

from __future__ import annotations

from lagebild.records import EVENT_QUADS, NON_STATE_CODES, Entity, Event, Location

# PLOVER: planned cooperation of these kinds is coded as AGREE (docs §2).
# Cooperation an actor can refuse: declared not to be done, it is a REJECT.
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}
FUTURE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
# Types whose parties stand on one side ("all parties are actors") when no one is the target.
PARTY_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
# Verbal acts whose target often stands in the complement clause ("kritisierte, dass
# das Vorgehen Russlands …"): without a recipient in the trigger's clause, look there.
COMPLEMENT_TARGET_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"}
# Directed acts: they have a target, and a target the text names but the actor lexicon
# cannot place ("kritisierten die Maßnahmen", "gegen Uiguren") is taken to belong to the
# article's home country, as most targets of domestic news do.
DIRECTED_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "COERCE", "SANCTION", "ASSAULT",
                  "PROTEST", "SUPPORT", "AID"}
# Conflictual acts whose target often goes unsaid: a domestic protest, threat, demand,
# criticism or refusal is directed at the home country's authorities (as CAMEO and
# PLOVER code protests against the government).
IMPLICIT_TARGET_TYPES = {"PROTEST", "THREATEN", "REQUEST", "ACCUSE", "REJECT"}
# Material events happen somewhere; verbal ones are said, and their place is rarely told.
MATERIAL_TYPES = {t for t, quad in EVENT_QUADS.items() if quad.startswith("material")}
# Force an actor says it does not rule out is a threat of that force (PLOVER THREATEN modes).
FORCE_TYPES = {"ASSAULT": "violence", "COERCE": None}
# Verbal acts whose following zu-clause is their content ("warf ihm vor, … zu unterstützen").
CONTENT_ACTS = {"ACCUSE", "REQUEST", "THREATEN", "REJECT", "COERCE"}
# Organs of the state: a bare country (no sector) counts as its government.
STATE_SECTORS = {None, "GOV", "MIL", "COP", "JUD", "SPY", "LEG"}
# Acts only a state performs: when the text names no agent ("er wurde festgenommen"),
# the agent is the home country's organ for that act.
STATE_ACTS = {("COERCE", None): "GOV", ("COERCE", "arrest"): "COP", ("COERCE", "seize"): "COP",
              ("COERCE", "deport"): "GOV", ("COERCE", "restrict"): "GOV",
              ("SANCTION", "convict"): "JUD", ("ACCUSE", "investigate"): "JUD"}


# Sectors a party takes from its part in the act (CAMEO's conventions): a civilian who
# attacks, or who is arrested or convicted, is a criminal (suspect), one deported a refugee or
# migrant; a state whose attack is named by a
# compound ("US-Luftangriff") attacked with its military.
SECTOR_BY_ACT = {("ASSAULT", None, "actor", "CVL"): "CRM",
                 ("COERCE", "arrest", "recipient", "CVL"): "CRM",
                 ("SANCTION", "convict", "recipient", "CVL"): "CRM",
                 ("COERCE", "deport", "recipient", "CVL"): "REF",
                 ("ASSAULT", None, "actor", None): "MIL"}


# Sectors of a standing armed force: training one aids it ("gemäßigte Rebellen für den Kampf
# ausbilden"); training people for a fight raises a force (MOBILIZE militia).
ARMED_SECTORS = {"MIL", "REB", "COP", "UAF", "SPY"}


def trained_force_is_aided(event_type: str, mode: str | None, recipient: list[Entity]) -> bool:
    return event_type == "MOBILIZE" and mode == "militia" and bool(recipient) \
        and recipient[0].sector in ARMED_SECTORS


# Sectors that bear no arms: a hospital, a school, a newspaper, a firm, a court or a
# parliament named with an attack is its target ("Angriffe auf Kliniken und Schulen"),
# never its actor ("ein Frontalangriff", said a member of parliament, is a figure of speech).
UNARMED_SECTORS = {"MED", "EDU", "JRN", "BUS", "LAB", "AGR", "REL", "JUD", "LEG"}


def unarmed_to_target(event_type: str, actor: list[Entity], recipient: list[Entity]
                      ) -> tuple[list[Entity], list[Entity]]:
    if event_type != "ASSAULT":
        return actor, recipient
    unarmed = [a for a in actor if a.sector in UNARMED_SECTORS]
    return [a for a in actor if a not in unarmed], recipient + [a for a in unarmed if a not in recipient]


def mobilized_are_no_target(event_type: str, actor: list[Entity], recipient: list[Entity]) -> list[Entity]:
    """The people a side trains or calls up ("25.000 Palästinenser für den Kampf gegen
    Israel ausbilden") are its own forces, not the target of the mobilisation: only
    another country's party is."""
    if event_type != "MOBILIZE":
        return recipient
    own = {a.code for a in actor if a.code}
    return [r for r in recipient if r.code not in own]


def is_research(event_type: str, mode: str | None, actor: list[Entity]) -> bool:
    """Scientists or doctors who examine something ("Forscher untersuchten die Pupillen")
    study it: no investigation in CAMEO's sense (of a crime, an abuse, an attack)."""
    return event_type == "ACCUSE" and mode == "investigate" and bool(actor) \
        and all(a.sector in ("EDU", "MED") for a in actor)


# People who travel and call on others in private: a student attending a school, a
# family visiting relatives, a fighter travelling to Syria make no visit in PLOVER's
# sense (an official's or delegation's call on a host).
PRIVATE_SECTORS = {"CVL", "CRM", "REF", "EDU"}


def is_private_contact(event_type: str, mode: str | None, actor: list[Entity],
                     recipient: list[Entity] = ()) -> bool:
    """A visit by private people, or any talk among private people only (a refugee
    phoning her husband): no consultation in PLOVER's sense."""
    if event_type != "CONSULT" or not actor:
        return False
    private = all(a.sector in PRIVATE_SECTORS for a in actor)
    return private and (mode == "visit" or all(r.sector in PRIVATE_SECTORS for r in recipient))


def is_interview(event_type: str, actor: list[Entity], recipient: list[Entity]) -> bool:
    """"sagte im Gespräch mit der SZ", "im Interview mit der APA": talking to the press
    is how a statement is made, no consultation between the parties."""
    return event_type == "CONSULT" and bool(recipient) and all(r.sector == "JRN" for r in recipient)


def sector_by_act(entity: Entity, event_type: str, mode: str | None, side: str,
                  kin: bool = False) -> Entity:
    """The sector the party's part in the act implies; a relative named as such keeps
    the identity the text gives ("der Vater des Verdächtigen wurde festgenommen")."""
    if kin and entity.sector == "CVL" and side == "recipient":
        return entity
    sector = SECTOR_BY_ACT.get((event_type, mode, side, entity.sector)) or \
        SECTOR_BY_ACT.get((event_type, None, side, entity.sector))
    if sector is None or (entity.sector is None and not _attack_compound(entity)):
        return entity
    return Entity(code=entity.code, sector=sector, name=entity.name, text=entity.text,
                  start=entity.start, end=entity.end)


def _attack_compound(entity: Entity) -> bool:
    """"US-Luftangriff": a state's prefix on the attack itself."""
    return bool(entity.code) and entity.code not in NON_STATE_CODES and "-" in entity.text \
        and entity.text.split("-")[-1][:1].isupper()


def same_referent(a: Entity, b: Entity) -> bool:
    if a.code != b.code or a.sector != b.sector:
        return False
    return (a.name is not None and a.name == b.name) or \
        (a.text.lower() == b.text.lower() and a.text.lower() in ("er", "sie", "ihm", "ihn", "ihnen"))


def spoken_for(actor: list[Entity], sources: list[Entity]) -> list[Entity]:
    """ "Russland werde keinen Vertrag schließen, sagte Kreml-Sprecher Peskow": a state
    named bare in what its official says acts through that official."""
    # ("der Sprecher von Präsident Putin, Dmitri Peskow": the last one named speaks)
    officials = [s for s in reversed(sources) if s.code and s.sector in STATE_SECTORS - {None}]
    return [next((o for o in officials if o.code == a.code), a) if a.code and a.sector is None else a
            for a in actor]


def meeting_mode(actor: list[Entity], recipient: list[Entity], location: Location | None) -> str | None:
    """A meeting held in one party's country is a visit; one held in a country of neither
    party is a third-party meeting ("traf Abbas in Jordanien")."""
    if location is None or not location.country:
        return None
    actors = {e.code for e in actor if e.code}
    recipients = {e.code for e in recipient if e.code}
    if not actors or not recipients or actors == recipients:
        return None
    return "visit" if location.country in actors | recipients else "third-party"


def share_target(event: Event, earlier: list[Event]) -> None:
    """"Kim warf den USA vor, …, und schloss einen Angriff nicht aus": acts of one
    actor coordinated in a sentence share the target the first one names."""
    if event.recipient or event.event not in DIRECTED_TYPES:
        return
    codes = {a.code for a in event.actor if a.code}
    for other in reversed(earlier):
        if other.recipient and codes and codes == {a.code for a in other.actor if a.code}:
            event.recipient = list(other.recipient)
            return


def implicit_state_actor(event_type: str, mode: str | None, home: str | None) -> list[Entity]:
    sector = STATE_ACTS.get((event_type, mode)) or STATE_ACTS.get((event_type, None)) \
        if event_type == "COERCE" else STATE_ACTS.get((event_type, mode))
    if not sector or not home:
        return []
    return [Entity(code=home, sector=sector, name=None, text="")]
