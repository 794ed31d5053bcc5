"""Who speaks, read from the dependency parse: the subject of a cue verb, the agent of
a passive, the source of "In X heißt es".  The event coder runs the lexical pipeline,
so a document without a parse has just the sentences holding a cue parsed, in one batch
(``load_pipeline(analysis="full")``), and the parses are cached by sentence text."""

from __future__ import annotations

from spacy.tokens import Doc

from lagebild.nlp import load_pipeline
from lagebild.quotes.cues import (
    _DEMONSTRATIVES,
    _NOMINATIVE,
    _NOT_SUBJECT_START,
    QuoteCues,
    _is_cue,
    load_quote_cues,
)
from lagebild.quotes.spans import _trimmed
from lagebild.records import Span

# Components the parse of a cue sentence does not need: entities come from the actor
# lexicon, and the rules read UPOS and morphology (morphologizer), not STTS tags.
_PARSE_SKIP = ("ner", "entity_ruler", "tagger")
# Dependents of a subject that belong to it as a phrase but not as a name: a relative
# or participle clause ("Robert Chow, der die Allianz führt, …") ends the speaker.
_CLAUSAL = ("acl", "advcl", "ccomp", "parataxis", "punct")


# Parses of single sentences by their text, filled a document at a time.
_PARSES: dict[str, Doc] = {}
_MAX_PARSES = 4096
# Words other than cue verbs whose rules may read the parse (:func:`_reported` when the
# rules find no name after the preposition, :func:`_anaphoric`).
_PARSED_WORDS = {"laut", "gemäß", "wonach"}


def _parse_cue_sentences(doc: Doc, cues: QuoteCues) -> None:
    """Parse, in one batch, the sentences of a lexically analysed document that hold a
    word the quotation rules may ask the parse about (a cue verb, a speech act verb,
    "laut", "wonach"): a batch runs about twice as fast as the sentences one by one."""
    if doc.has_annotation("DEP"):
        return
    lemmas = cues.cue_lemmas | cues.act_lemmas
    texts = [s.text for s in doc.sents if s.text not in _PARSES and any(
        t.lower_ in _PARSED_WORDS or _is_cue(doc, t.i, s.end, cues, lemmas) for t in s)]
    if len(_PARSES) + len(texts) > _MAX_PARSES:
        _PARSES.clear()
    nlp = load_pipeline(analysis="full")
    _PARSES.update(zip(texts, nlp.pipe(texts, disable=list(_PARSE_SKIP))))


def _parse_text(text: str) -> Doc:
    """The full analysis (tags, morphology, parse) of one sentence's text."""
    if text not in _PARSES:
        if len(_PARSES) >= _MAX_PARSES:
            _PARSES.clear()
        _PARSES[text] = load_pipeline(analysis="full")(text, disable=list(_PARSE_SKIP))
    return _PARSES[text]


def _parsed_token(doc: Doc, k: int):
    """Token ``k`` with a dependency parse: from the document itself when it was parsed,
    else from a parse of just its sentence (the event coder runs the lexical pipeline,
    and parsing only the sentences that hold a cue costs a fraction of parsing all)."""
    if doc.has_annotation("DEP"):
        return doc[k]
    sentence = doc[k].sent
    parsed = _parse_text(sentence.text)
    offset = doc[k].idx - sentence.start_char
    span = parsed.char_span(offset, offset + len(doc[k].text))
    return span[0] if span is not None and len(span) == 1 else None


def _parse_speaker(doc: Doc, k: int) -> tuple[bool, Span | None]:
    """The speaker of the cue verb at ``k`` as the parse has it, and whether the parse
    decides the question (else the rules over words go on looking).

    * "In der Erklärung heißt es, …", "Aus Paris hieß es": an impersonal cue has its
      source in the in/aus phrase, else in a von phrase ("hieß es vom Abgeordneten X");
    * a passive cue has its speaker in the agent ("wird von der Polizei bestätigt") or
      the source phrase ("In einem Bericht wurde vermutet"); "zitieren" in the passive
      has it in the subject ("Der Minister wird mit den Worten zitiert"); a passive
      with neither names no speaker, and no word before the verb is one;
    * else the verb's subject (:func:`_subject_token`), or without one the circles the
      report comes from ("Aus EU-Kreisen verlautete", :func:`_origin`)."""
    cues = load_quote_cues()
    token = _parsed_token(doc, k)
    if token is None:
        return False, None
    verb = token.head if token.dep_ in ("aux", "aux:pass", "cop", "compound:prt") else token
    lemma = doc[k].lemma_.lower()
    if lemma in cues.impersonal and any(c.dep_ == "nsubj" and c.lower_ == "es" for c in verb.children):
        source = _source_phrase(verb, cues.source_preps) or _source_phrase(verb, cues.agent_preps)
        return source is not None, _phrase_span(doc, k, source) if source is not None else None
    if _passive_voice(verb):
        if lemma in cues.quoted_passive:
            subject = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
        else:
            subject = _source_phrase(verb, cues.agent_preps) or _source_phrase(verb, cues.source_preps)
        return True, _phrase_span(doc, k, subject) if subject is not None else None
    subject = _parse_subject(doc, k)
    if subject is not None and _opens_adverbial(subject, cues):
        return False, None        # "Gegenüber Spiegel Online berichtete …": the parse erred
    if subject is None:
        origin = _origin(verb, cues)
        if origin is not None:
            return True, _phrase_span(doc, k, origin)
    return subject is not None, subject


def _passive_voice(verb) -> bool:
    """A verb with a passive auxiliary in its own clause.  One the parser hangs from it
    across a comma belongs to another clause ("Die Anwältin erklärte, sie sei gehindert
    worden": the "worden" of the report is no auxiliary of the cue)."""
    doc = verb.doc
    return any(_passive_auxiliary(c, verb) and not any(t.text == "," for t in doc[min(c.i, verb.i):max(c.i, verb.i)])
               for c in verb.children)


def _passive_auxiliary(child, verb) -> bool:
    """A passive auxiliary of ``verb``, also one the parser labels a plain auxiliary: a
    form of "werden" with a participle is the passive ("Ihm wird vorgeworfen, …"), with
    an infinitive the future ("Er wird sagen").  The tagger may call a participle an
    infinitive; an infinitive is its own lemma, a participle is not ("vorgeworfen")."""
    if child.dep_ == "aux:pass":
        return True
    participle = "Part" in verb.morph.get("VerbForm") or verb.lower_ != verb.lemma_.lower()
    return child.dep_ == "aux" and child.lemma_ == "werden" and participle


def _origin(verb, cues: QuoteCues):
    """The circles a report comes from, for a cue verb with no subject at all: "Aus
    EU-Kreisen verlautete, …", "Wie aus Unternehmenskreisen verlautete, …".  A verb
    with a subject of its own ("Aus Paris meldete der Korrespondent") has its speaker."""
    if any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    origin = _source_phrase(verb, cues.origin_preps)
    return origin if origin is not None and origin.pos_ in ("NOUN", "PROPN") else None


def _opens_adverbial(phrase: Span, cues: QuoteCues) -> bool:
    """A phrase whose first word is a preposition, conjunction or adverb that opens an
    adverbial ("Um 11 Uhr", "Gegenüber der Agentur", "Während Shakira"): no subject."""
    first = phrase.text.split(maxsplit=1)[0].lower() if phrase.text else ""
    return first in _NOT_SUBJECT_START or first in cues.not_subject


def _source_phrase(verb, prepositions: frozenset[str]):
    """The first oblique of ``verb`` that one of ``prepositions`` opens."""
    for child in verb.children:
        if child.dep_ in ("obl", "obl:arg", "nmod") and \
                any(c.dep_ == "case" and c.lower_ in prepositions for c in child.children):
            return child
    return None


def _parse_subject(doc: Doc, k: int) -> Span | None:
    """The speaker of the cue verb at ``k`` read from the dependency parse (see
    :func:`_subject_token`), as the subject's noun phrase."""
    _verb, subject = _subject_token(doc, k)
    return _phrase_span(doc, k, subject) if subject is not None else None


def _subject_token(doc: Doc, k: int):
    """The verb of the cue at ``k`` and the head of its subject in the parse.

    The subject is the verb's ``nsubj`` (climbing from an auxiliary to its verb, and
    from a second conjoined verb to the first, "legte er nieder und verkündete"),
    unless the morphology calls that noun accusative, dative or genitive: the parser
    takes a fronted object for the subject ("Den Vorwurf wies der Sprecher zurück").
    A fronted demonstrative is the object of a cue verb, not its subject ("Das
    berichtete die Zeitung", "Dies bestätigte Stoiber"): a noun after the verb is the
    speaker then."""
    token = _parsed_token(doc, k)
    if token is None:
        return None, None
    verb = token.head if token.dep_ in ("aux", "aux:pass", "cop", "compound:prt") else token
    for _ in range(2):
        subjects = [c for c in _dependents(verb) if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON")
                    and not _oblique_case(c) and c.lower_ not in ("es", "man") and not _adverbial(c)]
        nxt = token.doc[verb.i + 1] if verb.i + 1 < len(token.doc) else None
        if subjects and subjects[0].i < verb.i and nxt is not None and nxt.lower_ in _NOMINATIVE:
            # "Die Arbeit der Koalition lobte er": a nominative pronoun after the verb is
            # the subject, and the phrase before the verb its object
            return verb, nxt
        if subjects and subjects[0].lower_ in _DEMONSTRATIVES and subjects[0].i < verb.i:
            after = [c for c in verb.children if c.i > verb.i and c.pos_ in ("NOUN", "PROPN", "PRON")
                     and c.dep_ in ("nsubj", "obj", "dep", "appos")
                     and not set(c.morph.get("Case")) & {"Dat", "Gen"}]
            subjects = after[:1] or subjects
        if subjects:
            return verb, subjects[0]
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return verb, None
        verb = verb.head
    return verb, None


def _subject_end(doc: Doc, k: int) -> int | None:
    """The token of ``doc`` after the subject of the cue at ``k`` with all that hangs
    from it (a relative clause, an apposition), or None without a subject."""
    _verb, subject = _subject_token(doc, k)
    if subject is None:
        return None
    last = subject.right_edge
    if last.doc is doc:
        return last.i + 1
    end = doc[k].sent.start_char + last.idx + len(last.text)
    return next((t.i for t in doc[k].sent if t.idx >= end), doc[k].sent.end)


def _dependents(verb) -> list:
    """The dependents of a verb, and those the parser hangs from its particle written
    apart ("Wie der Hersteller bekannt gab": the subject under "bekannt")."""
    found = list(verb.children)
    for child in verb.children:
        if child.dep_ in ("dep", "compound:prt") and child.i == verb.i - 1:
            found += [c for c in child.children if c.i < child.i]
    return sorted(found, key=lambda c: c.i)


def _adverbial(noun) -> bool:
    """A noun the parser calls a subject though a preposition or conjunction opens its
    phrase ("Gegenüber Spiegel Online berichtete er", "Um 11 Uhr meldete die Agentur"):
    an adverbial, no speaker."""
    return any(c.dep_ in ("case", "mark") and c.i < noun.i for c in noun.children)


def _oblique_case(noun) -> bool:
    """A noun the morphology marks accusative, dative or genitive.  A bare name carries
    no case ending the tagger could read ("Müntefering sprach" comes out dative): its
    case counts only from an article or adjective that agrees with it."""
    oblique = {"Acc", "Dat", "Gen"}
    if noun.pos_ == "PROPN":
        markers = [c for c in noun.children if c.dep_ in ("det", "amod") and c.i < noun.i]
        return any(set(c.morph.get("Case")) & oblique and "Nom" not in c.morph.get("Case") for c in markers)
    return bool(set(noun.morph.get("Case")) & oblique)


def _source_attachment(child, preps: frozenset[str]) -> bool:
    """A phrase opened by a cue preposition ("laut Reuters", "nach Angaben der Polizei"),
    which names a source of its own and is no part of the phrase it hangs from."""
    return any(c.dep_ == "case" and c.lower_ in preps for c in child.children)


def _phrase_span(doc: Doc, k: int, head) -> Span:
    """The noun phrase of ``head`` as a span of ``doc`` (the document the cue at ``k``
    belongs to), without the clauses that hang from it nor a source the parser hangs
    from it ("bestätigte der Minister laut Reuters": the source speaks for itself)."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < head.i and head.doc[start].dep_ == "case" and head.doc[start].head.i == head.i:
        start += 1        # "laut bildblog.de", "In der Erklärung": the preposition is no name
    preps = load_quote_cues().cue_preps
    for child in head.children:
        if child.i > head.i and (child.dep_ in _CLAUSAL or _source_attachment(child, preps)):
            end = min(end, child.left_edge.i)
    while end > start + 1 and head.doc[end - 1].is_punct:
        end -= 1
    if head.doc is doc:
        return _trimmed(doc, start, end)
    # the parse of one sentence: back to the document through character offsets
    base = doc[k].sent.start_char
    first, last = head.doc[start], head.doc[end - 1]
    span = doc.char_span(base + first.idx, base + last.idx + len(last.text), alignment_mode="expand")
    return _trimmed(doc, span.start, span.end)


