from datetime import date

import pytest
import workbench_store

from lagebild import queries as Q
from lagebild.coords import locate
from lagebild.labels import labels
from lagebild.store import Store


@pytest.fixture(scope="module")
def cur(tmp_path_factory):
    path = workbench_store.build(tmp_path_factory.mktemp("q") / "wb.duckdb")
    with Store(path) as store:
        store.correct("aleppo-angriff:1", "reject", author="t")
        yield store.cursor()


def test_filters(cur):
    total = lambda **kw: Q.list_events(cur, Q.EventFilter(**kw))["total"]   # noqa: E731
    assert total() == 7
    assert total(event=["ASSAULT", "AID"]) == 2
    assert total(quad=["verbal_conflict"]) == 3
    assert total(actor="RUS") == 3 and total(recipient="RUS") == 2 and total(party="RUS") == 5
    assert total(actor="lavrov") == 1                         # part of a name
    assert total(date_from=date(2015, 10, 1)) == 4 and total(date_to=date(2015, 9, 30)) == 3
    assert total(country="SYR") == 2 and total(location="alep") == 1
    assert total(aux=["asserted"]) == 7 and total(aux=["future"]) == 0
    assert total(q="Flüchtlinge") == 2                        # words of the article text
    assert total(q="100%_") == 0                              # LIKE wildcards are literal
    assert total(status=["rejected"]) == 1 and total(status=["unreviewed"]) == 6
    assert total(min_confidence=0.8) == 3


def test_list_pages_and_sorts(cur):
    page = Q.list_events(cur, Q.EventFilter(), limit=3, offset=3, sort="score")
    assert page["total"] == 7 and len(page["items"]) == 3
    scores = [e["score"] for e in Q.list_events(cur, Q.EventFilter(), sort="score")["items"]]
    assert scores == sorted(scores)
    assert Q.list_events(cur, Q.EventFilter(), limit=10_000)["limit"] == Q.MAX_LIMIT


def test_aggregates_leave_rejected_events_out(cur):
    by_type = {r["event"]: r["count"] for r in Q.counts(cur, Q.EventFilter(), ["event"])["items"]}
    assert "REQUEST" not in by_type and by_type["ASSAULT"] == 1
    coded = {r["event"] for r in Q.counts(cur, Q.EventFilter(reviewed=False), ["event"])["items"]}
    assert "REQUEST" in coded
    months = Q.counts(cur, Q.EventFilter(), ["time"], "month")["items"]
    assert [(m["time"], m["count"]) for m in months] == [("2015-09-01", 3), ("2015-10-01", 3)]
    with pytest.raises(ValueError):
        Q.counts(cur, Q.EventFilter(), ["evil; DROP TABLE events"])


def test_network_and_dyad(cur):
    net = Q.network(cur, Q.EventFilter())
    edge = next(e for e in net["edges"] if (e["source"], e["target"]) == ("DEU", "LBN"))
    assert edge["count"] == 2 and edge["balance"] == 1.0 and edge["score_sum"] == 15.0
    dy = Q.dyad(cur, Q.EventFilter(), "RUS", "USA", "month")
    assert dy["total"] == 3
    point = dy["series"][0]
    assert point["ab"] == 2.0 and point["ba"] == -2.0 and point["score_sum"] == 0.0
    with pytest.raises(ValueError):
        Q.dyad(cur, Q.EventFilter(), "Russia", "USA")


def test_event_article_map_and_actors(cur):
    event = Q.get_event(cur, "aleppo-angriff:1")
    assert event["status"] == "rejected" and event["corrections_log"][0]["action"] == "reject"
    assert event["evidence_context"][0]["text"].startswith("Die Türkei forderte")
    article = Q.get_article(cur, "moskau-washington")
    assert [e["id"] for e in article["events"]] == [f"moskau-washington:{i}" for i in range(3)]
    assert article["blocks"][0]["kind"] == "title"
    places = {p["name"]: p for p in Q.map_points(cur, Q.EventFilter())["points"]}
    assert set(places) == {"Washington", "Syria", "Aleppo", "Beirut"}
    assert round(places["Aleppo"]["lat"]) == 36
    assert Q.actors(cur, "rus")[0]["code"] == "RUS"
    assert Q.get_event(cur, "nope") is None and Q.get_article(cur, "nope") is None


def test_coords_and_labels():
    assert locate("Berlin", "DEU") == (52.52, 13.41)
    assert locate("Unknown Village", "SYR") == locate("Syria", "SYR")
    assert locate(None, None) is None
    assert labels()["type"]["ASSAULT"] == {"en": "Assault", "de": "Angreifen"}
    assert len(labels()["type"]) == 16 and len(labels()["quad"]) == 4
