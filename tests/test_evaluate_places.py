from pathlib import Path

from lagebild.evaluate import GoldDoc
from lagebild.evaluate_places import format_place_report, score_places
from lagebild.records import Entity, Event, Location, Span

TEXT = "In Aleppo fielen Bomben. In Homs wurde demonstriert. Die UN kritisierten das."


def ev(kind, location, start, end):
    return Event(kind, actor=[Entity("SYR")], evidence=[Span(start, end, TEXT[start:end])],
                 location=location)


def test_country_and_exact_place_accuracy_by_construction():
    gold = [GoldDoc("d", TEXT, None, [
        ev("ASSAULT", Location("Aleppo", "SYR"), 0, 23),
        ev("PROTEST", Location("Homs", "SYR"), 24, 51),
        ev("ACCUSE", None, 52, 77),
    ], Path("d.json"))]
    preds = {"d": [
        ev("ASSAULT", Location("aleppo", "SYR"), 0, 23),   # exact (case-insensitive)
        ev("PROTEST", Location("Syria", "SYR"), 24, 51),   # country only
        ev("ACCUSE", Location("Syria", "SYR"), 52, 77),    # gold has no place
    ]}
    report = score_places(gold, preds)
    assert (report.with_gold_location, report.country_right, report.exact_right) == (2, 2, 1)
    assert report.coded_without_gold == 1
    assert "country right 1.000, place right 0.500" in format_place_report(report)
