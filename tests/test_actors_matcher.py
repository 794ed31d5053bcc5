"""Actor mentions in German sentences (spacy.blank tokenisation, no parser)."""

from datetime import date

import pytest
import spacy

from lagebild.actors import ActorLexicon, ActorMention, find_mentions, is_place_context


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("de")


@pytest.fixture(scope="module")
def lexicon():
    return ActorLexicon.load()


@pytest.fixture
def run(nlp, lexicon):
    def _run(text, when=None):
        doc = nlp(text)
        mentions = find_mentions(doc, lexicon, when=when)
        for m in mentions:           # offsets always point at the mention's text
            assert doc.text[m.start:m.end] == m.text
            assert doc[m.token_start].idx <= m.start < m.end <= doc[m.token_end - 1].idx + len(doc[m.token_end - 1])
        return doc, mentions
    return _run


def one(mentions, text) -> ActorMention:
    found = [m for m in mentions if m.text == text]
    assert len(found) == 1, f"{text!r} not in {[m.text for m in mentions]}"
    return found[0]


def triple(m):
    return (m.code, m.sector, m.name)


# -- the reference cases ---------------------------------------------------------------
def test_hyphen_prefix_role_and_person(run):
    _, ms = run("US-Außenminister John Kerry warnte seinen russischen Kollegen Sergej Lawrow.")
    kerry = one(ms, "US-Außenminister John Kerry")
    assert triple(kerry) == ("USA", "GOV", "John Kerry") and kerry.kind == "person"
    assert kerry.role == "Außenminister"
    lavrov = one(ms, "russischen Kollegen Sergej Lawrow")
    assert triple(lavrov) == ("RUS", "GOV", "Sergey Lavrov")
    assert len(ms) == 2


def test_hyphen_prefix_role_without_name(run):
    _, ms = run("Der US-Außenminister reiste ab, der US-Präsident blieb.")
    assert triple(one(ms, "US-Außenminister")) == ("USA", "GOV", None)
    assert one(ms, "US-Präsident").kind == "role"


def test_anti_is_compound_contains_islamic_state(run):
    _, ms = run("Russland und USA koordinieren Anti-IS-Kampf")
    m = one(ms, "Anti-IS-Kampf")
    assert (m.code, m.kind, m.name) == ("IMG", "compound", "Islamic State")
    assert triple(one(ms, "Russland")) == ("RUS", None, None)


def test_un_general_assembly(run):
    _, ms = run("Beide wollen bei der UN-Vollversammlung in New York auftreten.")
    m = one(ms, "UN-Vollversammlung")
    assert triple(m) == ("UNO", None, "United Nations General Assembly")
    assert m.kind == "organisation"


def test_group_compound_takes_the_group(run):
    _, ms = run("18 von Taliban-Kämpfern als Geiseln genommene Insassen wurden befreit.")
    m = one(ms, "Taliban-Kämpfern")
    assert triple(m) == ("AFG", "REB", "Taliban") and m.kind == "organisation"


@pytest.mark.parametrize("word,code", [("Ukraine-Krise", "UKR"), ("Syrien-Konflikt", "SYR"),
                                       ("US-Angaben", "USA")])
def test_topic_compounds_are_marked(run, word, code):
    _, ms = run(f"Er sprach über die {word} am Sonntag.")
    m = one(ms, word)
    assert (m.code, m.kind) == (code, "compound")


def test_adjective_plus_role_is_one_mention(run):
    _, ms = run("Nach US-Angaben errichtet die russische Armee einen Stützpunkt, "
                "teilten das Pentagon und das russische Verteidigungsministerium mit.")
    assert triple(one(ms, "russische Armee")) == ("RUS", "MIL", None)
    ministry = one(ms, "russische Verteidigungsministerium")
    assert triple(ministry) == ("RUS", "GOV", None) and ministry.context == "military"
    assert triple(one(ms, "Pentagon")) == ("USA", "GOV", "Pentagon")
    assert not any(m.text in ("russische", "Armee", "Verteidigungsministerium") for m in ms)


def test_role_plus_known_person(run):
    _, ms = run("Verteidigungsminister Ashton Carter habe mit seinem Kollegen Sergej Schoigu "
                "telefoniert.")
    assert triple(one(ms, "Verteidigungsminister Ashton Carter")) == ("USA", "GOV", "Ashton Carter")
    assert triple(one(ms, "Kollegen Sergej Schoigu")) == ("RUS", "GOV", "Sergei Shoigu")


def test_role_plus_unknown_person(run):
    _, ms = run('"Wir haben die Sorge", sagte Außenamtssprecherin Sawsan Chebli.')
    m = one(ms, "Außenamtssprecherin Sawsan Chebli")
    assert triple(m) == (None, "GOV", "Sawsan Chebli") and m.kind == "person"


def test_unknown_person_with_nationality(run):
    _, ms = run("Der kanadische Außenminister Stéphane Dion kritisierte das.")
    assert triple(one(ms, "kanadische Außenminister Stéphane Dion")) == \
        ("CAN", "GOV", "Stéphane Dion")


def test_kremlchef(run):
    _, ms = run("Kremlchef Wladimir Putin hatte zuvor aufgerufen. Nach Putins Vorstellung ...")
    assert triple(one(ms, "Kremlchef Wladimir Putin")) == ("RUS", "GOV", "Vladimir Putin")
    assert triple(one(ms, "Putins")) == ("RUS", "GOV", "Vladimir Putin")


# -- places and metonymy ---------------------------------------------------------------
def test_place_context(run, nlp):
    doc, ms = run("Moskau unterstützt Assad. Kerry kommt nach Berlin. Der Kreml schweigt. "
                  "Soldaten wurden in die Türkei verlegt. Nach Putins Vorstellung ...")
    moskau, berlin, kreml = one(ms, "Moskau"), one(ms, "Berlin"), one(ms, "Kreml")
    assert triple(moskau) == ("RUS", "GOV", None) and moskau.kind == "capital"
    assert not is_place_context(doc, moskau)
    assert is_place_context(doc, berlin)
    assert triple(kreml) == ("RUS", "GOV", None) and not is_place_context(doc, kreml)
    assert is_place_context(doc, one(ms, "Türkei"))
    assert not is_place_context(doc, one(ms, "Putins"))      # "nach" = "according to"


def test_seats_of_government(run):
    _, ms = run("Das Weiße Haus warnte, der Élysée-Palast schwieg und Downing Street dementierte.")
    assert [(m.code, m.sector, m.kind) for m in ms] == [
        ("USA", "GOV", "capital"), ("FRA", "GOV", "capital"), ("GBR", "GOV", "capital")]


# -- own sentences ---------------------------------------------------------------------
def test_government_in_capital_and_genitive(run):
    _, ms = run("Die Regierung in Kiew wies das zurück, während die Regierung Syriens schwieg.")
    assert triple(one(ms, "Regierung in Kiew")) == ("UKR", "GOV", None)
    assert triple(one(ms, "Regierung Syriens")) == ("SYR", "GOV", None)


def test_genitive_country_role_person(run):
    _, ms = run("Israels Ministerpräsident Benjamin Netanjahu traf Chinas Staats- und "
                "Parteichef Xi Jinping.")
    assert triple(one(ms, "Israels Ministerpräsident Benjamin Netanjahu")) == \
        ("ISR", "GOV", "Benjamin Netanyahu")
    assert triple(one(ms, "Chinas Staats- und Parteichef Xi Jinping")) == \
        ("CHN", "GOV", "Xi Jinping")


def test_armed_groups_and_militia_compounds(run):
    _, ms = run("Kämpfer der schiitischen Hisbollah-Miliz und Huthi-Rebellen griffen die "
                "Terrormiliz IS und die Al-Nusra-Front an.")
    assert triple(one(ms, "Hisbollah-Miliz")) == ("LBN", "PRM", "Hezbollah")
    assert triple(one(ms, "Huthi-Rebellen")) == ("YEM", "REB", "Houthis")
    assert triple(one(ms, "Terrormiliz IS")) == ("IMG", "REB", "Islamic State")
    assert triple(one(ms, "Al-Nusra-Front")) == ("SYR", "REB", "al-Nusra Front")


def test_a_member_of_an_organisation_named_with_its_kind(run):
    _, ms = run("Ein Kommandant der Jihadistenmiliz Islamischer Staat wurde getötet.")
    assert triple(one(ms, "Kommandant der Jihadistenmiliz Islamischer Staat"))[:2] == ("IMG", "REB")


def test_an_office_compound_takes_the_body_named_with_it(run):
    _, ms = run("Der Menschenrechtskommissar des Europarats forderte Beobachter.")
    assert triple(one(ms, "Menschenrechtskommissar des Europarats"))[0] == "IGO"


def test_an_eu_commissioner_governs(run):
    _, ms = run("EU-Kommissarin Cecilia Malmström versprach Transparenz.")
    assert triple(one(ms, "EU-Kommissarin Cecilia Malmström"))[:2] == ("EUR", "GOV")


def test_spokesperson_takes_the_sector_of_the_body(run):
    _, ms = run("Ein Kreml-Sprecher und der Sprecher des Pentagons widersprachen, "
                "ein Polizeisprecher nicht.")
    assert triple(one(ms, "Kreml-Sprecher")) == ("RUS", "GOV", None)
    assert triple(one(ms, "Sprecher des Pentagons")) == ("USA", "GOV", "Pentagon")
    assert triple(one(ms, "Polizeisprecher")) == (None, "COP", None)


def test_bare_roles_and_demonyms(run):
    _, ms = run("Soldaten und Polizisten nahmen Demonstranten fest; die Russen schwiegen.")
    assert [(m.text, m.code, m.sector) for m in ms] == [
        ("Soldaten", None, "MIL"), ("Polizisten", None, "COP"), ("Demonstranten", None, "CVL"),
        ("Russen", "RUS", None)]


def test_city_adjective_and_leadership(run):
    _, ms = run("Die Moskauer Führung und die syrische Delegation lehnten ab.")
    assert triple(one(ms, "Moskauer Führung")) == ("RUS", "GOV", None)
    assert triple(one(ms, "syrische Delegation")) == ("SYR", "GOV", None)


def test_adjective_chains_and_pro_prefix(run):
    _, ms = run("Die deutsch-französische Initiative der pro-russischen Separatisten scheiterte.")
    assert [(m.text, m.code, m.kind) for m in ms] == [
        ("deutsch", "DEU", "adjective"), ("französische", "FRA", "adjective"),
        ("Separatisten", None, "role")]
    assert one(ms, "Separatisten").sector == "REB"


def test_sentence_initial_adjective(run):
    _, ms = run("Russische Kampfjets bombardierten Stellungen der Freien Syrischen Armee.")
    assert triple(one(ms, "Russische Kampfjets")) == ("RUS", "MIL", None)
    assert triple(one(ms, "Freien Syrischen Armee")) == ("SYR", "REB", "Free Syrian Army")


def test_ambiguous_surname_needs_context(run):
    _, ms = run("Kurz darauf griff die Polizei ein.")
    assert not any(m.kind == "person" for m in ms)
    _, ms = run("Außenminister Sebastian Kurz (ÖVP) reiste ab. Kurz sagte, Kurz bleibe.")
    kurz = [m for m in ms if m.name == "Sebastian Kurz"]
    assert [m.text for m in kurz] == ["Außenminister Sebastian Kurz", "Kurz", "Kurz"]
    _, ms = run("Der Hagel zerstörte die Ernte. Fischer fischen.")
    assert not any(m.kind == "person" for m in ms)


def test_person_sector_follows_the_date(run):
    _, ms = run("Kerry sprach mit Steinmeier.", when=date(2011, 6, 1))
    assert [(m.name, m.sector) for m in ms] == [("John Kerry", "LEG"),
                                                ("Frank-Walter Steinmeier", "LEG")]
    _, ms = run("Kerry sprach mit Steinmeier.", when=date(2015, 9, 18))
    assert [m.sector for m in ms] == ["GOV", "GOV"]


def test_missing_space_after_full_stop(run):
    doc, ms = run("Die USA hatten den Dialog eingefroren.Washington nannte das Gespräch gut.")
    m = one(ms, "Washington")
    assert m.kind == "capital" and doc.text[m.start:m.end] == "Washington"
    assert m.token_end - m.token_start == 1


def test_mentions_exclude_determiners_and_do_not_overlap(run):
    _, ms = run("Die Europäische Union und der UN-Sicherheitsrat sowie die israelische Armee "
                "und die Vereinigten Staaten reagierten.")
    assert [m.text for m in ms] == ["Europäische Union", "UN-Sicherheitsrat",
                                    "israelische Armee", "Vereinigten Staaten"]
    assert [m.code for m in ms] == ["EUR", "UNO", "ISR", "USA"]
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start


def test_reference_article_mentions(run):
    text = ("Während Moskau den syrischen Machthaber Assad unterstützt, wollen die USA "
            "seinen Sturz. Auch das Auswärtige Amt in Berlin äußerte sich kritisch.")
    doc, ms = run(text)
    assert triple(one(ms, "syrischen Machthaber Assad")) == ("SYR", "GOV", "Bashar al-Assad")
    assert triple(one(ms, "Auswärtige Amt")) == ("DEU", "GOV", "German Foreign Office")
    assert is_place_context(doc, one(ms, "Berlin"))
    assert triple(one(ms, "USA")) == ("USA", None, None)


def test_to_entity(run):
    _, ms = run("Bundesaußenminister Frank-Walter Steinmeier reist nach Moskau.")
    entity = ms[0].to_entity()
    assert (entity.code, entity.sector, entity.name, entity.text) == (
        "DEU", "GOV", "Frank-Walter Steinmeier", "Bundesaußenminister Frank-Walter Steinmeier")
    assert (entity.start, entity.end) == (ms[0].start, ms[0].end)


def test_a_group_from_a_country_is_that_country_s(run):
    _, mentions = run("An der Übung nahmen 300.000 Soldaten aus Südkorea teil.")
    assert [(m.text, m.code, m.sector) for m in mentions] == [("Soldaten aus Südkorea", "KOR", "MIL")]


def test_an_office_from_a_country_stays_a_place_phrase(run):
    # only groups and bodies come "from" a country; "der Minister aus Berlin" is a trip
    _, mentions = run("Der Minister kam aus Frankreich.")
    assert all(m.code != "FRA" or m.text == "Frankreich" for m in mentions)


def test_a_bare_surname_of_a_past_office_holder_codes_no_namesake(run):
    # "Holmes" was a Zambian minister in 2008; in 2015 a gunman of that name is no one coded
    _, mentions = run("Holmes hatte im Juli 2012 zwölf Menschen erschossen.", when=date(2015, 8, 8))
    assert "ZMB" not in [m.code for m in mentions]
    _, mentions = run("Der Minister Cecil Holmes kam. Holmes sagte nichts.", when=date(2015, 8, 8))
    assert [m.code for m in mentions if m.text == "Holmes"] == ["ZMB"]


def test_a_role_with_an_unknown_first_name_and_a_known_surname_is_one_person(run):
    _, mentions = run("Sein türkischer Amtskollege Ahmed Davutoglu sagt ab.")
    assert [(m.text, m.code) for m in mentions] == [("türkischer Amtskollege Ahmed Davutoglu", "TUR")]


def test_an_envoy_takes_the_code_of_the_body_that_sends_him(run):
    _, mentions = run("Der UNO-Sonderberichterstatter kritisierte Israel.")
    assert [(m.text, m.code) for m in mentions][0] == ("UNO-Sonderberichterstatter", "UNO")


@pytest.mark.parametrize("text, sector", [
    ("Kardinal Schönborn", "REL"), ("Die Rechtsanwälte", "JUD"), ("Der Vater", "CVL"),
    ("Zehntausende Beschäftigte", "LAB"), ("Die Forscher", "EDU"), ("Der Angeklagte", "CRM"),
    ("Krankenschwestern", "MED"), ("Ein Salafistenführer", "REL"),
    # members of a body take its sector, not the civilians' of "Angehörige"
    ("Die Armeeangehörigen", "MIL"), ("Die Parteimitglieder", "PTY"),
])
def test_general_news_roles_carry_a_sector(run, text, sector):
    _, mentions = run(f"{text} kam am Montag nach Wien.")
    assert [m.sector for m in mentions if m.kind != "capital"][:1] == [sector]


def test_a_word_that_merely_ends_in_a_role_is_no_role(run):
    # "Flugzeuge" holds no "Zeuge", a "Konzerntochter" is a subsidiary, not a daughter
    _, mentions = run("Die Jagdflugzeuge und die Konzerntochter kamen.")
    assert mentions == []


def test_a_party_manager_is_of_the_party(run):
    _, mentions = run("Der SPÖ-Bundesgeschäftsführer rief die ÖVP auf.")
    assert (mentions[0].code, mentions[0].sector) == ("AUT", "PTY")


def test_an_arabic_article_continues_an_unknown_name(run):
    # "Ahmed" alone is a listed surname; "Ahmed al-Asir" is someone else
    _, mentions = run("Der Salafistenführer Ahmed al-Asir wurde festgenommen.", when=date(2015, 8, 15))
    assert mentions[0].code is None and mentions[0].sector == "REL"


def test_a_name_before_von_der_body_is_a_person_of_that_body(run):
    _, mentions = run("Mayra Veliz von der Staatsanwaltschaft sprach.")
    assert [(m.text, m.sector, m.name, m.kind) for m in mentions] == [
        ("Mayra Veliz von der Staatsanwaltschaft", "JUD", "Mayra Veliz", "person")]
    # a single noun is no name: "die Anklage von der Staatsanwaltschaft"
    _, mentions = run("Die Anklage von der Staatsanwaltschaft kam spät.")
    assert [m.text for m in mentions] == ["Staatsanwaltschaft"]


def test_a_religious_adjective_gives_a_body_without_sector_its_sector(run):
    _, mentions = run("Die Regierung verbot drei radikale islamische Vereinigungen.")
    assert [(m.text, m.sector) for m in mentions][-1] == ("Vereinigungen", "REL")
    _, mentions = run("Die Regierung verbot drei Vereinigungen.")     # no sector, no mention
    assert [m.text for m in mentions] == ["Regierung"]
