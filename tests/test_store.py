from datetime import datetime

import pytest

from lagebild.records import Article, Block, Entity, Event, Span
from lagebild.store import SCHEMA_VERSION, Store


def article(text="Die Polizei nahm drei Männer fest.", id="a1"):
    return Article(id=id, text=text, published=datetime(2015, 9, 18, 22, 8),
                   blocks=[Block("body", 0, len(text))], agencies=["dpa"])


def event(doc_id="a1"):
    return Event(event="COERCE", doc_id=doc_id, mode="arrest",
                 actor=[Entity("DEU", "COP", None, "Die Polizei", 0, 11)],
                 evidence=[Span(0, 34, "Die Polizei nahm drei Männer fest.")])


def test_put_stores_article_and_events(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.put(article(), [event()])
        assert store.count("articles") == 1 and store.count("events") == 1
        row = store.events_of("a1")[0]
        assert row["event"] == "COERCE" and row["quad"] == "material_conflict"
        assert row["actor"][0]["code"] == "DEU"
        assert row["evidence"][0] == {"start": 0, "end": 34, "text": "Die Polizei nahm drei Männer fest."}


def test_reingest_same_article_is_a_noop_and_changed_text_replaces(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.put(article(), [event(), event()])
    with Store(path) as store:   # reopened: the data persisted
        assert store.has_article(article())
        assert not store.put(article(), [event()])
        assert store.count("events") == 2
        assert store.put(article(text="Die Polizei nahm vier Männer fest."), [event()])
        assert store.count("articles") == 1 and store.count("events") == 1


def test_failed_write_leaves_earlier_data_intact(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.put(article(id="keep"), [event("keep")])
        broken = event("bad")
        broken.to_dict = lambda: (_ for _ in ()).throw(RuntimeError("boom"))
        with pytest.raises(RuntimeError):
            store.put(article(id="bad"), [broken])
        assert store.count("articles") == 1
        assert store.events_of("bad") == []
        assert len(store.events_of("keep")) == 1


def test_rejects_and_schema_version(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.reject("x.txt", "empty")
        assert store.count("rejects") == 1
        version = store.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        assert int(version) == SCHEMA_VERSION
        with pytest.raises(ValueError):
            store.count("meta; DROP TABLE articles")
