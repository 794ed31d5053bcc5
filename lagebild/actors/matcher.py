"""Find actor mentions in a German spaCy ``Doc`` (tokenised by ``spacy.blank("de")``).

``find_mentions(doc, lexicon, when)`` works in three steps and needs no parser or NER:

1. **Lexicon units** (``units.py``).  An exact token match (ORTH) finds every lexicon form
   (countries, capitals, demonyms, organisations, persons; longest match wins) and one on
   LOWER the nationality adjectives.  Tokens left over are tried as role nouns (inflected
   forms and closed compounds: "Präsidenten", "Bundesaußenminister", "Kremlchef") and, if
   they contain a hyphen, as compounds ("US-Außenminister", "Taliban-Kämpfern",
   "Anti-IS-Kampf").
2. **Names** (``names.py``).  Ambiguous surnames ("Kurz darauf") are dropped unless the
   document confirms them.  After an office noun, capitalised tokens not in the lexicon
   are taken as the name of an unknown person ("Außenamtssprecherin Sawsan Chebli").
3. **Combination** (``combine.py``).  Adjacent units merge into one mention:
   ``[adjective | genitive country | demonym-adjective] [role] [person | name]``
   ("seinen russischen Kollegen Sergej Lawrow", "Russlands Präsident", "die Moskauer
   Führung"), ``role + genitive`` ("Regierung Syriens"), ``role + des/der + actor``
   ("Sprecher des Pentagons"), ``office/body + in + capital`` ("Regierung in Kiew"),
   ``role + organisation`` ("Terrorgruppe Islamischer Staat").  A known person's code,
   sector and name win over those of the words around it.

Mentions (:class:`ActorMention`, ``mention.py``) never include determiners or
possessives.  ``kind`` is one of

* ``country``, ``capital`` (also seats: "Kreml"): place-like; "in Moskau" is a place,
  "Moskau unterstützt" an actor -- see :func:`is_place_context`;
* ``adjective``, ``demonym``: a nationality alone ("russische", "Russen"), sector null;
* ``organisation``, ``person``: a named actor (possibly with its role words);
* ``role``: a role noun, with the code of its modifier if it has one ("die russische
  Armee" RUS MIL, "US-Außenminister" USA GOV, "Soldaten" None MIL);
* ``compound``: a hyphenated word whose head is no actor noun but whose modifier is
  ("Ukraine-Krise", "Syrien-Konflikt", "US-Angaben", "Anti-IS-Kampf"): code, sector and
  name are those of the modifier; callers may ignore these or use them as weak evidence
  (a source "Nach US-Angaben", the target of an "Anti-IS-Koalition").
"""

from __future__ import annotations

from datetime import date, datetime

from spacy.tokens import Doc

from .combine import _combine
from .lexicon import ActorLexicon, _as_date
from .mention import ActorMention
from .names import _add_affiliated_names, _add_names, _filter_ambiguous, repeat_names
from .units import _lexicon_units

__all__ = ["LOCATIVE_PREPOSITIONS", "ActorMention", "find_mentions", "is_place_context",
           "repeat_names"]

LOCATIVE_PREPOSITIONS = frozenset({"in", "im", "nach", "aus", "bei", "beim", "nahe", "ins",
                                   "vor", "innerhalb", "außerhalb", "nördlich", "südlich",
                                   "östlich", "westlich", "gen"})
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})


def find_mentions(doc: Doc, lexicon: ActorLexicon | None = None,
                  when: date | datetime | None = None) -> list[ActorMention]:
    """All actor mentions in ``doc``, ordered by position (see the module docstring)."""
    lexicon = lexicon or ActorLexicon.load()
    when = _as_date(when)
    units = _lexicon_units(doc, lexicon, when)
    units = _filter_ambiguous(doc, units, lexicon)
    units = _add_names(doc, units, lexicon)
    units = _add_affiliated_names(doc, units, lexicon)
    return _combine(doc, units)


def is_place_context(doc: Doc, mention: ActorMention) -> bool:
    """True when a place-like mention (kind country or capital) follows a locative
    preposition ("in Moskau", "nach Syrien", "aus dem Irak", "in der Türkei"): then it
    names a place, not an acting party.  Always False for persons, organisations, roles
    ("nach Putins Vorstellung") and compounds."""
    if not mention.is_place_like:
        return False
    i = mention.token_start - 1
    if i >= 0 and doc[i].lower_ in _ARTICLES:
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE_PREPOSITIONS
