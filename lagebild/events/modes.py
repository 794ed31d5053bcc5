"""The mode of a demand, refusal or threat from what it is about.

"forderte Verhandlungen" is a REQUEST to meet, "zum Abbau der Spannungen aufgerufen" one
to yield, "drohten mit Streiks" a THREATEN to restrict (docs/events.md §2).  The nouns
and their modes are data (``lang/de/demand_modes.tsv``); a REJECT takes the modes of a
REQUEST (one refuses what one could be asked for).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from lagebild.events.clauses import Clause
from lagebild.events.lexicon import LANG_DIR, Cues, TriggerLexicon, data_rows

# a refusal is about what a demand could be about
_SAME_NOUNS = {"REJECT": "REQUEST"}


@lru_cache(maxsize=4)
def load_demand_modes(lang: str = "de") -> dict[str, dict[str, str]]:
    modes: dict[str, dict[str, str]] = {}
    for _, (event_type, noun, mode, *_rest) in data_rows(LANG_DIR / lang / "demand_modes.tsv"):
        modes.setdefault(event_type, {})[noun.strip()] = mode.strip()
    return modes


def demanded_mode(doc: Doc, clause: Clause, trigger: int, event_type: str, cues: Cues) -> str | None:
    """The mode the first noun of the clause that names what is demanded, refused or
    threatened gives; else the first in the rest of the sentence.  A noun in a phrase
    of circumstance ("wies bei einem Mediengespräch zurück") names no content."""
    nouns = load_demand_modes().get(_SAME_NOUNS.get(event_type, event_type))
    if not nouns:
        return None
    sentence = clause.sentence
    for start, end in ((clause.start, clause.end), (clause.end, sentence.end)):
        for k in range(start, end):
            token = doc[k]
            if k == trigger or not token.is_alpha or not token.text[:1].isupper() \
                    or _circumstance(doc, k, cues):
                continue
            mode = _mode_of(token.lemma_.lower(), token.lower_, nouns)
            if mode:
                return mode
    return None


def _circumstance(doc: Doc, noun: int, cues: Cues) -> bool:
    k = noun - 1
    while k >= 0 and doc[k].text[:1].islower() and doc[k].lower_ not in cues["preposition"]:
        k -= 1      # its article and adjectives
    return k >= 0 and doc[k].lower_ in cues["circumstance_prep"]


def _mode_of(lemma: str, form: str, nouns: dict[str, str]) -> str | None:
    """The mode of a noun or of a compound ending in a listed noun ("Friedensverhandlungen");
    plural forms the lookup lemmatiser leaves alone lose their ending first."""
    for word in (lemma, form, *(form[: -len(e)] for e in ("en", "n", "e", "s") if form.endswith(e))):
        for noun, mode in nouns.items():
            if word == noun or (word.endswith(noun) and len(word) > len(noun) + 2):
                return mode
    return None


def instrument_mode(doc: Doc, clause: Clause, trigger: int, event_type: str,
                    triggers: TriggerLexicon, cues: Cues) -> str | None:
    """ "bei einem US-Luftangriff getötet", "bei einem Feuergefecht getötet": a verb of
    harm done in an attack named by a noun has that attack's mode (aerial, firearms)."""
    for k in range(clause.start, clause.end):
        if k == trigger or not doc[k].text[:1].isupper() or not any(
                doc[j].lower_ in cues["instrument_prep"] for j in range(max(clause.start, k - 3), k)):
            continue
        found = triggers.noun_entries(doc[k].text)
        modes = [e.mode for e in found[1] if e.event == event_type and e.mode] if found else []
        if modes:
            return modes[0]
    return None
