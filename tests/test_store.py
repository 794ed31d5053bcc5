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


# -- schema 2: migration, derived columns, entities, corrections ------------------------------
_SCHEMA_1_SQL = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE articles (id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, text VARCHAR NOT NULL,
    title VARCHAR, kicker VARCHAR, published TIMESTAMP, language VARCHAR, source VARCHAR,
    agencies VARCHAR[], url VARCHAR, blocks JSON, origin VARCHAR, ingested_at TIMESTAMP NOT NULL);
CREATE TABLE events (id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, event VARCHAR NOT NULL,
    quad VARCHAR NOT NULL, mode VARCHAR, context VARCHAR[], actor JSON, recipient JSON, aux VARCHAR,
    date VARCHAR, date_precision VARCHAR, location JSON, evidence JSON, source JSON, trigger JSON,
    confidence DOUBLE, coder VARCHAR);
CREATE TABLE rejects (origin VARCHAR NOT NULL, problem VARCHAR NOT NULL, rejected_at TIMESTAMP NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO articles VALUES ('old', 'h', 'Die Polizei nahm drei Männer fest.', NULL, NULL,
    TIMESTAMP '2015-09-18 22:08:00', 'de', NULL, ['dpa'], NULL, '[]', NULL, TIMESTAMP '2020-01-01 00:00:00');
INSERT INTO events VALUES ('old:0', 'old', 'COERCE', 'material_conflict', 'arrest', [],
    '[{"code": "DEU", "sector": "COP", "name": null, "text": "Die Polizei", "start": 0, "end": 11}]',
    '[]', NULL, NULL, NULL, '{"name": "Berlin", "country": "DEU"}',
    '[{"start": 0, "end": 34, "text": "Die Polizei nahm drei Männer fest."}]', NULL, NULL, 0.8, 'old');
"""


def test_a_schema_1_store_is_migrated_forward_and_backfilled(tmp_path):
    import duckdb
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    con.execute(_SCHEMA_1_SQL)
    con.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 2
        row = store.events_of("old")[0]
        assert row["score"] == -7.0 and str(row["day"]) == "2015-09-18"   # publication day
        assert row["actor_codes"] == ["DEU"] and row["location_country"] == "DEU"
        assert store.count("entities") == 1 and store.count("corrections") == 0
        assert store.count("quotes") == 0
        store.correct("old:0", "confirm", author="ana")
    with Store(path, read_only=True) as store:      # reopened: still schema 2, data kept
        assert store.count("events") == 1 and store.count("corrections") == 1


def test_read_only_open_of_an_old_store_says_what_to_do(tmp_path):
    import duckdb
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    con.execute(_SCHEMA_1_SQL)
    con.close()
    with pytest.raises(RuntimeError, match="migrate"):
        Store(path, read_only=True)


def test_derived_columns_and_entities_on_put(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        e = event()
        e.date = "2015-09"
        e.recipient = [Entity("SYR", None, "Bashar al-Assad", "Assad", 0, 5)]
        store.put(article(), [e])
        row = store.events_of("a1")[0]
        assert row["score"] == -7.0                         # COERCE: arrest
        assert str(row["day"]) == "2015-09-01"              # month precision: first day
        assert row["recipient_codes"] == ["SYR"] and "bashar al-assad" in row["recipient_search"]
        roles = store.con.execute("SELECT role, code FROM entities ORDER BY role").fetchall()
        assert roles == [("actor", "DEU"), ("recipient", "SYR")]


def test_corrections_are_records_and_never_change_the_coder_output(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.put(article(), [event()])
        first = store.correct("a1:0", "change", {"event": "ASSAULT", "aux": "negation"}, "ana", "no arrest")
        assert first.previous == {"event": "COERCE", "aux": None}
        assert first.changes["event"] == "ASSAULT"
        coded = store.events_of("a1")[0]
        assert coded["event"] == "COERCE" and coded["mode"] == "arrest"      # untouched
        reviewed = store.con.execute("SELECT event, mode, aux, status, corrections, score "
                                     "FROM reviewed_events").fetchone()
        # arrest is no ASSAULT mode: the mode is cleared with the type change
        assert reviewed == ("ASSAULT", None, "negation", "corrected", 1, -9.0)
        store.correct("a1:0", "reject", author="bob")
        assert store.con.execute("SELECT status FROM reviewed_events").fetchone()[0] == "rejected"
        assert [c.action for c in store.corrections_of("a1:0")] == ["change", "reject"]
        assert store.con.execute("SELECT status FROM coded_events").fetchone()[0] is None


def test_invalid_corrections_are_refused_and_leave_nothing(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.put(article(), [event()])
        with pytest.raises(ValueError, match="mode 'aerial' is not a mode of COERCE"):
            store.correct("a1:0", "change", {"mode": "aerial"})
        with pytest.raises(ValueError):
            store.correct("a1:0", "change", {"score": 3})
        with pytest.raises(KeyError):
            store.correct("nope:0", "confirm")
        assert store.count("corrections") == 0 and store.count("revisions") == 0


def test_replacing_an_article_drops_the_corrections_of_its_old_events(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.put(article(), [event()])
        store.correct("a1:0", "confirm")
        store.put(article(text="Die Polizei nahm vier Männer fest."), [event()])
        assert store.count("corrections") == 0 and store.count("revisions") == 0
        assert store.count("entities") == 1


def test_put_many_is_one_transaction(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        items = [(article(id=f"a{i}"), [event(f"a{i}"), event(f"a{i}")]) for i in range(5)]
        assert store.put_many(items) == 5
        assert store.put_many(items) == 0                    # all stored already
        assert store.count("events") == 10 and store.count("entities") == 10


def test_quotes_are_stored_with_their_article_and_replaced_with_it(tmp_path):
    from lagebild.records import Quote, Span as RSpan
    from lagebild.store import Store as S
    text = "Der Sprecher sagte, die Lage sei ernst."
    art = Article(id="q1", text=text)
    quote = Quote(RSpan(20, 38, text[20:38]), "indirect", "q1", speaker=RSpan(0, 12, "Der Sprecher"),
                  cue=RSpan(13, 18, "sagte"))
    with S(tmp_path / "s.duckdb") as store:
        store.put(art, [], [quote])
        rows = store.con.execute("SELECT kind, speaker_text, text FROM quotes").fetchall()
        assert rows == [("indirect", "Der Sprecher", "die Lage sei ernst")]
        store.put(Article(id="q1", text=text + " "), [], [])
        assert store.con.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
