from lagebild.nlp import load_pipeline


def sentences(text):
    return [s.text.strip() for s in load_pipeline()(text).sents]


def test_line_breaks_end_headlines_without_punctuation():
    assert sentences("Eine Schlagzeile ohne Punkt\nDer erste Satz folgt.") == [
        "Eine Schlagzeile ohne Punkt", "Der erste Satz folgt."]


def test_full_stop_without_space_still_splits():
    assert sentences("Das war gestern.Heute kommt er.") == ["Das war gestern.", "Heute kommt er."]


def test_abbreviations_and_lowercase_continuations_do_not_split():
    assert len(sentences("Er traf u.a. Dr. Müller in Wien.")) == 1
    assert len(sentences("Am 3. Oktober kam er.")) == 1


def test_quote_closing_after_full_stop_stays_with_its_sentence():
    assert sentences('Er sagte: "Wir kommen." Dann ging er.') == ['Er sagte: "Wir kommen."', "Dann ging er."]


def test_lemmas_come_from_the_lookup_tables():
    doc = load_pipeline()("Die Polizei hat drei Männer festgenommen.")
    assert doc[4].lemma_ == "Mann" or doc[4].lemma_ == "Männer"
    assert doc[5].lemma_ == "festnehmen"


def test_project_lemma_fixes_apply_to_lowercase_forms():
    doc = load_pipeline()("Die Armee griff an. Der Griff hielt.")
    assert doc[2].lemma_ == "greifen"
    assert doc[6].lemma_ != "greifen"


def test_a_year_with_a_full_stop_ends_the_sentence():
    nlp = load_pipeline(analysis="lexical")
    doc = nlp("Die Beziehungen sind so schlecht wie seit 1945. Zudem warf er Polen Mitschuld vor. "
              "Am 3. Oktober kam er.")
    assert [s.text for s in doc.sents] == ["Die Beziehungen sind so schlecht wie seit 1945.",
                                           "Zudem warf er Polen Mitschuld vor.", "Am 3. Oktober kam er."]


def test_a_run_in_subheading_ends_before_a_capital_article():
    nlp = load_pipeline(analysis="lexical")
    doc = nlp("Zu Hass aufgerufen Die Moschee galt als salafistisch. Er sah am Abend Der Pate im Kino.")
    assert [s.text.strip() for s in doc.sents] == ["Zu Hass aufgerufen", "Die Moschee galt als salafistisch.",
                                                   "Er sah am Abend Der Pate im Kino."]


def test_a_number_with_thousands_and_a_full_stop_ends_the_sentence():
    nlp = load_pipeline(analysis="lexical")
    doc = nlp("Die Zahl lag zwischen 700 und 2.000. Tsipras appellierte an die Flüchtlinge.")
    assert len(list(doc.sents)) == 2


def test_a_double_space_after_a_full_stop_still_ends_the_sentence():
    nlp = load_pipeline(analysis="lexical")
    doc = nlp("Schäuble warf er vor, einen Grexit zu betreiben.  EU-Ratspräsident Tusk sagte etwas.")
    assert [s.text.strip() for s in doc.sents] == ["Schäuble warf er vor, einen Grexit zu betreiben.",
                                                   "EU-Ratspräsident Tusk sagte etwas."]


def test_verb_infinitives_the_table_takes_for_other_words_are_fixed():
    doc = load_pipeline(analysis="lexical")("Sie wollen Soldaten schicken und drängen auf Hilfe.")
    assert [doc[3].lemma_, doc[5].lemma_] == ["schicken", "drängen"]
