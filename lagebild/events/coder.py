"""The German event coder: an Article in, PLOVER Event records out.

For each sentence and clause of the article:
  1. find triggers (``triggers``) and take type, mode and context from the lexicon;
  2. find the parties among the clause's actor mentions (``arguments``, with the
     words' roles from ``roles``, passives from ``passive`` and sources from
     ``sources``), falling back to the rest of the sentence and then to the discourse
     (``fallbacks``: pronouns, "beide Seiten", a meeting without named parties takes
     the previous sentence's), and to a target the lexicon cannot place (``targets``);
  3. read date (``dates``), auxiliary mode (``aux``) and place (``location``), and
     apply PLOVER's rule that a future meeting/support/cooperation/aid is an AGREE;
  4. merge records of the same event mentioned twice (headline and body) into one
     record with several evidence spans.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan

from lagebild import CODER_VERSION
from lagebild.actors import ActorLexicon
from lagebild.events.arguments import assign, embedded_parties, to_entity
from lagebild.events.aux import aux_mode, is_past, not_excluded
from lagebild.events.clauses import Clause, relative_clause, split_clauses, verb_final
from lagebild.events.context import ArticleContext, article_context
from lagebild.events.dates import date_referred_back, find_dates, tokens_are_past
from lagebild.events.conventions import (CONTENT_ACTS, COOPERATIVE_TYPES, FORCE_TYPES, FUTURE_TO_AGREE, PARTY_TYPES,
                                         implicit_state_actor, meeting_mode, spoken_for, same_referent,
                                         sector_by_act, share_target,
                                         trained_force_is_aided, unarmed_to_target, is_research,
                                         is_private_contact, is_interview,
                                         mobilized_are_no_target)
from lagebild.events.fallbacks import (actor_from_context, instrument_actor, origin, possessive_owner,
                                       unnamed_subject_actor)
from lagebild.events.lexicon import Cues, TriggerLexicon, load_cues, load_triggers
from lagebild.events.merge import merge_duplicates
from lagebild.events.modes import demanded_mode, instrument_mode
from lagebild.events.location import locate_event
from lagebild.quotes import find_quotes
from lagebild.events.replies import answer_previous
from lagebild.events.passive import apposition_head, is_passive, participle_apposition
from lagebild.events.roles import can_act, is_party, own_forces, role_marker
from lagebild.events.sources import source_mentions
from lagebild.events.targets import default_recipient
from lagebild.events.triggers import (TriggerMatch, drop_content_nouns, embedding_preposition,
                                      find_triggers, zu_infinitive)
from lagebild.nlp import load_pipeline
from lagebild.places import Gazetteer
from lagebild.records import EVENT_MODES, Article, Entity, Event, Quote, Span


# Verbal acts: received ("erntete Kritik", "bekam Unterstützung"), their actor is named or unknown.
VERBAL_TYPES = ("ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE")
# Acts whose mode is what they demand, refuse or threaten ("forderte Verhandlungen": meet).
DEMAND_TYPES = ("REQUEST", "REJECT", "THREATEN")
# Sentences of these blocks carry no events (date line, photo credit, source line).
SKIP_BLOCKS = {"dateline", "credit", "source"}
# How many tokens back "damals" may look for the date it refers to (about two sentences).
_REACH_BACK = 60


@dataclass
class EventCoder:
    nlp: Language
    triggers: TriggerLexicon
    cues: Cues
    actors: ActorLexicon
    places: Gazetteer

    @classmethod
    def load(cls, lang: str = "de") -> "EventCoder":
        # the coder reads tokens, lemmas and sentences only (not yet the parse)
        return cls(load_pipeline(analysis="lexical"), load_triggers(lang), load_cues(lang),
                   ActorLexicon.load(),
                   Gazetteer.load())

    def code(self, article: Article) -> list[Event]:
        doc = self.nlp(article.text)
        return self.code_doc(article, doc)

    def analyse(self, article: Article) -> tuple[list[Event], list[Quote]]:
        """Events and quotations of an article; an event told inside a quotation has
        the quotation's speaker as its source when the text names no other."""
        doc = self.nlp(article.text)
        ctx = self.context(article, doc)
        events = self.code_doc(article, doc, ctx)
        quotes = ctx.quotes
        for event in events:
            if event.source or not event.trigger:
                continue
            for quote in quotes:
                if quote.speaker_entity and quote.quote.overlaps(event.trigger.start, event.trigger.end):
                    event.source = [quote.speaker_entity]
                    break
        return events, quotes

    def context(self, article: Article, doc: Doc) -> ArticleContext:
        """Actor mentions of the article, resolved in its context."""
        return article_context(article, doc, self.actors, self.places)

    def code_doc(self, article: Article, doc: Doc, ctx: ArticleContext | None = None) -> list[Event]:
        ctx = ctx or self.context(article, doc)
        doc, mentions = ctx.doc, ctx.mentions
        skip = [(b.start, b.end) for b in article.blocks if b.kind in SKIP_BLOCKS]
        events: list[Event] = []
        previous_sentence = None
        for sentence in doc.sents:
            if any(s <= sentence.start_char and sentence.end_char <= e for s, e in skip):
                continue
            in_sentence = [m for m in mentions if sentence.start <= m.token_start < sentence.end]
            clauses = split_clauses(sentence, self.cues["quantifier"] | self.cues["approximator"])
            accused = False
            in_this_sentence: list[Event] = []
            found = [drop_content_nouns(find_triggers(doc, clause, self.triggers, self.cues), self.cues)
                     for clause in clauses]
            content_until = _demand_after_content(doc, clauses, found)
            for n, (clause, triggers) in enumerate(zip(clauses, found)):
                if n < content_until:
                    # "Sie müssen konsequent ermittelt werden, forderte er": what is
                    # demanded, alleged or threatened before its verb is no event
                    continue
                if accused:
                    # "China wirft ihnen vor, Uiguren zu helfen": what is alleged, demanded
                    # or aimed at ("mit dem Ziel, … zu") in the zu-clause is no event
                    triggers = [t for t in triggers if not zu_infinitive(doc, t.token)]
                accused = any(t.entry.pos == "VERB" and t.entry.event in CONTENT_ACTS for t in triggers) \
                    or any(doc[k].lower_ in self.cues["purpose_noun"] for k in range(clause.start, clause.end))
                for trigger in triggers:
                    event = self._code_trigger(ctx, sentence, clauses, clause, trigger, in_sentence)
                    event = answer_previous(event, sentence, previous_sentence, events, self.cues)
                    actor_spans = {(a.start, a.end) for a in event.actor}
                    # (two parties acting together are each other's counterpart: "X und Y
                    # telefonierten miteinander")
                    if "recipient" in trigger.entry.condition.needs and not any(
                            r.code and r.text and (r.start, r.end) not in actor_spans
                            for r in event.recipient) and not (
                            event.event in PARTY_TYPES and trigger.entry.mode != "visit"
                            and len({a.code for a in event.actor}) > 1):
                        continue
                    # PLOVER events need an actor: a record without one is no event
                    if any(a.code for a in event.actor):
                        share_target(event, in_this_sentence)
                        in_this_sentence.append(event)
                        events.append(event)
            parties = [m for m in in_sentence if can_act(m)
                       and role_marker(doc, m, sentence.start, self.cues)
                       in ("plain", "coordinated")]
            if parties:
                ctx.previous_parties = parties
            previous_sentence = sentence
        return merge_duplicates(events)

    # -- one trigger -> one event ------------------------------------------------------
    def _code_trigger(self, ctx: ArticleContext, sentence: SpacySpan, clauses: list[Clause],
                      clause: Clause, trigger: TriggerMatch, in_sentence: list) -> Event:
        doc, published, entry = ctx.doc, ctx.published, trigger.entry
        sources = source_mentions(doc, clauses, clause, in_sentence, self.cues)
        candidates = [m for m in in_sentence if is_party(m) and m not in sources
                      and not (m.token_start <= trigger.token < m.token_end)]
        in_clause = [m for m in candidates if clause.start <= m.token_start < clause.end]
        embedded = entry.pos == "NOUN" and embedding_preposition(doc, clause, trigger.token, self.cues)
        passive = not embedded and is_passive(doc, clause, trigger.token, self.cues)
        if embedded:
            # a background event in a phrase: its parties stand in that phrase only
            parties = embedded_parties(doc, trigger.token, in_sentence, clause, self.cues)
            owner = possessive_owner(doc, sentence, trigger.token, in_sentence, self.cues)
            if owner:
                parties.actor = owner + [m for m in parties.actor if m.code != owner[0].code]
            if not parties.actor:
                parties.actor = origin(doc, trigger.token, clause, ctx.countries, self.places)
        else:
            # a verb-final clause opened by a relative pronoun: the pronoun is its subject
            relative = entry.pos == "VERB" and relative_clause(doc, clause, self.cues) and verb_final(
                doc, clause, trigger.token, self.cues["finite_verb"] | self.cues["infinite_aux"])
            parties = assign(doc, clause, in_clause, entry.event, passive, self.cues,
                             noun_trigger=trigger.token if entry.pos == "NOUN" else None,
                             verb_trigger=trigger.token if entry.pos == "VERB" else None,
                             subjectless=(entry.pos == "VERB" and (zu_infinitive(doc, trigger.token)
                                                                   or self._first_person(doc, clause)))
                             or (entry.pos == "NOUN" and self._victim_clause(doc, clause)),
                             relative=relative)
        if not parties.actor and passive:
            parties.actor = instrument_actor(doc, clause, trigger, in_sentence, self.triggers, self.cues)
        # the subject of a passive is its target: no actor is sought around it; nor
        # around criticism received ("erntete er Kritik"): only a von-agent gives it
        received = entry.pos == "NOUN" and entry.event in VERBAL_TYPES and self._victim_clause(doc, clause)
        if not parties.actor and not embedded and not passive and not received:
            # "Die Häuser würden gebaut, kritisierte der Initiator": a speech verb after
            # its content takes none of its parties from it
            # (the quotations are looked up only then: finding them parses sentences)
            main_clause = entry.pos == "VERB"
            parties.actor = actor_from_context(ctx, sentence, clauses, clause, candidates, entry.event, self.cues,
                                               main_clause=main_clause, mode=entry.mode)
            if main_clause and parties.actor and sentence.start <= parties.actor[0].token_start < clause.start:
                content = _content_before(sentence, doc[trigger.token].idx)
                outside = [m for m in candidates if not any(start <= m.start < end for start, end in content)]
                if len(outside) < len(candidates):
                    parties.actor = actor_from_context(ctx, sentence, clauses, clause, outside, entry.event,
                                                       self.cues, main_clause=main_clause, mode=entry.mode)
        if not parties.actor and not embedded and not passive and entry.pos == "VERB":
            parties.actor = unnamed_subject_actor(ctx, clause, trigger.token, in_clause, self.actors, self.cues)
        parties.actor += [m for m in parties.companions if m not in parties.actor
                          and not own_forces(m, parties.actor)]
        if entry.mode == "withdraw":
            # "streicht die Präsenz in Malta", "zieht Truppen aus Syrien ab": the country
            # left is the target
            actor_codes = {m.code for m in parties.actor}
            parties.recipient += [m for m in parties.places if m.kind == "country" and m.code
                                  and m.code not in actor_codes and m not in parties.recipient]
        if passive and not parties.recipient and entry.pos == "VERB" and \
                participle_apposition(doc, clause, trigger.token, self.cues):
            parties.recipient = apposition_head(doc, clause, in_sentence, self.cues)
        recipient_default = default_recipient(ctx, sentence, clauses, clause, trigger, parties,
                                              candidates, self.cues, passive)
        past = is_past(doc, clause, trigger)
        clause_text = doc[clause.start:clause.end].text
        # a date of the sentence outside the trigger's clause ("2014 wurde X …, die …,
        # verurteilt") dates it too, unless that clause has its own
        dates = find_dates(clause_text, published, past) or \
            find_dates(sentence.text, published, past)
        # "Damals hatte die Armee …": the time last named in the sentences before
        event_date = dates[0] if dates else date_referred_back(
            sentence.text, doc[max(sentence.start - _REACH_BACK, 0):sentence.start].text, published)
        # "2014 wurde X …, sowie wegen … verurteilt": a dated sentence told in the past
        # tells the past in all its clauses
        past = past or (event_date is not None and tokens_are_past(sentence))
        aux = aux_mode(doc, clause, trigger, self.cues,
                       event_date.as_date() if event_date else None, published, past)
        if aux is None and zu_infinitive(doc, trigger.token) and self._planned_before(doc, clauses, clause):
            aux = "future"      # "erklärte sich bereit, einen Anschlag zu verüben": not (yet) done
        event_type, mode = entry.event, entry.mode
        if aux == "negation" and event_type in COOPERATIVE_TYPES and any(
                doc[k].lower_ in self.cues["volition"] for k in range(clause.start, clause.end)):
            # "Russland werde keinen Vertrag schließen": a cooperation declared not to
            # be done is refused (not so "ist bisher nicht geplant": no one's will)
            event_type, mode, aux = "REJECT", None, None
        if aux == "future" and event_type in FUTURE_TO_AGREE:
            # PLOVER: planned cooperation is an agreement; it stays future, dated
            # ("wollen sich am 28. September treffen") or not ("wollen enger
            # zusammenarbeiten"), as the gold annotates it
            event_type, mode = "AGREE", None
        if aux == "hypothetical" and event_type in FORCE_TYPES and \
                not_excluded(doc, clause, self.cues):
            # "schließt einen Angriff nicht aus": an actor keeping force open threatens it
            event_type, mode = "THREATEN", FORCE_TYPES[event_type] or (
                mode if mode in EVENT_MODES["THREATEN"] else None)
        # a relative stays a private person when arrested ("der Vater des Verdächtigen")
        kin = {m for m in parties.actor + parties.recipient if (m.role or "").lower() in self.cues["kin_noun"]}
        if mode is None and event_type in DEMAND_TYPES:
            mode = demanded_mode(doc, clause, trigger.token, event_type, self.cues)
        if mode is None and event_type == "ASSAULT" and entry.pos == "VERB":
            mode = instrument_mode(doc, clause, trigger.token, event_type, self.triggers, self.cues)
        actor = [sector_by_act(to_entity(m), event_type, mode, "actor", m in kin) for m in parties.actor]
        if not actor and (passive or "man" in (t.lower_ for t in doc[clause.start:clause.end])) \
                and entry.lemma.lower() not in self.cues["not_state_act"]:
            # "er wurde festgenommen", "man wolle Grenzen schließen": the state acted
            actor = implicit_state_actor(event_type, mode, ctx.home)
        recipient = [sector_by_act(to_entity(m), event_type, mode, "recipient", m in kin)
                     for m in parties.recipient if m not in parties.actor] or recipient_default
        # one referent is never both sides ("Barsani forderte den Rückzug aus der von ihm
        # regierten Region": "ihm" is Barsani)
        recipient = [r for r in recipient if not any(same_referent(r, a) for a in actor)]
        if trained_force_is_aided(event_type, mode, recipient):
            event_type, mode = "AID", None
        actor, recipient = unarmed_to_target(event_type, actor, recipient)
        recipient = mobilized_are_no_target(event_type, actor, recipient)
        if is_research(event_type, mode, actor) or is_private_contact(event_type, mode, actor, recipient) \
                or is_interview(event_type, actor, recipient) \
                or (embedded and event_type == "CONSULT" and not recipient and len({a.code for a in actor}) < 2):
            # (a meeting in a background phrase with one side only, "nach seinen
            # Gesprächen in der Hauptstadt", retells one told elsewhere or tells nothing)
            actor = []          # no event
        actor = spoken_for(actor, [to_entity(m) for m in sources])
        location = locate_event(ctx, sentence, clause, parties.places, event_type, self.places, recipient)
        if event_type == "CONSULT" and mode is None:
            mode = meeting_mode(actor, recipient, location)
        return Event(
            event=event_type,
            doc_id=ctx.article.id,
            mode=mode,
            context=list(entry.context),
            actor=_unique(actor),
            recipient=_unique(recipient),
            aux=aux,
            date=event_date.value if event_date else None,
            date_precision=event_date.precision if event_date else None,
            location=location,
            evidence=[_span(doc, sentence.start, sentence.end)],
            source=_unique([to_entity(m) for m in sources]),
            trigger=_span(doc, trigger.token, trigger.token + 1),
            confidence=_confidence(actor, recipient, entry),
            coder=CODER_VERSION,
        )

    def _planned_before(self, doc: Doc, clauses: list[Clause], clause: Clause) -> bool:
        """The clause before a zu-clause names a plan, will or readiness ("plant", "ist
        bereit", "kündigte an"): what the zu-clause says is to come."""
        before = [c for c in clauses if c.end <= clause.start]
        return bool(before) and any(doc[k].lower_ in self.cues["future"]
                                    for k in range(before[-1].start, before[-1].end))

    def _first_person(self, doc: Doc, clause: Clause) -> bool:
        """ "Wir helfen Griechenland": "ich" and "wir" are the subject, so every party
        the clause names is an object."""
        return any(doc[k].lower_ in self.cues["first_person"] for k in range(clause.start, clause.end))

    def _victim_clause(self, doc: Doc, clause: Clause) -> bool:
        """"Bei Angriffen erlitten vier Israelis Verletzungen": the subject of these verbs
        suffered the event, it did not act."""
        return any(doc[k].lemma_.lower() in self.cues["patient_lemma"] for k in range(clause.start, clause.end))


# Acts whose content may stand before them ("…, forderte er"): that content did not happen.
CONTENT_FIRST_ACTS = {"REQUEST", "ACCUSE", "THREATEN"}


def _demand_after_content(doc: Doc, clauses: list[Clause], found: list[list[TriggerMatch]]) -> int:
    """The index of a clause that opens with its demand, accusation or threat verb after
    the content ("…, forderte er."); 0 when there is none."""
    for n, (clause, triggers) in enumerate(zip(clauses, found)):
        if n == 0:
            continue
        words = [k for k in range(clause.start, clause.end) if doc[k].is_alpha]
        if len(words) < 2:
            continue
        # the verb's subject follows it ("forderte er", "kritisierte die Opposition"); a
        # verb going on with an object or preposition is one of a row ("…, warnten vor …")
        subject = doc[words[1]]
        inverted = subject.text[:1].isupper() or subject.lower_ in ("er", "sie", "es", "man", "der", "die",
                                                                    "das", "ein", "eine", "auch")
        if inverted and any(t.token == words[0] and t.entry.pos == "VERB" and t.entry.event in CONTENT_FIRST_ACTS
                            for t in triggers):
            return n
    return 0


def _unique(entities: list[Entity]) -> list[Entity]:
    seen, out = set(), []
    for entity in entities:
        key = (entity.start, entity.end, entity.code)
        if key not in seen:
            seen.add(key)
            out.append(entity)
    return out


def _span(doc: Doc, start: int, end: int) -> Span:
    """A token range as a character span, without surrounding whitespace."""
    span = doc[start:end]
    text = span.text
    stripped = text.strip()
    offset = span.start_char + (len(text) - len(text.lstrip()))
    return Span(offset, offset + len(stripped), stripped)


def _confidence(actor: list, recipient: list, entry) -> float:
    score = 0.4
    if actor:
        score += 0.3
    if recipient:
        score += 0.1
    if not entry.condition.empty:
        score += 0.1
    return score


def _content_before(sentence: SpacySpan, cue_start: int) -> list[tuple[int, int]]:
    """Character spans of what the cue verb at ``cue_start`` reports before it ("Die
    Häuser würden gebaut, kritisierte der Initiator"), as the quotation finder reads the
    sentence alone (which parses just this sentence, not the article's cue sentences)."""
    offset = sentence.start_char
    return [(q.quote.start + offset, q.quote.end + offset) for q in find_quotes(sentence.as_doc())
            if q.cue is not None and q.cue.start + offset == cue_start and q.quote.end <= q.cue.start]
