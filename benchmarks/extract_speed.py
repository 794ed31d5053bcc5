"""Benchmark: end-to-end extraction speed and peak memory on a JSONL corpus.

    .venv/bin/python benchmarks/extract_speed.py [../shared/corpus/10kgnad/articles.jsonl] [--limit N]

Prints articles/s, words/s, events per article and peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from lagebild.events.coder import EventCoder
from lagebild.ingest import ReadError, read_path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "10kgnad" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()

    started = time.perf_counter()
    coder = EventCoder.load()
    coder.code(next(a for a in read_path(args.corpus) if not isinstance(a, ReadError)))  # warm-up
    load_s = time.perf_counter() - started

    articles = words = events = 0
    started = time.perf_counter()
    for article in read_path(args.corpus):
        if isinstance(article, ReadError):
            continue
        events += len(coder.code(article))
        articles += 1
        words += len(article.text.split())
        if articles >= args.limit:
            break
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus           {args.corpus.name} ({articles} articles, {words} words)")
    print(f"load             {load_s:.2f} s")
    print(f"articles/s       {articles / elapsed:.1f}")
    print(f"words/s          {words / elapsed:.0f}")
    print(f"events/article   {events / max(articles, 1):.2f}")
    print(f"peak memory      {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
