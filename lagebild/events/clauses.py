"""Split a sentence into clauses, the unit in which a trigger finds its arguments.

Without a parser we cut at punctuation that opens a new clause: a comma, colon or
semicolon followed by a lower-case word (a verb, conjunction, pronoun or article:
"…, teilten das Pentagon … mit", "…, wo er …") or by a quotation mark, or one that
follows a lower-case word ("sagte, Russland habe …").  A comma between capitalised
words is most often an enumeration ("Panzer, Artillerie und Soldaten") and does not cut,
nor does one before a number or quantifier ("14 Aufständische, mindestens sieben
Zivilisten, acht Soldaten und ein UN-Soldat wurden getötet").

A clause's kind matters to its arguments: a verb-final clause is subordinate, and a
relative clause's pronoun stands for the noun before its comma.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from lagebild.events.lexicon import Cues

_CUTTERS = {",", ";", ":"}
_DASHES = {"–", "—"}
_QUOTES = {'"', "„", "“", "”", "«", "»"}


@dataclass(frozen=True)
class Clause:
    sentence: Span
    start: int   # token index in the doc, inclusive
    end: int     # token index in the doc, exclusive

    def tokens(self, doc: Doc):
        return doc[self.start:self.end]


def split_clauses(sentence: Span, counting: frozenset[str] | set[str] = frozenset()) -> list[Clause]:
    """The clauses of ``sentence``; ``counting`` holds the number words and quantifiers
    that open an enumerated noun phrase ("acht", "mindestens")."""
    doc = sentence.doc
    clauses: list[Clause] = []
    start = sentence.start
    for i in range(sentence.start, sentence.end - 1):
        token, nxt = doc[i], _next_word(doc, i + 1, sentence.end)
        if token.is_space:
            continue
        previous = _previous_word(doc, i - 1, sentence.start)
        after_verb = previous is not None and previous.is_alpha and previous.text[:1].islower()
        enumerated = token.text == "," and (nxt.like_num or nxt.lower_ in counting)
        # a dash between two statements of a headline ("7.112 Tatverdächtige ermittelt –
        # Mindestens 691 Personen verletzt"), not a dateline's or an aside's dash
        # a single dash before a lower-case word opens a clause ("… lieferte der Investor –
        # gegen ihn ermittelten …"); a pair of dashes sets off an aside ("– mit Erfolg –")
        statements = token.text in _DASHES and (after_verb and nxt.text[:1].isupper() or (
            nxt.text[:1].islower() and not any(t.text in _DASHES for t in doc[i + 1:sentence.end])
            and not any(t.text in _DASHES and not _dateline(doc, sentence, t.i) for t in doc[sentence.start:i])))
        if statements or token.text in _CUTTERS and not enumerated and (
                nxt.text in _QUOTES or nxt.text[:1].islower() or after_verb):
            if i > start:
                clauses.append(Clause(sentence, start, i))
            start = nxt.i      # past a double space's whitespace token
    if start < sentence.end:
        clauses.append(Clause(sentence, start, sentence.end))
    return clauses


def verb_final(doc: Doc, clause: Clause, verb: int, auxiliaries: frozenset[str]) -> bool:
    """The verb closes its clause, as in a subordinate clause ("…, die Soldaten getötet
    hat"): nothing but auxiliaries and punctuation follow it.  A verb in second place
    ("…, die Parteien demonstrieren jedoch gegen ihn") opens a main clause."""
    for t in doc[verb + 1:clause.end]:
        if t.text in (".", "!", "?"):
            return True     # what follows the sentence's end ("… vorwerfen. (7.8.2015)") is no part of it
        if not (t.is_punct or t.lower_ in auxiliaries):
            return False
    return True


def _dateline(doc: Doc, sentence: Span, dash: int) -> bool:
    """The dash closes a dateline ("Wien – Die Polizei …", "Gaza/Jerusalem – "): only
    names before it, and the sentence proper after it."""
    return all(t.text[:1].isupper() or t.text == "/" for t in doc[sentence.start:dash]) \
        and dash + 1 < sentence.end and not doc[dash + 1].text[:1].islower()


def relative_clause(doc: Doc, clause: Clause, cues: Cues) -> bool:
    """The clause opens with a relative pronoun right after "Noun," ."""
    k = clause.start
    comma = _previous_word(doc, k - 1, clause.sentence.start)
    return k >= 2 and doc[k].lower_ in cues["relative_pronoun"] and comma is not None and comma.text == "," \
        and antecedent_end(doc, clause, cues) is not None


def antecedent_end(doc: Doc, clause: Clause, cues: Cues) -> int | None:
    """Where the antecedent of a relative clause ends: right before its comma, or
    before the verb particle that closes the clause before ("nahm zwei Männer
    fest, die …")."""
    comma = _previous_word(doc, clause.start - 1, clause.sentence.start)
    k = comma.i - 1 if comma is not None else clause.start - 2
    if doc[k].is_alpha and doc[k].text[:1].isupper():
        return k + 1
    if k >= 1 and doc[k].lower_ in cues["particle"] and doc[k - 1].is_alpha \
            and doc[k - 1].text[:1].isupper():
        return k
    return None


def _next_word(doc: Doc, k: int, end: int):
    """The token at ``k`` or, past a double space's whitespace token, the one after it."""
    while k < end - 1 and doc[k].is_space:
        k += 1
    return doc[k]


def _previous_word(doc: Doc, k: int, start: int):
    """The token at ``k`` or the word before a whitespace token; None before ``start``."""
    while k >= start and doc[k].is_space:
        k -= 1
    return doc[k] if k >= start else None


def comma_before(doc: Doc, clause: Clause):
    """The comma that opens the clause (past a double space's whitespace), or None."""
    previous = _previous_word(doc, clause.start - 1, clause.sentence.start)
    return previous if previous is not None and previous.text == "," else None
