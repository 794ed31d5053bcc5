"""Speech acts reported without their content: "Die Gewerkschaft forderte höhere Löhne",
"Die Pläne wurden von der Opposition als unrealistisch bezeichnet".  The corpus counts
the whole sentence as a ``reported`` quotation."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from lagebild.quotes.cues import QuoteCues, _is_cue
from lagebild.quotes.parse import _phrase_span, _source_phrase, _subject_token
from lagebild.quotes.spans import _token_span, _trimmed
from lagebild.records import Quote


def _speech_act(doc: Doc, sentence: SpacySpan, cues: QuoteCues) -> Quote | None:
    """A sentence that reports a speech act without quoting its content: "Die Gewerkschaft
    forderte höhere Löhne", "Der Minister sprach von einem Erfolg".  The corpus counts the
    whole sentence as the quotation, its subject as the speaker.  Only with a subject
    from the parse (without a content clause there is no comma for the rules to go by),
    and only in a main clause in the active voice: a relative clause ("…, die einen
    Kompromiss ablehnen") reports no act of the sentence's own, and a passive ("Weitere
    Aktionen sind angekündigt") has its addressee or topic as subject, not its speaker."""
    for k in range(sentence.start, sentence.end):
        if not _is_cue(doc, k, sentence.end, cues, cues.act_lemmas):
            continue
        verb, subject = _subject_token(doc, k)
        if verb is not None and verb.dep_ in ("ROOT", "conj", "parataxis") and _passive(verb):
            # "Die Pläne wurden von der Opposition als unrealistisch bezeichnet": the
            # agent of the passive is the speaker; without one there is none to name
            agent = _source_phrase(verb, cues.agent_preps)
            if agent is not None and agent.pos_ in ("NOUN", "PROPN"):
                return Quote(_trimmed(doc, sentence.start, sentence.end), "reported",
                             speaker=_phrase_span(doc, k, agent), cue=_token_span(doc, k))
            continue
        if subject is None or verb.dep_ not in ("ROOT", "conj", "parataxis") \
                or subject.pos_ not in ("NOUN", "PROPN", "PRON") or "Rel" in subject.morph.get("PronType"):
            continue
        if _pluperfect(verb):
            # "Die Partei hatte den Einsatz stets abgelehnt": a stand taken before, the
            # background of the news rather than a statement it reports
            continue
        if any(c.dep_ in ("obj", "nsubj") and c.lemma_.lower() in cues.not_act_object for c in verb.children):
            # "Das Beben forderte drei Menschenleben": a toll, no demand; also with the
            # object fronted, which the parser takes for the subject ("Zwölf Todesopfer
            # forderte ein Taifun")
            continue
        return Quote(_trimmed(doc, sentence.start, sentence.end), "reported",
                     speaker=_phrase_span(doc, k, subject), cue=_token_span(doc, k))
    return None


def _pluperfect(verb) -> bool:
    """A verb in the pluperfect: with "hatte(n)" as its auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in ("hatte", "hatten") for c in verb.children)


def _passive(verb) -> bool:
    """A verb in the passive: with "werden" ("wird vorgeworfen") or, as a participle,
    with "sein" ("sind angekündigt"), where the perfect of these verbs takes "haben"."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    if any(c.dep_ == "aux:pass" for c in auxiliaries):
        return True
    return "Part" in verb.morph.get("VerbForm") and not any(c.lemma_ == "haben" for c in auxiliaries)
