"""News-specific settings for spaCy's German tokenizer.

spaCy's German rules already keep ``US-Außenminister``, ``Anti-IS-Koalition``, ``u.a.``,
``Dr.``, ``z.B.``, dates (``18.09.2015``) and times (``22:08``) as one token, and split
datelines (``Kabul – ``) and German quotes („…“) off their words.  This module adds the
abbreviations listed in ``training/data/abbreviations.txt`` and splits a colon glued to an
opening quote (``sagte:„Ja``).  The settings are serialised with the tokenizer into the
trained pipeline, so loading ``de_lagebild`` needs no code from here.
"""

from __future__ import annotations

from pathlib import Path

from spacy.attrs import NORM, ORTH
from spacy.util import compile_infix_regex

ABBREVIATIONS = Path(__file__).resolve().parent / "data" / "abbreviations.txt"


def abbreviations() -> list[str]:
    return [line.strip() for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def customize_tokenizer(nlp) -> None:
    for abbr in abbreviations():
        for form in {abbr, abbr[:1].upper() + abbr[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: abbr}])
    infixes = list(nlp.Defaults.infixes) + [r"(?<=\w):(?=[„\"»«])", r"(?<=:)[„\"»«](?=\w)"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
