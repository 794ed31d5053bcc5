"""Modes of demands, refusals and threats from the nouns they are about (events/modes.py)."""

from lagebild.events.modes import _mode_of, load_demand_modes


def test_every_mode_in_the_data_is_a_plover_mode_of_its_type():
    from lagebild.records import EVENT_MODES
    for event_type, nouns in load_demand_modes().items():
        assert set(nouns.values()) <= set(EVENT_MODES[event_type]), event_type


def test_compounds_and_plurals_take_the_mode_of_their_head():
    requests = load_demand_modes()["REQUEST"]
    assert _mode_of("friedensverhandlungen", "friedensverhandlungen", requests) == "meet"
    assert _mode_of("reformen", "reformen", requests) == "change"
    assert _mode_of("wetter", "wetter", requests) is None
