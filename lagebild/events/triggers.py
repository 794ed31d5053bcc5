"""Find event triggers in a clause: verbs (with separable particles) and nouns.

German verbs are found by their lookup lemma; a separable verb is split in main
clauses ("nahm … Kontakt auf"), so a particle that closes the clause is joined to
the verb's lemma ("aufnehmen") before the lexicon is asked.  Nouns are found by
their head, so compounds come for free ("Luftangriffe" -> "Luftangriff", and
"Raketenangriffen" -> "Angriff" when no closer entry exists); a noun fires only when
its clause also has a support verb ("Luftangriffe fliegen", "Kritik üben") or a
preposition linking it to a target ("Angriffe auf …").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from lagebild.events.clauses import Clause
from lagebild.events.lexicon import Cues, TriggerEntry, TriggerLexicon
from lagebild.records import EVENT_QUADS


@dataclass(frozen=True)
class TriggerMatch:
    token: int                 # index of the trigger word in the doc
    entry: TriggerEntry
    particle: int | None = None  # index of a separated verb particle, if any


def find_triggers(doc: Doc, clause: Clause, lexicon: TriggerLexicon, cues: Cues) -> list[TriggerMatch]:
    lemmas = _clause_lemmas(doc, clause)
    # a verb with a "dass" clause says or thinks something ("hielt fest, dass …"): it
    # is no material act, whatever its lexicon entry
    says = _dass_follows(doc, clause)
    matches: list[TriggerMatch] = []
    for i in range(clause.start, clause.end):
        token = doc[i]
        if not token.is_alpha:
            continue
        if token.text[:1].islower():
            if _attributive(doc, clause, i, cues) or token.lower_ in cues["preposition"] \
                    or _present_participle(token):
                continue    # (a preposition is no verb: "dank hoher Subventionen"; nor is
                # a present participle: "hebt ablehnend die Hand")
            match = _verb_match(doc, clause, i, lexicon, cues, lemmas)
        else:
            match = _noun_match(doc, clause, i, lexicon, cues, lemmas)
        if match and not (says and match.entry.pos == "VERB"
                          and EVENT_QUADS[match.entry.event].startswith("material")):
            matches.append(match)
    return matches


def _present_participle(token) -> bool:
    """"ablehnend", "unterstützende": an adjective or adverb made of a verb, no act."""
    lower, lemma = token.lower_, token.lemma_.lower()
    return lemma.endswith("n") and lower != lemma and lower.startswith(lemma + "d")


def _attributive(doc: Doc, clause: Clause, i: int, cues: Cues) -> bool:
    """"die festgenommenen Männer", "der getötete Soldat": a participle between an
    article and its noun describes, it does not tell an event."""
    if not clause.start < i < clause.end - 1:
        return False
    j = i + 1
    while j < clause.end - 1 and doc[j].is_space:
        j += 1      # a double space in the source text
    if doc[j].text[:1].islower() and doc[j].lower_.endswith(("e", "en", "er", "es", "em")) and j + 1 < clause.end \
            and doc[j + 1].text[:1].isupper() and doc[j].lower_ not in cues["article"] and len(doc[j]) > 4:
        j += 1      # an adjective between participle and noun: "unterstützten islamistischen Rebellen"
    if not (doc[j].text[:1].isupper() and not doc[j].is_punct):
        return False
    if doc[i - 1].lower_ in cues["article"]:
        return True
    before = doc[i - 1]
    inflected = doc[i].lower_.endswith(("te", "ten", "tes", "tem", "ter", "ene", "enen"))
    if inflected and (before.lower_ in cues["subordinator"] or before.lower_ in cues["quantifier"]
                      or before.like_num and not (before.text.isdigit() and len(before.text) == 4)):
        # "sechs inhaftierte Oppositionsführer", "dass inhaftierte Mitangeklagte": no
        # finite verb stands after a number or opens a subordinate clause ("2014
        # entführte Boko Haram …": a year opens a main clause)
        return True
    if inflected and _extended_attribute(doc, clause, i, cues):
        return True
    # "der vom Iran unterstützten Rebellen": an agent phrase inside the attribute
    return i - 3 >= clause.start and doc[i - 1].text[:1].isupper() and \
        any(doc[k].lower_ in ("vom", "von", "durch") for k in (i - 2, i - 3)) and \
        any(doc[k].lower_ in cues["article"] for k in range(max(clause.start, i - 5), i - 1))


def _extended_attribute(doc: Doc, clause: Clause, i: int, cues: Cues) -> bool:
    """An article followed at once by a preposition opens a phrase that a participle
    closes before its noun ("Die zwischen beiden Kanzleien unterzeichnete Vereinbarung",
    "die seit Jahren verfolgten Christen"): no finite verb or comma stands between."""
    for k in range(i - 2, max(clause.start, i - 12) - 1, -1):
        word = doc[k]
        if word.is_punct or word.lower_ in cues["finite_verb"]:
            return False
        if word.lower_ in cues["article"] and doc[k + 1].lower_ in cues["preposition"]:
            return True
    return False


def _dass_follows(doc: Doc, clause: Clause) -> bool:
    end = clause.end
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "dass"


def drop_content_nouns(matches: list[TriggerMatch], cues: Cues) -> list[TriggerMatch]:
    """A noun event that is the content of a verbal act in the same clause ("forderte
    Verhandlungen", "lehnte Sanktionen ab") is no event of its own; it may give the
    act its mode (a demand for talks is REQUEST meet)."""
    acts = [m for m in matches
            if m.entry.pos == "VERB" and m.entry.event.lower() in cues["content_verb_type"]]
    if not acts:
        return matches
    modes = dict(item.split("=") for item in cues["content_mode"])
    contents = [m for m in matches if m.entry.pos == "NOUN"]
    kept = []
    for match in matches:
        if match in contents:
            continue
        if match in acts and match.entry.mode is None and match.entry.event in ("REQUEST", "REJECT"):
            mode = next((modes[c.entry.event.lower()] for c in contents
                         if c.entry.event.lower() in modes), None)
            if mode:
                match = replace(match, entry=replace(match.entry, mode=mode))
        kept.append(match)
    return kept


def embedding_preposition(doc: Doc, clause: Clause, token: int, cues: Cues) -> bool:
    """The noun at ``token`` heads a background phrase ("Nach einem Raketenangriff …")."""
    for k in range(token - 1, max(clause.start, token - 4) - 1, -1):
        word = doc[k].lower_
        if word in cues["embedding_prep"]:
            return True
        if not doc[k].is_alpha or (doc[k].text[:1].islower() and word not in
                                   ("einem", "einer", "eines", "dem", "den", "der", "des", "ein", "eine")
                                   and not word.endswith(("en", "em", "er", "es", "e"))):
            return False
    return False


class ClauseLemmas(set):
    """The lower-cased lemmas and forms of a clause; ``nouns`` holds those of its
    capitalised words, the only ones a noun may head as a compound."""

    nouns: set[str]


def _clause_lemmas(doc: Doc, clause: Clause) -> ClauseLemmas:
    lemmas = ClauseLemmas()
    lemmas.nouns = set()
    for token in doc[clause.start:clause.end]:
        forms = (token.lemma_.lower(), token.lower_)
        lemmas.update(forms)
        if token.text[:1].isupper():
            lemmas.nouns.update(forms)
    return lemmas


def _verb_match(doc, clause, i, lexicon, cues, lemmas) -> TriggerMatch | None:
    token = doc[i]
    lemma = token.lemma_.lower()
    particle = _closing_particle(doc, clause, i, cues)
    if particle is not None:
        # the particle verb is another verb: "trifft … zu" (applies) is no "treffen"
        joined = doc[particle].lower_ + lemma
        entry = _choose(lexicon.verbs.get(joined, []), doc, clause, lemmas)
        return TriggerMatch(i, entry, particle) if entry else None
    entry = _choose(lexicon.verbs.get(lemma, []), doc, clause, lemmas)
    return TriggerMatch(i, entry) if entry else None


def _noun_match(doc, clause, i, lexicon, cues, lemmas) -> TriggerMatch | None:
    # ("Vorwahlkampf" holds "wahlkampf": a long word counts inside a compound too)
    if any(doc[i].lower_.startswith(word) or len(word) >= 8 and word in doc[i].lower_ for word in cues["not_trigger"]):
        return None
    found = lexicon.noun_entries(doc[i].text)
    if not found:
        return None
    entry = _choose(found[1], doc, clause, lemmas)
    if not entry:
        return None
    if _predicative(doc, clause, i, cues):
        return None
    supported = any(_has_lemma(lemmas, s) for s in cues["support_lemma"])
    linked = i + 1 < clause.end and doc[i + 1].lower_ in cues["link_prep"]
    # "Zu Besuch in Sarajevo", "zu Gesprächen": a meeting one comes to takes place
    visiting = entry.event == "CONSULT" and i > clause.start and doc[i - 1].lower_ in cues["visit_prep"]
    # "Nach einem Raketenangriff …" states that the attack happened
    embedded = embedding_preposition(doc, clause, i, cues)
    return TriggerMatch(i, entry) if (supported or linked or embedded or visiting) else None


def _predicative(doc: Doc, clause: Clause, i: int, cues: Cues) -> bool:
    """The noun stands in an "als" phrase ("bezeichnete X als direkten Angriff"): it
    characterises something rather than tells of an event."""
    for k in range(i - 1, max(clause.start, i - 4) - 1, -1):
        if doc[k].is_punct:
            return False
        if doc[k].lower_ in cues["predicative"]:
            return True
    return False


def _closing_particle(doc: Doc, clause: Clause, i: int, cues: Cues) -> int | None:
    """The particle that closes the verb's clause ("teilten … mit."), if any."""
    for j in range(i + 1, clause.end):
        token = doc[j]
        if token.lower_ in cues["particle"]:
            after = doc[j + 1] if j + 1 < len(doc) else None
            if after is None or j + 1 >= clause.end or after.is_punct or after.is_space \
                    or after.lower_ in cues["coordinator"]:
                return j
    return None


def _choose(entries: list[TriggerEntry], doc: Doc, clause: Clause, lemmas: set[str]) -> TriggerEntry | None:
    """The entry whose condition holds, conditional entries first."""
    ranked = sorted(entries, key=lambda e: e.condition.empty)
    for entry in ranked:
        if _holds(entry, doc, clause, lemmas):
            return entry
    return None


def _holds(entry: TriggerEntry, doc: Doc, clause: Clause, lemmas: set[str]) -> bool:
    cond = entry.condition
    if cond.preps and not any(doc[k].lower_ in cond.preps for k in range(clause.start, clause.end)):
        return False
    if cond.no_preps and any(doc[k].lower_ in cond.no_preps for k in range(clause.start, clause.end)):
        return False
    if cond.with_lemmas and not any(_has_word(lemmas, w, cond) for w in cond.with_lemmas):
        return False
    if cond.without_lemmas and any(_has_word(lemmas, w, cond) for w in cond.without_lemmas):
        return False
    return True


def _has_word(lemmas: ClauseLemmas, wanted: str, cond) -> bool:
    """A condition's word: a noun ("Treffen") heads compounds of nouns only, so that the
    verb "eintreffen" does not hold a meeting."""
    if wanted in cond.nouns and wanted not in lemmas:
        return _has_lemma(lemmas.nouns, wanted)
    return _has_lemma(lemmas, wanted)


def _has_lemma(lemmas: set[str], wanted: str) -> bool:
    """True when ``wanted`` is a lemma of the clause or heads or opens one of its
    compounds ("Bodentruppen" has "Truppe", "Gesprächsrunde" has "Gespräch")."""
    if wanted in lemmas:
        return True
    # the lookup lemmatizer leaves many plural compounds as they are ("Haftstrafen")
    return any(form.endswith(wanted) or (form.startswith(wanted) and len(wanted) >= 5)
               for lemma in lemmas for form in (lemma, *_singulars(lemma)))


def _singulars(word: str) -> list[str]:
    """Candidate singulars of a plural noun: "haftstrafen" -> "haftstrafe", "haftstraf"."""
    return [word[: -len(ending)] for ending in ("n", "en", "e", "s")
            if word.endswith(ending) and len(word) > len(ending) + 3]


def is_infinitive(token: Token) -> bool:
    """The token is an infinitive (plain or with "zu"): future modals need one."""
    text, lemma = token.lower_, token.lemma_.lower()
    return text == lemma or (text.replace("zu", "", 1) == lemma and "zu" in text)


def zu_infinitive(doc: Doc, i: int) -> bool:
    """"zu helfen", "einzugreifen", "unterstützt zu haben": an infinitive with zu."""
    token = doc[i]
    perfect = i + 2 < len(doc) and doc[i + 1].lower_ == "zu" and doc[i + 2].lower_ in ("haben", "sein", "werden")
    return (i > 0 and doc[i - 1].lower_ == "zu" and token.text[:1].islower()) or perfect or \
        ("zu" in token.lower_[2:-3] and is_infinitive(token))
