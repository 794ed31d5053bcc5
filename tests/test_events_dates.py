from datetime import date

from lagebild.events.dates import find_dates, normalise

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
