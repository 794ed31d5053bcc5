"""The event coder on short invented articles: type, parties, aux, date, evidence."""

from datetime import datetime

import pytest

from lagebild.events.coder import EventCoder, merge_duplicates
from lagebild.ingest import read_text
from lagebild.records import Entity, Event, Span

FRIDAY = datetime(2015, 9, 18, 12, 0)


@pytest.fixture(scope="module")
def coder():
    return EventCoder.load()


def code(coder, text, published=FRIDAY):
    article = read_text(text, "t")
    article.published = published
    return coder.code(article)


def one(events, event_type):
    found = [e for e in events if e.event == event_type]
    assert len(found) == 1, [(e.event, e.evidence[0].text) for e in events]
    return found[0]


def codes(entities):
    return sorted(e.code for e in entities)


def event_types(coder, text):
    return [e.event for e in code(coder, text)]


def test_subject_is_actor_and_object_is_recipient(coder):
    event = one(code(coder, "Frankreich kritisierte Russland scharf."), "ACCUSE")
    assert codes(event.actor) == ["FRA"] and codes(event.recipient) == ["RUS"]
    assert event.mode == "disapprove" and event.aux is None


def test_coordinated_subjects_are_all_actors(coder):
    event = one(code(coder, "Russland und die USA koordinieren ihre Luftangriffe."), "COOPERATE")
    assert codes(event.actor) == ["RUS", "USA"]


def test_metonymy_and_place_are_told_apart(coder):
    events = code(coder, "Moskau unterstützt Assad. In Moskau demonstrierten Tausende Menschen.")
    support = one(events, "SUPPORT")
    assert codes(support.actor) == ["RUS"] and support.actor[0].sector == "GOV"
    protest = one(events, "PROTEST")
    assert protest.location is not None and protest.location.country == "RUS"


def test_negated_plan_is_negation_not_future(coder):
    event = one(code(coder, "Obama und Putin wollen in New York auftreten. "
                         "Ein bilaterales Treffen ist bisher nicht geplant."),
                "CONSULT")
    assert event.aux == "negation"


def test_planned_meeting_is_a_future_agree_with_resolved_weekday(coder):
    event = one(code(coder, "Der französische Präsident kommt am Sonntag zu Gesprächen nach Berlin."),
                "AGREE")
    assert event.aux == "future" and event.date == "2015-09-20"
    assert codes(event.actor) == ["FRA"]


def test_old_date_makes_an_event_historical(coder):
    event = one(code(coder, "Die USA hatten den Dialog mit Moskau im März 2014 eingefroren."), "SANCTION")
    assert event.aux == "historical" and event.date == "2014-03"
    assert codes(event.actor) == ["USA"] and codes(event.recipient) == ["RUS"]


def test_not_excluding_is_hypothetical(coder):
    events = code(coder, "Russland schließt nicht aus, mit Soldaten in den Konflikt einzugreifen.")
    assert events and all(e.aux == "hypothetical" for e in events)


def test_passive_with_agent(coder):
    event = one(code(coder, "Zwei Journalisten wurden von der türkischen Polizei festgenommen."), "COERCE")
    assert event.actor[0].code == "TUR" and event.actor[0].sector == "COP"
    assert event.mode == "arrest"


def test_source_is_not_a_party(coder):
    event = one(code(coder, "Die Armee Syriens habe Aleppo bombardiert, teilte das Pentagon mit."), "ASSAULT")
    assert codes(event.actor) == ["SYR"]
    assert [s.code for s in event.source] == ["USA"]


def test_event_without_any_actor_is_dropped(coder):
    assert code(coder, "Es wurde heftig gekämpft.") == []


def test_evidence_spans_slice_the_article_text(coder):
    text = "Schlagzeile ohne Punkt\nDie Türkei verurteilte den Anschlag. Deutschland lobte die Polizei."
    for event in code(coder, text):
        for span in event.evidence:
            assert text[span.start:span.end] == span.text


def test_same_event_in_headline_and_body_is_one_record():
    first = Event("ASSAULT", actor=[Entity("ISR")], recipient=[Entity("PSE")],
                  evidence=[Span(0, 10, "x" * 10)])
    second = Event("ASSAULT", mode="aerial", actor=[Entity("ISR")], recipient=[Entity("PSE")],
                   evidence=[Span(50, 60, "y" * 10)])
    other = Event("ASSAULT", actor=[Entity("PSE")], recipient=[Entity("ISR")],
                  evidence=[Span(70, 80, "z" * 10)])
    merged = merge_duplicates([first, second, other])
    assert len(merged) == 2
    assert merged[0].mode == "aerial" and len(merged[0].evidence) == 2


def test_unplaced_target_of_a_directed_act_belongs_to_the_home_country(coder):
    events = code(coder, "Wien – Die Regierung kritisierte die neuen Maßnahmen scharf.", published=None)
    event = one(events, "ACCUSE")
    assert codes(event.actor) == ["AUT"] and event.actor[0].sector == "GOV"
    assert codes(event.recipient) == ["AUT"]


def test_background_without_publication_date_is_historical(coder):
    events = code(coder, "Im Dezember war ein Journalist in Ankara von der türkischen Polizei festgenommen "
                         "worden. Die türkische Polizei nimmt heute zwei Journalisten fest.", published=None)
    arrests = sorted((e.aux or "") for e in events if e.event == "COERCE")
    assert arrests == ["", "historical"]


def test_unsaid_target_of_a_domestic_threat_is_the_home_government(coder):
    event = one(code(coder, "Wien – Die Gewerkschaften drohten mit Streiks.", published=None), "THREATEN")
    assert codes(event.actor) == ["AUT"] and event.actor[0].sector == "LAB"
    assert [(e.code, e.sector) for e in event.recipient] == [("AUT", "GOV")]


def test_demanded_talks_are_the_demand_s_content_not_a_meeting(coder):
    events = code(coder, "Frankreich forderte Verhandlungen mit Russland.")
    assert [e.event for e in events] == ["REQUEST"]
    assert events[0].mode == "meet"


def test_background_attack_takes_its_parties_from_its_own_phrase(coder):
    events = code(coder, "Nach einem Raketenangriff aus dem Gazastreifen hat die israelische Armee "
                         "ein Lager der Hamas bombardiert.")
    attacks = {(tuple(codes(e.actor)), e.mode) for e in events if e.event == "ASSAULT"}
    assert (("PSE",), "heavy-weapons") in attacks
    assert (("ISR",), "aerial") in attacks


def test_material_event_without_a_named_place_happened_at_the_dateline(coder):
    event = one(code(coder, "Kabul – Die Polizei nahm zwei Männer fest.", published=None), "COERCE")
    assert (event.location.name, event.location.country) == ("Kabul", "AFG")
    named = one(code(coder, "Kabul – Die Polizei nahm in Herat zwei Männer fest.", published=None), "COERCE")
    assert named.location.country == "AFG" and named.location.text == "Herat"


def test_a_prepositional_phrase_is_no_unnamed_target(coder):
    # "über einen Pakt" is what is demanded, not whom: no home-country recipient
    event = one(code(coder, "Moskau – Lawrow forderte Verhandlungen über einen neuen Pakt."), "REQUEST")
    assert codes(event.actor) == ["RUS"] and event.recipient == []


def test_a_government_s_own_demand_has_no_default_target(coder):
    event = one(code(coder, "Moskau – Putin rief zu einer internationalen Koalition auf."), "REQUEST")
    assert codes(event.actor) == ["RUS"] and event.recipient == []


def test_an_object_pronoun_is_never_the_actor(coder):
    events = code(coder, "Der russische Außenminister Lawrow kam nach Paris. "
                         "Die französische Polizei hat ihn festgenommen.")
    event = one(events, "COERCE")
    assert codes(event.actor) == ["FRA"] and codes(event.recipient) == ["RUS"]


def test_durch_names_the_agent_of_a_nominalised_act(coder):
    event = one(code(coder, "Die Abschiebung von Uiguren durch Thailand löste Proteste aus."), "COERCE")
    assert codes(event.actor) == ["THA"]


def test_a_noun_after_als_characterises_and_is_no_event(coder):
    assert "ASSAULT" not in event_types(
        coder, "Frankreich bezeichnete die Ermittlungen als direkten Angriff auf die Freiheit.")


def test_a_prison_term_that_threatens_someone_is_no_threat(coder):
    assert "THREATEN" not in event_types(
        coder, "Dem Mann drohen bei einer Verurteilung 30 Jahre Haft wegen Verschwörung "
               "mit dem Islamischen Staat.")


def test_the_subject_of_a_passive_is_its_target_and_no_actor_is_guessed(coder):
    events = code(coder, "Washington – Der Reporter der Zeitung Xinhua berichtete. "
                         "Bei der Ausreise wurde er festgenommen.")
    event = one(events, "COERCE")
    assert event.actor[0].sector == "COP" and event.actor[0].text == ""


def test_an_unnamed_passive_subject_is_the_home_country_s(coder):
    event = one(code(coder, "Paris – Hasan E. war im März am Flughafen festgenommen worden."), "COERCE")
    assert codes(event.recipient) == ["FRA"] and event.recipient[0].text == "Hasan E."


def test_an_armed_group_s_property_is_the_target_of_an_attack(coder):
    event = one(code(coder, "Israel greift Hamas-Trainingslager im Gazastreifen an."), "ASSAULT")
    assert codes(event.actor) == ["ISR"] and codes(event.recipient) == ["PSE"]


def test_a_country_s_compound_is_no_party(coder):
    events = code(coder, "Russland kritisierte die Ukraine-Politik scharf.")
    assert all("UKR" not in codes(e.actor + e.recipient) for e in events)


def test_merged_records_keep_the_most_specific_parties():
    def event(actor_sector):
        return Event(event="CONSULT", doc_id="t",
                     actor=[Entity(code="USA", sector=actor_sector, name=None, text="x")],
                     recipient=[Entity(code="RUS", sector=None, name=None, text="y")],
                     evidence=[Span(0, 5, "x")])
    merged = merge_duplicates([event(None), event("GOV")])
    assert len(merged) == 1 and merged[0].actor[0].sector == "GOV"


def test_parties_of_one_country_with_other_sectors_tell_other_events():
    def event(actor_sector, start):
        return Event(event="ACCUSE", doc_id="t", mode="allege",
                     actor=[Entity(code="TUR", sector=actor_sector, name=None, text="x")],
                     recipient=[Entity(code="TUR", sector="GOV", name=None, text="y")],
                     evidence=[Span(start, start + 5, "x")])
    # the army and a party blaming the government are two events; the army and the
    # state it belongs to ("Ankara") may tell one
    assert len(merge_duplicates([event("MIL", 0), event("PTY", 10)])) == 2
    assert len(merge_duplicates([event("MIL", 0), event("GOV", 10)])) == 1
    assert len(merge_duplicates([event("MIL", 0), event(None, 10)])) == 1


def test_a_visit_needs_someone_visited(coder):
    assert "CONSULT" not in [e.event for e in code(coder, "Frankreichs Präsident besuchte den Stützpunkt.")]
    event = one(code(coder, "Frankreichs Präsident besuchte Moskau."), "CONSULT")
    assert codes(event.recipient) == ["RUS"]


def test_a_warning_of_a_danger_accuses(coder):
    event = one(code(coder, "Russland hat vor der Gefahr durch den Islamischen Staat gewarnt."), "ACCUSE")
    assert event.mode == "allege"


def test_a_subordinate_clause_s_subject_does_not_act_in_the_main_clause(coder):
    events = code(coder, "Moskau – Das Volk beklagt Unterdrückung, während die Behörden Russlands schweigen.")
    assert all("GOV" not in [a.sector for a in e.actor] for e in events if e.event == "ACCUSE")


def test_a_possessive_noun_event_is_its_owner_s(coder):
    event = one(code(coder, "Nach seinen Gesprächen mit Bundeskanzlerin Angela Merkel zog "
                            "Frankreichs Präsident Bilanz."), "CONSULT")
    assert sorted(codes(event.actor + event.recipient)) == ["DEU", "FRA"]


def test_an_act_done_in_an_attack_has_the_attack_s_actor(coder):
    event = one(code(coder, "Kabul – Bei einem Anschlag der Taliban wurden drei Soldaten getötet."), "ASSAULT")
    assert codes(event.actor) == ["AFG"] and event.actor[0].sector == "REB"
    assert event.recipient[0].sector == "MIL"


def test_light_verb_protest_and_crackdown(coder):
    event = one(code(coder, "Budapest – Zehntausende Ungarn sind gegen die Steuer auf die Straße gegangen."),
                "PROTEST")
    assert codes(event.actor) == ["HUN"]
    event = one(code(coder, "Peking – Die Sicherheitskräfte gehen verschärft gegen Uiguren vor."), "COERCE")
    assert event.actor[0].sector in ("COP", "MIL")


def test_an_adjective_of_a_place_or_of_the_next_mention_is_no_party(coder):
    event = one(code(coder, "Die USA hatten Russland vor einer Intervention in den syrischen "
                            "Bürgerkrieg gewarnt."), "REQUEST")
    assert codes(event.recipient) == ["RUS"]


def test_the_foe_of_a_joint_fight_is_no_partner(coder):
    events = code(coder, "Russland und die USA wollen ihren Kampf gegen den IS koordinieren.")
    assert events and all("IMG" not in codes(e.actor + e.recipient) for e in events)


def test_what_an_accusation_alleges_is_no_event_of_its_own(coder):
    events = code(coder, "Peking – China wirft türkischen Diplomaten vor, ihnen mit Reisedokumenten zu helfen.")
    assert [e.event for e in events] == ["ACCUSE"]


def test_a_court_one_goes_before_is_no_recipient(coder):
    event = one(code(coder, "Moskau lehnt ab und will vor Gericht ziehen."), "REJECT")
    assert event.recipient == []


def test_the_state_is_the_unnamed_actor_of_a_passive_act_only(coder):
    assert code(coder, "Wien – Der verbietet dem Kasperl sein Lieblingslied.") == []
    event = one(code(coder, "Wien – Der Mann wurde am Montag verhaftet."), "COERCE")
    assert (event.actor[0].code, event.actor[0].sector) == ("AUT", "COP")


def test_an_attributive_participle_tells_no_event(coder):
    # the lawyers' visit is an event; the arrest in "die festgenommenen Männer" is not
    events = code(coder, "Wien – Die Anwälte besuchten die festgenommenen Männer.")
    assert [e.event for e in events] == ["CONSULT"]
    assert (events[0].actor[0].sector, events[0].recipient[0].sector) == ("JUD", "CVL")


def test_the_main_clause_of_a_conditional_is_hypothetical(coder):
    event = one(code(coder, "Wien – Wenn jemand eine Tat plane, könne die Polizei ihn verhaften."), "COERCE")
    assert event.aux == "hypothetical"


def test_calling_something_a_crime_is_criticism(coder):
    event = one(code(coder, "Ankara – Erdogan hat das Vorgehen Chinas als eine Art Völkermord bezeichnet."),
                "ACCUSE")
    assert codes(event.actor) == ["TUR"]


def test_force_not_ruled_out_is_a_threat_against_the_coordinated_target(coder):
    events = code(coder, "Pjöngjang – Kim Jong-un warf der US-Regierung vor, einen Krieg zu planen, "
                         "und schloss einen präventiven Atomangriff Pjöngjangs nicht aus.")
    event = one(events, "THREATEN")
    assert event.aux == "hypothetical" and event.mode == "violence"
    assert codes(event.actor) == ["PRK"] and codes(event.recipient) == ["USA"]


def test_chemical_weapons_used_are_an_unconventional_attack(coder):
    event = one(code(coder, "Damaskus – IS-Kämpfer sollen in Syrien Senfgas eingesetzt haben."), "ASSAULT")
    assert event.mode == "unconventional" and codes(event.actor) == ["IMG"]


def test_a_fight_s_named_side_is_the_actor_of_a_passive_killing(coder):
    event = one(code(coder, "Kabul – Bei einem Feuergefecht mit den Taliban wurden drei Soldaten getötet."),
                "ASSAULT")
    assert codes(event.actor) == ["AFG"] and event.actor[0].sector == "REB"


def test_the_owner_of_an_attacked_place_is_the_target(coder):
    events = code(coder, "Jerusalem – Die israelische Armee hat einen Vergeltungsangriff auf ein "
                         "Trainingslager der Hamas geflogen.")
    event = one(events, "ASSAULT")
    assert codes(event.actor) == ["ISR"] and codes(event.recipient) == ["PSE"]


def test_an_aim_is_no_event(coder):
    assert "SUPPORT" not in event_types(
        coder, "Chicago – Die Männer planten eine Verschwörung mit dem Ziel, den "
               "Islamischen Staat zu unterstützen.")


def test_exposed_to_gas_is_no_suspension(coder):
    assert "SANCTION" not in event_types(coder, "Damaskus – Syrer waren im August Senfgas ausgesetzt.")


def test_a_preposition_does_not_reach_over_the_verb(coder):
    assert "CONSULT" not in event_types(coder, "Chicago – Zu dritt besuchten die Männer den Stützpunkt.")


def test_a_background_phrase_ends_at_the_finite_verb(coder):
    events = code(coder, "Simferopol – Nach den Anschlägen von November hatte Moskau eine Brücke gebaut.")
    assert all("RUS" not in codes(e.actor) for e in events if e.event == "ASSAULT")


def test_a_passive_subject_may_open_the_sentence(coder):
    event = one(code(coder, "Beirut – Der Salafistenführer Ahmed al-Asir sei am Samstag bei dem Versuch, "
                            "mit einem gefälschten Pass auszureisen, festgenommen worden."), "COERCE")
    assert codes(event.recipient) == ["LBN"] and event.recipient[0].text.startswith("Salafistenführer")


def test_zufolge_makes_the_mention_before_it_the_source(coder):
    event = one(code(coder, "Genf – US-Informationen zufolge sollen IS-Kämpfer Senfgas eingesetzt haben."),
                "ASSAULT")
    assert codes(event.actor) == ["IMG"] and codes(event.source) == ["USA"]


def test_a_verb_final_headline_is_passive(coder):
    event = one(code(coder, "Deutschland deswegen von EU-Kommission verklagt."), "ACCUSE")
    assert codes(event.actor) == ["EUR"] and codes(event.recipient) == ["DEU"]


def test_an_enumeration_of_subjects_acts_together(coder):
    event = one(code(coder, "Graz – Bundesregierung, Bundespräsident und Kirchenvertreter verurteilten "
                            "die Amokfahrt."), "ACCUSE")
    assert codes(event.actor) == ["AUT", "AUT", "AUT"]


def test_a_nominative_article_opens_the_subject(coder):
    event = one(code(coder, "Warschau – Grund ist ein Interview, in dem der russische Diplomat am "
                            "Freitag Warschau vorwarf, die Kontakte einzufrieren."), "ACCUSE")
    assert codes(event.actor) == ["RUS"] and codes(event.recipient) == ["POL"]


def test_a_relative_clause_acts_for_its_antecedent_only(coder):
    events = code(coder, "Graz – Tausende Menschen folgten dem Aufruf eines Grazers, der zum "
                         "Protest aufgerufen hatte.")
    assert all(e.event != "REQUEST" for e in events)


def test_a_zu_clause_takes_its_subject_from_the_main_clause(coder):
    event = one(code(coder, "Paris – Der russische Präsident Putin hat sich bereiterklärt, in Syrien eng "
                            "mit den USA und Frankreich zu kooperieren."), "COOPERATE")
    assert codes(event.actor) == ["RUS"] and codes(event.recipient) == ["FRA", "USA"]


def test_arriving_is_no_meeting(coder):
    assert code(coder, "Beirut – Er sei aus dem Irak kommend in Syrien eingetroffen.") == []


def test_the_sufferers_of_an_attack_are_not_its_actors(coder):
    events = code(coder, "Jerusalem – Bei mehreren Angriffen erlitten vier Israelis schwere Verletzungen.")
    assert all("ISR" not in codes(e.actor) for e in events)


def test_a_place_north_of_a_capital_is_no_recipient(coder):
    event = one(code(coder, "Bei einem Angriff nördlich von Jerusalem verletzte ein Palästinenser "
                            "einen Israeli schwer."), "ASSAULT")
    assert "GOV" not in [r.sector for r in event.recipient]


def test_foreigners_do_not_take_the_home_country(coder):
    event = one(code(coder, "Pjöngjang – In Nordkorea wurden Ausländer festgenommen."), "COERCE")
    assert codes(event.actor) == ["PRK"] and [r.code for r in event.recipient if r.code] == []


def test_a_participle_headline_is_passive(coder):
    # the people were abducted: they are no actor, and the headline names none
    events = code(coder, "Kabul – 18 Menschen verschleppt.")
    assert all("CVL" not in [a.sector for a in e.actor] for e in events)


def test_the_international_community_is_an_igo(coder):
    event = one(code(coder, "Washington – Die USA fliegen mit internationalen Partnern Luftangriffe "
                            "gegen den IS."), "ASSAULT")
    assert codes(event.actor) == ["IGO", "USA"]


def test_an_example_names_the_party_instead_of_its_kind(coder):
    event = one(code(coder, "Genf – Russland hat vor einer Gefahr durch Extremistenorganisationen wie "
                            "dem Islamischen Staat gewarnt."), "ACCUSE")
    assert codes(event.recipient) == ["IMG"]


def test_coordinated_targets_in_the_complement_count_together(coder):
    event = one(code(coder, "Peking – Auch China kritisierte die Übung, an der 300.000 Soldaten aus "
                            "Südkorea und 17.000 aus den USA teilnahmen."), "ACCUSE")
    assert codes(event.recipient) == ["KOR", "USA"]


def test_a_counted_object_is_an_unnamed_target(coder):
    event = one(code(coder, "Paris – Die französische Regierung hat drei radikale Vereinigungen verboten."),
                "COERCE")
    assert codes(event.recipient) == ["FRA"] and "Vereinigungen" in event.recipient[0].text


def test_a_policy_as_unnamed_target_stands_for_the_government(coder):
    event = one(code(coder, "Budapest – Zehntausende Ungarn protestierten gegen die Einführung einer "
                            "Internetsteuer."), "PROTEST")
    assert [(r.code, r.sector) for r in event.recipient] == [("HUN", "GOV")]


def test_a_visit_s_host_is_the_government_of_the_place(coder):
    event = one(code(coder, "Zu Besuch in Moskau stellte Österreichs Außenminister Kurz am Donnerstag "
                            "klar, dass er hilft."), "CONSULT")
    assert codes(event.actor) == ["AUT"] and [(r.code, r.sector) for r in event.recipient] == [("RUS", "GOV")]


def test_von_after_a_noun_event_names_its_agent(coder):
    event = one(code(coder, "London – Die Entscheidung brachte ihm Kritik von Abgeordneten der "
                            "Labour-Partei ein."), "ACCUSE")
    assert event.actor and event.actor[0].code == "GBR"


def test_von_is_the_patient_when_durch_names_the_agent(coder):
    event = one(code(coder, "Die Abschiebung von Uiguren durch Thailand löste Proteste aus."), "COERCE")
    assert codes(event.actor) == ["THA"]


def test_unprecedented_is_no_negation(coder):
    event = one(code(coder, "Budapest – Zehntausende Ungarn protestierten in nie dagewesener Zahl gegen "
                            "die Regierung."), "PROTEST")
    assert event.aux is None


def test_a_country_left_is_the_target_of_a_withdrawal(coder):
    event = one(code(coder, "Wien – Das Außenministerium streicht die diplomatische Präsenz in Malta."),
                "SANCTION")
    assert codes(event.actor) == ["AUT"] and codes(event.recipient) == ["MLT"]


def test_notifying_is_no_agreement_and_showing_unity_no_protest(coder):
    assert code(coder, "Wien – Zeugen verständigten die Polizei.") == []
    assert code(coder, "Wien – Die Regierung demonstriert Einigkeit.") == []
    event = one(code(coder, "Wien – SPÖ und ÖVP haben sich auf ein Paket verständigt."), "AGREE")
    assert codes(event.actor) == ["AUT", "AUT"]


def test_sectors_follow_the_part_in_the_act(coder):
    event = one(code(coder, "Kairo – Der IS-Chef Abu Nabil war bei einem US-Luftangriff getötet worden."),
                "ASSAULT")
    assert [(a.code, a.sector) for a in event.actor] == [("USA", "MIL")]
    event = one(code(coder, "Berlin – Die Polizei nahm 161 Personen fest."), "COERCE")
    assert [(r.code, r.sector) for r in event.recipient] == [("DEU", "CRM")]
    event = one(code(coder, "Brüssel – Der Richter verurteilte den Mann zu fünf Jahren Haft."), "SANCTION")
    assert [(r.code, r.sector) for r in event.recipient] == [("BEL", "CRM")]


def test_a_group_named_by_an_abstract_ending_is_no_policy(coder):
    event = one(code(coder, "Paris – Die französische Regierung hat drei radikale Vereinigungen verboten."),
                "COERCE")
    assert event.recipient[0].sector is None


def test_a_time_is_no_target_and_closes_its_phrase(coder):
    event = one(code(coder, "Jerusalem – Israel meldet einen Anschlag. An diesem Tag wurde auch der Vater "
                            "des Verdächtigen festgenommen."), "COERCE")
    assert [r.text for r in event.recipient] == ["Vater"]


def test_planned_cooperation_is_a_future_agreement(coder):
    event = one(code(coder, "Moskau – Russland und die USA wollen ihren Kampf koordinieren."), "AGREE")
    assert event.aux == "future"
    event = one(code(coder, "Moskau – Putin und Obama wollen sich am Montag in New York treffen."), "AGREE")
    assert event.aux == "future" and event.date == "2015-09-21"


def test_a_dated_past_sentence_is_historical_in_every_clause(coder):
    events = code(coder, "Beirut – 2014 hatte das Militärgericht Al-Asir wegen der Gründung einer Gruppe "
                         "angeklagt, sowie wegen der Aufhetzung zu zehn Jahren Haft verurteilt.",
                  published=None)
    event = one(events, "SANCTION")
    assert event.aux == "historical" and event.date == "2014"


def test_a_meeting_s_place_tells_visit_or_third_party(coder):
    event = one(code(coder, "Amman – US-Außenminister Kerry traf Palästinenserpräsident Abbas in Jordanien."),
                "CONSULT")
    assert event.mode == "third-party"
    event = one(code(coder, "Amman – US-Außenminister Kerry traf in Jordanien auch König Abdullah II."),
                "CONSULT")
    assert event.mode == "visit"


def test_a_goal_is_no_meeting_and_no_shooting(coder):
    assert code(coder, "Köln – In der 64. Minute traf Modeste per Kopf zur Kölner Führung.") == []
    assert code(coder, "Darmstadt – Vidal schoss die Gäste in der 20. Minute in Führung.") == []
    event = one(code(coder, "Moskau – Putin und Obama trafen sich in New York."), "CONSULT")
    assert sorted(codes(event.actor + event.recipient)) == ["RUS", "USA"]


def test_a_state_passive_has_its_subject_as_target(coder):
    events = code(coder, "Brüssel – Mehrere Verdächtige sind in Belgien bereits angeklagt.")
    assert all("CRM" not in [a.sector for a in e.actor] for e in events)


def test_what_one_must_do_is_not_done(coder):
    event = one(code(coder, "Pjöngjang – Südkorea müsse sich entschuldigen, sagte Pjöngjang."), "CONCEDE")
    assert event.aux == "hypothetical"


def test_one_referent_is_never_both_sides(coder):
    event = one(code(coder, "Erbil – Kurdenpräsident Massud Barsani forderte den Rückzug der Kämpfer aus "
                            "der von ihm regierten Region."), "REQUEST")
    assert all(r.text != "ihm" for r in event.recipient)


def test_the_dateline_place_locates_an_event_named_nowhere(coder):
    event = one(code(coder, "Genf – Russland hat vor der Gefahr durch den Islamischen Staat gewarnt."), "ACCUSE")
    assert event.location is not None and event.location.country == "CHE"


def test_an_attack_on_a_foreign_target_happened_there(coder):
    event = one(code(coder, "Moskau – Russland und die USA reden. Der IS startete Angriffe auf das syrische "
                            "Kobane."), "ASSAULT")
    assert event.location is not None and event.location.country == "SYR"


def test_a_role_after_als_is_the_subject_s_not_a_party(coder):
    event = one(code(coder, "Havanna – Fidel Castro war 2006 als kubanischer Staatschef zurückgetreten."),
                "RETREAT")
    assert event.recipient == []


def test_fighting_for_a_cause_is_no_assault(coder):
    assert code(coder, "Wien – Die Regierung habe für eine europäische Lösung gekämpft.") == []


def test_a_preposition_after_a_noun_belongs_to_the_noun(coder):
    event = one(code(coder, "Kiew – Kiew weigert sich unter Verweis auf die unklare Lage, Wahlen abzuhalten."),
                "REJECT")
    assert all("Lage" not in r.text for r in event.recipient)


def test_a_later_telling_without_target_is_the_same_act(coder):
    events = code(coder, "Prag – Gegen den Parteichef Martin Konvička sind Ermittlungen eingeleitet worden. "
                         "Die Staatsanwaltschaft habe Ermittlungen wegen Verhetzung eingeleitet.")
    assert len([e for e in events if e.event == "ACCUSE"]) == 1


def test_a_perfect_zu_infinitive_is_an_accusation_s_content(coder):
    events = code(coder, "Ankara – Erdogan warf dem Konzern vor, die PKK unterstützt zu haben.")
    assert [e.event for e in events] == ["ACCUSE"]


def test_an_extended_attribute_tells_no_event(coder):
    assert "SUPPORT" not in event_types(
        coder, "Sanaa – Er nannte die Übernahme durch die vom Iran unterstützten Houthi-Rebellen.")


def test_a_denial_is_a_rejection_not_negated_by_itself(coder):
    event = one(code(coder, "Moskau – Der Kreml dementierte die Berichte."), "REJECT")
    assert event.aux is None and codes(event.actor) == ["RUS"]


def test_taking_a_town_is_force(coder):
    event = one(code(coder, "Damaskus – Rebellen eroberten die Stadt Idlib."), "ASSAULT")
    assert event.actor[0].sector == "REB"


def test_a_dash_parts_two_statements_for_the_mode(coder):
    event = one(code(coder, "Brüssel – Richter lehnte Haft ab – Mann könnte noch Monate frei bleiben."),
                "REJECT")
    assert event.aux is None


def test_a_verb_before_a_dass_clause_is_no_headline_participle(coder):
    event = one(code(coder, "Berlin – Die deutsche Kanzlerin Angela Merkel fordert, dass Asylwerber ein "
                            "schnelles Verfahren bekommen."), "REQUEST")
    assert codes(event.actor) == ["DEU"]


def test_a_zu_clause_s_object_is_no_subject_of_the_main_verb(coder):
    events = code(coder, "London – Der Hinterbänkler verspricht, Politik für die Menschen zu machen.")
    assert all("CVL" not in [a.sector for a in e.actor] for e in events)


def test_a_promise_takes_no_parties_from_the_sentence_before(coder):
    events = code(coder, "London – Tony Blair sprach mit Jeremy Corbyn. Der Hinterbänkler verspricht bessere Politik.")
    assert all(e.event != "AGREE" for e in events)


def test_a_companion_acts_with_the_subject_and_is_no_target(coder):
    # "mit seinem Bruder": the preposition decides, not the possessive after it
    event = one(code(coder, "Wien – Der Soldat wollte mit seinem Bruder die Menschen töten."), "ASSAULT")
    assert [e.text for e in event.actor] == ["Soldat", "Bruder"]
    assert [e.text for e in event.recipient] == ["Menschen"]


def test_a_name_with_an_initial_is_found_again_as_a_whole(coder):
    events = code(coder, "Wien – Der Soldat Hasan E. von der Nationalgarde hatte einen Anschlag geplant. "
                         "Hasan E. war im März festgenommen worden.")
    arrest = one(events, "COERCE")
    assert [(e.text, e.sector) for e in arrest.recipient] == [("Hasan E.", "MIL")]


def test_a_thing_attacked_stands_for_its_owner(coder):
    event = one(code(coder, "Aden – Die Rebellen beschossen den Sitz der jemenitischen Regierung."), "ASSAULT")
    assert [(e.code, e.sector) for e in event.recipient] == [("YEM", "GOV")]


def test_what_an_attempt_aims_at_is_no_event(coder):
    assert "SUPPORT" not in event_types(
        coder, "Wien – Ihm drohen 30 Jahre Haft wegen des Versuchs, die Terrorgruppe IS zu unterstützen.")


def test_an_inquiry_opened_is_an_investigation_a_study_is_not(coder):
    event = one(code(coder, "Brüssel – Gegen den Mann wurde eine Untersuchung eingeleitet."), "ACCUSE")
    assert (event.mode, event.actor[0].sector) == ("investigate", "JUD")
    assert "ACCUSE" not in event_types(
        coder, "Brüssel – Eine Untersuchung der Universität zeigt, dass die Polizei gut arbeitet.")


def test_training_people_for_a_fight_raises_a_force_training_fighters_aids_them(coder):
    events = code(coder, "Gaza – Die Hamas hat 17.000 Palästinenser für den Kampf gegen Israel ausgebildet.")
    assert [(e.event, e.mode) for e in events] == [("MOBILIZE", "militia")]
    events = code(coder, "Washington – Die USA haben syrische Rebellen für den Kampf gegen den IS ausgebildet.")
    assert [e.event for e in events] == ["AID"]


def test_a_number_does_not_part_coordinated_actors(coder):
    events = code(coder, "Budapest – Den Brief unterzeichneten 700 Schulen und insgesamt 30.000 Lehrer.")
    assert [e.text for e in events[0].actor] == ["Schulen", "Lehrer"]


def test_a_body_without_arms_is_no_attacker(coder):
    # "Kliniken" open the sentence, but a hospital attacks no one
    events = code(coder, "Damaskus – Kliniken und Schulen wurden gestern von Raketen getroffen und angegriffen.")
    assert all(e.actor == [] or all(a.sector != "MED" for a in e.actor) for e in events)
    assert "ASSAULT" not in event_types(coder, "Tokio – Der japanische Konzern will den Weltmarkt erobern.")


def test_a_preposition_or_an_adjective_is_no_verb_trigger(coder):
    # "dank" is no "danken", "billig" no "billigen"
    assert "SUPPORT" not in event_types(
        coder, "Peking – Die chinesische Industrie verkauft ihre Produkte dank Subventionen billig.")


def test_rejecting_a_request_rejects_whose_it_is(coder):
    event = one(code(coder, "Rom – Das Gericht lehnte den Antrag der Staatsanwaltschaft ab."), "REJECT")
    assert [e.sector for e in event.recipient] == ["JUD"]


def test_the_agent_inside_an_attribute_is_no_party(coder):
    event = one(code(coder, "Kinshasa – Die von Islamisten geführte Rebellengruppe hat einen "
                            "Stützpunkt angegriffen."), "ASSAULT")
    assert [e.text for e in event.recipient if e.text == "Islamisten"] == []


def test_research_is_no_investigation(coder):
    assert "ACCUSE" not in event_types(coder, "Wien – Die Forscher haben die Pupillen von 214 Arten untersucht.")
    event = one(code(coder, "Wien – Die Staatsanwaltschaft untersucht den Fall."), "ACCUSE")
    assert event.mode == "investigate"


def test_mediation_is_between_parties_not_teaching(coder):
    assert "CONSULT" not in event_types(coder, "Wien – Die Lehrer arbeiten an der Vermittlung demokratischer Werte.")


def test_an_enumeration_of_victims_stays_in_its_passive_clause(coder):
    # the comma before "acht" continues the list; the soldiers were killed, they did not kill
    events = code(coder, "Kinshasa – Demnach wurden 14 Aufständische, acht kongolesische Soldaten "
                         "und ein UN-Soldat von Rebellen getötet.")
    event = one(events, "ASSAULT")
    assert "MIL" not in [e.sector for e in event.actor] and "MIL" in [e.sector for e in event.recipient]


def test_a_phone_call_needs_a_counterpart(coder):
    assert "CONSULT" not in event_types(coder, "Berlin – Angreifer können auf fremde Kosten telefonieren.")
    events = code(coder, "Jerusalem – Israels Ministerpräsident Benjamin Netanyahu und der palästinensische "
                         "Präsident Mahmoud Abbas haben miteinander telefoniert.")
    assert [e.event for e in events] == ["CONSULT"]


def test_holding_on_to_a_plan_is_no_detention(coder):
    assert "COERCE" not in event_types(
        coder, "Wien – Die Innenministerin hält daran fest, die Kontrollen auszuweiten.")


def test_a_country_after_a_nouns_zur_is_a_place(coder):
    event = one(code(coder, "Bamako – Nahe der Grenze zur Elfenbeinküste haben malische Soldaten "
                            "zwei Lager zerstört."), "ASSAULT")
    assert codes(event.actor) == ["MLI"]


def test_to_promise_oneself_something_is_no_promise(coder):
    assert "AGREE" not in event_types(
        coder, "Rom – Die Regierung verspricht sich von der Reform eine schnellere Gesetzgebung.")


def test_two_attacks_on_different_days_stay_two_events(coder):
    events = code(coder, "Kabul – Am 3. Juni griffen Taliban-Kämpfer einen Posten der Armee an. "
                         "Bereits am 12. Mai hatten Taliban-Kämpfer einen Posten der Armee angegriffen.")
    assert len([e for e in events if e.event == "ASSAULT"]) == 2


def test_an_unlisted_subject_before_the_verb_acts_and_the_party_after_is_its_object(coder):
    event = one(code(coder, "Simferopol – Die Führung der Krim forderte die Bewohner zum Energiesparen auf."),
                "REQUEST")
    assert [(e.text, e.sector) for e in event.actor] == [("Die Führung der Krim", "GOV")]
    assert [e.sector for e in event.recipient] == ["CVL"]
    # a subject pronoun after the verb stays the actor
    event = one(code(coder, "Wien – Der Minister kam. Die Forderung der Opposition lehnte er ab."), "REJECT")
    assert [e.text for e in event.actor] == ["er"]


def test_a_nouns_von_phrase_is_no_agent_of_the_verb(coder):
    event = one(code(coder, "Holguin – Während des Besuchs von Papst Franziskus in Kuba sind "
                            "50 Dissidenten festgenommen worden."), "COERCE")
    assert "REL" not in [e.sector for e in event.actor]
    # but of a noun trigger it is the agent
    events = code(coder, "Kiew – Bei einer Kundgebung von ukrainischen Rechtsextremisten hat die Polizei "
                         "zehn Teilnehmer festgenommen.")
    protest = one(events, "PROTEST")
    assert [e.text for e in protest.actor] == ["ukrainischen Rechtsextremisten"]


def test_victims_never_attack(coder):
    events = code(coder, "Ankara – 24 Verletzte bei Angriff auf Armeeposten – Ein Soldat durch Mine getötet.")
    assert events and all("CVL" not in [a.sector for a in e.actor] for e in events)


def test_a_district_of_a_capital_is_a_place_not_a_party(coder):
    event = one(code(coder, "Wien – Eine Frau soll in Wien-Favoriten ihren Sohn getötet haben."), "ASSAULT")
    assert "GOV" not in [e.sector for e in event.recipient]


def test_a_second_place_after_a_places_preposition_is_a_place(coder):
    event = one(code(coder, "München – Demonstranten aus Bayern und Österreich protestierten gegen die Regierung."),
                "PROTEST")
    assert "AUT" not in codes(event.actor) + codes(event.recipient)


def test_creditors_are_no_believers(coder):
    event = one(code(coder, "Athen – Die Gläubiger fordern von Griechenland weitere Reformen."), "REQUEST")
    assert [e.sector for e in event.actor] == ["BUS"]


def test_punitive_measures_imposed_are_sanctions(coder):
    event = one(code(coder, "New York – Der UN-Sicherheitsrat verhängte scharfe Strafmaßnahmen gegen Nordkorea."),
                "SANCTION")
    assert codes(event.recipient) == ["PRK"]


def test_members_named_with_a_party_act_with_it(coder):
    event = one(code(coder, "New York – Der UN-Sicherheitsrat – einschließlich China und Russland – verhängte "
                            "Strafmaßnahmen gegen Nordkorea."), "SANCTION")
    assert sorted(codes(event.actor)) == ["CHN", "RUS", "UNO"] and codes(event.recipient) == ["PRK"]


def test_the_attacks_of_a_city_happened_there(coder):
    # "die Anschläge von Paris" were made in Paris, not by the French government
    events = code(coder, "Berlin – Nach den Terroranschlägen von Paris verschärfte die Polizei die Kontrollen.")
    assert all("FRA" not in codes(e.actor) for e in events)


def test_an_amount_is_no_target(coder):
    event = one(code(coder, "Kiew – Der Minister hatte 30 bis 40 Dollar Rabatt gefordert."), "REQUEST")
    assert [e.text for e in event.recipient if "Dollar" in e.text] == []


def test_a_dash_parts_two_headline_statements(coder):
    # "ermittelt" is the first statement's verb: the suspects are its target, not the
    # actors of the second
    event = one(code(coder, "Berlin – 7.112 Tatverdächtige ermittelt – Mindestens 691 Personen verletzt."),
                "ACCUSE")
    assert [e.sector for e in event.recipient] == ["CRM"] and [e.sector for e in event.actor] == ["JUD"]


def test_a_single_dash_before_a_clause_parts_it_and_a_pair_sets_off_an_aside(coder):
    # the second clause's subject, after its verb, acts with the party coordinated with it
    event = one(code(coder, "Wien – Das Geld lieferte ein Investor – gegen ihn ermitteln die CIA "
                            "und die Wiener Staatsanwaltschaft."), "ACCUSE")
    assert codes(event.actor) == ["AUT", "USA"]
    event = one(code(coder, "Die EU – mit Erfolg – kritisierte Russland."), "ACCUSE")
    assert codes(event.actor) == ["EUR"] and codes(event.recipient) == ["RUS"]


def test_around_a_city_is_a_place(coder):
    event = one(code(coder, "Brüssel – In und um Brüssel durchsuchte die Polizei zahlreiche Gebäude."), "COERCE")
    assert [e.sector for e in event.actor] == ["COP"]


def test_conveying_a_message_is_no_mediation(coder):
    assert "CONSULT" not in event_types(coder, "Wien – Diese Botschaft will die Kommissarin den Bürgern vermitteln.")
    assert "CONSULT" in event_types(coder, "Doha – Katar vermittelt zwischen den USA und den Taliban.")


def test_a_relative_pronoun_is_the_subject_of_its_verb_final_clause(coder):
    event = one(code(coder, "Jerusalem – Die Opfer waren Attentäter, die Israelis attackierten."), "ACCUSE")
    assert [e.text for e in event.actor] == ["Attentäter"] and codes(event.recipient) == ["ISR"]
    # a party after a coordination of things ("mit Messern oder Schusswaffen Israelis")
    # is an object all the same
    events = code(coder, "Jerusalem – Die Opfer waren Attentäter, die mit Messern oder Schusswaffen Israelis attackierten.")
    assert {e.text for ev in events for e in ev.actor} == {"Attentäter"}
    # after the particle that closes the main clause ("nahm … fest, die …")
    event = one(code(coder, "Berlin – Die Polizei nahm zwei Männer fest, die einen Polizisten angegriffen hatten."),
                "ASSAULT")
    assert [e.text for e in event.actor] == ["Männer"] and [e.sector for e in event.recipient] == ["COP"]
    # a verb in second place after "die" opens a main clause, whose subject follows "die"
    event = one(code(coder, "Rom – Die Ermittlungen betreffen nicht den Bürgermeister, die Oppositionsparteien "
                            "demonstrieren jedoch gegen ihn."), "PROTEST")
    assert [e.sector for e in event.actor] == ["OPP"]


def test_times_and_names_in_a_phrase_are_no_passive_subject(coder):
    event = one(code(coder, "Istanbul – Schon Anfang September waren mehrere Firmen durchsucht worden."), "COERCE")
    assert [e.text for e in event.recipient] == ["Firmen"]
    event = one(code(coder, "Bamako – Das Lager war Ende Juni von der Islamistengruppe Ansar Dine "
                            "angegriffen worden."), "ASSAULT")
    assert [e.text for e in event.recipient] == ["Lager"]


def test_tolls_self_offers_and_participles_are_no_acts(coder):
    assert "REQUEST" not in event_types(coder, "London – Die Infektion fordert jährlich 90.000 Todesopfer.")
    assert "AGREE" not in event_types(coder, "Wien – Als Alternative bot sich der Tourismus an.")
    assert "REJECT" not in event_types(coder, "Skopje – Die Ministerin hebt ablehnend die Hand.")
    # a participle with an adjective before its noun describes it
    assert "SUPPORT" not in event_types(
        coder, "Kobane – Die Kurden kämpften mit von der Türkei unterstützten islamistischen Rebellen.")


def test_sending_staff_is_no_mobilisation(coder):
    assert "MOBILIZE" not in event_types(coder, "Berlin – Das BKA entsendet regelmäßig Mitarbeiter zu Auktionen.")
    assert "MOBILIZE" in event_types(coder, "Berlin – Die Bundeswehr entsendet 600 Soldaten nach Mali.")


def test_a_noun_coordinated_in_a_phrase_is_no_passive_subject(coder):
    event = one(code(coder, "Madrid – Auf den Straßen und Plätzen wurden zwei Männer verhaftet."), "COERCE")
    assert [e.text for e in event.recipient] == ["Männer"]


def test_a_clause_sharing_the_auxiliary_shares_the_time(coder):
    events = code(coder, "Pjöngjang – In Nordkorea wurden in den vergangenen Jahren wiederholt Ausländer "
                         "festgenommen, zu langjährigen Haftstrafen verurteilt und dann freigelassen.", published=None)
    assert {e.aux for e in events} == {"historical"}


def test_private_travel_and_school_attendance_are_no_visits(coder):
    assert "CONSULT" not in event_types(coder, "Rom – Die Studentin reiste vor einem Jahr nach Syrien.")
    assert "CONSULT" not in event_types(coder, "Wien – Die Schüler besuchen die Berufsschulen in Wien.")
    assert "CONSULT" in event_types(coder, "Rom – Außenminister Kerry reiste am Montag nach Syrien.")


def test_a_reprimand_is_criticism_and_nicht_selten_no_negation(coder):
    event = one(code(coder, "Wien – Mitterlehner rüffelt Lopatka."), "ACCUSE")
    assert event.mode == "disapprove"
    event = one(code(coder, "Berlin – Nicht selten zerstören Islamisten Kirchen."), "ASSAULT")
    assert event.aux is None


def test_smugglers_are_criminals(coder):
    event = one(code(coder, "Delhi – Die vier Schmuggler seien festgenommen worden, sagte die Polizei."), "COERCE")
    assert [e.sector for e in event.recipient] == ["CRM"]


def test_the_object_of_a_noun_event_s_sentence_is_no_party_of_it(coder):
    # "Die Anschläge … haben die Regierung veranlasst": the government did not attack
    events = code(coder, "Rom – Die Anschläge auf die Zeitung in Paris haben die italienische Regierung "
                         "dazu veranlasst, die Gesetze zu verschärfen.")
    assert not any(e.code == "ITA" and e.sector == "GOV" for ev in events for e in ev.actor)


def test_a_funding_is_no_demand(coder):
    assert "REQUEST" not in event_types(coder, "Wien – Der Minister sprach über Förderungen für Unternehmen.")


def test_a_judgment_not_yet_final_is_no_negation(coder):
    event = one(code(coder, "Wien – Der Manager wurde zu drei Jahren Haft (nicht rechtskräftig) verurteilt."),
                "SANCTION")
    assert event.aux is None


def test_er_is_the_subject_and_a_party_before_it_an_object(coder):
    event = one(code(coder, "Berlin – Merkel traf Obama. Den Franzosen hat er Unterstützung versprochen."), "AGREE")
    assert codes(event.actor) == ["USA"] and codes(event.recipient) == ["FRA"]


def test_weapons_named_with_mit_are_means_not_parties(coder):
    event = one(code(coder, "Tripolis – Die US-Streitkräfte hatten das Lager am Freitag mit Kampfflugzeugen angegriffen."),
                "ASSAULT")
    assert codes(event.actor) == ["USA"] and not any(e.sector == "MIL" for e in event.recipient)


def test_talking_to_the_press_is_no_consultation(coder):
    assert "CONSULT" not in event_types(coder, "Wien – Das sagte der Minister im Gespräch mit der Zeitung Der Standard.")


def test_a_party_in_any_prepositional_phrase_is_no_subject(coder):
    events = code(coder, "Salzburg – Die Häuser würden neben einer Schule gegen den Willen der Bürger gebaut, "
                         "kritisierte der Initiator.")
    assert not any(e.sector == "EDU" for ev in events for e in ev.actor)


def test_a_present_tense_verb_is_no_state_passive_across_a_comma(coder):
    event = one(code(coder, "Wien – Richterin Raufer verurteilt ihn zu einem Jahr Haft, drei Monate davon sind unbedingt."),
                "SANCTION")
    assert [e.text for e in event.actor] == ["Richterin Raufer"]


def test_researchers_examine_and_private_people_only_talk(coder):
    assert "ACCUSE" not in event_types(coder, "Oslo – Der norwegische Soziologe Marko Valenta hat die Diaspora untersucht.")
    assert "CONSULT" not in event_types(coder, "Belgrad – Die Flüchtlinge telefonieren mit ihren Familien.")


def test_keineswegs_negates(coder):
    event = one(code(coder, "Berlin – Die Polizei forderte die Bevölkerung keineswegs auf, das Haus zu verlassen."),
                "REQUEST")
    assert event.aux == "negation"


def test_a_dative_relative_clause_takes_no_actor_from_the_main_clause(coder):
    events = code(coder, "Wien – In diesem Antrag, dem die Abgeordneten zugestimmt hatten, wird die FPÖ kritisiert.")
    assert not any(ev.event == "SUPPORT" and any(e.sector == "PTY" for e in ev.actor) for ev in events)


def test_a_city_after_a_noun_attack_is_its_place_and_courts_never_attack(coder):
    events = code(coder, "Brüssel – Im Zusammenhang mit dem Terroranschlag von Paris hat die belgische "
                         "Staatsanwaltschaft gegen einen Verdächtigen Anklage erhoben.")
    assert not any(ev.event == "ASSAULT" and any(e.code in ("FRA", "BEL") for e in ev.actor) for ev in events)


def test_a_participle_apposition_is_passive(coder):
    event = one(code(coder, "Wien – Die Belegschaftsvertreter, von der Gewerkschaft unterstützt, rüsten sich."),
                "SUPPORT")
    assert [e.text for e in event.actor] == ["Gewerkschaft"] and [e.text for e in event.recipient] == ["Belegschaftsvertreter"]


def test_a_party_in_parentheses_after_a_person_is_the_person_s_affiliation(coder):
    event = one(code(coder, "Wien – Vizekanzler Reinhold Mitterlehner (ÖVP) kritisierte die Gewerkschaft."), "ACCUSE")
    assert [e.sector for e in event.recipient] == ["LAB"]


def test_a_date_after_the_sentence_s_end_keeps_its_verb_final(coder):
    event = one(code(coder, "Jerusalem – Die Opfer waren Attentäter, die Israelis attackierten. (7.8.2015)"), "ACCUSE")
    assert [e.text for e in event.actor] == ["Attentäter"]


def test_the_mobilised_are_no_target(coder):
    event = one(code(coder, "Wien – Das Bundesheer verlegte indes Soldaten an die Grenze."), "MOBILIZE")
    assert event.recipient == []


def test_a_participle_after_a_number_or_dass_is_attributive(coder):
    assert "COERCE" not in event_types(coder, "Minsk – Der Staatschef hat sechs inhaftierte Oppositionsführer begnadigt.")
    assert "COERCE" not in event_types(coder, "Kairo – Der Grund sei, dass inhaftierte Angeklagte nicht kommen konnten.")
    assert "ASSAULT" in event_types(coder, "Abuja – 2014 entführte Boko Haram Hunderte Schülerinnen.")


def test_von_after_a_group_noun_names_its_members(coder):
    event = one(code(coder, "Athen – Am Montag war eine Gruppe von 40 Journalisten verhaftet worden."), "COERCE")
    assert [e.sector for e in event.recipient] == ["JRN"] and event.actor[0].sector == "COP"


def test_a_journey_takes_no_traveller_from_the_sentence_before(coder):
    events = code(coder, "Minsk – Die Regierungen schweigen. Bei einem Test mussten die Hacker bis nach Weißrussland reisen.")
    assert "CONSULT" not in [e.event for e in events]


def test_a_share_shown_in_statistics_is_no_expulsion(coder):
    assert "COERCE" not in event_types(coder, "Wien – Der Sender wurde mit 33 Prozent Marktanteil ausgewiesen.")


def test_a_headline_participle_before_a_dash_is_passive(coder):
    event = one(code(coder, "Rom – Früherer Kapitän zu 16 Jahren verurteilt – Staatsanwaltschaft will 27 Jahre Haft."),
                "SANCTION")
    assert [e.text for e in event.actor] == [""] and event.actor[0].sector == "JUD"


def test_an_extended_participle_attribute_tells_no_event(coder):
    assert "SUPPORT" not in event_types(
        coder, "Bukarest – Die zwischen den beiden Kanzleien unterzeichnete  Vereinbarung bezog sich auf Verträge.")


def test_campaigns_are_no_fights_and_lifting_a_curfew_is_no_curfew(coder):
    assert "ASSAULT" not in event_types(coder, "Washington – Rubio und Trump lieferten sich im Vorwahlkampf einen Schlagabtausch.")
    assert "COERCE" not in event_types(coder, "Diyarbakir – In Cizre wurde die Ausgangssperre am Samstag aufgehoben.")
    assert "COERCE" in event_types(coder, "Diyarbakir – In Cizre verhängte die Regierung am Samstag eine Ausgangssperre.")


def test_a_double_space_after_a_comma_still_parts_the_clauses(coder):
    event = one(code(coder, "Berlin – Die Polizei nahm zwei Männer fest,  die einen Polizisten angegriffen hatten."),
                "ASSAULT")
    assert [e.text for e in event.actor] == ["Männer"]


def test_short_word_starts_make_no_compound_and_coordinated_headline_participles_are_passive(coder):
    assert "PROTEST" not in event_types(coder, "Madrid – Die Partei Podemos hat Verhandlungen mit der PSOE begonnen.")
    assert "ASSAULT" not in event_types(coder, "Hebron – Zwei Palästinenser erschossen und vier Israelis schwer verletzt.")


def test_those_who_died_in_an_attack_did_not_attack(coder):
    assert "ASSAULT" not in event_types(coder, "Abuja – Bei einem Bombenanschlag sind Dutzende Menschen ums Leben gekommen.")
    event = one(code(coder, "Ankara – Bei Gefechten zwischen der Regierung und kurdischen Rebellen kamen 198 Zivilisten "
                            "ums Leben."), "ASSAULT")
    assert sorted(e.sector for e in event.actor) == ["GOV", "REB"]


def test_werden_with_an_infinitive_is_a_future_not_a_passive(coder):
    event = one(code(coder, "Russland wird Syrien angreifen."), "ASSAULT")
    assert codes(event.actor) == ["RUS"] and codes(event.recipient) == ["SYR"]
    assert event.aux == "future"


def test_reported_passive_with_werde_has_its_subject_as_target(coder):
    event = one(code(coder, "Der Minister werde von der Opposition kritisiert, sagte Merkel."), "ACCUSE")
    assert [e.sector for e in event.actor] == ["OPP"] and [e.sector for e in event.recipient] == ["GOV"]


def test_an_arrested_relative_stays_a_private_person(coder):
    relative = one(code(coder, "In Berlin wurde der Vater des Attentäters festgenommen."), "COERCE")
    assert [e.sector for e in relative.recipient] == ["CVL"]
    stranger = one(code(coder, "In Berlin wurde ein Mann festgenommen."), "COERCE")
    assert [e.sector for e in stranger.recipient] == ["CRM"]


def test_own_forces_a_state_acts_with_are_its_means(coder):
    event = one(code(coder, "Russland schließt nicht aus, mit Soldaten in den Konflikt in Syrien einzugreifen."),
                "THREATEN")
    assert [(e.code, e.sector) for e in event.actor] == [("RUS", None)]


def test_a_rejection_pointing_back_answers_the_accusation_before_it(coder):
    events = code(coder, "Russland warf der Ukraine Sabotage vor. Kiew dementierte das.")
    reply = one(events, "REJECT")
    assert codes(reply.actor) == ["UKR"] and codes(reply.recipient) == ["RUS"]
    unnamed = one(code(coder, "Russland warf der Ukraine Sabotage vor. Die frühere Sowjetrepublik wies dies zurück."),
                  "REJECT")
    assert codes(unnamed.actor) == ["UKR"] and codes(unnamed.recipient) == ["RUS"]


def test_a_rejection_that_says_what_it_rejects_takes_no_side_from_before(coder):
    events = code(coder, "Russland warf der Ukraine Sabotage vor. "
                         "Die frühere Sowjetrepublik wies die Vorwürfe der Separatisten zurück.")
    assert "REJECT" not in [e.event for e in events]


def test_a_noun_event_of_two_coordinated_agents_has_both_as_actors(coder):
    event = one(code(coder, "Bei Kämpfen von Armee und UN-Soldaten gegen ugandische Rebellen im Kongo "
                            "sind mindestens 30 Menschen getötet worden."), "ASSAULT")
    assert sorted(e.sector for e in event.actor) == ["MIL", "MIL"] and "UNO" in codes(event.actor)


def test_blaming_someone_for_an_attack_is_an_accusation(coder):
    events = code(coder, "Aktivisten machen Russland für die Attacke auf ein Spital von Ärzte ohne Grenzen "
                         "in Syrien verantwortlich.")
    event = one(events, "ACCUSE")
    assert codes(event.recipient) == ["RUS"]


def test_praise_and_bookkeeping_are_no_aid_or_deportation(coder):
    assert event_types(coder, "Tusk spendete den Balkanstaaten ausdrücklich Lob.") == []
    assert event_types(coder, "Das Finanzministerium in Wien weist das Defizit in zwei Varianten aus.") == []


def test_sport_and_brokering_are_no_fights_or_mediation(coder):
    assert event_types(coder, "In Baku kämpfen Frauen und Männer in vier Gewichtsklassen um Medaillen.") == []
    assert event_types(coder, "Das Portal Check24 in München hat bei der Wechselrunde 750.000 Verträge vermittelt.") == []


def test_a_modal_on_another_verb_does_not_plan_the_noun_event(coder):
    oversee = one(code(coder, "Sanaa – Präsident Hadi will in Aden eine Militäroffensive gegen die Rebellen überwachen."),
                  "ASSAULT")
    assert oversee.aux is None
    planned = one(code(coder, "Sanaa – Präsident Hadi will eine Militäroffensive gegen die Rebellen starten."),
                  "ASSAULT")
    assert planned.aux == "future"


def test_damals_dates_an_event_by_the_time_named_before(coder):
    events = code(coder, "Beirut – Der Islamist ist seit Juni 2013 auf der Flucht. "
                         "Damals hatte die libanesische Armee seine Basis gestürmt.")
    event = one(events, "ASSAULT")
    assert event.date == "2013-06" and event.aux == "historical"


def test_a_warning_needs_its_addressee(coder):
    assert event_types(coder, "Genf – Das Rote Kreuz warnte am Sonntag vor einer humanitären Krise.") == []
    assert event_types(coder, "Wien – Faymann warnte, man dürfe nicht vor halbfertigen Hotspots stehen.") == []
    event = one(code(coder, "Die USA haben Russland vor einer Intervention in Syrien gewarnt."), "REQUEST")
    assert codes(event.recipient) == ["RUS"]
    event = one(code(coder, "Asselborn hat die Visegrád-Staaten davor gewarnt, die EU zu spalten."), "REQUEST")


def test_auf_with_a_dative_places_and_its_genitive_is_no_target(coder):
    event = one(code(coder, "Beirut – Ein Islamist ist auf dem Flughafen der libanesischen Hauptstadt Beirut "
                            "festgenommen worden."), "COERCE")
    assert [e.text for e in event.recipient] == ["Islamist"]


def test_an_article_after_a_preposition_is_no_genitive_agent(coder):
    events = code(coder, "Beirut – Bei einem Drohnenangriff nahe der syrischen Stadt Raqqa ist ein Kommandant "
                         "der Jihadistenmiliz Islamischer Staat getötet worden.")
    assert all("SYR" not in codes(e.actor) for e in events)


def test_unknown_perpetrators_attack(coder):
    event = one(code(coder, "Berlin – Nach ersten Erkenntnissen fuhren dann Unbekannte vor und griffen die Männer an."),
                "ASSAULT")
    assert [e.text for e in event.actor] == ["Unbekannte"] and [e.text for e in event.recipient] == ["Männer"]


def test_what_is_demanded_refused_or_threatened_gives_the_mode(coder):
    assert one(code(coder, "Lawrow forderte von den USA Verhandlungen über einen Pakt."), "REQUEST").mode == "meet"
    assert one(code(coder, "Kerry hat Israel zum Abbau der Spannungen aufgerufen."), "REQUEST").mode == "yield"
    assert one(code(coder, "Die Ukraine fordert von Russland bessere Bedingungen."), "REQUEST").mode == "assist"
    assert one(code(coder, "Russland hat von Syrien Wahlen gefordert."), "REQUEST").mode == "change"
    refusal = one(code(coder, "Berlin – Der Minister wies die Vorwürfe der Opposition bei einem Mediengespräch zurück."),
                  "REJECT")
    assert refusal.mode is None


def test_harm_done_in_a_named_attack_has_its_mode(coder):
    event = one(code(coder, "Kabul – Bei einem Feuergefecht mit den Taliban wurden drei Soldaten getötet."), "ASSAULT")
    assert event.mode == "firearms"


def test_convicted_by_a_court_or_for_a_charge_is_a_conviction(coder):
    assert one(code(coder, "Beirut – 2014 wurde Al-Asir von einem Militärgericht verurteilt."), "SANCTION").mode == "convict"
    assert one(code(coder, "Riad – Der Blogger war wegen Beleidigung des Islams verurteilt worden."),
               "SANCTION").mode == "convict"
    assert one(code(coder, "Frankreich verurteilte den Anschlag scharf."), "ACCUSE").mode == "disapprove"


def test_cooperation_declared_not_to_be_done_is_refused(coder):
    event = one(code(coder, "Moskau – Russland werde mit der Ukraine keinen Vertrag zur Stromversorgung schließen, "
                            "sagte Peskow."), "REJECT")
    assert codes(event.actor) == ["RUS"] and codes(event.recipient) == ["UKR"] and event.mode == "assist"
    # no one's will: a meeting not planned stays a negated meeting
    events = code(coder, "Obama und Putin kommen nach New York. Ein bilaterales Treffen ist bisher nicht geplant.")
    assert "REJECT" not in [e.event for e in events]


def test_der_before_a_feminine_or_plural_name_is_its_dative(coder):
    event = one(code(coder, "Moskau – Lawrow warf der Türkei vor, das Abkommen nicht einzuhalten."), "ACCUSE")
    assert codes(event.actor) == ["RUS"] and codes(event.recipient) == ["TUR"]
    event = one(code(coder, "Teheran – Der Iran warf der Regierung in Washington Lügen vor."), "ACCUSE")
    assert codes(event.actor) == ["IRN"]


def test_a_negated_judgement_does_not_negate_the_criticism(coder):
    event = one(code(coder, "Berlin – Merkel hat die österreichische Regierung als nicht hilfreich kritisiert."), "ACCUSE")
    assert event.aux is None


def test_fighting_a_cause_is_no_assault(coder):
    assert event_types(coder, "Athen – Varoufakis kämpfte gegen das Spardiktat der Deutschen.") == []


def test_deported_people_are_refugees_or_migrants(coder):
    event = one(code(coder, "Bangkok – Thailand hat rund 100 Uiguren nach China abgeschoben."), "COERCE")
    assert [e.sector for e in event.recipient] == ["REF"]


def test_what_is_demanded_before_its_verb_is_no_event(coder):
    events = code(coder, "Berlin – Die Täter müssen konsequent ermittelt und bestraft werden, forderte der Minister.")
    assert [e.event for e in events] == ["REQUEST"]
    # a row of acts is no demand after its content
    events = code(coder, "Kiew – Die Rebellen griffen die Stadt an, forderten dann aber eine Waffenruhe.")
    assert "ASSAULT" in [e.event for e in events]


def test_a_background_meeting_with_one_side_only_is_no_event(coder):
    events = code(coder, "Berlin – Das sagte Bundespräsident Heinz Fischer nach seinen Gesprächen in der Hauptstadt.")
    assert "CONSULT" not in [e.event for e in events]
    event = one(code(coder, "Wien – Das sagte Bundespräsident Heinz Fischer nach seinen Gesprächen mit Merkel."),
                "CONSULT")
    assert codes(event.recipient) == ["DEU"]


def test_attacked_with_a_car_or_bars_is_an_assault(coder):
    event = one(code(coder, "Graz – Der Amokfahrer hatte Passanten mit seinem Auto attackiert."), "ASSAULT")
    assert [e.text for e in event.actor] == ["Amokfahrer"] and [e.text for e in event.recipient] == ["Passanten"]
    assert event_types(coder, "Wien – Der Tennisspieler gewann das letzte Aufeinandertreffen mit dem Slowaken.") == []


def test_a_state_named_bare_in_what_its_official_says_acts_through_the_official(coder):
    event = one(code(coder, "Moskau – Russland werde mit der Ukraine keinen Vertrag schließen, sagte Kremlsprecher "
                            "Dmitri Peskow am Freitag."), "REJECT")
    assert [(e.code, e.sector) for e in event.actor] == [("RUS", "GOV")]


def test_a_durch_agent_after_another_action_noun_is_that_actions(coder):
    events = code(coder, "Budapest – Proteste gegen die Zentralisierung des Bildungswesens durch die Regierung.")
    assert all("GOV" not in [a.sector for a in e.actor] for e in events if e.event == "PROTEST")


def test_criticism_received_has_no_actor_but_its_giver(coder):
    assert event_types(coder, "Peking – Nach dem Interview erntete Ai Weiwei viel Kritik in China.") == []
    event = one(code(coder, "London – Corbyn bekam heftige Kritik von Abgeordneten."), "ACCUSE")
    assert [e.sector for e in event.actor] == ["LEG"] and [e.text for e in event.recipient] == ["Corbyn"]


def test_a_first_person_subject_makes_the_named_parties_objects(coder):
    events = code(coder, "Skopje – Wir helfen Griechenland, seine Grenzen zu schützen.")
    assert all("GRC" not in codes(e.actor) for e in events)


def test_what_one_is_ready_or_announces_to_do_is_to_come(coder):
    event = one(code(coder, "Moskau – Russland sei bereit, die Rebellen mit Luftangriffen anzugreifen."), "ASSAULT")
    assert event.aux == "future"


def test_the_victims_of_an_attacks_relative_clause_are_its_targets(coder):
    events = code(coder, "Gaza – Die Armee hat einen Vergeltungsangriff gestartet, bei dem zwei Palästinenser "
                         "verletzt wurden.")
    attack = one(events, "ASSAULT")
    assert codes(attack.recipient) == ["PSE"]


def test_a_passive_agent_after_a_phrase_of_time_or_place_still_acts(coder):
    for text in ("Berlin – Der Mann wurde am Montag von der Polizei festgenommen.",
                 "Berlin – Der Mann wurde in einem Café von der Polizei festgenommen."):
        event = one(code(coder, text), "COERCE")
        assert [e.text for e in event.actor] == ["Polizei"]
    event = one(code(coder, "Berlin – Die Regierung wurde in der Sitzung von der Opposition kritisiert."), "ACCUSE")
    assert [e.text for e in event.actor] == ["Opposition"]


def test_criticism_of_a_states_act_targets_that_state(coder):
    event = one(code(coder, "Peking – China hat die Militärübung der USA und Südkoreas scharf kritisiert."), "ACCUSE")
    assert codes(event.recipient) == ["KOR", "USA"]


def test_what_a_request_noun_asks_for_is_no_event(coder):
    events = code(coder, "Paris – Die Unesco übergab die Liste der Militärkoalition mit der dringenden Bitte, "
                         "die Stadt Sanaa nicht anzugreifen.")
    assert "ASSAULT" not in [e.event for e in events]
