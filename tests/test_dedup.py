"""Cross-article deduplication on constructed multi-report fixtures."""

import json
import subprocess
import sys
from datetime import date

import duckdb

from lagebild.dedup import DedupConfig, cluster_events


def ev(id, article, event="ASSAULT", day=date(2024, 3, 4), actors=("RUS",), recipients=("UKR",),
       place=None, country=None, source=None, confidence=0.5):
    return {"id": id, "article_id": article, "event": event, "day": day, "actor_codes": list(actors),
            "recipient_codes": list(recipients), "location_name": place, "location_country": country,
            "source": source or f"src-{article}", "confidence": confidence}


def by_members(clusters):
    return {frozenset(m["id"] for m in c.members): c for c in clusters}


def test_three_outlets_one_event_and_a_distinct_one():
    rows = [ev("a:0", "a", place="Kiew", country="UKR", source="ntv"),
            ev("b:0", "b", day=date(2024, 3, 5), actors=("RUS", "RUSMIL"), source="spiegel", confidence=0.9),
            ev("c:0", "c", day=date(2024, 3, 6), place=None, source="ntv"),
            ev("d:0", "d", event="CONSULT"),                         # other type
            ev("e:0", "e", day=date(2024, 3, 20)),                   # outside the window
            ev("f:0", "f", actors=("USA",)),                         # no actor overlap
            ev("g:0", "g", place="Charkiw", country="UKR")]          # another place
    clusters = by_members(cluster_events(rows))
    big = clusters[frozenset({"a:0", "b:0", "c:0"})]
    assert big.n_articles == 3 and big.sources == ["ntv", "spiegel"] and big.representative == "b:0"
    d = big.to_dict()
    assert d["n_sources"] == 2 and d["first_day"] == date(2024, 3, 4) and d["last_day"] == date(2024, 3, 6)
    assert d["article_ids"] == ["a", "b", "c"]
    for single in ("d:0", "e:0", "f:0", "g:0"):
        assert frozenset({single}) in clusters


def test_window_is_configurable_and_same_article_never_links():
    rows = [ev("a:0", "a"), ev("b:0", "b", day=date(2024, 3, 9)), ev("a:1", "a")]
    assert len(cluster_events(rows, DedupConfig(window_days=3))) == 3
    wide = by_members(cluster_events(rows, DedupConfig(window_days=5)))
    assert frozenset({"a:0", "b:0", "a:1"}) in wide     # a:0 and a:1 only via b:0


def test_dedup_command_writes_cluster_tables(tmp_path):
    from lagebild.store import Store
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        con = store.con
        for i, (src, day) in enumerate([("ntv", "2024-03-04"), ("taz", "2024-03-05"), ("faz", "2024-03-05")]):
            con.execute("INSERT INTO articles (id, content_hash, text, source, ingested_at) "
                        "VALUES (?, 'h', 't', ?, now())", [f"art{i}", src])
            con.execute("INSERT INTO events (id, article_id, event, quad, day, actor_codes, recipient_codes, "
                        "confidence) VALUES (?, ?, 'SANCTION', 'material_conflict', ?, ['EU'], ['RUS'], 0.5)",
                        [f"art{i}:0", f"art{i}", day])
    result = subprocess.run([sys.executable, "-m", "lagebild.cli", "dedup", "--db", str(db),
                             "--window-days", "2"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    assert printed[0]["n_articles"] == 3 and printed[0]["n_sources"] == 3
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT n_articles, n_sources, window_days FROM event_clusters").fetchall() == [(3, 3, 2)]
    assert con.execute("SELECT count(*), count(DISTINCT cluster_id), sum(representative::INT) "
                       "FROM event_cluster_members").fetchone() == (3, 1, 1)
