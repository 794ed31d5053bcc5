"""Benchmark: how long the actor knowledge base takes to load from its data files.

    .venv/bin/python benchmarks/actor_lexicon_load.py [--repeat 5]

The actors issue asks for under a second; prints the best and median of a few fresh
loads (no cache) and the number of entries.
"""

from __future__ import annotations

import argparse
import statistics
import time

from lagebild.actors.lexicon import LANG_DIR, ActorLexicon


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        lexicon = ActorLexicon.from_files(LANG_DIR)
        times.append(time.perf_counter() - start)
    print(f"entries            {len(lexicon.entries)}")
    print(f"load best          {min(times):.3f} s")
    print(f"load median        {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main()
