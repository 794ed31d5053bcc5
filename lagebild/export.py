"""Export events as CSV, Parquet or PLOVER JSON, with or without analyst corrections.

    from lagebild.export import export
    with open("events.parquet", "wb") as out:
        export(store.cursor(), "parquet", out, with_corrections=True)

* ``csv``      one flat row per event: codes and names of several parties joined with
               ``+`` / ``; ``, evidence strings joined with `` … ``;
* ``parquet``  the same columns, lists kept as lists;
* ``json``     a JSON list of PLOVER records in the shape of docs/events.md §2-§6
               (``doc_id`` is the article id) plus ``id``, ``score`` and ``status``;
* ``jsonl``    the same records, one per line.

Without corrections the coder's events are exported as coded; with corrections the
reviewed events are exported and rejected ones are left out.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import IO, Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from lagebild.queries import EventFilter

FORMATS = ("csv", "parquet", "json", "jsonl")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet",
               "json": "application/json", "jsonl": "application/x-ndjson"}
FLAT_COLUMNS = ("id", "article_id", "published", "event", "quad", "mode", "aux", "score", "date",
                "date_precision", "day", "actor_codes", "actor_names", "actor_sectors",
                "recipient_codes", "recipient_names", "recipient_sectors", "location_name",
                "location_country", "context", "evidence", "confidence", "coder", "status",
                "corrections")
PLOVER_FIELDS = ("event", "quad", "mode", "context", "actor", "recipient", "aux", "date",
                 "date_precision", "location", "evidence", "source", "trigger", "confidence", "coder")
BATCH = 5000


def records(cur, f: EventFilter | None = None, with_corrections: bool = False,
            limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The filtered events as dicts (JSON fields decoded), in id order."""
    f = replace(f or EventFilter(), reviewed=with_corrections)
    where, params = f.where(include_rejected=False)
    sql = (f"SELECT e.*, a.published FROM {f.view()} e LEFT JOIN articles a ON a.id = e.article_id "
           f"WHERE {where} ORDER BY e.article_id, CAST(split_part(e.id, ':', -1) AS INTEGER)")
    if limit is not None:
        sql += " LIMIT ?"
        params = params + [int(limit)]
    cursor = cur.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(BATCH):
        for values in batch:
            row = dict(zip(names, values))
            for key in ("actor", "recipient", "location", "evidence", "source", "trigger"):
                row[key] = json.loads(row[key]) if isinstance(row[key], str) else row[key]
            yield row


def flat(row: dict[str, Any]) -> dict[str, Any]:
    def parties(role: str, key: str) -> list[str]:
        return [e.get(key) or "" for e in row[role] or []]
    location = row["location"] or {}
    return {
        "id": row["id"], "article_id": row["article_id"],
        "published": row["published"].isoformat() if row["published"] else None,
        "event": row["event"], "quad": row["quad"], "mode": row["mode"], "aux": row["aux"],
        "score": row["score"], "date": row["date"], "date_precision": row["date_precision"],
        "day": row["day"].isoformat() if row["day"] else None,
        "actor_codes": parties("actor", "code"), "actor_names": parties("actor", "name"),
        "actor_sectors": parties("actor", "sector"),
        "recipient_codes": parties("recipient", "code"), "recipient_names": parties("recipient", "name"),
        "recipient_sectors": parties("recipient", "sector"),
        "location_name": location.get("name"), "location_country": location.get("country"),
        "context": list(row["context"] or []),
        "evidence": [span.get("text", "") for span in row["evidence"] or []],
        "confidence": row["confidence"], "coder": row["coder"], "status": row["status"],
        "corrections": row["corrections"],
    }


def plover(row: dict[str, Any]) -> dict[str, Any]:
    out = {"id": row["id"], "doc_id": row["article_id"]}
    out.update({key: row[key] for key in PLOVER_FIELDS})
    out["context"] = list(out["context"] or [])
    out["score"] = row["score"]
    out["status"] = row["status"]
    return out


def export(cur, fmt: str, out: IO[bytes], f: EventFilter | None = None,
           with_corrections: bool = False, limit: int | None = None) -> int:
    """Write the events to the binary stream ``out``; the number of events written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    rows = records(cur, f, with_corrections, limit)
    count = 0
    if fmt in ("json", "jsonl"):
        out.write(b"[" if fmt == "json" else b"")
        for row in rows:
            text = json.dumps(plover(row), ensure_ascii=False)
            if fmt == "json":
                out.write((("\n" if count == 0 else ",\n") + text).encode("utf-8"))
            else:
                out.write((text + "\n").encode("utf-8"))
            count += 1
        out.write(b"\n]\n" if fmt == "json" else b"")
        return count
    flats = [flat(row) for row in rows]
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.DictWriter(text, FLAT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in flats:
            writer.writerow({k: _cell(k, v) for k, v in row.items()})
        out.write(text.getvalue().encode("utf-8"))
        return len(flats)
    pq.write_table(pa.Table.from_pylist(flats, schema=_PARQUET_SCHEMA), out)
    return len(flats)


def _cell(key: str, value: Any) -> Any:
    if isinstance(value, list):
        return (" … " if key == "evidence" else "; " if key.endswith("names") else "+").join(value)
    return value


_LIST = pa.list_(pa.string())
_PARQUET_SCHEMA = pa.schema([
    ("id", pa.string()), ("article_id", pa.string()), ("published", pa.string()),
    ("event", pa.string()), ("quad", pa.string()), ("mode", pa.string()), ("aux", pa.string()),
    ("score", pa.float64()), ("date", pa.string()), ("date_precision", pa.string()),
    ("day", pa.string()), ("actor_codes", _LIST), ("actor_names", _LIST), ("actor_sectors", _LIST),
    ("recipient_codes", _LIST), ("recipient_names", _LIST), ("recipient_sectors", _LIST),
    ("location_name", pa.string()), ("location_country", pa.string()), ("context", _LIST),
    ("evidence", _LIST), ("confidence", pa.float64()), ("coder", pa.string()),
    ("status", pa.string()), ("corrections", pa.int64()),
])
