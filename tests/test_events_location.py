"""Where events happen: locative phrases in the trigger's clause (lagebild.events.location)."""

from datetime import datetime

import pytest

from lagebild.events.coder import EventCoder
from lagebild.ingest import read_text

FRIDAY = datetime(2015, 9, 18, 12, 0)


@pytest.fixture(scope="module")
def coder():
    return EventCoder.load()


def locations(coder, text, event_type):
    article = read_text(text, "t")
    article.published = FRIDAY
    found = [e for e in coder.code(article) if e.event == event_type]
    assert found, [(e.event, e.evidence[0].text) for e in coder.code(article)]
    return [(e.location.name, e.location.country) if e.location else None for e in found]


@pytest.mark.parametrize("text,event_type,place", [
    # a country adjective and a noun for a kind of place before the name
    ("US-Kampfflugzeuge haben am Freitag ein Lager in der westlibyschen Stadt Sabratha angegriffen.",
     "ASSAULT", ("Şabrātah", "LBY")),
    ("Der Verdächtige wurde am 15. Januar in der marokkanischen Hafenstadt Mohammedia festgenommen.",
     "COERCE", ("Mohammedia", "MAR")),
    # an adjective alone ("im syrischen Aleppo"); its country decides among homonyms
    ("Rebellen haben im syrischen Aleppo einen Stützpunkt der Armee angegriffen.",
     "ASSAULT", ("Aleppo", "SYR")),
])
def test_adjective_and_kind_of_place_before_the_name(coder, text, event_type, place):
    assert place in locations(coder, text, event_type)


@pytest.mark.parametrize("text", [
    "Bangkok – Die thailändische Regierung hat am Donnerstag 100 Uiguren nach China abgeschoben.",
    "Bangkok – Die Polizei hat einen Uiguren bei der Ausreise nach China festgenommen.",
])
def test_nach_names_a_destination_not_the_place(coder, text):
    # the deportation or arrest happens where the person is, not in China
    assert locations(coder, text, "COERCE") == [("Bangkok", "THA")]


def test_nach_after_a_verb_of_arriving_is_where_it_happens(coder):
    text = "Kerry kommt am Sonntag nach Berlin, wo er mit Steinmeier sprechen will."
    assert locations(coder, text, "AGREE") == [("Berlin", "DEU")]


def test_troops_sent_somewhere_are_there(coder):
    text = "Die USA haben zwei Kampfflugzeuge nach Rumänien und Litauen entsandt."
    assert locations(coder, text, "MOBILIZE") == [("Romania", "ROU")]


@pytest.mark.parametrize("text,place", [
    # a noun for a kind of place after a contracted preposition ("im Bundesstaat")
    ("Die US-Polizei hat am Samstag im Bundesstaat Wisconsin einen Mann festgenommen.",
     ("Wisconsin", "USA")),
    # hyphenated names
    ("Die deutsche Polizei hat einen Mann im Bundesland Mecklenburg-Vorpommern festgenommen.",
     ("Mecklenburg-Vorpommern", "DEU")),
    ("Die deutsche Polizei hat einen Mann in Castrop-Rauxel festgenommen.",
     ("Castrop-Rauxel", "DEU")),
])
def test_kind_of_place_and_hyphenated_names(coder, text, place):
    assert locations(coder, text, "COERCE") == [place]


def test_capital_of_the_adjectives_country(coder):
    text = "Steinmeier hat am Dienstag in der polnischen Hauptstadt seinen Amtskollegen getroffen."
    assert locations(coder, text, "CONSULT") == [("Warsaw", "POL")]


def test_dort_refers_back_to_the_place_of_the_sentence_before(coder):
    text = ("Paris – Die Moschee in Lagny-sur-Marne galt als salafistisch. "
            "Die Polizei hat dort zwei Männer festgenommen.")
    assert locations(coder, text, "COERCE") == [("Lagny-sur-Marne", "FRA")]
    # without "dort" the sentence names no place: the dateline's
    text = text.replace(" dort", "")
    assert locations(coder, text, "COERCE") == [("Paris", "FRA")]


def test_statement_in_the_lead_sentence_was_made_at_the_dateline(coder):
    # the article is about Russia, its dateline is abroad: the lead's warning was made in
    # Geneva; a later statement is not placed there
    text = ("Genf – Russland hat am Dienstag vor einer wachsenden Gefahr von Chemiewaffen "
            "gewarnt. Später kritisierte Russland die USA scharf.")
    assert locations(coder, text, "ACCUSE") == [("Genève", "CHE"), None]


@pytest.mark.parametrize("text", [
    # a village the gazetteer does not know lies in the adjective's country
    "Wien – Türkische Kampfflieger haben ein Lager im nordirakischen Dorf Sarkel angegriffen.",
    # a noun for a country after the adjective
    "Wien – Türkische Kampfflieger haben in dem irakischen Nachbarland Stellungen angegriffen.",
])
def test_unknown_place_of_a_country_adjective_is_in_that_country(coder, text):
    assert locations(coder, text, "ASSAULT") == [("Iraq", "IRQ")]
