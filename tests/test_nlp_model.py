"""The shipped ``de_lagebild`` pipeline (installed from models/ by the README set-up)."""

import socket

import pytest
import spacy

from lagebild.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("de_lagebild")


def test_loads_without_any_network_access(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access while loading the pipeline")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    nlp = spacy.load("de_lagebild")
    assert nlp("Der Kreml schweigt.")[1].text == "Kreml"


def test_pipeline_has_the_trained_components(nlp):
    for name in ("tok2vec", "tagger", "morphologizer", "parser", "lemmatizer", "entity_ruler", "ner"):
        assert name in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}
    assert nlp.meta["name"] == "lagebild"


def test_entity_ruler_never_misses_crucial_names(nlp):
    doc = nlp("Der IS und Daesch kämpfen, sagte das Pentagon; der Kreml widersprach Obama in Moskau.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["IS"] == "ORG"
    assert ents["Daesch"] == "ORG"
    assert ents["Pentagon"] == "ORG"
    assert ents["Kreml"] == "ORG"
    assert ents["Obama"] == "PER"
    assert ents["Moskau"] == "LOC"


def test_ruler_is_case_sensitive(nlp):
    doc = nlp("Das is nicht gut.")
    assert not any(e.text == "is" for e in doc.ents)


def test_news_tokenization(nlp):
    words = [t.text for t in nlp("Kabul – Der US-Außenminister traf u.a. Dr. Müller und Präs. Ghani.")]
    assert words[:3] == ["Kabul", "–", "Der"]
    assert "US-Außenminister" in words
    assert "u.a." in words and "Dr." in words and "Präs." in words
    quoted = [t.text for t in nlp("„Wir kommen“, sagte er:„Bald.“")]
    assert quoted[:3] == ["„", "Wir", "kommen"]
    assert "“" in quoted and "Bald" in quoted


def test_tagger_parser_and_morphology_annotate(nlp):
    doc = nlp("Die Polizei nahm drei Männer fest.")
    assert doc.has_annotation("TAG") and doc.has_annotation("POS") and doc.has_annotation("DEP")
    assert doc[1].pos_ in {"NOUN", "PROPN"}
    assert sum(1 for t in doc if t.dep_ == "ROOT") == 1


def test_lagebild_stage_uses_the_trained_pipeline_with_rule_sentences():
    nlp = load_pipeline()
    assert nlp.pipe_names[0] == "news_sentences"
    assert "parser" in nlp.pipe_names and "lemma_fixes" in nlp.pipe_names
    doc = nlp("Russland warnt die USA\nDer Kreml hat am Freitag gewarnt. Der IS griff an.")
    assert [s.text.strip() for s in doc.sents] == [
        "Russland warnt die USA", "Der Kreml hat am Freitag gewarnt.", "Der IS griff an."]
    assert [t.lemma_ for t in doc if t.text == "griff"] == ["greifen"]
