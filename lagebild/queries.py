"""Read-only questions to the store: the analyst workbench's queries.

Every function takes a DuckDB cursor and an ``EventFilter`` and returns plain data
(dicts and lists ready for JSON).  SQL is never built from user strings: values are
bound as parameters, and the few names that vary (the view, a sort key, a period)
come from the whitelists below.

``EventFilter.reviewed`` chooses between the coder's events (``coded_events``) and
the events with analyst corrections applied (``reviewed_events``, the default).
Aggregates, network, dyad series, map and exports leave rejected events out of the
reviewed view; the event list shows them (with their status) unless filtered.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lagebild.coords import locate

VIEWS = {True: "reviewed_events", False: "coded_events"}
SORTS = {"day": "day ASC NULLS LAST, id", "-day": "day DESC NULLS LAST, id",
         "score": "score ASC, id", "-score": "score DESC, id",
         "event": "event, id", "confidence": "confidence ASC, id",
         "-confidence": "confidence DESC, id", "id": "id"}
PERIODS = ("day", "week", "month", "year")
GROUPS = {"event": "event", "quad": "quad", "country": "location_country",
          "location": "location_name", "aux": "COALESCE(aux, 'asserted')",
          "status": "COALESCE(status, 'unreviewed')", "mode": "COALESCE(mode, '')"}
STATUSES = ("unreviewed", "confirmed", "corrected", "rejected")
CODE = re.compile(r"^[A-Z]{3}$")
MAX_LIMIT = 500
MAX_GROUPS = 5000
JSON_FIELDS = ("actor", "recipient", "location", "evidence", "source", "trigger")


@dataclass
class EventFilter:
    event: list[str] = field(default_factory=list)     # PLOVER types
    quad: list[str] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    aux: list[str] = field(default_factory=list)       # "asserted" is aux = null
    status: list[str] = field(default_factory=list)    # see STATUSES
    actor: str | None = None       # code (RUS) or part of a name or mention
    recipient: str | None = None
    party: str | None = None       # actor or recipient
    country: str | None = None     # ISO3 of the event location
    location: str | None = None    # part of the location name
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None           # words in the article (title, text) or the evidence
    article_id: str | None = None
    min_confidence: float | None = None
    reviewed: bool = True

    def view(self) -> str:
        return VIEWS[bool(self.reviewed)]

    def where(self, include_rejected: bool = True) -> tuple[str, list[Any]]:
        """SQL condition and its parameters."""
        parts: list[str] = []
        params: list[Any] = []

        def any_of(column: str, values: list[str]) -> None:
            if values:
                parts.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params.extend(values)

        any_of("event", self.event)
        any_of("quad", self.quad)
        any_of("mode", self.mode)
        any_of("COALESCE(aux, 'asserted')", self.aux)
        any_of("COALESCE(status, 'unreviewed')", self.status)
        if not include_rejected and self.reviewed:
            parts.append("COALESCE(status, '') <> 'rejected'")
        for value, roles in ((self.actor, ("actor",)), (self.recipient, ("recipient",)),
                             (self.party, ("actor", "recipient"))):
            if value:
                parts.append("(" + " OR ".join(_party(role, value, params) for role in roles) + ")")
        if self.country:
            parts.append("location_country = ?")
            params.append(self.country.upper())
        if self.location:
            parts.append("contains(lower(location_name), ?)")
            params.append(self.location.lower())
        if self.date_from:
            parts.append("day >= ?")
            params.append(self.date_from)
        if self.date_to:
            parts.append("day <= ?")
            params.append(self.date_to)
        if self.article_id:
            parts.append("article_id = ?")
            params.append(self.article_id)
        if self.min_confidence is not None:
            parts.append("confidence >= ?")
            params.append(self.min_confidence)
        if self.q:
            pattern = "%" + _like_escape(self.q.strip()) + "%"
            parts.append("(CAST(evidence AS VARCHAR) ILIKE ? ESCAPE '\\' OR article_id IN "
                         "(SELECT id FROM articles WHERE text ILIKE ? ESCAPE '\\' "
                         "OR title ILIKE ? ESCAPE '\\'))")
            params.extend([pattern, pattern, pattern])
        return (" AND ".join(parts) or "TRUE"), params


def _party(role: str, value: str, params: list[Any]) -> str:
    value = value.strip()
    if CODE.match(value):
        params.append(value)
        return f"list_contains({role}_codes, ?)"
    params.append(value.lower())
    return f"contains({role}_search, ?)"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _rows(cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


def _event_out(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in JSON_FIELDS:
        if key in out and isinstance(out[key], str):
            out[key] = json.loads(out[key])
    for key in ("day", "published"):
        if out.get(key) is not None:
            out[key] = out[key].isoformat()
    for key in ("actor_search", "recipient_search", "location_name", "location_country"):
        out.pop(key, None)
    return out


# -- events -----------------------------------------------------------------------------
LIST_COLUMNS = ("id, article_id, event, quad, mode, aux, score, date, date_precision, day, "
                "actor, recipient, actor_codes, recipient_codes, location, evidence, confidence, "
                "status, corrections")


def list_events(cur, f: EventFilter, limit: int = 50, offset: int = 0, sort: str = "-day") -> dict:
    limit = max(1, min(int(limit), MAX_LIMIT))
    where, params = f.where()
    view = f.view()
    total = cur.execute(f"SELECT count(*) FROM {view} WHERE {where}", params).fetchone()[0]
    rows = _rows(cur.execute(
        f"SELECT v.*, a.title, a.published, a.source AS outlet FROM "
        f"(SELECT {LIST_COLUMNS} FROM {view} WHERE {where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?) v "
        f"LEFT JOIN articles a ON a.id = v.article_id ORDER BY {SORTS[sort]}",
        params + [limit, max(0, int(offset))]))
    return {"total": total, "limit": limit, "offset": offset, "items": [_event_out(r) for r in rows]}


def get_event(cur, event_id: str, reviewed: bool = True) -> dict | None:
    rows = _rows(cur.execute(f"SELECT * FROM {VIEWS[reviewed]} WHERE id = ?", [event_id]))
    if not rows:
        return None
    event = _event_out(rows[0])
    article = cur.execute("SELECT title, published, source, url, text FROM articles WHERE id = ?",
                          [event["article_id"]]).fetchone()
    if article:
        title, published, outlet, url, text = article
        event["article"] = {"id": event["article_id"], "title": title, "source": outlet, "url": url,
                            "published": published.isoformat() if published else None}
        event["evidence_context"] = [_context(text, span) for span in event.get("evidence") or []]
    event["corrections_log"] = corrections(cur, event_id)
    if reviewed and event.get("corrections"):
        event["coded"] = _event_out(_rows(cur.execute("SELECT * FROM coded_events WHERE id = ?", [event_id]))[0])
    return event


def _context(text: str, span: dict, width: int = 160) -> dict:
    start, end = span.get("start", -1), span.get("end", -1)
    if start is None or start < 0:
        return {"before": "", "text": span.get("text", ""), "after": ""}
    return {"before": text[max(0, start - width):start], "text": text[start:end],
            "after": text[end:end + width]}


def corrections(cur, event_id: str) -> list[dict]:
    rows = _rows(cur.execute("SELECT * FROM corrections WHERE event_id = ? ORDER BY id", [event_id]))
    for row in rows:
        row["changes"] = json.loads(row["changes"] or "{}")
        row["previous"] = json.loads(row["previous"] or "null")
        row["created_at"] = row["created_at"].isoformat()
    return rows


def get_article(cur, article_id: str, reviewed: bool = True) -> dict | None:
    rows = _rows(cur.execute("SELECT * EXCLUDE (content_hash) FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return None
    article = rows[0]
    article["blocks"] = json.loads(article["blocks"] or "[]")
    for key in ("published", "ingested_at"):
        if article.get(key) is not None:
            article[key] = article[key].isoformat()
    events = _rows(cur.execute(f"SELECT * FROM {VIEWS[reviewed]} WHERE article_id = ? "
                               "ORDER BY CAST(split_part(id, ':', -1) AS INTEGER)", [article_id]))
    article["events"] = [_event_out(e) for e in events]
    return article


def list_articles(cur, q: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    limit = max(1, min(int(limit), MAX_LIMIT))
    where, params = "TRUE", []
    if q:
        where = "(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')"
        params = ["%" + _like_escape(q) + "%"] * 2
    total = cur.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]
    rows = _rows(cur.execute(
        f"SELECT a.id, a.title, a.published, a.source, (SELECT count(*) FROM events e "
        f"WHERE e.article_id = a.id) AS events FROM articles a WHERE {where} "
        f"ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?", params + [limit, max(0, offset)]))
    for row in rows:
        row["published"] = row["published"].isoformat() if row["published"] else None
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


# -- aggregates -------------------------------------------------------------------------
def _period(period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    return "day" if period == "day" else f"date_trunc('{period}', day)"


def counts(cur, f: EventFilter, by: list[str], period: str = "day", limit: int = 1000) -> dict:
    """Event counts and PLOVER score sums grouped by ``by`` (time, GROUPS keys, dyad)."""
    limit = max(1, min(int(limit), MAX_GROUPS))
    keys, selects = [], []
    for name in by:
        if name == "time":
            selects.append(f"CAST({_period(period)} AS DATE) AS time")
        elif name == "dyad":
            selects.append("array_to_string(actor_codes, '+') AS actor, "
                           "array_to_string(recipient_codes, '+') AS recipient")
            keys.extend(["actor", "recipient"])
            continue
        elif name in GROUPS:
            selects.append(f"{GROUPS[name]} AS {name}")
        else:
            raise ValueError(f"cannot group by {name!r}")
        keys.append(name)
    if not keys:
        raise ValueError("group by at least one of time, dyad, " + ", ".join(GROUPS))
    where, params = f.where(include_rejected=False)
    order = "time" if "time" in keys else "count DESC"
    rows = _rows(cur.execute(
        f"SELECT {', '.join(keys)}, count(*) AS count, round(sum(score), 2) AS score_sum, "
        f"round(avg(score), 2) AS score_mean FROM (SELECT {', '.join(selects)}, score FROM {f.view()} "
        f"WHERE {where}{' AND day IS NOT NULL' if 'time' in keys else ''}) "
        f"GROUP BY ALL ORDER BY {order}, {', '.join(keys)} LIMIT ?", params + [limit]))
    for row in rows:
        if row.get("time") is not None:
            row["time"] = row["time"].isoformat()
    return {"by": keys, "period": period if "time" in keys else None, "items": rows}


_PAIRS = """
WITH ev AS (SELECT actor_codes, recipient_codes, quad, score, day FROM {view} WHERE {where}),
pairs AS (
    SELECT a, unnest(CASE WHEN len(recipient_codes) = 0 THEN actor_codes ELSE recipient_codes END) AS r,
           len(recipient_codes) > 0 AS directed, quad, score, day
    FROM (SELECT unnest(actor_codes) AS a, * FROM ev)
)
SELECT * FROM pairs WHERE a <> r AND (directed OR a < r)
"""


def network(cur, f: EventFilter, limit: int = 200, min_count: int = 1) -> dict:
    """Actor network: dyads with event counts and their cooperation/conflict balance."""
    limit = max(1, min(int(limit), MAX_GROUPS))
    where, params = f.where(include_rejected=False)
    edges = _rows(cur.execute(
        f"SELECT a AS source, r AS target, bool_or(directed) AS directed, count(*) AS count, "
        f"count(*) FILTER (WHERE quad LIKE '%cooperation') AS cooperation, "
        f"count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict, "
        f"round(sum(score), 2) AS score_sum, round(avg(score), 2) AS score_mean "
        f"FROM ({_PAIRS.format(view=f.view(), where=where)}) GROUP BY a, r HAVING count(*) >= ? "
        f"ORDER BY count DESC, a, r LIMIT ?", params + [max(1, int(min_count)), limit]))
    for edge in edges:
        edge["balance"] = round((edge["cooperation"] - edge["conflict"]) / edge["count"], 3)
    nodes: dict[str, dict] = {}
    for edge in edges:
        for end in ("source", "target"):
            node = nodes.setdefault(edge[end], {"id": edge[end], "count": 0, "score_sum": 0.0})
            node["count"] += edge["count"]
            node["score_sum"] = round(node["score_sum"] + edge["score_sum"], 2)
    return {"nodes": sorted(nodes.values(), key=lambda n: -n["count"]), "edges": edges}


def dyad(cur, f: EventFilter, a: str, b: str, period: str = "week") -> dict:
    """Events between two actors over time: counts by quad and net PLOVER score per period,
    in both directions (``a→b``, ``b→a``; undirected events count as both)."""
    for code in (a, b):
        if not CODE.match(code or ""):
            raise ValueError(f"dyad parties are actor codes (three capital letters), not {code!r}")
    where, params = f.where(include_rejected=False)
    rows = _rows(cur.execute(
        f"SELECT CAST({_period(period)} AS DATE) AS time, quad, "
        f"CASE WHEN NOT directed THEN 'both' WHEN a = ? THEN 'ab' ELSE 'ba' END AS direction, "
        f"count(*) AS count, round(sum(score), 2) AS score_sum "
        f"FROM ({_PAIRS.format(view=f.view(), where=where)}) "
        f"WHERE ((a = ? AND r = ?) OR (a = ? AND r = ?)) AND day IS NOT NULL "
        f"GROUP BY ALL ORDER BY time", [a] + params + [a, b, b, a]))
    series: dict[str, dict] = {}
    for row in rows:
        key = row["time"].isoformat()
        point = series.setdefault(key, {"time": key, "count": 0, "score_sum": 0.0, "ab": 0.0, "ba": 0.0,
                                        "quads": {}})
        point["count"] += row["count"]
        point["score_sum"] = round(point["score_sum"] + row["score_sum"], 2)
        point["quads"][row["quad"]] = point["quads"].get(row["quad"], 0) + row["count"]
        for direction in ("ab", "ba"):
            if row["direction"] in (direction, "both"):
                point[direction] = round(point[direction] + row["score_sum"], 2)
    total = sum(p["count"] for p in series.values())
    return {"a": a, "b": b, "period": period, "total": total, "series": list(series.values())}


def map_points(cur, f: EventFilter, limit: int = 2000) -> dict:
    """Event locations with counts and coordinates (from ``lagebild.coords``)."""
    where, params = f.where(include_rejected=False)
    rows = _rows(cur.execute(
        f"SELECT location_name AS name, location_country AS country, count(*) AS count, "
        f"round(avg(score), 2) AS score_mean, "
        f"count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict FROM {f.view()} "
        f"WHERE {where} AND location_name IS NOT NULL GROUP BY ALL ORDER BY count DESC LIMIT ?",
        params + [max(1, min(int(limit), MAX_GROUPS))]))
    points, unplaced = [], 0
    for row in rows:
        point = locate(row["name"], row["country"])
        if point is None:
            unplaced += row["count"]
            continue
        row["lat"], row["lon"] = point
        points.append(row)
    return {"points": points, "unplaced": unplaced}


def actors(cur, q: str | None = None, limit: int = 50) -> list[dict]:
    """Actor codes in the store with event counts and their most frequent names."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    where, params = "code IS NOT NULL", []
    if q:
        where += " AND (code = ? OR contains(lower(name), ?) OR contains(lower(text), ?))"
        params = [q.upper(), q.lower(), q.lower()]
    rows = _rows(cur.execute(
        f"SELECT code, count(DISTINCT event_id) AS events, "
        f"list(DISTINCT name ORDER BY name) FILTER (WHERE name IS NOT NULL) AS names "
        f"FROM entities WHERE role <> 'source' AND {where} GROUP BY code ORDER BY events DESC, code LIMIT ?",
        params + [limit]))
    for row in rows:
        row["names"] = (row["names"] or [])[:5]
    return rows


def summary(cur) -> dict:
    row = cur.execute("SELECT count(*), min(day), max(day) FROM events").fetchone()
    return {"events": row[0], "first_day": row[1].isoformat() if row[1] else None,
            "last_day": row[2].isoformat() if row[2] else None,
            "articles": cur.execute("SELECT count(*) FROM articles").fetchone()[0],
            "corrections": cur.execute("SELECT count(*) FROM corrections").fetchone()[0]}
