"""Whom an act was aimed at where the text names no known party as its recipient.

The target may stand in the complement clause of a verbal act ("fordert, dass X …"),
be a visited place's government, the subject of a passive clause, or a noun phrase
that looks like an object but names no actor the lexicon knows ("den Hubschrauber",
"gegen Uiguren"); such a target, and a domestic act's unsaid one, is the article's
home country.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span as SpacySpan

from lagebild.events.clauses import Clause
from lagebild.events.context import ArticleContext
from lagebild.events.conventions import (COMPLEMENT_TARGET_TYPES, DIRECTED_TYPES, IMPLICIT_TARGET_TYPES,
                                         STATE_SECTORS)
from lagebild.events.lexicon import Cues
from lagebild.events.passive import auxiliary_subject, passive_subject
from lagebild.events.roles import role_marker
from lagebild.events.triggers import TriggerMatch
from lagebild.records import Entity


def default_recipient(ctx: ArticleContext, sentence: SpacySpan, clauses: list[Clause],
                      clause: Clause, trigger: TriggerMatch, parties, candidates: list, cues: Cues,
                      passive: bool = False) -> list[Entity]:
    """A recipient where the trigger's clause names none: the target in the
    complement clause of a verbal act, else the home country for a target the text
    names but the lexicon cannot place, or for a domestic act's unsaid target.
    (Mentions found in the complement are put into ``parties.recipient``.)"""
    doc, event_type = ctx.doc, trigger.entry.event
    if parties.recipient:
        return []
    if event_type == "CONSULT" and trigger.entry.mode == "visit":
        # "Zu Besuch in Sarajevo": the host is the government of the place visited
        actor_codes = {m.code for m in parties.actor}
        host = next((m for m in parties.places if m.code and m.code not in actor_codes), None)
        if host is not None:
            return [Entity(code=host.code, sector="GOV", name=None, text=host.text,
                           start=host.start, end=host.end)]
    if event_type == "ASSAULT":
        # "einen Vergeltungsangriff gestartet, bei dem zwei Palästinenser verletzt
        # wurden": the victims the attack's relative clause names
        parties.recipient = victims_of_relative(doc, clauses, clause, trigger.token, candidates, cues)
        if parties.recipient:
            return []
    if event_type in COMPLEMENT_TARGET_TYPES:
        actor_codes = {m.code for m in parties.actor}
        later = [m for m in candidates if m.token_start >= clause.end
                 and m.code and m.code not in actor_codes]
        first = [m for m in later if role_marker(doc, m, sentence.start, cues)
                 not in ("place", "genitive", "object_genitive")][:1]
        # "… Soldaten aus Südkorea und 17.000 aus den USA": and its coordinated parties
        for m in later:
            if first and m.token_start > first[-1].token_start and \
                    m.token_start - first[-1].token_end <= 5 and any(
                    doc[k].lower_ in cues["coordinator"]
                    for k in range(first[-1].token_end, m.token_start)):
                first.append(m)
        parties.recipient = first
        if parties.recipient:
            return []
    if event_type not in DIRECTED_TYPES or not ctx.home:
        return []
    subject_end = max((m.token_end for m in parties.actor
                       if clause.start <= m.token_start < clause.end), default=None)
    target = None
    if passive:
        # the subject may open the sentence ("Der Salafistenführer sei …, bei dem
        # Versuch, …, festgenommen worden")
        for where in [clause] + [c for c in clauses if c.end <= clause.start]:
            target = passive_subject(doc, where, trigger.token, ctx.mentions, cues)
            if target is not None:
                break
            subject = auxiliary_subject(doc, where, ctx.mentions, cues) \
                if where is not clause else None
            if subject is not None:
                # a party the lexicon knows: "Der Salafistenführer X sei …, festgenommen worden"
                parties.recipient = [subject]
                return []
    target = target or unresolved_target(doc, clause, trigger.token, ctx.mentions,
                                         cues, subject_end,
                                         after_trigger=trigger.entry.pos == "NOUN")
    if target is not None and target[-1].lower_ in cues["temporal_noun"] | cues["measure_noun"]:
        target = None       # "an diesem Tag", "64 Prozent": a time or a quantity, not a target
    if target is not None:
        # a policy or an act as target ("kritisierten die Einführung einer Steuer",
        # "drängt auf Einigung") stands for the government behind it
        head = target[-1].lower_
        abstract = head.endswith(tuple(cues["abstract_suffix"])) and \
            not head.endswith(tuple(cues["not_abstract"]))
        sector = "JUD" if head in cues["judicial_noun"] else "GOV" if abstract else None
        return [Entity(code=ctx.home, sector=sector, name=None, text=target.text,
                       start=target.start_char, end=target.end_char)]
    # a domestic group's protest or demand is aimed at its government; the
    # government's own demand or warning has no such default target
    if event_type in IMPLICIT_TARGET_TYPES and any(
            m.code == ctx.home and m.sector not in STATE_SECTORS for m in parties.actor):
        return [Entity(code=ctx.home, sector="GOV", name=None, text="")]
    return []


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


def victims_of_relative(doc: Doc, clauses: list[Clause], clause: Clause, trigger: int,
                        candidates: list, cues: Cues) -> list:
    """The parties of a relative clause right after the attack's clause that opens with
    "bei dem/der/denen" and tells of harm ("… verletzt/getötet wurden"); the attack is
    the last noun before it (the clause's verb may follow: "… gestartet, bei dem")."""
    if any(doc[k].is_alpha and doc[k].text[:1].isupper() for k in range(trigger + 1, clause.end)):
        return []
    after = next((c for c in clauses if c.start >= clause.end), None)
    if after is None or after.end - after.start < 3:
        return []
    words = [doc[k].lower_ for k in range(after.start, after.end)]
    if words[0] not in ("bei", "durch") or words[1] not in cues["relative_pronoun"] | cues["oblique_relative"]:
        return []
    if not any(doc[k].lemma_.lower() in cues["harm_lemma"] for k in range(after.start, after.end)):
        return []
    return [m for m in candidates if after.start <= m.token_start < after.end]
