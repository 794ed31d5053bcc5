"""Kill a real ``lagebild ingest`` with SIGKILL mid-run, restart it, and check that the
store equals the store of an uninterrupted run: no article lost, none stored twice."""

import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

SUBJECTS = ["Russland", "Die USA", "Frankreich", "Die Türkei", "China", "Deutschland"]
OBJECTS = ["die Ukraine", "Syrien", "den Iran", "Israel", "Polen", "Japan"]
# Each process gets its own hash seed: the coder's output must not depend on it
# (tests/test_cli.py checks that too), so runs in different processes compare equal.
ENV = {**os.environ, "PYTHONHASHSEED": "random"}
CITIES = ["Wien", "Berlin", "Paris", "Kiew", "Ankara"]


def write_corpus(path: Path, n: int = 60) -> Path:
    lines = []
    for i in range(n):
        s, o, c = SUBJECTS[i % 6], OBJECTS[(i * 5) % 6], CITIES[i % 5]
        text = (f"{s} kritisierte {o} am Montag scharf. Die Polizei nahm in {c} {i % 7 + 2} "
                f"Demonstranten fest. Meldung {i}.")
        lines.append(json.dumps({"id": f"art-{i:03d}", "text": text, "source": f"quelle{i % 3}",
                                 "published": f"2024-0{1 + i % 2}-{10 + i % 9}"}, ensure_ascii=False))
        if i in (17, 41):
            lines.append("{kaputt")           # a reject, exactly once per run
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ingest_cmd(corpus, db, *extra):
    return [sys.executable, "-m", "lagebild.cli", "ingest", str(corpus), "--db", str(db), *extra]


def run_killed_at(corpus, db, at: int, extra=()) -> bool:
    """Start ingest, SIGKILL it once the progress bar shows ``at`` items; True if killed."""
    proc = subprocess.Popen(ingest_cmd(corpus, db, *extra), stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, env=ENV)
    seen = []

    def watch():
        buf = b""
        while True:
            chunk = os.read(proc.stderr.fileno(), 4096)
            if not chunk:
                return
            buf = (buf + chunk)[-4000:]
            counts = [int(m) for m in re.findall(rb"\| *(\d+)/\d+ \[", buf)]
            if counts and max(counts) >= at and not seen:
                seen.append(max(counts))
                proc.send_signal(signal.SIGKILL)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    proc.wait(timeout=120)
    thread.join(timeout=5)
    return proc.returncode == -signal.SIGKILL


def snapshot(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.execute("SELECT id, content_hash, title, published, source FROM articles "
                                    "ORDER BY id").fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY id").fetchall(),
            "entities": con.execute("SELECT * FROM entities ORDER BY event_id, role, position").fetchall(),
            "quotes": con.execute("SELECT * FROM quotes ORDER BY id").fetchall(),
            "rejects": con.execute("SELECT origin, problem FROM rejects ORDER BY ALL").fetchall(),
            "unfinished": con.execute("SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL")
                             .fetchone()[0],
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl")


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    result = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, env=ENV, timeout=120)
    assert result.returncode == 1, result.stderr       # 1: two rejects
    snap = snapshot(db)
    assert len(snap["articles"]) == 60 and len(snap["rejects"]) == 2 and snap["events"]
    return snap


def test_sigkill_twice_then_resume_equals_uninterrupted_run(corpus, reference, tmp_path):
    db = tmp_path / "killed.duckdb"
    assert run_killed_at(corpus, db, 12, ["--batch-size", "5"]), "first run was not killed mid-run"
    assert run_killed_at(corpus, db, 40, ["--batch-size", "5"]), "second run was not killed mid-run"
    result = subprocess.run(ingest_cmd(corpus, db, "--batch-size", "5"), capture_output=True,
                            text=True, env=ENV, timeout=120)
    assert result.returncode in (0, 1), result.stderr   # 1 only if rejects fell in this part
    assert "done before an interruption" in result.stderr
    assert snapshot(db) == reference


def test_content_hash_ids_are_stable_and_deduplicate(tmp_path):
    from lagebild.batch import with_id
    from lagebild.records import Article
    a = with_id(Article(id="x", text="Gleicher Text."), "content")
    b = with_id(Article(id="y", text="Gleicher Text."), "content")
    assert a.id == b.id and a.id.startswith("h") and len(a.id) == 25
