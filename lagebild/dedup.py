"""Cross-article deduplication: one event, many reports.

Two coded events are reports of the same event when (``DedupConfig``):

* they have the same PLOVER type (and, with ``same_mode``, the same mode when both have one);
* their actor codes overlap, and so do their recipient codes, where both sides name
  coded parties (an event without any coded actor/recipient links by that side only if
  ``allow_uncoded`` is set);
* their days are at most ``window_days`` apart (the event's date, else the article's
  publication day: the ``day`` column of the store);
* their places are compatible: equal location country and name, or at least one side
  without a location (or name), but never two different countries or names.

Links are transitive (single linkage, union-find) and only made between events of
different articles (one article's duplicates are merged by the coder); two groups are
not joined when their known places differ (no chaining Kiew - no place - Charkiw).  Each cluster
records its number of reports, articles and distinct sources, first and last day, and a
representative: the report with the highest confidence, then the most parties, then the
earliest day, then the smallest id.  ``cluster_store`` writes ``event_clusters`` (one
row per cluster) and ``event_cluster_members`` (one row per report, linking the cluster
to the event and article) in one transaction, replacing the previous clustering.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable


@dataclass
class DedupConfig:
    window_days: int = 3
    same_mode: bool = False
    allow_uncoded: bool = False


@dataclass
class Cluster:
    id: str
    event: str
    representative: str
    members: list[dict[str, Any]] = field(default_factory=list)

    @property
    def n_reports(self) -> int:
        return len(self.members)

    @property
    def n_articles(self) -> int:
        return len({m["article_id"] for m in self.members})

    @property
    def sources(self) -> list[str]:
        return sorted({m["source"] for m in self.members if m.get("source")})

    def to_dict(self) -> dict[str, Any]:
        rep = next(m for m in self.members if m["id"] == self.representative)
        days = [m["day"] for m in self.members if m.get("day")]
        return {"cluster_id": self.id, "event": self.event, "representative_event_id": self.representative,
                "n_reports": self.n_reports, "n_articles": self.n_articles,
                "n_sources": len(self.sources), "sources": self.sources,
                "first_day": min(days) if days else None, "last_day": max(days) if days else None,
                "actor_codes": list(rep.get("actor_codes") or []),
                "recipient_codes": list(rep.get("recipient_codes") or []),
                "location_name": rep.get("location_name"), "location_country": rep.get("location_country"),
                "event_ids": [m["id"] for m in self.members],
                "article_ids": sorted({m["article_id"] for m in self.members})}


def _codes_match(a, b, allow_uncoded: bool) -> bool:
    a, b = set(a or ()), set(b or ())
    if not a or not b:
        return allow_uncoded or (not a and not b)
    return bool(a & b)


def _places_match(a: dict, b: dict) -> bool:
    for key in ("location_country", "location_name"):
        x, y = a.get(key), b.get(key)
        if x and y and x.lower() != y.lower():
            return False
    return True


def _days_apart(a: date | None, b: date | None) -> int | None:
    if a is None or b is None:
        return None
    return abs((a - b).days)


def linked(a: dict, b: dict, config: DedupConfig) -> bool:
    if a["event"] != b["event"] or a["article_id"] == b["article_id"]:
        return False
    if config.same_mode and a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        return False
    gap = _days_apart(a.get("day"), b.get("day"))
    if gap is None or gap > config.window_days:
        return False
    return (_codes_match(a.get("actor_codes"), b.get("actor_codes"), config.allow_uncoded)
            and _codes_match(a.get("recipient_codes"), b.get("recipient_codes"), config.allow_uncoded)
            and _places_match(a, b))


def cluster_events(rows: Iterable[dict[str, Any]], config: DedupConfig | None = None) -> list[Cluster]:
    """Cluster event rows (``id``, ``article_id``, ``event``, ``day``, ``actor_codes``,
    ``recipient_codes``, ``location_name``, ``location_country``, optional ``mode``,
    ``confidence``, ``source``).  Every event ends in exactly one cluster."""
    config = config or DedupConfig()
    rows = sorted(rows, key=lambda r: (r["event"], r.get("day") or date.max, r["id"]))
    parent = {r["id"]: r["id"] for r in rows}
    place = {r["id"]: {k: r.get(k) for k in ("location_country", "location_name")} for r in rows}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_type: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_type[row["event"]].append(row)
    for group in by_type.values():
        # sorted by day: compare each event only with the following ones inside the window
        for i, a in enumerate(group):
            if a.get("day") is None:
                continue
            for b in group[i + 1:]:
                if b.get("day") is None or (b["day"] - a["day"]).days > config.window_days:
                    break
                if linked(a, b, config):
                    ra, rb = find(a["id"]), find(b["id"])
                    # no chaining across places: Kiew - (no place) - Charkiw stays apart
                    if ra != rb and _places_match(place[ra], place[rb]):
                        root, other = min(ra, rb), max(ra, rb)
                        parent[other] = root
                        place[root] = {k: place[root].get(k) or place[other].get(k)
                                       for k in ("location_country", "location_name")}
    members: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        members[find(row["id"])].append(row)
    clusters = []
    for group in members.values():
        group.sort(key=lambda r: r["id"])
        rep = min(group, key=lambda r: (-(r.get("confidence") or 0.0),
                                        -(len(r.get("actor_codes") or ()) + len(r.get("recipient_codes") or ())),
                                        r.get("day") or date.max, r["id"]))
        cid = "c" + hashlib.sha1("\n".join(r["id"] for r in group).encode()).hexdigest()[:16]
        clusters.append(Cluster(cid, group[0]["event"], rep["id"], group))
    clusters.sort(key=lambda c: (-c.n_articles, c.event, c.id))
    return clusters


_SQL = """
CREATE TABLE IF NOT EXISTS event_clusters (
    cluster_id VARCHAR PRIMARY KEY, event VARCHAR NOT NULL, representative_event_id VARCHAR NOT NULL,
    n_reports INTEGER NOT NULL, n_articles INTEGER NOT NULL, n_sources INTEGER NOT NULL,
    sources VARCHAR[], first_day DATE, last_day DATE, actor_codes VARCHAR[], recipient_codes VARCHAR[],
    location_name VARCHAR, location_country VARCHAR, window_days INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS event_cluster_members (
    cluster_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
    source VARCHAR, day DATE, representative BOOLEAN NOT NULL);
"""


def cluster_store(store, config: DedupConfig | None = None) -> list[Cluster]:
    """Cluster the store's coded events and (re)write ``event_clusters`` and
    ``event_cluster_members``."""
    import pyarrow as pa
    config = config or DedupConfig()
    con = store.con
    cursor = con.execute(
        "SELECT e.id, e.article_id, e.event, e.mode, e.day, e.actor_codes, e.recipient_codes, "
        "e.location_name, e.location_country, e.confidence, a.source "
        "FROM events e JOIN articles a ON a.id = e.article_id")
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, values)) for values in cursor.fetchall()]
    clusters = cluster_events(rows, config)
    heads = [{**{k: v for k, v in c.to_dict().items() if k not in ("event_ids", "article_ids")},
              "window_days": config.window_days} for c in clusters]
    members = [{"cluster_id": c.id, "event_id": m["id"], "article_id": m["article_id"],
                "source": m.get("source"), "day": m.get("day"), "representative": m["id"] == c.representative}
               for c in clusters for m in c.members]
    con.execute(_SQL)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_cluster_members")
        con.execute("DELETE FROM event_clusters")
        for table, data in (("event_clusters", heads), ("event_cluster_members", members)):
            if data:
                con.register("_rows", pa.Table.from_pylist(data))
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
                con.unregister("_rows")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return clusters
