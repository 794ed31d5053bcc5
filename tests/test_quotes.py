"""Quotations: direct, indirect, reported and free indirect speech with speakers."""

import pytest

from lagebild.nlp import load_pipeline
from lagebild.quotes import find_quotes


def quotes(text):
    return [(q.kind, q.speaker.text if q.speaker else None, q.quote.text, q.cue.text if q.cue else None)
            for q in find_quotes(load_pipeline()(text))]


def test_direct_quote_with_inverted_cue():
    assert quotes("„Das ist inakzeptabel“, sagte der Außenminister am Montag.") == [
        ("direct", "der Außenminister", "Das ist inakzeptabel", "sagte")]


def test_direct_quote_with_cue_before_and_so():
    assert quotes("Die Ministerin erklärte: „Wir werden helfen.“")[0][:2] == ("direct", "Die Ministerin")
    assert quotes("„Wir werden helfen“, so Merkel.")[0][:2] == ("direct", "Merkel")


def test_direct_quote_over_several_sentences_is_one_record():
    found = quotes("Kerry sagte: „Wir kommen. Wir bleiben.“ Dann ging er.")
    assert found[0][2] == "Wir kommen. Wir bleiben"
    assert len([q for q in found if q[0] == "direct"]) == 1


def test_indirect_speech_with_dass_and_subjunctive():
    assert quotes("Der Sprecher sagte, dass die Lage ernst sei.") == [
        ("indirect", "Der Sprecher", "dass die Lage ernst sei", "sagte")]
    assert quotes("Die Lage sei ernst, teilte ein Polizeisprecher mit.")[0][:3] == (
        "indirect", "ein Polizeisprecher", "Die Lage sei ernst")


def test_reported_speech_after_laut_and_nach_angaben():
    assert quotes("Laut Polizei wurden drei Menschen verletzt.")[0][:3] == (
        "reported", "Polizei", "wurden drei Menschen verletzt")
    assert quotes("Nach Angaben der Behörden starben zehn Menschen.")[0][:2] == ("reported", "der Behörden")


def test_free_indirect_speech_continues_the_last_speaker():
    found = quotes("Der Minister sagte, die Lage sei ernst. Man müsse jetzt handeln. Das Wetter ist schön.")
    assert [q[0] for q in found] == ["indirect", "free_indirect"]
    assert found[1][1] == "Der Minister"


@pytest.mark.parametrize("text", ["Das Wetter ist schön.", "Die Armee griff die Stadt an."])
def test_plain_sentences_hold_no_quotation(text):
    assert quotes(text) == []
