"""Passive clauses and what was done to in them.

A passive clause ("18 Menschen wurden verschleppt", "sind angeklagt", a headline
ending in a participle) has as its subject what the action was done to: its target,
not its actor.  This module tells such clauses and finds that subject where no actor
mention covers it, or where it stands in another clause of the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc

from lagebild.events.clauses import Clause, comma_before
from lagebild.events.lexicon import Cues
from lagebild.events.roles import is_party, joined, role_marker


def is_passive(doc: Doc, clause: Clause, trigger: int, cues: Cues) -> bool:
    """A passive clause, or a headline made of a participle alone ("18 Menschen
    verschleppt."), whose subject is what the action was done to."""
    words = {doc[k].lower_ for k in range(clause.start, clause.end)}
    if words & cues["werden_past"] and any(
            doc[k].lower_.startswith("ge") or doc[k].lower_.endswith(("iert", "t", "en"))
            for k in range(clause.start, clause.end) if doc[k].text[:1].islower()):
        return True
    # "wird/werde … kritisiert" is passive, but "werden … angreifen" is a future:
    # the present forms need a participle, not an infinitive
    if words & cues["werden_present"] and any(_participle(doc, k, cues) for k in range(clause.start, clause.end)):
        return True
    words = [k for k in range(clause.start, clause.end) if doc[k].is_alpha]
    token = doc[trigger]
    if _state_passive(doc, words, token, cues) or participle_apposition(doc, clause, token.i, cues):
        return True
    lowercase = [k for k in words if doc[k].text[:1].islower()]
    participle = _inflected_verb_form(token, ("t", "en"))
    if lowercase == [trigger] and words[-1] == trigger and participle:
        return True     # "18 Menschen verschleppt."
    # a headline without a finite verb that ends in a participle ("Deutschland deswegen
    # von EU-Kommission verklagt"), or coordinates two ("Zwei Palästinenser erschossen und
    # vier Israelis verletzt"): a finite verb would stand second, not last
    # ("-ten" is rather a preterite: "Doch die Gewerkschaften kritisierten")
    # (the clause is the whole sentence: "X fordert, dass …" ends its clause with the verb)
    return clause.start == clause.sentence.start and _ends_sentence(doc, clause) and len(words) > 2 \
        and (words[-1] == trigger or doc[trigger + 1].lower_ in cues["coordinator"]) and words[1] != trigger \
        and doc[words[0]].lower_ not in cues["clause_opener"] \
        and not any(doc[k].lower_ in cues["finite_verb"] for k in words) and participle \
        and (token.lower_.startswith("ge") or not token.lower_.endswith("ten"))


def _participle(doc: Doc, k: int, cues: Cues) -> bool:
    """A past participle at the end of its phrase ("werde … beschuldigt,"): a verb form
    other than the infinitive; an inflected adjective stands before its noun
    ("ihre eigenen Truppen") and an article is no verb ("den", "seinen")."""
    token = doc[k]
    lemma = token.lemma_.lower()
    if not token.text[:1].islower() or token.lower_ in cues["article"] | cues["possessive"] \
            or len(lemma) < 5 or not lemma.endswith("n") or not _inflected_verb_form(token, ("t", "en")):
        return False
    after = doc[k + 1] if k + 1 < len(doc) else None
    return after is None or not (after.is_alpha and after.text[:1].isupper())


def _inflected_verb_form(token, endings: tuple[str, ...]) -> bool:
    """A form other than the infinitive that ends like a participle ("verschleppt",
    "erschossen")."""
    return token.lower_ != token.lemma_.lower() and token.lower_.endswith(endings)


def _ends_sentence(doc: Doc, clause: Clause) -> bool:
    """Nothing but punctuation follows the clause, or a dash parts it from a headline's
    next statement ("Kapitän zu 16 Jahren verurteilt – Staatsanwaltschaft will mehr")."""
    rest = doc[clause.end:clause.sentence.end]
    return all(t.is_punct or t.is_space for t in rest) or (len(rest) > 0 and rest[0].text in ("–", "—"))


def _state_passive(doc: Doc, words: list[int], token, cues: Cues) -> bool:
    """"Mehrere Verdächtige sind angeklagt": "sein" with a participle of a verb whose
    perfect is formed with "haben" is a state passive (not "ist gereist")."""
    lower, lemma = token.lower_, token.lemma_.lower()
    participle = _inflected_verb_form(token, ("t",)) and (
        "ge" in lower[:5] or lower.startswith(tuple(cues["inseparable_prefix"])))
    # (no comma between: "verurteilt ihn zu einem Jahr Haft, drei Monate sind unbedingt")
    return participle and lemma not in cues["sein_perfect"] and any(
        doc[k].lower_ in cues["sein_form"] and not any(t.text == "," for t in doc[min(k, token.i):max(k, token.i)])
        for k in words)


def participle_apposition(doc: Doc, clause: Clause, trigger: int, cues: Cues) -> bool:
    """A participle with its agent set off by commas after a noun ("Die
    Belegschaftsvertreter, von der Gewerkschaft unterstützt, rüsten sich", "FPÖ und
    ÖVP, unterstützt von Neos, …"): the noun is what was done to."""
    token = doc[trigger]
    words = [k for k in range(clause.start, clause.end) if doc[k].is_alpha]
    # (no finite verb stands in it, so a verb form in "-t" is the participle: "unterstützt")
    return _inflected_verb_form(token, ("t",)) and clause.start > clause.sentence.start and comma_before(doc, clause) is not None \
        and not any(doc[k].lower_ in cues["finite_verb"] for k in words) \
        and any(doc[k].lower_ in cues["agent_prep"] for k in words)


def apposition_head(doc: Doc, clause: Clause, mentions: list, cues: Cues) -> list:
    """The parties right before the comma that opens an apposition ("FPÖ und ÖVP, …")."""
    comma = comma_before(doc, clause)
    head = [m for m in mentions if comma is not None and m.token_end == comma.i and is_party(m)]
    for m in sorted(mentions, key=lambda m: -m.token_start):
        if head and m.token_end < head[0].token_start and joined(doc, m, head[0], cues) and is_party(m):
            head.insert(0, m)
    return head


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
