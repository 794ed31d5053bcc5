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
    # the corpus counts the noun of the source to the speaker
    assert quotes("Nach Angaben der Behörden starben zehn Menschen.")[0][:2] == ("reported", "Angaben der Behörden")


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


# -- speakers from the parse (the lexical pipeline parses only the cue sentences) --------
def quotes_with(analysis, text):
    return [(q.kind, q.speaker.text if q.speaker else None, q.quote.text, q.cue.text if q.cue else None)
            for q in find_quotes(load_pipeline(analysis=analysis)(text))]


@pytest.mark.parametrize("analysis", ["lexical", "full"])
def test_speech_act_without_content_clause_is_reported_with_its_subject(analysis):
    assert quotes_with(analysis, "Die Gewerkschaft forderte am Montag höhere Löhne für alle Beschäftigten.") == [
        ("reported", "Die Gewerkschaft",
         "Die Gewerkschaft forderte am Montag höhere Löhne für alle Beschäftigten", "forderte")]


@pytest.mark.parametrize("text", ["Weitere Proteste sind für Montag angekündigt.",
                                  "Der Anschlag forderte 20 Tote."])
def test_passive_or_toll_is_no_speech_act(text):
    assert quotes_with("lexical", text) == []


@pytest.mark.parametrize("analysis", ["lexical", "full"])
def test_fronted_demonstrative_is_the_object_not_the_speaker(analysis):
    assert quotes_with(analysis, "Das berichtete die Zeitung am Montag.")[0][1] == "die Zeitung"


def test_nominative_pronoun_after_the_verb_is_the_speaker():
    found = quotes_with("lexical", "Die Arbeit der Regierung lobte er mit den Worten: „Das war gut.“")
    assert found[0][:3] == ("direct", "er", "Das war gut")


def test_impersonal_heisst_es_takes_the_source_phrase():
    found = quotes_with("lexical", "In der Erklärung des Ministeriums heißt es, die Lage sei ernst.")
    assert found[0][:3] == ("indirect", "der Erklärung des Ministeriums", "die Lage sei ernst")


def test_quoted_passive_has_the_person_quoted_as_speaker():
    found = quotes_with("lexical", "Der Minister wird von der Zeitung mit den Worten zitiert, er trete nicht zurück.")
    assert found[0][:3] == ("indirect", "Der Minister", "er trete nicht zurück")


def test_laut_with_a_lower_case_name_reads_the_parse():
    found = quotes_with("lexical", "Laut bildblog.de veröffentlichte das Ministerium einen Bericht.")
    assert found[0][:3] == ("reported", "bildblog.de", "veröffentlichte das Ministerium einen Bericht")


def test_postposed_nach_and_phrase_inside_the_sentence():
    assert quotes("Seiner Meinung nach ist die Lage ernst.")[0][:3] == (
        "reported", "Seiner Meinung", "ist die Lage ernst")
    # the source inside the sentence: the whole sentence reports
    assert quotes("Ein Tatverdacht bestehe nach Angaben der Anklage nicht mehr.")[0][:3] == (
        "reported", "Angaben der Anklage", "Ein Tatverdacht bestehe nach Angaben der Anklage nicht mehr")


def test_demnach_names_the_source_and_keeps_the_earlier_speaker():
    found = quotes("Die Lage sei ernst, sagte der Minister. Demnach müssen die Bewohner das Gebiet verlassen. "
                   "Eine Rückkehr sei nicht möglich.")
    assert [(q[0], q[1]) for q in found] == [("indirect", "der Minister"), ("reported", "Demnach"),
                                             ("free_indirect", "der Minister")]
    # "Danach" at the start of a sentence in the indicative is "afterwards"
    assert quotes("Danach fuhren die Bewohner nach Hause.") == []


def test_wonach_takes_the_noun_before_it_as_source():
    found = quotes_with("lexical", "Es gibt einen Bericht, wonach der Minister zurücktreten will.")
    assert found[0][:3] == ("reported", "einen Bericht", "der Minister zurücktreten will")


def test_demnach_speaker_entity_is_the_earlier_speakers():
    from types import SimpleNamespace
    doc = load_pipeline(analysis="lexical")("Die Lage sei ernst, sagte der Minister. Demnach müssen alle gehen.")
    start = doc.text.index("Minister")
    minister = SimpleNamespace(start=start, end=start + 8, code="DEUGOV", sector="GOV", name="Minister",
                               text="Minister")
    found = find_quotes(doc, [minister], "d1")
    assert [q.speaker_entity.code if q.speaker_entity else None for q in found] == ["DEUGOV", "DEUGOV"]


def test_a_name_in_quotation_marks_is_no_quotation():
    found = quotes("Die „Süddeutsche Zeitung“ berichtet über den Streit.")
    assert [q[0] for q in found] == ["reported"]
    assert quotes("Das Lokal hieß „Zur Schweizer Hütte“.") == []


def test_particle_verb_far_from_its_particle_and_particle_written_apart():
    assert quotes("Am Freitag teilte ein Sprecher des Amtes in Koblenz mit, dass der Beamte zurücktrete.")[0][:3] == (
        "indirect", "ein Sprecher des Amtes in Koblenz", "dass der Beamte zurücktrete")
    assert quotes("Wie der Hersteller Adidas bekannt gab, wird er den Konkurrenten übernehmen.")[0][:2] == (
        "indirect", "der Hersteller Adidas")


def test_an_apposition_of_the_speaker_is_no_indirect_quotation():
    found = quotes("„Wir bleiben“, sagte der Vorsitzende der Partei, Hans Maier, am Montag.")
    assert [q[0] for q in found] == ["direct"]
    found = quotes("Nun sagte der Vorsitzende der Partei, Hans Maier, die Lage sei ernst.")
    assert found[0][0] == "indirect" and found[0][2] == "die Lage sei ernst"


@pytest.mark.parametrize("text", ["Der Bürgermeister kritisierte den Veranstalter, der die Strecke neu gestaltet hatte.",
                                  "Die Ministerin kritisierte den Plan, da dieser zu teuer war."])
def test_relative_and_adverbial_clauses_are_no_reported_clause(text):
    assert [q[0] for q in quotes(text)] == ["reported"]       # the speech act as a whole


def test_the_comma_right_after_the_cue_opens_the_report_even_before_a_relative_clause():
    assert quotes("Die Zeitung meldet, Anna Berger, die lange in Haft war, sei frei.")[0][:3] == (
        "indirect", "Die Zeitung", "Anna Berger, die lange in Haft war, sei frei")


def test_a_fronted_adverbial_is_no_speaker():
    assert quotes("Um 11 Uhr berichtete die Agentur, dass der Zug entgleist sei.")[0][1] == "die Agentur"
    assert quotes("Gegenüber der Zeitung erklärte Michael Gordon, dass er angerufen habe.")[0][1] == "Michael Gordon"


def test_a_bare_name_is_the_subject_whatever_case_the_tagger_reads():
    assert quotes("Müntefering sprach von einem Riesenerfolg für die Partei.")[0][:2] == ("reported", "Müntefering")


def test_a_name_before_a_colon_speaks_the_quotation():
    assert quotes("Polizeisprecher Maier: „Wir haben den Täter gefasst.“")[0][:2] == ("direct", "Polizeisprecher Maier")


def test_a_demonstrative_in_the_next_sentence_names_the_speaker():
    found = quotes("Die Stimmung war gut. „Wir haben viel erreicht.“ Das sagte der Trainer nach dem Spiel.")
    assert found[0][:2] == ("direct", "der Trainer")


@pytest.mark.parametrize("text", ["Das Werk soll an einen Konkurrenten verkauft werden.",
                                  "Der neue Bahnhof würde viel Geld kosten."])
def test_konjunktiv_ii_and_soll_open_no_report_of_their_own(text):
    assert quotes(text) == []


def test_konjunktiv_ii_goes_on_a_report_under_way():
    found = quotes("Der Minister sagte, die Lage sei ernst. Ein neuer Bahnhof würde zu viel kosten.")
    assert [q[:2] for q in found] == [("indirect", "Der Minister"), ("free_indirect", "Der Minister")]


@pytest.mark.parametrize("text, speaker", [
    ("Nach einem Bericht der Zeitung ist der Konzern mit einem Minus ins Jahr gestartet.", "einem Bericht der Zeitung"),
    ("Nach ersten Ermittlungen der Polizei war der Bus von der Fahrbahn abgekommen.", "ersten Ermittlungen der Polizei"),
    ("Nach Schätzung der Weltgesundheitsorganisation erkranken jährlich Millionen Menschen.",
     "Schätzung der Weltgesundheitsorganisation"),
    ("Nach einer norwegischen Studie verdreifacht schon eine Zigarette am Tag das Risiko.", "einer norwegischen Studie"),
])
def test_nach_with_a_noun_of_a_source_reports(text, speaker):
    assert quotes(text)[0][:2] == ("reported", speaker)


def test_cue_in_an_adverbial_clause_reports_no_main_clause():
    # the comma after "gewarnt hatten" opens the main clause, no report
    found = quotes("Nachdem die Behörden vor den Gurken gewarnt hatten, hatte sich der Verdacht als falsch herausgestellt.")
    assert not any(q[0] == "indirect" and q[3] == "gewarnt" for q in found)
    # a complement clause after such a cue still reports
    assert quotes("Die Vorsitzenden protestierten, da sie befürchten, viele Halter könnten die Steuer nicht zahlen.")[-1][:3] \
        == ("indirect", "sie", "viele Halter könnten die Steuer nicht zahlen")


def test_speech_act_in_the_passive_has_its_agent_as_speaker():
    assert quotes("Die Pläne wurden von der Opposition als unrealistisch bezeichnet.")[0][:2] == (
        "reported", "der Opposition")
    assert quotes("Die Pläne wurden als unrealistisch bezeichnet.") == []


def test_a_subject_parted_from_its_cue_by_an_apposition_speaks():
    assert quotes("Deiss, der sich an Ostern entschlossen hatte, sagte zur Begründung, er wolle Platz machen.")[0][:3] \
        == ("indirect", "Deiss", "er wolle Platz machen")


def test_an_adverb_after_wie_is_no_fronted_adverbial():
    assert quotes("Wie schon die Behörde sagte, ist eine Ansteckung unwahrscheinlich.")[0][:2] == (
        "indirect", "die Behörde")


def test_a_participle_cue_has_the_subject_of_its_auxiliary():
    assert quotes("Gestern hat eine Sprecherin des Ministeriums mitgeteilt, dass das Gericht eine Beschwerde "
                  "abgewiesen habe.")[0][:2] == ("indirect", "eine Sprecherin des Ministeriums")
    found = quotes("Wegen der hohen Preise für Benzin und Öl hat Verbraucher-Staatssekretär Matthias Berninger (Grüne) "
                   "gefordert, größere Tankstellen gesetzlich zum Angebot von Biodiesel zu verpflichten.")[0]
    assert found[0] == "indirect" and found[1].startswith("Verbraucher-Staatssekretär Matthias Berninger")


@pytest.mark.parametrize("text, speaker, cue", [
    ("Der Reporter fragte, ob die Regierung zurücktrete.", "Der Reporter", "fragte"),
    ("Das Gericht entschied, dass die Klage unbegründet sei.", "Das Gericht", "entschied"),
    ("Der Bürgermeister versprach, die Straße bald zu reparieren.", "Der Bürgermeister", "versprach"),
])
def test_more_cue_verbs(text, speaker, cue):
    found = quotes(text)[0]
    assert (found[0], found[1], found[3]) == ("indirect", speaker, cue)


@pytest.mark.parametrize("text, speaker, report", [
    ("Der Minister ist der Ansicht, dass die Lage ernst sei.", "Der Minister", "dass die Lage ernst sei"),
    ("Die Gewerkschaft vertritt die Auffassung, die Löhne seien zu niedrig.", "Die Gewerkschaft",
     "die Löhne seien zu niedrig"),
    ("Viele Experten sind der festen Überzeugung, dass der Damm bricht.", "Viele Experten", "dass der Damm bricht"),
    ("Experten halten es für möglich, dass der Damm bricht.", "Experten", "dass der Damm bricht"),
])
def test_an_opinion_held_reports_like_a_cue_verb(text, speaker, report):
    assert quotes(text)[0][:3] == ("indirect", speaker, report)


def test_an_opinion_noun_without_its_article_is_no_cue():
    assert quotes("Ansicht, Meinung und Auffassung sind drei Wörter für eine Sache.") == []


@pytest.mark.parametrize("text, speaker, cue", [
    ("Die Liberalen schließen eine Koalition mit der SPD aus. Dies bestätigte der Parteivorsitzende am Abend.",
     "der Parteivorsitzende", "bestätigte"),
    ("Der Start der Rakete wurde verschoben. Das geht aus einer Meldung der Agentur hervor.",
     "einer Meldung der Agentur", "geht"),
    # a comma after the cue opens an apposition of the speaker, not a report
    ("Der Rebellenführer wurde am Dienstag getötet. Das bestätigte der Präsident des Landes, Hans Muster.",
     "der Präsident des Landes", "bestätigte"),
])
def test_a_demonstrative_takes_up_the_sentence_before_as_the_report(text, speaker, cue):
    found = quotes(text)
    assert len(found) == 1
    kind, found_speaker, report, found_cue = found[0]
    assert (kind, found_cue) == ("indirect", cue) and found_speaker.startswith(speaker)
    first = text.split(". ")[0]
    assert report.startswith(first) and report.endswith(text.split(". ")[1].split()[0])


def test_a_demonstrative_takes_up_nothing_over_a_paragraph_break():
    found = quotes("Der Start der Rakete wurde verschoben.\n\nDas berichtete die Zeitung am Montag.")
    assert all(not q[2].startswith("Der Start") for q in found)


def test_a_particle_cue_after_an_apposition_of_its_subject():
    found = quotes("Der Abgeordnete will nicht mehr antreten. Dies teilte der Geschäftsführer der Fraktion, "
                   "Jens Nacke, mit.")
    assert found and found[0][1] == "der Geschäftsführer der Fraktion" and found[0][3] == "teilte"


def test_a_cue_without_a_speaker_does_not_take_the_last_one():
    found = quotes("Der Minister sagte, die Lage sei ernst. Es wurde bekannt gegeben, dass die Schule schließt.")
    assert found[-1][2] == "dass die Schule schließt" and found[-1][1] is None


@pytest.mark.parametrize("text, speaker", [
    ("Die Camorra erwirtschaftet Schätzungen zufolge jährlich 20 Milliarden Euro.", "Schätzungen"),
    ("Die Gewinne sind seiner Meinung nach zu hoch.", "seiner Meinung"),
    ("Einer Meldung von Xinhua zufolge sei der Unterricht wieder aufgenommen worden.", "Einer Meldung von Xinhua"),
])
def test_the_speaker_before_a_postposition_is_a_noun_phrase(text, speaker):
    assert quotes(text)[0][:2] == ("reported", speaker)


@pytest.mark.parametrize("text", [
    "Der Hafen blieb am Montag geschlossen (Wikinews berichtete).",
    "Die Regierung ist zurückgetreten. (Wir berichteten.)",
    "Der Streik dauert an (die Zeitung berichtete): Die Züge stehen still.",
])
def test_a_bracketed_pointer_to_an_earlier_report_is_no_quotation(text):
    assert not [q for q in quotes(text) if q[3] and q[3].lower().startswith("bericht")]


@pytest.mark.parametrize("text", [
    "Der Verkehr war stark behindert, so wurde der Bahnhof in Leipzig geschlossen.",
    "Hätte er nur Wasser getrunken, so müsste er gesund sein.",
    "Die Brücke wird erst in fünf Jahren fertig, so lange könne der Verkehr nicht fließen.",
    "„Gewalt im Netz“, so lautet der Titel einer neuen Studie.",
])
def test_so_opening_a_main_clause_names_no_speaker(text):
    assert not [q for q in quotes(text) if q[3] == "so"]


def test_so_before_a_noun_phrase_still_names_the_speaker():
    assert quotes("Die Lage sei ernst, so eine Sprecherin der Feuerwehr.")[0][:2] == (
        "indirect", "eine Sprecherin der Feuerwehr")
    assert quotes("Ein „großer Erfolg“, so urteilte Meier über die Wahl.")[0][1:4:2] == ("Meier", "urteilte")


def test_a_clause_inside_a_quotation_from_an_earlier_sentence_is_no_report_of_its_own():
    found = quotes("„Wir hatten lange Hochwasser. So lange wird es nicht mehr dauern“, so Anna Berger.")
    assert [q[:2] for q in found] == [("direct", "Anna Berger")]


@pytest.mark.parametrize("text", [
    "Schon länger wurde Kritik an der Regierung laut.",
    "Inzwischen ist Kritik an dem Plan laut geworden.",
    "Zuletzt werden Vorwürfe gegen den Vorstand laut und die Aktie fällt.",
])
def test_laut_as_an_adjective_is_no_cue(text):
    assert not [q for q in quotes(text) if q[3] and q[3].lower() == "laut"]


def test_a_fronted_toll_is_no_demand():
    assert quotes("Neun Todesopfer forderte ein Sturm im Süden des Landes.") == []


@pytest.mark.parametrize("text", [
    "Der wissenschaftliche Name lautet „Grandis borealis“.",
    "Der Arbeitstitel des Films lautet „Der lange Weg nach Hause“.",
])
def test_a_name_or_title_given_by_lauten_is_no_quotation(text):
    assert quotes(text) == []


def test_lauten_with_another_subject_still_quotes():
    assert quotes("Das Fazit des Berichts lautete: „Die Wahl war frei und fair.“")[0][:2] == (
        "direct", "Das Fazit des Berichts")


def test_an_object_after_the_cue_is_no_speaker():
    # "seinen Platzverweis" is what Klose called "überzogen", not who spoke
    found = quotes("Miroslav Klose, der Gelb-Rot sah, nannte seinen Platzverweis „überzogen und ungerecht“.")
    assert [speaker for kind, speaker, _, _ in found if kind == "direct"] == ["Miroslav Klose"]


@pytest.mark.parametrize("text, speaker", [
    ("Der Mann sei in Freiheit und wohlbehalten, bestätigte ein Sprecher des Amtes.", "ein Sprecher des Amtes"),
    ("Die Gefahr durch das Rauchen ist bei Frauen höher als bei Männern, stellten die Forscher fest.",
     "die Forscher")])
def test_a_cue_after_its_report_takes_no_subject_from_the_report(text, speaker):
    # the parser may hang the reported clause's subject on the cue; the cue's own
    # subject follows it
    assert quotes(text)[0][:2] == ("indirect", speaker)


def test_a_subject_with_a_relative_clause_before_the_cue_stays_the_speaker():
    assert quotes("Celebi, die oft Frauen vertritt, nennt das Urteil einen Skandal.")[0][1] == "Celebi"


def test_a_free_indirect_passage_is_one_quotation():
    found = quotes("Der Minister sagte, die Lage sei ernst. Man müsse jetzt handeln. Die Gefahr bestehe weiter.")
    assert [q[0] for q in found] == ["indirect", "free_indirect"]
    assert found[1][1:3] == ("Der Minister", "Man müsse jetzt handeln. Die Gefahr bestehe weiter")


def test_a_new_paragraph_starts_a_new_free_indirect_quotation():
    found = quotes("Der Minister sagte, die Lage sei ernst. Man müsse jetzt handeln.\n\nDie Gefahr bestehe weiter.")
    assert [q[0] for q in found] == ["indirect", "free_indirect", "free_indirect"]


@pytest.mark.parametrize("text, speaker", [
    ("Der Leiter der Studie, Paul Berger, sieht die Verantwortung beim Staat: „Wir brauchen ein klares Signal.“",
     "Der Leiter der Studie, Paul Berger"),
    ("Der Ermittler, der als wichtiger Zeuge gilt, will seine Arbeit beenden: „Mehr kommt nicht.“", "Der Ermittler")])
def test_a_quotation_after_a_colon_belongs_to_the_parsed_subject(text, speaker):
    # an apposition or a relative clause parts the subject from its verb
    assert quotes(text)[0][:2] == ("direct", speaker)


def test_a_cue_joined_by_und_has_the_subject_of_the_first_verb():
    found = quotes("Der Bürgermeister dankte den Helfern für ihren Einsatz und ergänzte, die Straße bleibe gesperrt.")
    assert found[0][:3] == ("indirect", "Der Bürgermeister", "die Straße bleibe gesperrt")


@pytest.mark.parametrize("text, speaker, quote", [
    ("Die Experten kamen zu dem Ergebnis, dass es keine Beweise für eine Fälschung gebe.", "Die Experten",
     "dass es keine Beweise für eine Fälschung gebe"),
    ("Der Trainer zeigte sich zuversichtlich, die Mannschaft werde das Spiel gewinnen.", "Der Trainer",
     "die Mannschaft werde das Spiel gewinnen")])
def test_a_subjunctive_complement_reports_for_the_subject_of_its_main_clause(text, speaker, quote):
    # the verb is no cue of the list; the mood of the complement tells reported speech
    assert [q[:3] for q in quotes(text)] == [("indirect", speaker, quote)]


def test_a_subjunctive_complement_after_a_report_has_its_own_speaker():
    found = quotes("Der Minister sagte, die Lage sei ernst. Die Opposition zeigte sich besorgt, dass die Hilfe "
                   "zu spät komme.")
    assert found[1][:2] == ("indirect", "Die Opposition")


def test_a_wie_clause_after_the_report_names_its_speaker():
    found = quotes("Die Chemikalie hatte Raumtemperatur, wie der Firmenchef Burt Rutan mitteilte.")
    assert found[0][0] == "indirect" and found[0][2] == "Die Chemikalie hatte Raumtemperatur"
    assert "Burt Rutan" in found[0][1]


def test_a_source_preposition_inside_a_report_by_a_cue_verb_is_a_quotation_of_its_own():
    found = quotes("Heute bestätigte der Minister laut Reuters, dass die Lage ernst sei.")
    assert ("indirect", "der Minister", "dass die Lage ernst sei", "bestätigte") in found
    assert [q[:2] for q in found if q[0] == "reported"] == [("reported", "Reuters")]


def test_a_source_preposition_is_no_part_of_the_subject_it_follows():
    # the parser may hang "laut Reuters" from the subject
    found = quotes("Heute bestätigte der Minister laut Reuters, dass die Lage ernst sei.")
    assert all("Reuters" not in (q[1] or "") for q in found if q[0] == "indirect")


def test_a_few_quoted_words_inside_a_report_are_quoted_from_its_speaker():
    found = quotes("Der Minister sagte, die Lage sei eine „offene Frage“.")
    assert ("direct", "Der Minister", "offene Frage", "sagte") in found
    assert found[0][:3] == ("indirect", "Der Minister", "die Lage sei eine „offene Frage“")


def test_a_few_quoted_words_outside_a_report_are_no_quotation():
    assert quotes("Das Museum zeigt eine „offene Frage“ der Kunst.") == []


def test_the_circles_a_report_comes_from_speak_for_a_cue_without_subject():
    assert quotes("Aus Regierungskreisen verlautete, die Verhandlungen seien gescheitert.") == [
        ("indirect", "Regierungskreisen", "die Verhandlungen seien gescheitert", "verlautete")]


def test_a_wie_clause_names_its_source_whatever_its_words():
    found = quotes("Wie spiegel.de berichtet, ist der neue Trailer im Internet erschienen.")
    assert found[0][:2] == ("indirect", "spiegel.de")


def test_an_impersonal_cue_has_its_source_in_a_von_phrase():
    found = quotes("„Alles deutet auf einen Anschlag hin“, hieß es vom Abgeordneten Peter Braun.")
    assert found[0][0] == "direct" and "Peter Braun" in found[0][1]


@pytest.mark.parametrize("text", ["Die Regierung begrüßte den Beschluss des Gerichts.",
                                  "Der Verband verurteilte den Anschlag auf das Büro."])
def test_a_stance_is_no_speech_act(text):
    # welcoming or condemning takes a stand; the corpus marks no quotation there
    assert quotes(text) == []


def test_an_indicative_relative_clause_after_a_cue_is_no_report():
    # the comma after a verb that closes its clause opens a relative clause of a noun
    # before it, no content clause
    found = quotes("Die Ergebnisse wurden am Mittwoch auf einem Treffen der Astronomen bekanntgegeben, "
                   "das bis Freitag in Belfast stattfindet.")
    assert not any(q[2].startswith("das bis Freitag") for q in found)


def test_a_report_may_open_with_a_phrase_and_a_relative_clause():
    found = quotes("Weiterhin erklärte die Ministerin, in den Ländern, in denen Gebühren erhoben würden, "
                   "sei die Zahl der Studenten gestiegen.")
    assert found == [("indirect", "die Ministerin",
                      "in den Ländern, in denen Gebühren erhoben würden, sei die Zahl der Studenten gestiegen",
                      "erklärte")]


@pytest.mark.parametrize("text, speaker", [
    ("Nach dem Willen der Regierung soll das Gesetz im Herbst in Kraft treten.", "dem Willen der Regierung"),
    ("Nach einer Hochrechnung des Senders liegt die Partei bei 40 Prozent.", "einer Hochrechnung des Senders"),
])
def test_a_stated_plan_or_forecast_after_nach_names_a_source(text, speaker):
    assert quotes(text)[0][:2] == ("reported", speaker)


def test_a_passive_auxiliary_of_the_report_makes_no_passive_cue():
    # the parser may hang the "worden" of the reported clause from the cue verb
    found = quotes("Die Anwältin erklärte außerdem, sie sei daran gehindert worden, ihren Mandanten zu verteidigen.")
    assert found[0][:2] == ("indirect", "Die Anwältin")


def test_a_subject_before_an_auxiliary_ends_there():
    found = quotes("Selbst die Wochenzeitschrift „Jungle World“ hatte letzten September geschrieben, "
                   "dass sie bekannt sei.")
    assert found[0][1] == "Selbst die Wochenzeitschrift „Jungle World“"


def test_a_complement_report_takes_its_subject_from_the_words_where_the_parse_has_none():
    found = quotes("Bereits im Juli vermeldete Wikinews, dass die Firma als Partner im Gespräch sei.")
    assert found[0][:2] == ("indirect", "Wikinews")


def test_a_main_clause_joined_by_und_goes_on_the_report_before():
    found = quotes("Der Minister sagte, er trete zurück. "
                   "Seine Frau ist mehrfach operiert worden, und er wolle sie nun begleiten.")
    assert found[-1][:2] == ("free_indirect", "Der Minister")


@pytest.mark.parametrize("text,speaker", [
    ("„Wir bleiben bei unserem Kurs“, strich die Ministerin in Hamburg heraus.", "die Ministerin"),
    ("„Das war ein verdientes Ergebnis für uns“, zeigte sich der Trainer nach dem Spiel zufrieden.", "der Trainer"),
    ("„Die Gespräche werden fortgesetzt“, ließ ein Sprecher der Regierung verlauten.", "ein Sprecher der Regierung"),
])
def test_any_verb_right_after_a_quotation_has_the_speaker_as_its_inverted_subject(text, speaker):
    assert quotes(text)[0][:2] == ("direct", speaker)


@pytest.mark.parametrize("text,speaker", [
    ("Auf der Website des Ministeriums heißt es, die Lage sei ernst.", "der Website des Ministeriums"),
    ("Die Reform solle, wie es auf einer Pressekonferenz in Berlin hieß, im Mai beginnen.",
     "einer Pressekonferenz in Berlin"),
])
def test_an_impersonal_cue_has_its_source_in_an_auf_phrase(text, speaker):
    assert quotes(text)[0][1] == speaker


@pytest.mark.parametrize("text", [
    "Der Minister sagte, die Lage sei ernst. Der Flug sollte um neun Uhr in Berlin landen.",
    "Der Minister sagte, die Lage sei ernst. Die Kosten könnten weiter steigen.",
])
def test_a_hedging_modal_alone_does_not_go_on_a_report(text):
    assert [q[0] for q in quotes(text)] == ["indirect"]


def test_a_konjunktiv_ii_other_than_a_hedging_modal_goes_on_a_report():
    found = quotes("Der Minister sagte, die Lage sei ernst. Die Kosten würden weiter steigen.")
    assert found[1][:2] == ("free_indirect", "Der Minister")


@pytest.mark.parametrize("text", [
    "Ihm wird unter anderem vorgeworfen, Geld aus der Parteikasse genommen zu haben.",
    "Der Ministerin wird vorgeworfen, die Öffentlichkeit getäuscht zu haben.",
    "Er wird beschuldigt, den Anschlag geplant zu haben.",
])
def test_the_accused_of_a_passive_cue_without_agent_is_no_speaker(text):
    assert quotes(text)[0][1] is None


def test_werden_with_an_infinitive_is_the_future_and_keeps_its_speaker():
    assert quotes("Der Minister wird morgen erklären, dass er zurücktritt.")[0][:2] == ("indirect", "Der Minister")


def test_a_pronoun_before_the_full_stop_is_no_particle_of_a_verb_in_the_quotation():
    # "er" + "warten" would spell the cue "erwarten", but "er-" never splits off
    assert quotes("„Wir warten ab“, sagte er.") == [("direct", "er", "Wir warten ab", "sagte")]


@pytest.mark.parametrize("text,speaker", [
    ("Die Lage sei ernst, hieß es aus Regierungskreisen.", "Regierungskreisen"),
    ("Die Lage sei ernst, heißt es in dem Bericht der Kommission.", "dem Bericht der Kommission"),
    ("Die Gespräche würden fortgesetzt, hieß es vom Sprecher Peter Meier.", "Sprecher Peter Meier"),
    ("Die Lage sei ernst, heißt es.", None),
])
def test_an_impersonal_cue_after_its_report_names_the_source_after_es(text, speaker):
    assert quotes(text)[0][:2] == ("indirect", speaker)


@pytest.mark.parametrize("text,speaker", [
    ("Laut Polizei war es „ein tragischer Unfall ohne jede Fremdeinwirkung“.", "Polizei"),
    ("Nach Auffassung der CDU sei es „völlig untragbar, dass eine verurteilte Terroristin an der Schule "
     "unterrichtet“.", "Auffassung der CDU"),
])
def test_quoted_words_in_a_sentence_that_names_its_source_are_the_sources(text, speaker):
    direct = [q for q in quotes(text) if q[0] == "direct"]
    assert direct[0][1] == speaker


def test_a_cue_inside_quotation_marks_is_no_cue_of_the_sentence():
    found = quotes("Nach Auffassung der CDU sei es „völlig untragbar, dass eine verurteilte Terroristin an der "
                   "Schule unterrichtet“.")
    assert not any(q[3] == "verurteilte" for q in found)


def test_a_quotation_after_a_colon_of_a_reported_clause_goes_on_the_report():
    found = quotes("Der Minister sagte, die Lage sei ernst. Die Regeln seien klar festgelegt: "
                   "„Niemand darf die Grenze ohne gültige Papiere überqueren.“")
    assert found[-1][:2] == ("direct", "Der Minister")


def test_a_subject_parted_by_an_apposition_from_the_auxiliary_of_its_cue():
    found = quotes("Die Regierungsparteien in Pakistan, die Volkspartei und die Muslim-Liga, hatten erklärt, "
                   "am Dienstag das Verfahren einzuleiten.")
    assert found[0][:2] == ("indirect", "Die Regierungsparteien in Pakistan")


@pytest.mark.parametrize("text,speaker", [
    ("Von den Behörden erklärten nur die Gefängnisse, nicht an der Aktion teilnehmen zu wollen.", "die Gefängnisse"),
    ("In einem Interview sagte dieser, dass die Lage ernst sei.", "dieser"),
    ("„Wir kommen wieder“, so letztere.", "letztere"),
    ("Auch wirft der ai-Bericht den Behörden vor, die Opfer zu diskriminieren.", "der ai-Bericht"),
])
def test_inverted_subjects_after_a_focus_particle_as_a_pronoun_or_a_small_compound(text, speaker):
    assert quotes(text)[0][1] == speaker


def test_so_auch_compares_and_names_no_source():
    found = quotes("Viele Familien wurden deportiert, so auch die Mutter der Schriftstellerin.")
    assert not any(q[1] == "die Mutter der Schriftstellerin" for q in found)


@pytest.mark.parametrize("text,speaker", [
    ("Laut spiegel.de wurden drei Menschen verletzt.", "spiegel.de"),
    ("Laut Polizei appellierte Innenminister Müller an die Bürger, zu Hause zu bleiben.", "Polizei"),
    ("Nach Angaben der Verteidigung habe der Angeklagte ein Alibi.", "Angaben der Verteidigung"),
])
def test_the_source_after_laut_or_nach_is_a_web_name_or_ends_before_the_verb(text, speaker):
    assert quotes(text)[0][:2] == ("reported", speaker)


def test_a_speech_act_in_the_pluperfect_is_background_no_quotation():
    assert quotes("Die Partei hatte den Einsatz der Bundeswehr stets abgelehnt.") == []
    assert quotes("Die Partei hat den Einsatz der Bundeswehr abgelehnt.")[0][:2] == ("reported", "Die Partei")


def test_an_apposition_after_the_speaker_of_a_cue_is_no_report():
    assert quotes("„Es gab bisher keine solche Art“, sagte Andrew Wetzler, ein Anwalt des Verbands.") == [
        ("direct", "Andrew Wetzler", "Es gab bisher keine solche Art", "sagte")]
    # a Konjunktiv the tagger misses still makes a clause
    found = quotes("Der Präsident hat in einem Gespräch bekräftigt, die Bundesrepublik bekenne sich zu ihrer Verantwortung.")
    assert found[0][:3] == ("indirect", "Der Präsident", "die Bundesrepublik bekenne sich zu ihrer Verantwortung")


def test_a_sentence_inside_a_quotation_opened_before_is_no_report_of_its_own():
    found = quotes("Der Trainer sagte: „Wir haben gut gespielt. Das Team lehnte jeden Kompromiss ab. "
                   "Die Mannschaft habe noch Reserven.“")
    assert [q[:2] for q in found] == [("direct", "Der Trainer")]


def test_a_first_person_indicative_is_no_konjunktiv_i():
    # "beschäftige" next to "ich" is the indicative, though it looks like a Konjunktiv I
    assert quotes("Der Sänger gab am Montag ein Interview. Ich beschäftige mich schon lange mit Musik.") == []
