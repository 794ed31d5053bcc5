"""The embedded store: articles, events, entities, quotes, analyst corrections and
rejected inputs in one DuckDB file.

Each article is written in its own transaction together with its events, so a crash
or a bad article never leaves half an article behind, and what was stored before
stays.  Re-ingesting an article with the same id and the same text changes nothing;
with a changed text it replaces the article and its events (and drops the corrections
of the replaced events: they were about a text that is gone).

Tables (schema ``SCHEMA_VERSION``; older stores are migrated forward on opening):

* ``articles``     text, metadata, block spans;
* ``events``       the coder's events, never changed by a review, plus query columns
                   derived on writing: ``score`` (PLOVER score), ``day`` (event date, or
                   the publication day when the text gives none), ``actor_codes`` /
                   ``recipient_codes``, ``actor_search`` / ``recipient_search`` (lower-case
                   codes, names and mentions), ``location_name`` / ``location_country``;
* ``entities``     one row per actor, recipient and source of an event;
* ``quotes``       quoted statements (filled by a later stage; may be empty);
* ``corrections``  analyst corrections, append-only (``lagebild.review``);
* ``revisions``    the reviewed state of every corrected event: the fold of its
                   corrections over the coder's event, rewritten on each correction;
* ``rejects``      inputs that could not be read or coded.

Two views give the same columns for reading: ``coded_events`` (the coder's output)
and ``reviewed_events`` (with corrections applied; ``status`` is null, confirmed,
corrected or rejected).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

import duckdb
import pyarrow as pa

from lagebild.records import Article, Event, Quote
from lagebild.review import Correction, fold, validate
from lagebild.scores import score as plover_score

SCHEMA_VERSION = 2

_SCHEMA_1 = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    title VARCHAR, kicker VARCHAR, published TIMESTAMP, language VARCHAR,
    source VARCHAR, agencies VARCHAR[], url VARCHAR, blocks JSON, origin VARCHAR,
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    event VARCHAR NOT NULL, quad VARCHAR NOT NULL, mode VARCHAR, context VARCHAR[],
    actor JSON, recipient JSON, aux VARCHAR, date VARCHAR, date_precision VARCHAR,
    location JSON, evidence JSON, source JSON, trigger JSON,
    confidence DOUBLE, coder VARCHAR
);
CREATE TABLE IF NOT EXISTS rejects (
    origin VARCHAR NOT NULL, problem VARCHAR NOT NULL, rejected_at TIMESTAMP NOT NULL
);
"""

# Query columns derived from an event's (coded or reviewed) state.
FACT_COLUMNS = ("score", "day", "actor_codes", "recipient_codes", "actor_search",
                "recipient_search", "location_name", "location_country")
_FACT_TYPES = {"score": "DOUBLE", "day": "DATE", "actor_codes": "VARCHAR[]",
               "recipient_codes": "VARCHAR[]", "actor_search": "VARCHAR",
               "recipient_search": "VARCHAR", "location_name": "VARCHAR",
               "location_country": "VARCHAR"}
# Event columns a correction may change (the rest always come from the coder).
REVISED_COLUMNS = ("event", "quad", "mode", "aux", "actor", "recipient", "date",
                   "date_precision", "location") + FACT_COLUMNS
EVENT_COLUMNS = ("id", "article_id", "event", "quad", "mode", "context", "actor", "recipient",
                 "aux", "date", "date_precision", "location", "evidence", "source", "trigger",
                 "confidence", "coder") + FACT_COLUMNS
ENTITY_COLUMNS = ("event_id", "role", "position", "code", "sector", "name", "text",
                  "start_offset", "end_offset")
JSON_COLUMNS = ("actor", "recipient", "location", "evidence", "source", "trigger")
TABLES = ("articles", "events", "entities", "quotes", "corrections", "revisions", "rejects")

_ARROW_TYPES = {"VARCHAR": pa.string(), "JSON": pa.string(), "DOUBLE": pa.float64(),
                "DATE": pa.date32(), "VARCHAR[]": pa.list_(pa.string()),
                "TIMESTAMP": pa.timestamp("us"), "INTEGER": pa.int32()}
_EVENT_TYPES = {"id": "VARCHAR", "article_id": "VARCHAR", "event": "VARCHAR", "quad": "VARCHAR",
                "mode": "VARCHAR", "context": "VARCHAR[]", "aux": "VARCHAR", "date": "VARCHAR",
                "date_precision": "VARCHAR", "confidence": "DOUBLE", "coder": "VARCHAR",
                **{c: "JSON" for c in JSON_COLUMNS}, **_FACT_TYPES}
_ENTITY_TYPES = {"event_id": "VARCHAR", "role": "VARCHAR", "position": "INTEGER", "code": "VARCHAR",
                 "sector": "VARCHAR", "name": "VARCHAR", "text": "VARCHAR",
                 "start_offset": "INTEGER", "end_offset": "INTEGER"}
_ARTICLE_TYPES = {"id": "VARCHAR", "content_hash": "VARCHAR", "text": "VARCHAR", "title": "VARCHAR",
                  "kicker": "VARCHAR", "published": "TIMESTAMP", "language": "VARCHAR",
                  "source": "VARCHAR", "agencies": "VARCHAR[]", "url": "VARCHAR", "blocks": "JSON",
                  "origin": "VARCHAR", "ingested_at": "TIMESTAMP"}


def _views_sql() -> str:
    kept = [c for c in EVENT_COLUMNS if c not in REVISED_COLUMNS]
    revised = ", ".join(f"CASE WHEN r.event_id IS NULL THEN e.{c} ELSE r.{c} END AS {c}"
                        for c in REVISED_COLUMNS)
    return f"""
CREATE OR REPLACE VIEW coded_events AS
    SELECT {", ".join(EVENT_COLUMNS)}, CAST(NULL AS VARCHAR) AS status, 0 AS corrections
    FROM events;
CREATE OR REPLACE VIEW reviewed_events AS
    SELECT {", ".join("e." + c for c in kept)}, {revised}, r.status,
           COALESCE(r.corrections, 0) AS corrections
    FROM events e LEFT JOIN revisions r ON r.event_id = e.id;
"""


def _migrate_to_2(store: "Store") -> None:
    """Schema 2: derived query columns, entities, quotes, corrections, revisions, views."""
    con = store.con
    for column, kind in _FACT_TYPES.items():
        con.execute(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {column} {kind}")
    con.execute(f"""
CREATE TABLE IF NOT EXISTS entities ({", ".join(f"{c} {t}" for c, t in _ENTITY_TYPES.items())});
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, event_id VARCHAR,
    speaker JSON, text VARCHAR NOT NULL, start_offset INTEGER, end_offset INTEGER,
    kind VARCHAR, speaker_text VARCHAR, cue JSON
);
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS kind VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_text VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS cue JSON;
CREATE SEQUENCE IF NOT EXISTS correction_ids START 1;
CREATE TABLE IF NOT EXISTS corrections (
    id BIGINT PRIMARY KEY DEFAULT nextval('correction_ids'),
    event_id VARCHAR NOT NULL, action VARCHAR NOT NULL, changes JSON, previous JSON,
    author VARCHAR NOT NULL, note VARCHAR, created_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions (
    event_id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, corrections INTEGER NOT NULL,
    {", ".join(f"{c} {_EVENT_TYPES[c]}" for c in REVISED_COLUMNS)},
    updated_at TIMESTAMP NOT NULL
);
""")
    con.execute(_views_sql())
    # Backfill the derived columns and entities of events stored under schema 1.
    rows = _dicts(con.execute(
        "SELECT e.*, a.published FROM events e LEFT JOIN articles a ON a.id = e.article_id "
        "WHERE e.day IS NULL AND e.score IS NULL"))
    if not rows:
        return
    facts, entities = [], []
    for row in rows:
        facts.append({"id": row["id"], **event_facts(row, row["published"])})
        entities.extend(_entity_rows(row["id"], row))
    con.register("_facts", _arrow(facts, {"id": "VARCHAR", **_FACT_TYPES}))
    con.execute(f"UPDATE events SET {', '.join(f'{c} = f.{c}' for c in FACT_COLUMNS)} "
                "FROM _facts f WHERE events.id = f.id")
    con.unregister("_facts")
    if entities:
        _insert(con, "entities", entities, _ENTITY_TYPES)


MIGRATIONS: dict[int, Callable[["Store"], None]] = {2: _migrate_to_2}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if read_only:
            version = self.schema_version()
            if version != SCHEMA_VERSION:
                self.con.close()
                raise RuntimeError(f"{self.path}: store schema {version}, this lagebild reads "
                                   f"{SCHEMA_VERSION}; open it once writable to migrate")
        else:
            self._migrate()

    def schema_version(self) -> int | None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return None
        return int(row[0]) if row else None

    def _migrate(self) -> None:
        self.con.execute(_SCHEMA_1)
        version = self.schema_version()
        if version is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
            version = 1
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path}: store schema {version} is newer than this lagebild "
                               f"({SCHEMA_VERSION}); upgrade lagebild")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            try:
                MIGRATIONS[target](self)
                self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(target)])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for one thread (DuckDB connections are not shared between threads)."""
        return self.con.cursor()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------
    def has_article(self, article: Article) -> bool:
        """True when this exact article (same id, same text) is stored already."""
        row = self.con.execute("SELECT content_hash FROM articles WHERE id = ?", [article.id]).fetchone()
        return row is not None and row[0] == content_hash(article.text)

    def put(self, article: Article, events: list[Event], quotes: list[Quote] = ()) -> bool:
        """Store an article with its events (and quotations) atomically; False if it
        was stored already."""
        if self.has_article(article):
            return False
        return self.put_many([(article, events, quotes)]) == 1

    def put_many(self, items: Iterable[tuple]) -> int:
        """Store many articles with their events in one transaction (bulk loading).

        Each item is ``(article, events)`` or ``(article, events, quotes)``.  Articles
        stored already (same id and text) are skipped; the number stored is returned.
        All or nothing: on an error nothing of the batch is kept.
        """
        articles, events, entities, replaced, quote_rows = [], [], [], [], []
        for article, coded, *rest in items:
            if self.has_article(article):
                continue
            replaced.append(article.id)
            articles.append(_article_row(article))
            quote_rows.extend(_quote_row(f"{article.id}:q{n}", article.id, q)
                              for n, q in enumerate(rest[0] if rest else ()))
            for number, event in enumerate(coded):
                event_id = f"{article.id}:{number}"
                row = _event_row(event_id, article.id, event)
                row.update(event_facts(row, article.published))
                events.append(row)
                entities.extend(_entity_rows(event_id, row))
        if not articles:
            return 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.register("_replaced", pa.table({"id": pa.array(replaced, pa.string())}))
            for table in ("entities", "corrections", "revisions"):
                self.con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT id FROM events "
                                 "WHERE article_id IN (SELECT id FROM _replaced))")
            self.con.execute("DELETE FROM events WHERE article_id IN (SELECT id FROM _replaced)")
            self.con.execute("DELETE FROM quotes WHERE article_id IN (SELECT id FROM _replaced)")
            self.con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM _replaced)")
            self.con.unregister("_replaced")
            _insert(self.con, "articles", articles, _ARTICLE_TYPES)
            if events:
                _insert(self.con, "events", events, _EVENT_TYPES)
            if entities:
                _insert(self.con, "entities", entities, _ENTITY_TYPES)
            for row in quote_rows:
                self.con.execute("INSERT INTO quotes (id, article_id, event_id, speaker, text, "
                                 "start_offset, end_offset, kind, speaker_text, cue) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(articles)

    # -- batches, checkpoints (lagebild.batch) ------------------------------------------
    def _ensure_progress_tables(self) -> None:
        self.con.execute(_PROGRESS_SQL)

    def open_run(self, key: str) -> tuple[str, dict[str, int]]:
        """The unfinished ingest run with this key (to resume it) or a new one:
        ``(run_id, {partition: items done})``."""
        self._ensure_progress_tables()
        row = self.con.execute("SELECT run_id FROM ingest_runs WHERE key = ? AND finished_at IS NULL "
                               "ORDER BY started_at DESC LIMIT 1", [key]).fetchone()
        if row:
            done = dict(self.con.execute("SELECT partition, position FROM ingest_progress "
                                         "WHERE run_id = ?", [row[0]]).fetchall())
            return row[0], done
        run_id = hashlib.sha256(f"{key}:{_now().isoformat()}".encode()).hexdigest()[:16]
        self.con.execute("INSERT INTO ingest_runs VALUES (?, ?, ?, NULL)", [run_id, key, _now()])
        return run_id, {}

    def finish_run(self, run_id: str) -> None:
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("UPDATE ingest_runs SET finished_at = ? WHERE run_id = ?", [_now(), run_id])
        self.con.execute("DELETE FROM ingest_progress WHERE run_id = ?", [run_id])
        self.con.execute("COMMIT")

    def write_batch(self, tables: dict[str, Any], rejects: Iterable[tuple[str, str]] = (),
                    checkpoint: tuple[str, str, int] | None = None) -> int:
        """Write a batch of article rows (``batch_rows``, or the same tables read back
        from Parquet), its rejects ``(origin, problem)`` and the checkpoint
        ``(run_id, partition, position)`` in ONE transaction: after a crash either all
        of it is there or none.  Articles stored already with the same text are skipped,
        a changed one replaces its old rows (as ``put_many``).  Returns articles written."""
        import pyarrow.compute as pc
        tabs = {name: t if isinstance(t, pa.Table) else _arrow(t, BATCH_TYPES[name])
                for name, t in tables.items()}
        articles = tabs.get("articles")
        if articles is None:
            articles = _arrow([], _ARTICLE_TYPES)
        rejects = list(rejects)
        if checkpoint:
            self._ensure_progress_tables()
        self.con.execute("BEGIN TRANSACTION")
        try:
            written = 0
            if articles.num_rows:
                self.con.register("_new", articles.select(["id", "content_hash"]))
                same = [r[0] for r in self.con.execute(
                    "SELECT n.id FROM _new n JOIN articles a ON a.id = n.id "
                    "AND a.content_hash = n.content_hash").fetchall()]
                self.con.unregister("_new")
                if same:
                    keep = pa.array(same, pa.string())
                    for name, key in (("articles", "id"), ("events", "article_id"),
                                      ("quotes", "article_id"), ("entities", "article_id")):
                        if name in tabs and key in tabs[name].column_names:
                            tabs[name] = tabs[name].filter(pc.invert(pc.is_in(tabs[name][key], keep)))
                    articles = tabs["articles"]
                written = articles.num_rows
            if written:
                self.con.register("_replaced", articles.select(["id"]))
                for table in ("entities", "corrections", "revisions"):
                    self.con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT id FROM events "
                                     "WHERE article_id IN (SELECT id FROM _replaced))")
                for table, key in (("events", "article_id"), ("quotes", "article_id"), ("articles", "id")):
                    self.con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM _replaced)")
                self.con.unregister("_replaced")
                for name in ("articles", "events", "entities", "quotes"):
                    table = tabs.get(name)
                    if table is not None and table.num_rows:
                        cols = [c for c in table.column_names if c in _TABLE_TYPES[name]]
                        self.con.register("_batch", table.select(cols))
                        self.con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _batch")
                        self.con.unregister("_batch")
            for origin, problem in rejects:
                self.con.execute("INSERT INTO rejects VALUES (?, ?, ?)", [origin, problem, _now()])
            if checkpoint:
                self.con.execute("INSERT OR REPLACE INTO ingest_progress VALUES (?, ?, ?, ?)",
                                 [*checkpoint, _now()])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return written

    def reject(self, origin: str, problem: str) -> None:
        self.con.execute("INSERT INTO rejects VALUES (?, ?, ?)", [origin, problem, _now()])

    def correct(self, event_id: str, action: str, changes: dict[str, Any] | None = None,
                author: str = "analyst", note: str | None = None) -> Correction:
        """Record an analyst's correction of an event and update its reviewed state.

        KeyError when there is no such event, ValueError when the correction is not valid.
        """
        changes = validate(action, changes)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            coded = _dicts(con.execute("SELECT * FROM events WHERE id = ?", [event_id]))
            if not coded:
                raise KeyError(event_id)
            coded_state = _state(coded[0])
            earlier = self.corrections_of(event_id)
            before = fold(coded_state, earlier)
            correction = Correction(event_id, action, changes, author, note, created_at=_now(),
                                    previous={k: before.get(k) for k in changes})
            after = fold(before, [correction])        # raises on an invalid combination
            published = con.execute("SELECT published FROM articles WHERE id = ?",
                                    [coded[0]["article_id"]]).fetchone()
            row = {c: after.get(c) for c in REVISED_COLUMNS if c not in FACT_COLUMNS}
            for key in ("actor", "recipient", "location"):
                row[key] = _json(row[key])
            row.update(event_facts(after, published[0] if published else None))
            row.update(event_id=event_id, status=after["status"], corrections=len(earlier) + 1,
                       updated_at=correction.created_at)
            correction.id = con.execute(
                "INSERT INTO corrections (event_id, action, changes, previous, author, note, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [event_id, action, _json(changes), _json(correction.previous), author, note,
                 correction.created_at]).fetchone()[0]
            con.execute("DELETE FROM revisions WHERE event_id = ?", [event_id])
            _insert(con, "revisions", [row], {"event_id": "VARCHAR", "status": "VARCHAR",
                                              "corrections": "INTEGER", "updated_at": "TIMESTAMP",
                                              **{c: _EVENT_TYPES[c] for c in REVISED_COLUMNS}})
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return correction

    # -- reading ---------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"no such table {table!r}")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def events_of(self, article_id: str) -> list[dict]:
        cursor = self.con.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id", [article_id])
        rows = _dicts(cursor)
        for row in rows:
            for key in JSON_COLUMNS:
                row[key] = json.loads(row[key]) if row[key] is not None else None
        return rows

    def corrections_of(self, event_id: str, cursor: duckdb.DuckDBPyConnection | None = None) -> list[Correction]:
        rows = _dicts((cursor or self.con).execute(
            "SELECT * FROM corrections WHERE event_id = ? ORDER BY id", [event_id]))
        return [Correction(r["event_id"], r["action"], json.loads(r["changes"] or "{}"), r["author"],
                           r["note"], r["id"], r["created_at"], json.loads(r["previous"] or "null"))
                for r in rows]


_PROGRESS_SQL = """
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id VARCHAR PRIMARY KEY, key VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS ingest_progress (
    run_id VARCHAR NOT NULL, partition VARCHAR NOT NULL, position BIGINT NOT NULL,
    updated_at TIMESTAMP NOT NULL, PRIMARY KEY (run_id, partition));
"""
_QUOTE_COLUMNS = ("id", "article_id", "event_id", "speaker", "text", "start_offset", "end_offset",
                  "kind", "speaker_text", "cue")
_QUOTE_TYPES = {"id": "VARCHAR", "article_id": "VARCHAR", "event_id": "VARCHAR", "speaker": "JSON",
                "text": "VARCHAR", "start_offset": "INTEGER", "end_offset": "INTEGER",
                "kind": "VARCHAR", "speaker_text": "VARCHAR", "cue": "JSON"}
_TABLE_TYPES = {"articles": _ARTICLE_TYPES, "events": _EVENT_TYPES, "entities": _ENTITY_TYPES,
                "quotes": _QUOTE_TYPES}
# ``entities`` rows of a batch carry their article_id (dropped on insert).
BATCH_TYPES = {"articles": _ARTICLE_TYPES, "events": _EVENT_TYPES,
               "entities": {**_ENTITY_TYPES, "article_id": "VARCHAR"}, "quotes": _QUOTE_TYPES}


def batch_rows(items: Iterable[tuple]) -> dict[str, pa.Table]:
    """The table rows of coded articles ``(article, events, quotes)``, as ``put_many``
    writes them; of several items with the same article id the last one wins."""
    last: dict[str, tuple] = {}
    for item in items:
        last.pop(item[0].id, None)
        last[item[0].id] = item
    rows: dict[str, list] = {"articles": [], "events": [], "entities": [], "quotes": []}
    for article, coded, *rest in last.values():
        rows["articles"].append(_article_row(article))
        rows["quotes"].extend(dict(zip(_QUOTE_COLUMNS, _quote_row(f"{article.id}:q{n}", article.id, q)))
                              for n, q in enumerate(rest[0] if rest else ()))
        for number, event in enumerate(coded):
            event_id = f"{article.id}:{number}"
            row = _event_row(event_id, article.id, event)
            row.update(event_facts(row, article.published))
            rows["events"].append(row)
            rows["entities"].extend({**e, "article_id": article.id} for e in _entity_rows(event_id, row))
    return {name: _arrow(r, BATCH_TYPES[name]) for name, r in rows.items()}


# -- rows -------------------------------------------------------------------------------
def event_facts(state: dict[str, Any], published: datetime | None) -> dict[str, Any]:
    """The derived query columns of an event state (JSON columns as strings or lists)."""
    actor, recipient, location = (_loads(state.get(k)) for k in ("actor", "recipient", "location"))
    return {
        "score": plover_score(state["event"], state.get("mode")),
        "day": _day(state.get("date"), published),
        "actor_codes": sorted({e["code"] for e in actor or [] if e.get("code")}),
        "recipient_codes": sorted({e["code"] for e in recipient or [] if e.get("code")}),
        "actor_search": _search(actor),
        "recipient_search": _search(recipient),
        "location_name": (location or {}).get("name"),
        "location_country": (location or {}).get("country"),
    }


def _day(value: str | None, published: datetime | None) -> date | None:
    if value:
        parts = value.split("-") + ["01", "01"]
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            pass
    return published.date() if published else None


def _search(entities: list[dict] | None) -> str:
    return " | ".join(" ".join(str(e.get(k)) for k in ("code", "name", "text") if e.get(k)).lower()
                      for e in entities or [])


def _state(row: dict[str, Any]) -> dict[str, Any]:
    state = {c: row[c] for c in ("event", "quad", "mode", "aux", "date", "date_precision")}
    for key in ("actor", "recipient", "location"):
        state[key] = _loads(row[key])
    state["status"] = None
    return state


def _article_row(article: Article) -> dict[str, Any]:
    return {"id": article.id, "content_hash": content_hash(article.text), "text": article.text,
            "title": article.title, "kicker": article.kicker, "published": article.published,
            "language": article.language, "source": article.source, "agencies": article.agencies,
            "url": article.url, "blocks": json.dumps([b.__dict__ for b in article.blocks]),
            "origin": article.origin, "ingested_at": _now()}


def _event_row(event_id: str, article_id: str, event: Event) -> dict[str, Any]:
    data = event.to_dict()
    row = {"id": event_id, "article_id": article_id}
    for key in ("event", "quad", "mode", "context", "aux", "date", "date_precision", "confidence", "coder"):
        row[key] = data[key]
    for key in JSON_COLUMNS:
        row[key] = _json(data[key])
    return row


def _entity_rows(event_id: str, row: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for role in ("actor", "recipient", "source"):
        for position, entity in enumerate(_loads(row.get(role)) or []):
            out.append({"event_id": event_id, "role": role, "position": position,
                        "code": entity.get("code"), "sector": entity.get("sector"),
                        "name": entity.get("name"), "text": entity.get("text"),
                        "start_offset": entity.get("start"), "end_offset": entity.get("end")})
    return out


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], types: dict[str, str]) -> None:
    con.register("_batch", _arrow(rows, types))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
    finally:
        con.unregister("_batch")


def _arrow(rows: list[dict], types: dict[str, str]) -> pa.Table:
    schema = pa.schema([(c, _ARROW_TYPES[t]) for c, t in types.items()])
    return pa.Table.from_pylist([{c: r.get(c) for c in types} for r in rows], schema=schema)


def _dicts(cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value is not None else None


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _quote_row(quote_id: str, article_id: str, quote: Quote) -> list:
    entity = json.dumps(quote.speaker_entity.to_dict(), ensure_ascii=False) if quote.speaker_entity else None
    cue = json.dumps(asdict(quote.cue), ensure_ascii=False) if quote.cue else None
    return [quote_id, article_id, None, entity, quote.quote.text, quote.quote.start, quote.quote.end,
            quote.kind, quote.speaker.text if quote.speaker else None, cue]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
