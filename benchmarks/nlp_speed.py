"""Benchmark: words/s and peak memory of lagebild's NLP stage with 1 and 2 processes.

    .venv/bin/python benchmarks/nlp_speed.py [CORPUS.jsonl] [--limit N] [--processes 1 2]

Runs ``lagebild.nlp.load_pipeline()`` (the installed ``de_lagebild`` pipeline plus the
news sentence splitter and lemma fixes) over the article texts of
``../shared/corpus/10kgnad/articles.jsonl`` with ``nlp.pipe(..., n_process=N)``.
Each setting runs in a fresh subprocess so that its peak memory is its own; for N=2 the
peak is the main process plus its two workers (sum of their maximum resident sizes).
Words are whitespace-separated words of the text; threads are pinned to 1 per process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "10kgnad" / "articles.jsonl"


def child(corpus: Path, limit: int, n_process: int) -> None:
    from lagebild.nlp import load_pipeline

    texts = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    t0 = time.perf_counter()
    nlp = load_pipeline()
    nlp("Warm-up: Der Kreml und das Pentagon.")
    load_s = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=32, n_process=n_process):
        tokens += len(doc)
    elapsed = time.perf_counter() - t0
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({
        "n_process": n_process, "articles": len(texts), "words": words, "tokens": tokens,
        "seconds": elapsed, "load_s": load_s, "pipes": nlp.pipe_names,
        "peak_mb": (self_kb + (2 * children_kb if n_process > 1 else 0)) / 1024,
        "peak_main_mb": self_kb / 1024, "peak_worker_mb": children_kb / 1024,
    }))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="first N articles (0 = all)")
    ap.add_argument("--processes", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.corpus, args.limit, args.child)
        return
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    print(f"corpus {args.corpus}")
    print(f"{'processes':>9} {'articles':>8} {'words':>8} {'seconds':>8} {'words/s':>8} {'peak MB':>8}")
    for n in args.processes:
        out = subprocess.run([sys.executable, __file__, str(args.corpus), "--limit", str(args.limit),
                              "--child", str(n)], env=env, capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{n:>9} {r['articles']:>8} {r['words']:>8} {r['seconds']:>8.1f} "
              f"{r['words'] / r['seconds']:>8.0f} {r['peak_mb']:>8.0f}"
              f"   (main {r['peak_main_mb']:.0f} MB, worker {r['peak_worker_mb']:.0f} MB; "
              f"load {r['load_s']:.1f} s; pipes {','.join(r['pipes'])})")


if __name__ == "__main__":
    main()
