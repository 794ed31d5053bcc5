import pytest

from lagebild.events.clauses import split_clauses
from lagebild.events.lexicon import load_cues, load_triggers
from lagebild.events.triggers import find_triggers
from lagebild.nlp import load_pipeline


def triggers(text):
    doc = load_pipeline()(text)
    found = []
    for sentence in doc.sents:
        for clause in split_clauses(sentence):
            for match in find_triggers(doc, clause, load_triggers(), load_cues()):
                found.append((doc[match.token].text, match.entry.event, match.entry.mode))
    return found


def test_clauses_cut_before_lowercase_words_but_not_in_enumerations():
    doc = load_pipeline()("Panzer, Artillerie und Soldaten wurden verlegt, teilte das Ministerium mit.")
    clauses = split_clauses(next(doc.sents))
    assert [doc[c.start:c.end].text for c in clauses] == [
        "Panzer, Artillerie und Soldaten wurden verlegt", "teilte das Ministerium mit."]


@pytest.mark.parametrize("text,expected", [
    ("Die Polizei nahm zwei Männer fest.", ("nahm", "COERCE", "arrest")),
    ("Der Minister rief zu Protesten auf.", ("rief", "REQUEST", None)),
    ("Die Regierung hat den Kontakt wieder aufgenommen.", ("aufgenommen", "CONSULT", None)),
    ("Sie telefonierten am Abend.", ("telefonierten", "CONSULT", "phone")),
    ("Die Armee fliegt Luftangriffe gegen die Rebellen.", ("Luftangriffe", "ASSAULT", "aerial")),
    ("Der Kanzler warnte Moskau vor einer Eskalation.", ("warnte", "REQUEST", "yield")),
    ("Der Kanzler warnte Moskau, die Lage sei ernst.", ("warnte", "ACCUSE", "disapprove")),
    ("Das Gericht verurteilte ihn zu fünf Jahren Haft.", ("verurteilte", "SANCTION", "convict")),
    ("Die Regierung verurteilte den Anschlag scharf.", ("verurteilte", "ACCUSE", "disapprove")),
])
def test_trigger_type_follows_its_company(text, expected):
    assert expected in triggers(text)


def test_noun_without_support_is_no_event():
    assert triggers("Der Kampf um die Stadt.") == []
    assert triggers("Die Demokratie ist stark.") == []


def test_verb_form_of_a_noun_trigger_is_not_confused():
    # "Treffen" capitalised is the noun; it needs a support verb ("geplant")
    assert ("Treffen", "CONSULT", None) in triggers("Ein Treffen ist geplant.")
    assert triggers("Sie müssen Vorkehrungen treffen.") == []


def test_particle_verb_is_not_its_base_verb():
    # "trifft … zu" is "zutreffen" (to apply), not a meeting
    assert triggers("Das trifft auf viele Parteien zu.") == []


def test_sports_meeting_is_no_consultation():
    assert triggers("Der Niederösterreicher trifft in der ersten Runde auf den Slowaken.") == []


def test_listed_non_events_are_no_triggers():
    assert triggers("Der Minister gab eine Pressekonferenz.") == []
    assert triggers("Er hielt fest, dass die Lage ernst sei.") == []
    assert ("hielt", "COERCE", "arrest") in triggers("Die Polizei hielt den Mann fest.")
