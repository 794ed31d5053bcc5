"""The command line, run as a real process on real files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "corpus" / "ntv-2015-09-18-russland-usa-is.txt"
FIXTURES = ROOT / "tests" / "fixtures"


def lagebild(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "lagebild.cli", *map(str, args)],
                          capture_output=True, text=True, input=stdin, timeout=300)


def test_extract_prints_one_json_event_per_line(tmp_path):
    article = tmp_path / "polizei-berlin.txt"
    article.write_text("Berlin – Die Polizei hat am Montag in Berlin drei Demonstranten festgenommen.\n",
                       encoding="utf-8")
    result = lagebild("extract", article)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events, "expected at least one event"
    assert {e["doc_id"] for e in events} == {"polizei-berlin"}
    coerce = [e for e in events if e["event"] == "COERCE"]
    assert coerce and coerce[0]["mode"] == "arrest"
    text = article.read_text(encoding="utf-8")
    for span in coerce[0]["evidence"]:
        assert text[span["start"]:span["end"]] == span["text"]


def test_extract_reads_stdin_and_formats(tmp_path):
    text = "Russland kritisierte die Türkei scharf.\n"
    table = lagebild("extract", "-", "--format", "table", stdin=text)
    assert table.returncode == 0, table.stderr
    assert "ACCUSE" in table.stdout
    as_json = lagebild("extract", "-", "--format", "json", stdin=text)
    assert json.loads(as_json.stdout)[0]["event"] == "ACCUSE"


def test_bad_input_is_reported_and_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Die israelische Armee griff die Stadt an.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = lagebild("extract", tmp_path)
    assert result.returncode == 1
    assert "empty.txt" in result.stderr
    assert any(json.loads(l)["doc_id"] == "good" for l in result.stdout.splitlines())


def test_ingest_stores_once_and_reports_rejects(tmp_path):
    import duckdb
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "Die Polizei nahm in Wien zwei Männer fest."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b", "text": "Die USA kritisierten China."}) + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    first = lagebild("ingest", corpus, "--db", db)
    assert first.returncode == 1 and "corpus.jsonl:2" in first.stderr
    second = lagebild("ingest", corpus, "--db", db)
    assert "stored 0 articles, 2 unchanged" in second.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 2
    assert con.execute("select count(*) from rejects").fetchone()[0] == 2
    assert con.execute("select count(*) from events where article_id='a'").fetchone()[0] >= 1


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared corpus not present")
def test_reference_article_core_events():
    result = lagebild("extract", REFERENCE)
    events = [json.loads(line) for line in result.stdout.splitlines()]
    types = {e["event"] for e in events}
    assert {"CONSULT", "SANCTION", "ASSAULT", "MOBILIZE", "ACCUSE", "REQUEST"} <= types
    negated = [e for e in events if e["aux"] == "negation"]
    assert any(e["event"] == "CONSULT" for e in negated)


@pytest.mark.skipif(not (SHARED / "gold" / "dev").exists(), reason="shared gold not present")
def test_eval_prints_every_level_as_json():
    result = lagebild("eval", "--gold", SHARED / "gold" / "dev", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["levels"]) >= {"L1", "aux", "mode", "sector", "date", "all"}
    assert 0.0 < report["levels"]["L1"]["f1"] <= 1.0


def test_unknown_reader_is_a_usage_error(tmp_path):
    result = lagebild("extract", tmp_path, "--reader", "pdf")
    assert result.returncode == 2


@pytest.mark.skipif(not (SHARED / "gold" / "dev").exists(), reason="shared gold not present")
def test_eval_of_extracted_predictions_equals_eval_of_coding(tmp_path):
    from lagebild.evaluate import load_gold
    gold = load_gold(SHARED / "gold" / "dev")
    corpus = tmp_path / "gold.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": d.doc_id, "text": d.text,
                    "published": d.published.isoformat() if d.published else None}) + "\n"
        for d in gold), encoding="utf-8")
    extracted = lagebild("extract", corpus)
    assert extracted.returncode == 0, extracted.stderr
    pred = tmp_path / "pred.jsonl"
    pred.write_text(extracted.stdout, encoding="utf-8")
    from_file = json.loads(lagebild("eval", "--gold", SHARED / "gold" / "dev", "--pred", pred, "--json").stdout)
    coded = json.loads(lagebild("eval", "--gold", SHARED / "gold" / "dev", "--json").stdout)
    assert from_file["levels"] == coded["levels"]


def test_an_article_the_coder_cannot_handle_is_reported_not_fatal(tmp_path, monkeypatch):
    from lagebild import cli
    from lagebild.records import Article

    class Broken:
        def code(self, article):
            raise RuntimeError("boom")

    error = cli._code(Broken(), Article(id="x", text="t", origin="x.txt"))
    assert str(error) == "x.txt: coding failed: RuntimeError: boom"


def test_extract_with_quotes_prints_quote_records_and_eval_skips_them(tmp_path):
    text = "Der Sprecher sagte, dass Russland die Ukraine angegriffen habe.\n"
    result = lagebild("extract", "-", "--quotes", stdin=text)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    quotes = [r for r in records if r.get("record") == "quote"]
    assert quotes and quotes[0]["speaker"]["text"] == "Der Sprecher"
    assert any(r.get("event") == "ASSAULT" for r in records)


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared corpus not present")
def test_extraction_does_not_depend_on_the_hash_seed():
    import os
    outputs = set()
    for seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-m", "lagebild.cli", "extract", str(REFERENCE)],
                                capture_output=True, text=True, timeout=300,
                                env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add(result.stdout)
    assert len(outputs) == 1
