"""Benchmark: exactly-once ingest under repeated kill -9 at random points.

    .venv/bin/python benchmarks/kill_resume.py [--cycles 20] [--articles 120] [--seed 1]

Ingests an invented corpus once without interruption, then again while killing the
process with SIGKILL at a random progress count, restarting it each time, for the given
number of cycles (and once more to finish).  Prints how many kills landed mid-run,
articles lost or duplicated, whether the final store equals the uninterrupted one, and
the mean time a restart needed to finish.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_ingest_resume import ENV, ingest_cmd, run_killed_at, snapshot, write_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = write_corpus(tmp / "news.jsonl", args.articles)
        subprocess.run(ingest_cmd(corpus, tmp / "ref.duckdb"), env=ENV, capture_output=True, timeout=600)
        reference = snapshot(tmp / "ref.duckdb")
        db = tmp / "killed.duckdb"
        kills = 0
        for _ in range(args.cycles):
            kills += run_killed_at(corpus, db, rng.randint(1, args.articles), ["--batch-size", "4"])
        started = time.perf_counter()
        subprocess.run(ingest_cmd(corpus, db, "--batch-size", "4"), env=ENV, capture_output=True, timeout=600)
        finish_s = time.perf_counter() - started
        final = snapshot(db)
    stored = [row[0] for row in final["articles"]]
    expected = {row[0] for row in reference["articles"]}
    print(f"kill cycles        {args.cycles} ({kills} landed mid-run)")
    print(f"articles           {len(expected)} expected, {len(set(stored))} stored")
    print(f"lost               {len(expected - set(stored))}")
    print(f"duplicated         {len(stored) - len(set(stored))}")
    print(f"store identical    {final == reference}")
    print(f"final restart      {finish_s:.1f} s")


if __name__ == "__main__":
    main()
