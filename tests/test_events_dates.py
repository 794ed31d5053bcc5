from datetime import date

from lagebild.events.dates import find_dates, normalise, tokens_are_past

FRIDAY = date(2015, 9, 18)


def values(text, published=FRIDAY, past=False):
    return [(d.value, d.precision) for d in find_dates(text, published, past)]


def test_weekday_points_forward_in_present_and_back_in_past():
    assert values("kommt am Sonntag nach Berlin") == [("2015-09-20", "day")]
    assert values("hatte am Sonntag gewarnt", past=True) == [("2015-09-13", "day")]
    assert values("am Freitag", past=True) == [("2015-09-18", "day")]


def test_day_and_month_take_the_publication_year_unless_given():
    assert values("wollen am 28. September auftreten") == [("2015-09-28", "day")]
    assert values("am 3. Mai 2014") == [("2014-05-03", "day")]


def test_month_year_and_year():
    assert values("im März 2014 eingefroren") == [("2014-03", "month")]
    assert values("Anfang Oktober 2013") == [("2013-10", "month")]
    assert values("seit 2011") == [("2011", "year")]


def test_relative_days_and_vague_words():
    assert values("gestern") == [("2015-09-17", "day")]
    assert values("kürzlich warnte er") == []


def test_without_publication_date_only_absolute_dates():
    assert values("am Sonntag und im März 2014", published=None) == [("2014-03", "month")]
    assert values("am 28. September", published=None) == []


def test_invalid_day_falls_back_to_the_month():
    assert values("am 31. Februar 2015") == [("2015-02", "month")]


def test_month_without_year_follows_the_tense():
    assert values("im Dezember festgenommen", past=True) == [("2014-12", "month")]
    assert values("Anfang Oktober soll es beginnen") == [("2015-10", "month")]
    # without a past tense the nearest such month
    assert values("im Jänner", past=False) == [("2016-01", "month")]
    assert values("im August", past=False) == [("2015-08", "month")]


def normal(text, published=FRIDAY, past=False):
    timex = normalise(text, published, past)
    return (timex.value, timex.precision) if timex else None


def test_normalise_timex_values():
    assert normal("vergangene Woche") == ("2015-W37", "week")
    assert normal("heuer") == ("2015", "year")
    assert normal("im Herbst 2013") == ("2013-FA", "season")
    assert normal("damals") == ("PAST_REF", "ref")
    assert normal("in den 90er Jahren") == ("199", "decade")
    assert normal("Samstag, 19. September") == ("2015-09-19", "day")
    assert normal("8. Mai dieses Jahres") == ("2015-05-08", "day")
    assert normal("am vergangenen Sonntag") == ("2015-09-13", "day")
    assert normal("Weihnachten") == ("2015-12-24", "day")
    assert normal("Wochenende", past=True) == ("2015-W37-WE", "weekend")
    assert normal("der Kampf") is None


# -- TIMEX3 mode: "heute" as the present ---------------------------------------------
def test_heute_is_the_day_by_default_and_present_ref_in_timex3_mode():
    assert normal("heute") == ("2015-09-18", "day")
    assert values("wird heute entschieden") == [("2015-09-18", "day")]
    assert normalise("heute", FRIDAY, False, present_ref=True).value == "PRESENT_REF"
    # a past clause reports what happened on the day
    assert normalise("heute", FRIDAY, True, present_ref=True).value == "2015-09-18"
    # a clock time or a part of the day ties it to the day
    assert normalise("heute", FRIDAY, False, present_ref=True,
                     context="Heute um 19.30 Uhr tagt der Stadtrat").value == "2015-09-18"
    assert normalise("heute", FRIDAY, False, present_ref=True,
                     context="heute Abend spielt die Kapelle").value == "2015-09-18"
    # the adjective is "present-day" whatever the tense
    assert normalise("heutigen", FRIDAY, True, present_ref=True).value == "PRESENT_REF"
    assert normal("gerade") == ("PRESENT_REF", "ref")


def test_quarters_and_halves_of_a_year():
    assert normal("im dritten Quartal") == ("2015-Q3", "quarter")
    assert normal("im 1. Quartal 2016") == ("2016-Q1", "quarter")
    # a later quarter told in the past is last year's
    assert normal("im vierten Quartal", past=True) == ("2014-Q4", "quarter")
    assert normal("im letzten Quartal") == ("2015-Q2", "quarter")
    assert normal("der zweiten Jahreshälfte 2014") == ("2014-H2", "half")
    assert normal("im ersten Halbjahr") == ("2015-H1", "half")
    assert normal("im fünften Quartal") is None


def test_year_named_with_jahr_and_relative_years_after_a_part():
    assert normal("im Jahr 578") == ("0578", "year")
    assert normal("Sommer des Jahres 2005") == ("2005-SU", "season")
    assert normal("im Mai des Jahres 2012") == ("2012-05", "month")
    assert normal("August vorigen Jahres") == ("2014-08", "month")
    assert normal("im Sommer des Vorjahres") == ("2014-SU", "season")
    assert normal("im dritten Quartal des Vorjahres") == ("2014-Q3", "quarter")


def test_part_of_the_current_week_month_year():
    assert normal("Anfang der Woche") == ("2015-W38", "week")
    assert normal("bis Ende des Jahres") == ("2015", "year")
    assert normal("Mitte des Monats") == ("2015-09", "month")
    assert values("soll bis Ende des Jahres fertig sein") == [("2015", "year")]


def test_season_months_and_millennium():
    assert normal("in den Sommermonaten") == ("2015-SU", "season")
    assert normal("in den Wintermonaten 2013") == ("2013-WI", "season")
    assert normal("das dritte Jahrtausend") == ("2", "millennium")
    assert normal("im 2. Jahrtausend") == ("1", "millennium")


def test_movable_feasts_count_from_easter():
    assert normal("Palmsonntag") == ("2015-03-29", "day")
    assert normal("zu Pfingstmontag 2014") == ("2014-06-09", "day")
    assert normal("Christi Himmelfahrt", published=date(2000, 1, 10)) == ("2000-06-01", "day")


def test_month_in_a_present_clause_leans_ahead():
    october = date(2014, 10, 20)
    assert normal("im April", published=october) == ("2015-04", "month")
    assert normal("im November", published=date(2015, 3, 24)) == ("2015-11", "month")
    assert normal("im Mai", published=october) == ("2014-05", "month")
    assert normal("im April", published=october, past=True) == ("2014-04", "month")


class _Token:
    def __init__(self, text, lemma):
        self.text, self.lower_, self.lemma_ = text, text.lower(), lemma


def test_tense_of_strong_preterites_and_t_stems():
    assert tokens_are_past([_Token("es", "es"), _Token("geschah", "geschehen")])
    assert tokens_are_past([_Token("er", "er"), _Token("sagte", "sagen")])
    assert tokens_are_past([_Token("sie", "sie"), _Token("hatte", "haben")])
    # "-tet" is the present or the participle of a t-stem verb, not a preterite
    assert not tokens_are_past([_Token("er", "er"), _Token("arbeitet", "arbeiten")])
    assert not tokens_are_past([_Token("wird", "werden"), _Token("veranstaltet", "veranstalten")])


def test_half_of_a_named_period():
    assert normal("der ersten Hälfte des 15. Jahrhunderts") == ("14", "century")
    assert normal("in der zweiten Hälfte des Jahres 2014") == ("2014-H2", "half")
    assert normal("in der ersten Hälfte der 90er Jahre") == ("199", "decade")
    assert normal("die erste Hälfte des Spiels") is None
