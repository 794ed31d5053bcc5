import pytest

from lagebild.events.lexicon import Condition, load_cues, load_triggers
from lagebild.records import EVENT_MODES, EVENT_TYPES


def test_every_plover_type_has_verb_and_noun_triggers():
    lexicon = load_triggers()
    verb_types = {e.event for entries in lexicon.verbs.values() for e in entries}
    noun_types = {e.event for entries in lexicon.nouns.values() for e in entries}
    assert verb_types == set(EVENT_TYPES)
    assert noun_types == set(EVENT_TYPES)


def test_modes_are_valid_for_their_type():
    lexicon = load_triggers()
    for entries in list(lexicon.verbs.values()) + list(lexicon.nouns.values()):
        for e in entries:
            assert e.mode is None or e.mode in EVENT_MODES[e.event], e


@pytest.mark.parametrize("word,lemma", [
    ("Luftangriffe", "luftangriff"), ("Raketenangriffen", "raketenangriff"),
    ("Anschläge", "anschlag"), ("Autobombenanschlag", "bombenanschlag"),
    ("Demonstrationen", "demonstration"),
])
def test_noun_lookup_finds_inflected_forms_and_compound_heads(word, lemma):
    assert load_triggers().noun_entries(word)[0] == lemma


@pytest.mark.parametrize("word", ["Besucher", "Bundesregierung", "Demokratie", "Ukraine-Krise"])
def test_noun_lookup_rejects_non_triggers(word):
    assert load_triggers().noun_entries(word) is None


def test_condition_parsing():
    cond = Condition.parse("prep=mit|gegen with=Soldat without=Wahl")
    assert cond.preps == {"mit", "gegen"}
    assert cond.with_lemmas == ("soldat",) and cond.without_lemmas == ("wahl",)
    with pytest.raises(ValueError):
        Condition.parse("near=Soldat")


def test_cues_are_loaded_by_kind():
    cues = load_cues()
    assert "nicht" in cues["negation"]
    assert "zufolge" in cues["report_postposition"] and "laut" in cues["report_prep"]
    assert cues["no such kind"] == frozenset()


def test_capitalised_condition_words_are_nouns():
    cond = Condition.parse("with=Treffen|gemeinsam")
    assert cond.nouns == frozenset({"treffen"}) and "gemeinsam" in cond.with_lemmas
