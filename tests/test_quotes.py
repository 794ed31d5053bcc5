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


def test_quoted_words_inside_an_indirect_report_are_a_second_quotation():
    found = quotes("Die Gewerkschaft sagte, der Vorstand trage die „volle Schuld“ an dem Streik.")
    assert [q[0] for q in found] == ["indirect", "direct"]
    assert found[0][2] == "der Vorstand trage die „volle Schuld“ an dem Streik"
    assert found[1][1:3] == ("Die Gewerkschaft", "volle Schuld")


def test_subjunctive_sentence_without_earlier_speaker_is_free_indirect():
    assert quotes("Der Damm sei nicht mehr sicher.") == [
        ("free_indirect", None, "Der Damm sei nicht mehr sicher", None)]


def test_konjunktiv_i_read_from_the_lemma():
    # "bestehe" is in no list: its lemma is the form plus "n"
    found = quotes("Der Arzt sagte, die Lage sei ruhig. Eine Gefahr bestehe nicht.")
    assert [q[0] for q in found] == ["indirect", "free_indirect"]
    assert found[1][1] == "Der Arzt"
    # a preterite in -te is no Konjunktiv, nor is a determiner in -e
    assert quotes("Der Zug erreichte eine Stadt im Norden.") == []


def test_hearsay_modal_soll_reports():
    found = quotes("Der Minister soll Geld angenommen haben.")
    assert [q[0] for q in found] == ["free_indirect"]


def test_colon_quote_takes_the_subject_of_the_introducing_clause():
    found = quotes("Die Ministerin zeigte sich im Interview zuversichtlich: „Wir schaffen das.“")
    assert found[0][:3] == ("direct", "Die Ministerin", "Wir schaffen das")
    found = quotes("Im Interview zeigte sich die Ministerin zuversichtlich: „Wir schaffen das.“")
    assert found[0][1] == "die Ministerin"


def test_wie_clause_names_the_speaker():
    found = quotes("Wie die Feuerwehr mitteilte, brannte die Halle vollständig aus.")
    assert found[0][:3] == ("indirect", "die Feuerwehr", "brannte die Halle vollständig aus")


def test_fronted_adverb_is_no_speaker():
    found = quotes("Weiter sagte der Bürgermeister, die Brücke werde gesperrt.")
    assert found[0][:2] == ("indirect", "der Bürgermeister")


def test_naming_participle_is_no_cue():
    assert quotes("Der Fluss, im Volksmund Bach genannt, fließt durch die Stadt.") == []


def test_melden_is_a_cue_verb():
    found = quotes("Die Agentur meldete, zwei Menschen seien gestorben.")
    assert found[0][:2] == ("indirect", "Die Agentur")
