"""The quotation vocabulary (``lang/de/quotes.tsv``) and the word tests built on it:
which word is a cue verb, which a finite verb."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

QUOTE_DATA = Path(__file__).resolve().parent.parent / "lang" / "de" / "quotes.tsv"
_OPEN = {"„": "“", "“": "”", '"': '"', "»": "«", "«": "»", "‚": "‘"}
_DETERMINERS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
                "einen", "sein", "seine", "seiner", "ihr", "ihre", "ihrer"}
_SUBORDINATORS = {"dass", "ob", "wie", "weil", "da", "wenn", "damit", "warum", "wo", "was"}
# A phrase starting with one of these is an adverbial, never a speaking subject.
_NOT_SUBJECT_START = {"in", "im", "am", "an", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom",
                      "vor", "zu", "zur", "zum", "mitte", "anfang", "ende", "laut", "gegenüber",
                      "während", "seit", "über", "unter", "wie", "als", "für", "durch", "dem", "den",
                      "darin", "dazu", "daraufhin", "dabei", "damit", "deshalb", "dennoch", "es"}
_PRONOUNS = {"er", "sie", "ich", "wir"}
_DEMONSTRATIVES = {"das", "dies", "dieses", "was"}
_NOMINATIVE = {"er", "ich", "wir"}
# Words in "-e" whose lemma is the same word plus "n" but that are no Konjunktiv I verbs.
_E_NOT_VERB = {"meine", "deine", "keine", "unsere", "eure", "welche", "solche", "alle", "beide", "jene"}
_REPORT_GAP = 5
# How far after its verb the particle that closes the clause may stand ("teilte ein
# Sprecher des Amtes in Koblenz mit"), in tokens.
_PARTICLE_REACH = 24
# Longest speaker phrase we accept, in tokens.
_MAX_SPEAKER = 12
# Most words in brackets around a cue that only points to an earlier report
# ("(Wikinews berichtete)", "(wir berichteten darüber)").
_ASIDE_WORDS = 3


@dataclass(frozen=True)
class QuoteCues:
    cue_lemmas: frozenset[str]
    cue_preps: frozenset[str]
    cue_nouns: frozenset[str]
    subjunctive: frozenset[str]
    speaker_stops: frozenset[str]
    reportative: frozenset[str]
    not_cue: frozenset[str]
    finite_aux: frozenset[str]
    not_subject: frozenset[str]
    act_lemmas: frozenset[str]
    impersonal: frozenset[str]
    quoted_passive: frozenset[str]
    agent_preps: frozenset[str]
    source_preps: frozenset[str]
    anaphoric: frozenset[str]
    not_act_object: frozenset[str]
    name_words: frozenset[str]
    not_content: frozenset[str]
    weak_subjunctive: frozenset[str]
    opinion_nouns: frozenset[str]
    opinion_adjs: frozenset[str]
    naming_verbs: frozenset[str] = frozenset()
    name_nouns: frozenset[str] = frozenset()
    adjective_after: frozenset[str] = frozenset()
    object_determiners: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    origin_preps: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    hedging_modals: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_quote_cues() -> QuoteCues:
    kinds: dict[str, set[str]] = {}
    for line in QUOTE_DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, form = line.split("\t")[:2]
            kinds.setdefault(kind, set()).add(form.strip().lower())
    get = lambda k: frozenset(kinds.get(k, ()))
    return QuoteCues(get("cue_lemma"), get("cue_prep"), get("cue_noun"), get("subjunctive"),
                     get("speaker_stop"), get("reportative"), get("not_cue"), get("finite_aux"),
                     get("not_subject"), get("act_lemma"), get("impersonal"), get("quoted_passive"),
                     get("agent_prep"), get("source_prep"), get("anaphoric"),
                     get("not_act_object"), get("name_word"),
                     get("not_content"), get("weak_subjunctive"), get("opinion_noun"),
                     get("opinion_adj"), get("naming_verb"), get("name_noun"),
                     get("adjective_after"), get("object_determiner"), get("complementizer"),
                     get("origin_prep"), get("coordinator"), get("hedging_modal"))


def _finite_verb(token, cues: QuoteCues) -> bool:
    """A lower-case word that is a verb form: a cue, an auxiliary or modal, a Konjunktiv,
    or a word the lemmatiser maps to an infinitive other than itself that is not an
    inflected adjective ("eigenen" -> "eigen")."""
    if not token.text[:1].islower():
        return False
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in cues.finite_aux or lower in cues.subjunctive or lemma in cues.cue_lemmas:
        return lower not in cues.not_cue
    return lemma != lower and lemma.endswith(("en", "ern", "eln")) and \
        lower not in (lemma + "e", lemma + "en", lemma + "er", lemma + "es", lemma + "em")


def _is_cue(doc: Doc, k: int, end: int, cues: QuoteCues, lemmas: frozenset[str] | None = None) -> bool:
    """A cue verb at ``k``, also as a particle verb closing its clause ("fuhr … fort")."""
    lemmas = cues.cue_lemmas if lemmas is None else lemmas
    token = doc[k]
    if not token.text[:1].islower() or token.lower_ in cues.not_cue:
        return False
    lemma = token.lemma_.lower()
    if _in_aside(doc, k) or lemma in cues.naming_verbs and _names(doc, k, cues):
        return False
    if lemma in lemmas:
        return True
    if k + 1 >= end or doc[k + 1].is_punct:
        # a verb closing its clause after a particle written apart
        # ("Wie die Firma bekannt gab, …")
        return k > 0 and doc[k - 1].lower_ + lemma in lemmas
    for j in range(k + 2, min(end, k + _PARTICLE_REACH)):
        # quotation marks and brackets inside the clause ("teilte das „Institut“ (STSI)
        # mit") do not close it
        if doc[j].is_punct and doc[j].text not in ('"', "„", "“", "(", ")"):
            if doc[j - 1].lower_ + lemma in lemmas:
                return True
            if doc[j].text != "," or doc[j - 1].text[:1].islower():
                return False
            # an apposition of the subject between verb and particle: "teilte der
            # Geschäftsführer der Fraktion, Jens Nacke, mit"
    return False


def _is_name(doc: Doc, start: int, end: int, cues: QuoteCues) -> bool:
    """Words in quotation marks that name rather than quote: a title or a name whose
    words all start with a capital or a digit, apart from the small words of names
    ("„Süddeutsche Zeitung“", "„Rat für nationale Sicherheit“" is no name: "nationale").
    A sentence mark inside ("„WOW.“") makes it an utterance."""
    words = [t for t in doc[start:end] if not t.is_punct and not t.is_space]
    if not words or any(t.text in (".", "!", "?") for t in doc[start:end]):
        return False
    content = [t for t in words if t.lower_ not in cues.name_words]
    return bool(content) and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in content)


def _in_aside(doc: Doc, k: int) -> bool:
    """A cue in brackets that hold little more than it and its subject: "(Wikinews
    berichtete)", "(wir berichteten.)" points the reader to an earlier article and
    reports nothing of its own."""
    start = next((j for j in range(k - 1, max(-1, k - _ASIDE_WORDS - 2), -1)
                  if "(" in doc[j].text or ")" in doc[j].text), None)
    end = next((j for j in range(k + 1, min(len(doc), k + _ASIDE_WORDS + 2))
                if "(" in doc[j].text or ")" in doc[j].text), None)
    # the tokenizer may join the bracket with a mark after it: "):"
    if start is None or end is None or doc[start].text != "(" or not doc[end].text.startswith(")"):
        return False
    return sum(1 for t in doc[start + 1:end] if not t.is_punct) <= _ASIDE_WORDS


def _names(doc: Doc, k: int, cues: QuoteCues) -> bool:
    """A naming verb at ``k`` ("lauten") whose subject next to it, before or after, is
    a name or title: "Der wissenschaftliche Name lautet „…“", "so lautet der Titel"."""
    sentence = doc[k].sent
    for step in (-1, 1):
        j = k + step
        while sentence.start <= j < sentence.end and abs(j - k) <= 4 and not doc[j].is_punct:
            lower = doc[j].lower_
            if doc[j].text[:1].isupper() and any(lower.endswith(n) for n in cues.name_nouns):
                return True
            j += step
    return False
