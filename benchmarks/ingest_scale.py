"""End-to-end ingest throughput: one process vs Dask, memory per worker, resume after kill.

    .venv/bin/python benchmarks/ingest_scale.py [--limit 300] [--workers 2]

Prints articles/s and words/s (wall clock, including the coder's load and the store
writes), the peak resident memory of every process that coded, and the time a
restarted run needs after a ``kill -9`` half-way.  Figures depend on the machine; the
Dask figures include starting the local cluster.
"""

from __future__ import annotations

import argparse
import itertools
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "10kgnad" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=25)
    args = parser.parse_args()

    from lagebild.batch import ingest_dask, ingest_serial
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-bench-"))
    corpus = tmp / "corpus.jsonl"
    with open(args.corpus, "rb") as src, open(corpus, "wb") as dst:
        dst.writelines(itertools.islice(src, args.limit))
    print(f"corpus: {args.limit} articles of {args.corpus.name}, cpu cores: {os.cpu_count()}")

    t0 = time.perf_counter()
    from lagebild.events.coder import EventCoder
    coder = EventCoder.load()
    load = time.perf_counter() - t0
    one = ingest_serial([str(corpus)], str(tmp / "serial.duckdb"), coder=coder, progress=False)
    total = one.seconds + load
    print(f"serial   : {one.stored} articles in {total:.1f} s (coder load {load:.1f} s) = "
          f"{one.stored / total:.1f} articles/s, {one.words / total:.0f} words/s; "
          f"steady {one.stored / one.seconds:.1f} articles/s; peak RSS {one.workers['main']:.0f} MiB")

    many = ingest_dask([str(corpus)], str(tmp / "dask.duckdb"), workers=args.workers,
                       partition_size=args.partition_size, progress=False)
    print(f"dask x{args.workers}  : {many.stored} articles in {many.seconds:.1f} s (incl. cluster start and "
          f"coder load per worker) = {many.stored / many.seconds:.1f} articles/s, "
          f"{many.words / many.seconds:.0f} words/s")
    for worker, peak in sorted(many.workers.items()):
        print(f"  worker {worker}: peak RSS {peak:.0f} MiB")

    # Resume: kill -9 half-way through a serial run, then time the restart.
    db = tmp / "resume.duckdb"
    cmd = [sys.executable, "-m", "lagebild.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "16"]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    time.sleep(load + 1.0 + 0.5 * one.seconds)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    resume = time.perf_counter() - t0
    line = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    print(f"resume   : restart after kill -9 finished in {resume:.1f} s ({line.removeprefix('lagebild: ')})")
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    ref = duckdb.connect(str(tmp / "serial.duckdb"), read_only=True)
    same = (con.execute("SELECT id FROM articles ORDER BY id").fetchall()
            == ref.execute("SELECT id FROM articles ORDER BY id").fetchall()
            and con.execute("SELECT count(*) FROM events").fetchone() == ref.execute(
                "SELECT count(*) FROM events").fetchone())
    print(f"resumed store equals the uninterrupted one: {same}")


if __name__ == "__main__":
    main()
