import pytest

from lagebild.review import Correction, apply, fold, validate


def coded():
    return {"event": "CONSULT", "quad": "verbal_cooperation", "mode": "visit", "aux": None,
            "actor": [{"code": "RUS"}], "recipient": [{"code": "USA"}], "date": "2015-09-18",
            "date_precision": "day", "location": None, "status": None}


def test_validate_normalises_and_explains():
    assert validate("confirm", None) == {}
    changes = validate("change", {"actor": [{"code": "DEU", "sector": "GOV"}], "date": "2015-09",
                                  "location": {"name": " Berlin ", "country": "DEU"}})
    assert changes["actor"][0]["code"] == "DEU" and changes["location"]["name"] == "Berlin"
    for action, bad, message in [
        ("change", {}, "at least one"),
        ("confirm", {"event": "AID"}, "carries no changes"),
        ("change", {"event": "HUG"}, "unknown PLOVER event type"),
        ("change", {"aux": "maybe"}, "aux must be"),
        ("change", {"actor": [{"code": "russia"}]}, "three capital letters"),
        ("change", {"actor": [{"sector": "XXX", "code": "RUS"}]}, "unknown sector"),
        ("change", {"date": "2015-02-30"}, "no such date"),
        ("change", {"location": {"country": "DEU"}}, "location must"),
        ("change", {"confidence": 1}, "cannot change confidence"),
        ("undo", {}, "action must be"),
    ]:
        with pytest.raises(ValueError, match=message):
            validate(action, bad)


def test_fold_applies_corrections_in_order():
    state = fold(coded(), [
        Correction("e", "change", validate("change", {"event": "AGREE"})),
        Correction("e", "change", validate("change", {"date": "2015-10"})),
        Correction("e", "confirm"),
    ])
    assert state["event"] == "AGREE" and state["quad"] == "verbal_cooperation"
    assert state["mode"] is None                     # visit is no AGREE mode
    assert state["date"] == "2015-10" and state["date_precision"] == "month"
    assert state["status"] == "confirmed"
    assert coded()["event"] == "CONSULT"


def test_apply_refuses_a_mode_of_another_type():
    with pytest.raises(ValueError, match="not a mode of CONSULT"):
        apply(coded(), Correction("e", "change", {"mode": "arrest"}))
