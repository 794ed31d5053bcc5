"""The embedded store: articles, their events and rejected inputs in one DuckDB file.

Each article is written in its own transaction together with its events, so a crash
or a bad article never leaves half an article behind, and what was stored before
stays.  Re-ingesting an article with the same id and the same text changes nothing;
with a changed text it replaces the article and its events.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from lagebild.records import Article, Event

SCHEMA_VERSION = 1

_SCHEMA = """
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


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self._migrate()

    def _migrate(self) -> None:
        self.con.execute(_SCHEMA)
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(row[0]) > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path}: store schema {row[0]} is newer than this lagebild "
                               f"({SCHEMA_VERSION}); upgrade lagebild")

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

    def put(self, article: Article, events: list[Event]) -> bool:
        """Store an article with its events atomically; False if it was stored already."""
        if self.has_article(article):
            return False
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM events WHERE article_id = ?", [article.id])
            self.con.execute("DELETE FROM articles WHERE id = ?", [article.id])
            self.con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.id, content_hash(article.text), article.text, article.title,
                 article.kicker, article.published, article.language, article.source,
                 article.agencies, article.url,
                 json.dumps([b.__dict__ for b in article.blocks]), article.origin, _now()])
            for number, event in enumerate(events):
                self.con.execute(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    _event_row(f"{article.id}:{number}", article.id, event))
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return True

    def reject(self, origin: str, problem: str) -> None:
        self.con.execute("INSERT INTO rejects VALUES (?, ?, ?)", [origin, problem, _now()])

    # -- reading ---------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in ("articles", "events", "rejects"):
            raise ValueError(f"no such table {table!r}")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def events_of(self, article_id: str) -> list[dict]:
        cursor = self.con.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id", [article_id])
        names = [d[0] for d in cursor.description]
        rows = []
        for values in cursor.fetchall():
            row = dict(zip(names, values))
            for key in ("actor", "recipient", "location", "evidence", "source", "trigger"):
                row[key] = json.loads(row[key]) if row[key] is not None else None
            rows.append(row)
        return rows


def _event_row(event_id: str, article_id: str, event: Event) -> list:
    data = event.to_dict()
    as_json = lambda v: json.dumps(v, ensure_ascii=False) if v is not None else None  # noqa: E731
    return [event_id, article_id, data["event"], data["quad"], data["mode"], data["context"],
            as_json(data["actor"]), as_json(data["recipient"]), data["aux"], data["date"],
            data["date_precision"], as_json(data["location"]), as_json(data["evidence"]),
            as_json(data["source"]), as_json(data["trigger"]), data["confidence"], data["coder"]]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
