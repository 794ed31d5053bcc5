from pathlib import Path

from lagebild.evaluate import GoldDoc
from lagebild.evaluate_actors import format_actor_report, score_actors
from lagebild.records import Entity, Event, Span

TEXT = "Russland kritisierte die Ukraine. Die Polizei nahm zwei Männer fest. Sie sprachen."


def ev(kind, actor, recipient, start, end, core=True):
    return Event(kind, actor=[Entity(c, s) for c, s in actor],
                 recipient=[Entity(c, s) for c, s in recipient],
                 evidence=[Span(start, end, TEXT[start:end])], core=core)


def test_accuracy_and_confusion_by_construction():
    gold = [GoldDoc("d", TEXT, None, [
        ev("ACCUSE", [("RUS", None)], [("UKR", None)], 0, 33),
        ev("COERCE", [("UKR", "COP")], [("UKR", "CVL")], 34, 68),
        ev("CONSULT", [("RUS", "GOV")], [("UKR", "GOV")], 69, 82),
    ], Path("d.json"))]
    preds = {"d": [
        ev("ACCUSE", [("RUS", None)], [("UKR", None)], 0, 33),          # codes and sectors right
        ev("COERCE", [("UKR", "COP")], [("RUS", "CVL")], 34, 68),       # recipient code wrong
        ev("CONSULT", [("UKR", "GOV")], [("RUS", "MIL")], 69, 82),      # union right, a sector wrong
        ev("ASSAULT", [("RUS", None)], [], 0, 33),                       # no type match: not counted
    ]}
    report = score_actors(gold, preds)
    assert report.matched == 3
    assert report.codes_right == 2 and report.sectors_right == 1
    assert report.code_confusion[("UKR", "RUS")] == 1
    assert report.sector_confusion[("GOV", "MIL")] == 1
    assert "codes right 0.667" in format_actor_report(report)
