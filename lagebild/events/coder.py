"""The German event coder: an Article in, PLOVER Event records out.

For each sentence and clause of the article:
  1. find triggers (``triggers``) and take type, mode and context from the lexicon;
  2. find the parties among the clause's actor mentions (``arguments``), falling back
     to the rest of the sentence and then to the discourse (pronouns, "beide Seiten",
     a meeting without named parties takes the previous sentence's);
  3. read date (``dates``) and auxiliary mode (``aux``), and apply PLOVER's rule that a
     future meeting/support/cooperation/aid is an AGREE;
  4. merge records of the same event mentioned twice (headline and body) into one
     record with several evidence spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan

from lagebild import CODER_VERSION
from lagebild.actors import ActorLexicon, find_mentions
from lagebild.actors.context import home_country, pronoun_mentions, resolve_in_context
from lagebild.events import arguments as args_mod
from lagebild.events.aux import aux_mode, is_past, not_excluded
from lagebild.events.clauses import Clause, split_clauses, verb_final
from lagebild.events.dates import find_dates, tokens_are_past
from lagebild.events.conventions import (COMPLEMENT_TARGET_TYPES, CONTENT_ACTS, DIRECTED_TYPES,
                                         FORCE_TYPES, FUTURE_TO_AGREE, IMPLICIT_TARGET_TYPES,
                                         MATERIAL_TYPES, PARTY_TYPES, STATE_SECTORS,
                                         implicit_state_actor, meeting_mode, same_referent,
                                         sector_by_act, share_target,
                                         trained_force_is_aided, unarmed_to_target, is_research,
                                         is_private_visit, is_interview,
                                         mobilized_are_no_target)
from lagebild.events.lexicon import Cues, TriggerLexicon, load_cues, load_triggers
from lagebild.events.merge import merge_duplicates
from lagebild.events.location import event_location
from lagebild.events.triggers import (TriggerMatch, drop_content_nouns, embedding_preposition,
                                      find_triggers, is_infinitive)
from lagebild.nlp import load_pipeline
from lagebild.places import Gazetteer
from lagebild.quotes import find_quotes
from lagebild.records import EVENT_MODES, NON_STATE_CODES, Article, Entity, Event, Location, Quote, Span


# Sentences of these blocks carry no events (date line, photo credit, source line).
SKIP_BLOCKS = {"dateline", "credit", "source"}
PRONOUNS = {"er", "sie"}


@dataclass
class ArticleContext:
    """What the coder knows about the article while it reads one trigger."""

    article: Article
    doc: Doc
    published: date | None
    home: str | None               # the article's home country (dateline, else most named)
    mentions: list                 # all actor mentions, resolved in context
    countries: set[str]            # every country code the article names
    previous_parties: list         # subject-like mentions of the last sentence that had any
    dateline_place: Location | None = None   # the first place of the dateline ("Genf – …")
    quotes: list = field(default_factory=list)  # the article's quotations (their content, cue, speaker)


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
        published = article.published.date() if article.published else None
        mentions = find_mentions(doc, self.actors, when=published)
        home = home_country(article, mentions, self._dateline_country)
        mentions = pronoun_mentions(doc, resolve_in_context(mentions, home))
        # the dateline ("Wien – ") says where the reporter is, never who acted
        datelines = [(b.start, b.end) for b in article.blocks if b.kind == "dateline"]
        mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in datelines)]
        return ArticleContext(article, doc, published, home, mentions,
                              {m.code for m in mentions if m.code}, [], self._dateline_place(article, home),
                              find_quotes(doc, mentions, article.id))

    def code_doc(self, article: Article, doc: Doc, ctx: ArticleContext | None = None) -> list[Event]:
        ctx = ctx or self.context(article, doc)
        doc, mentions = ctx.doc, ctx.mentions
        skip = [(b.start, b.end) for b in article.blocks if b.kind in SKIP_BLOCKS]
        events: list[Event] = []
        for sentence in doc.sents:
            if any(s <= sentence.start_char and sentence.end_char <= e for s, e in skip):
                continue
            in_sentence = [m for m in mentions if sentence.start <= m.token_start < sentence.end]
            clauses = split_clauses(sentence, self.cues["quantifier"] | self.cues["approximator"])
            accused = False
            in_this_sentence: list[Event] = []
            for clause in clauses:
                triggers = drop_content_nouns(find_triggers(doc, clause, self.triggers, self.cues),
                                              self.cues)
                if accused:
                    # "China wirft ihnen vor, Uiguren zu helfen": what is alleged, demanded
                    # or aimed at ("mit dem Ziel, … zu") in the zu-clause is no event
                    triggers = [t for t in triggers if not _zu_infinitive(doc, t.token)]
                accused = any(t.entry.pos == "VERB" and t.entry.event in CONTENT_ACTS for t in triggers) \
                    or any(doc[k].lower_ in self.cues["purpose_noun"] for k in range(clause.start, clause.end))
                for trigger in triggers:
                    event = self._code_trigger(ctx, sentence, clauses, clause, trigger, in_sentence)
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
            parties = [m for m in in_sentence if args_mod.can_act(m)
                       and args_mod.role_marker(doc, m, sentence.start, self.cues)
                       in ("plain", "coordinated")]
            if parties:
                ctx.previous_parties = parties
        return merge_duplicates(events)

    # -- one trigger -> one event ------------------------------------------------------
    def _code_trigger(self, ctx: ArticleContext, sentence: SpacySpan, clauses: list[Clause],
                      clause: Clause, trigger: TriggerMatch, in_sentence: list) -> Event:
        doc, published, entry = ctx.doc, ctx.published, trigger.entry
        sources = args_mod.source_mentions(doc, clauses, clause, in_sentence, self.cues)
        candidates = [m for m in in_sentence if args_mod.is_party(m) and m not in sources
                      and not (m.token_start <= trigger.token < m.token_end)]
        in_clause = [m for m in candidates if clause.start <= m.token_start < clause.end]
        embedded = entry.pos == "NOUN" and embedding_preposition(doc, clause, trigger.token, self.cues)
        passive = not embedded and args_mod.is_passive(doc, clause, trigger.token, self.cues)
        if embedded:
            # a background event in a phrase: its parties stand in that phrase only
            parties = args_mod.embedded_parties(doc, trigger.token, in_sentence, clause, self.cues)
            owner = self._owner(doc, sentence, trigger.token, in_sentence)
            if owner:
                parties.actor = owner + [m for m in parties.actor if m.code != owner[0].code]
            if not parties.actor:
                parties.actor = self._origin(doc, trigger.token, clause, ctx.countries)
        else:
            # a verb-final clause opened by a relative pronoun: the pronoun is its subject
            relative = entry.pos == "VERB" and self._relative_clause(doc, clause) and verb_final(
                doc, clause, trigger.token, self.cues["finite_verb"] | self.cues["infinite_aux"])
            parties = args_mod.assign(doc, clause, in_clause, entry.event, passive, self.cues,
                                      noun_trigger=trigger.token if entry.pos == "NOUN" else None,
                                      verb_trigger=trigger.token if entry.pos == "VERB" else None,
                                      subjectless=(entry.pos == "VERB" and _zu_infinitive(doc, trigger.token))
                                      or (entry.pos == "NOUN" and self._victim_clause(doc, clause)),
                                      relative=relative)
        if not parties.actor and passive:
            parties.actor = self._instrument_actor(doc, clause, trigger, in_sentence)
        # the subject of a passive is its target: no actor is sought around it
        if not parties.actor and not embedded and not passive:
            # "Die Häuser würden gebaut, kritisierte der Initiator": a speech verb after
            # its content takes none of its parties from it
            content = [q.quote for q in ctx.quotes if q.cue is not None and q.cue.start == doc[trigger.token].idx
                       and q.quote.end <= q.cue.start]
            parties.actor = self._actor_from_context(
                ctx, sentence, clauses, clause,
                [m for m in candidates if not any(c.start <= m.start < c.end for c in content)],
                entry.event, main_clause=entry.pos == "VERB", mode=entry.mode)
        if not parties.actor and not embedded and not passive and entry.pos == "VERB":
            parties.actor = self._unnamed_subject(ctx, clause, trigger.token, in_clause)
        parties.actor += [m for m in parties.companions if m not in parties.actor]
        if entry.mode == "withdraw":
            # "streicht die Präsenz in Malta", "zieht Truppen aus Syrien ab": the country
            # left is the target
            actor_codes = {m.code for m in parties.actor}
            parties.recipient += [m for m in parties.places if m.kind == "country" and m.code
                                  and m.code not in actor_codes and m not in parties.recipient]
        if passive and not parties.recipient and entry.pos == "VERB" and \
                args_mod.participle_apposition(doc, clause, trigger.token, self.cues):
            parties.recipient = args_mod.apposition_head(doc, clause, in_sentence, self.cues)
        recipient_default = self._default_recipient(ctx, sentence, clauses, clause, trigger, parties,
                                                    candidates, passive)
        past = is_past(doc, clause, trigger)
        clause_text = doc[clause.start:clause.end].text
        # a date of the sentence outside the trigger's clause ("2014 wurde X …, die …,
        # verurteilt") dates it too, unless that clause has its own
        dates = find_dates(clause_text, published, past) or \
            find_dates(sentence.text, published, past)
        event_date = dates[0] if dates else None
        # "2014 wurde X …, sowie wegen … verurteilt": a dated sentence told in the past
        # tells the past in all its clauses
        past = past or (event_date is not None and tokens_are_past(sentence))
        aux = aux_mode(doc, clause, trigger, self.cues,
                       event_date.as_date() if event_date else None, published, past)
        event_type, mode = entry.event, entry.mode
        if aux == "future" and event_type in FUTURE_TO_AGREE:
            # PLOVER: planned cooperation is an agreement, made now; only a plan with
            # a date of its own stays future ("wollen sich am 28. September treffen")
            event_type, mode = "AGREE", None
            aux = "future" if event_date is not None else None
        if aux == "hypothetical" and event_type in FORCE_TYPES and \
                not_excluded(doc, clause, self.cues):
            # "schließt einen Angriff nicht aus": an actor keeping force open threatens it
            event_type, mode = "THREATEN", FORCE_TYPES[event_type] or (
                mode if mode in EVENT_MODES["THREATEN"] else None)
        actor = [sector_by_act(args_mod.to_entity(m), event_type, mode, "actor") for m in parties.actor]
        if not actor and (passive or "man" in (t.lower_ for t in doc[clause.start:clause.end])) \
                and entry.lemma.lower() not in self.cues["not_state_act"]:
            # "er wurde festgenommen", "man wolle Grenzen schließen": the state acted
            actor = implicit_state_actor(event_type, mode, ctx.home)
        recipient = [sector_by_act(args_mod.to_entity(m), event_type, mode, "recipient")
                     for m in parties.recipient if m not in parties.actor] or recipient_default
        # one referent is never both sides ("Barsani forderte den Rückzug aus der von ihm
        # regierten Region": "ihm" is Barsani)
        recipient = [r for r in recipient if not any(same_referent(r, a) for a in actor)]
        if trained_force_is_aided(event_type, mode, recipient):
            event_type, mode = "AID", None
        actor, recipient = unarmed_to_target(event_type, actor, recipient)
        recipient = mobilized_are_no_target(event_type, actor, recipient)
        if is_research(event_type, mode, actor) or is_private_visit(event_type, mode, actor, recipient) \
                or is_interview(event_type, actor, recipient):
            actor = []          # no event
        location = self._location(ctx, sentence, clause, parties.places, event_type, recipient)
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
            source=_unique([args_mod.to_entity(m) for m in sources]),
            trigger=_span(doc, trigger.token, trigger.token + 1),
            confidence=_confidence(actor, recipient, entry),
            coder=CODER_VERSION,
        )

    def _default_recipient(self, ctx: ArticleContext, sentence: SpacySpan, clauses: list[Clause],
                           clause: Clause, trigger: TriggerMatch, parties, candidates: list,
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
        if event_type in COMPLEMENT_TARGET_TYPES:
            actor_codes = {m.code for m in parties.actor}
            later = [m for m in candidates if m.token_start >= clause.end
                     and m.code and m.code not in actor_codes]
            first = [m for m in later if args_mod.role_marker(doc, m, sentence.start, self.cues)
                     not in ("place", "genitive", "object_genitive")][:1]
            # "… Soldaten aus Südkorea und 17.000 aus den USA": and its coordinated parties
            for m in later:
                if first and m.token_start > first[-1].token_start and \
                        m.token_start - first[-1].token_end <= 5 and any(
                        doc[k].lower_ in self.cues["coordinator"]
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
                target = args_mod.passive_subject(doc, where, trigger.token, ctx.mentions, self.cues)
                if target is not None:
                    break
                subject = args_mod.auxiliary_subject(doc, where, ctx.mentions, self.cues) \
                    if where is not clause else None
                if subject is not None:
                    # a party the lexicon knows: "Der Salafistenführer X sei …, festgenommen worden"
                    parties.recipient = [subject]
                    return []
        target = target or args_mod.unresolved_target(doc, clause, trigger.token, ctx.mentions,
                                                      self.cues, subject_end,
                                                      after_trigger=trigger.entry.pos == "NOUN")
        if target is not None and target[-1].lower_ in self.cues["temporal_noun"] | self.cues["measure_noun"]:
            target = None       # "an diesem Tag", "64 Prozent": a time or a quantity, not a target
        if target is not None:
            # a policy or an act as target ("kritisierten die Einführung einer Steuer",
            # "drängt auf Einigung") stands for the government behind it
            head = target[-1].lower_
            abstract = head.endswith(tuple(self.cues["abstract_suffix"])) and \
                not head.endswith(tuple(self.cues["not_abstract"]))
            sector = "JUD" if head in self.cues["judicial_noun"] else "GOV" if abstract else None
            return [Entity(code=ctx.home, sector=sector, name=None, text=target.text,
                           start=target.start_char, end=target.end_char)]
        # a domestic group's protest or demand is aimed at its government; the
        # government's own demand or warning has no such default target
        if event_type in IMPLICIT_TARGET_TYPES and any(
                m.code == ctx.home and m.sector not in STATE_SECTORS for m in parties.actor):
            return [Entity(code=ctx.home, sector="GOV", name=None, text="")]
        return []

    def _location(self, ctx: ArticleContext, sentence: SpacySpan, clause: Clause, places: list,
                  event_type: str, recipient: list[Entity] | None = None) -> Location | None:
        """The place named in the trigger's clause, else in its sentence; else, for an
        attack on a foreign state, that state; else the dateline's place when it lies in
        the article's home country; a material event named nowhere took place in the
        home country."""
        found = event_location(ctx.doc, clause, places, self.places, ctx.countries) or \
            event_location(ctx.doc, Clause(sentence, sentence.start, sentence.end), [], self.places,
                           ctx.countries)
        if found:
            return found
        # "Angriffe auf das syrische Kobane": force lands where its target is
        targets = [r.code for r in recipient or [] if r.code and r.code not in NON_STATE_CODES]
        if event_type == "ASSAULT" and targets and targets[0] != ctx.home:
            country = self.places.country(targets[0])
            if country:
                return Location(name=country.name, country=targets[0])
        if ctx.dateline_place is not None and ctx.dateline_place.country == ctx.home:
            # "Genf – Russland hat … gewarnt": the place the report comes from, where
            # it is in the country the article is about
            return ctx.dateline_place
        if event_type not in MATERIAL_TYPES or not ctx.home:
            return None
        country = self.places.country(ctx.home)
        return Location(name=country.name, country=ctx.home) if country else None

    def _victim_clause(self, doc: Doc, clause: Clause) -> bool:
        """"Bei Angriffen erlitten vier Israelis Verletzungen": the subject of these verbs
        suffered the event, it did not act."""
        return any(doc[k].lemma_.lower() in self.cues["patient_lemma"] for k in range(clause.start, clause.end))

    def _relative_clause(self, doc: Doc, clause: Clause) -> bool:
        """The clause opens with a relative pronoun right after "Noun," ."""
        k = clause.start
        return k >= 2 and doc[k].lower_ in self.cues["relative_pronoun"] and doc[k - 1].text == "," \
            and self._antecedent_end(doc, clause) is not None

    def _antecedent_end(self, doc: Doc, clause: Clause) -> int | None:
        """Where the antecedent of a relative clause ends: right before its comma, or
        before the verb particle that closes the clause before ("nahm zwei Männer
        fest, die …")."""
        k = clause.start - 2
        if doc[k].is_alpha and doc[k].text[:1].isupper():
            return k + 1
        if k >= 1 and doc[k].lower_ in self.cues["particle"] and doc[k - 1].is_alpha \
                and doc[k - 1].text[:1].isupper():
            return k
        return None

    def _instrument_actor(self, doc: Doc, clause: Clause, trigger: TriggerMatch, mentions: list) -> list:
        """"… bei einem US-Luftangriff getötet worden", "durch einen Anschlag der Taliban
        verletzt": a passive act done in an event of its own kind has that event's actor."""
        for k in range(clause.start, clause.end):
            if k == trigger.token or not any(doc[j].lower_ in self.cues["instrument_prep"]
                                             for j in range(max(clause.start, k - 3), k)):
                continue
            found = self.triggers.noun_entries(doc[k].text)
            if found and any(e.event == trigger.entry.event for e in found[1]):
                # "bei einem Feuergefecht mit den Taliban getötet": the named side fought
                phrase = args_mod.embedded_parties(doc, k, mentions, clause, self.cues)
                return phrase.actor or [m for m in phrase.recipient if args_mod.can_act(m)][:1]
        return []

    def _owner(self, doc: Doc, sentence: SpacySpan, trigger: int, mentions: list) -> list:
        """"Das sagte Fischer nach seinen Gesprächen mit Merkel": a possessive before a
        noun event makes it the act of the sentence's person (even a speaker)."""
        if trigger == sentence.start or doc[trigger - 1].lower_ not in self.cues["possessive"]:
            return []
        persons = [m for m in mentions if m.kind in ("person", "role") and m.code]
        before = [m for m in persons if m.token_end <= trigger]
        # "Nach seinen Gesprächen mit Merkel … zog Fischer Bilanz": else the subject after
        after = [m for m in persons if m.token_start > trigger
                 and args_mod.role_marker(doc, m, sentence.start, self.cues) == "plain"]
        return before[-1:] or after[:1]

    def _origin(self, doc: Doc, trigger: int, clause: Clause, countries: set[str]) -> list:
        """"Raketenangriff aus dem Gazastreifen": the place an attack came from stands
        for its actor when no actor is named."""
        for k in range(trigger + 1, min(trigger + 3, clause.end - 1)):
            if doc[k].lower_ != "aus":
                continue
            j = k + 2 if doc[k + 1].lower_ in ("dem", "der", "den") else k + 1
            if j < clause.end and doc[j].text[:1].isupper():
                place = self.places.resolve(doc[j].text, countries)
                if place and not self.places.is_common_word(doc[j].text):
                    token = doc[j]
                    return [_UnlistedParty(token.idx, token.idx + len(token.text), token.i, token.i + 1,
                                        token.text, place.country)]
        return []

    def _dateline_place(self, article: Article, home: str | None) -> Location | None:
        """The first place of the article's dateline ("Gaza/Jerusalem – " -> Gaza)."""
        for block in article.blocks:
            if block.kind != "dateline":
                continue
            text = article.text[block.start:block.end]
            name = text.replace("–", "/").replace("—", "/").split("/")[0].strip(" ,-")
            if not name or self.places.is_common_word(name):
                return None
            place = self.places.resolve(name, {home} if home else set())
            if place is None:
                return None
            start = block.start + text.index(name)
            return Location(name=place.name, country=place.country, text=name, start=start,
                            end=start + len(name))
        return None

    def _dateline_country(self, form: str) -> str | None:
        if not form[:1].isupper() or self.places.is_common_word(form):
            return None
        return self.places.country_of(form)

    def _unnamed_subject(self, ctx: ArticleContext, clause: Clause, verb: int, mentions: list) -> list:
        """The subject noun phrase before the verb that no mention covers, when a role noun
        heads it ("Die Führung der Krim"): a party of the article's home country, with
        the role's sector (an office or body of a territory: GOV)."""
        doc = ctx.doc
        if not ctx.home or not args_mod.unnamed_subject(doc, clause, mentions, verb, self.cues):
            return []
        head = next((t for t in doc[clause.start:verb] if t.text[:1].isupper() and t.lower_ not in
                     self.cues["subject_article"] and t.i > clause.start and doc[t.i - 1].lower_ in self.cues["article"]),
                    None)
        role = self.actors.role(head.text) if head is not None else None
        if role is None:
            return []
        end = next((t.i for t in doc[head.i:verb] if t.is_punct), verb)
        span = doc[head.i - 1:end]
        # an office or body of a territory ("der Krim", "des Landes") is its government's
        of_territory = any(t.lower_ in ("der", "des") for t in doc[head.i + 1:end])
        sector = role.sector or ("GOV" if role.kind in ("office", "body") and of_territory else None)
        return [_UnlistedParty(span.start_char, span.end_char, span.start, span.end, span.text,
                               ctx.home, sector, kind="role")]

    def _actor_from_context(self, ctx: ArticleContext, sentence: SpacySpan, clauses: list[Clause],
                            clause: Clause, candidates: list, event_type: str,
                            main_clause: bool = True, mode: str | None = None) -> list:
        """An actor from outside the clause: the sentence's subject, a pronoun's
        antecedent, or the parties of the previous sentence for a meeting."""
        doc = ctx.doc
        if clause.start > sentence.start and doc[clause.start - 1].text == "," \
                and doc[clause.start].lower_ in self.cues["oblique_relative"]:
            # "In diesem Antrag, dem die Genossen zugestimmt hatten, …": the pronoun is
            # an object, and the clause's subject stands in it or goes unnamed
            return []
        if self._relative_clause(doc, clause):
            # "…eines Grazers, der zum Kerzenmeer aufgerufen hatte": the relative
            # pronoun stands for the noun before the comma, and only for it
            return [m for m in ctx.mentions if m.token_end == self._antecedent_end(doc, clause)
                    and args_mod.can_act(m) and m.code][:1]
        # a verb's subject may stand in the main clause; a noun event in a subordinate
        # clause ("…, die Militärhilfe für Assad drohe …") is not the main subject's act
        # (a clause opening the sentence with "Die …" is the main clause, not a relative one)
        # (nor has a zu-clause a subject of its own: "verspricht, Politik für die Menschen zu machen")
        subordinate = [c for c in clauses if c != clause and c.start > sentence.start
                       and (doc[c.start].lower_ in self.cues["subordinator"]
                            or any(_zu_infinitive(doc, k) for k in range(c.start, c.end)
                                   if doc[k].text[:1].islower()))]
        outside = [m for m in candidates if main_clause and args_mod.can_act(m)
                   and not (clause.start <= m.token_start < clause.end)
                   and not any(c.start <= m.token_start < c.end for c in subordinate)
                   and args_mod.role_marker(doc, m, sentence.start, self.cues) == "plain"]
        if outside:
            return outside[:1]
        words = [doc[k].lower_ for k in range(clause.start, clause.end)]
        before = [m for m in ctx.mentions if m.token_end <= clause.start and args_mod.is_party(m)]
        if any(w in PRONOUNS for w in words):
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


def _zu_infinitive(doc: Doc, i: int) -> bool:
    """"zu helfen", "einzugreifen", "unterstützt zu haben": an infinitive with zu."""
    token = doc[i]
    perfect = i + 2 < len(doc) and doc[i + 1].lower_ == "zu" and doc[i + 2].lower_ in ("haben", "sein", "werden")
    return (i > 0 and doc[i - 1].lower_ == "zu" and token.text[:1].islower()) or perfect or \
        ("zu" in token.lower_[2:-3] and is_infinitive(token))


def _unique(entities: list[Entity]) -> list[Entity]:
    seen, out = set(), []
    for entity in entities:
        key = (entity.start, entity.end, entity.code)
        if key not in seen:
            seen.add(key)
            out.append(entity)
    return out


def _distinct_codes(mentions: list) -> list:
    seen, out = set(), []
    for mention in mentions:
        if mention.code and mention.code not in seen:
            seen.add(mention.code)
            out.append(mention)
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
