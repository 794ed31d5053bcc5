"""``lagebild ingest --engine dask``: a local cluster of 2 workers gives the same store
as one process, plus Parquet partitioned by publication month."""

import subprocess

import duckdb
import pytest

from test_ingest_resume import ENV, ingest_cmd, snapshot, write_corpus

pytest.importorskip("dask.distributed")


def test_dask_engine_equals_serial_and_writes_monthly_parquet(tmp_path):
    corpus = write_corpus(tmp_path / "news.jsonl", n=20)
    serial, dask_db, parquet = tmp_path / "serial.duckdb", tmp_path / "dask.duckdb", tmp_path / "pq"
    one = subprocess.run(ingest_cmd(corpus, serial), capture_output=True, text=True, env=ENV, timeout=120)
    assert one.returncode == 1, one.stderr
    two = subprocess.run(ingest_cmd(corpus, dask_db, "--engine", "dask", "--workers", "2",
                                    "--partition-size", "6", "--parquet", parquet),
                         capture_output=True, text=True, env=ENV, timeout=180)
    assert two.returncode == 1, two.stderr
    assert "news.jsonl:19" in two.stderr                      # the reject, with its line
    assert snapshot(dask_db) == snapshot(serial)
    months = sorted(p.name for p in (parquet / "events").iterdir())
    assert months == ["month=2024-01", "month=2024-02"]
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{parquet}/events/*/*.parquet', "
                    "hive_partitioning=true)").fetchone()[0]
    assert n == len(snapshot(serial)["events"])
