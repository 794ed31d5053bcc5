"""Benchmark: workbench queries and UI first render on a store of synthetic events.

    .venv/bin/python benchmarks/store_queries.py [--events 100000] [--db FILE] [--runs 15] [--no-ui]

Fills a DuckDB store (a temporary file unless --db names one that already holds events)
with synthetic articles and PLOVER events (random types, modes, parties among 40
countries, dates over three years, locations), then prints the median latency of the
filtered event list and of the aggregates through ``lagebild.queries`` (goal: < 100 ms
at 100,000 events), and the time until the UI's first view (the event table) has
rendered in headless Chromium (goal: < 1.5 s).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from lagebild import queries as Q
from lagebild.records import EVENT_MODES, EVENT_TYPES, Article, Block, Entity, Event, Location, Span
from lagebild.store import Store

CODES = ["DEU", "FRA", "GBR", "USA", "RUS", "UKR", "TUR", "SYR", "IRQ", "IRN", "ISR", "PSE", "LBN",
         "EGY", "LBY", "AFG", "PAK", "IND", "CHN", "JPN", "PRK", "KOR", "POL", "ITA", "ESP", "GRC",
         "AUT", "CHE", "NLD", "BEL", "SWE", "HUN", "SRB", "KOS", "SAU", "YEM", "MLI", "NGA", "EUR", "IMG"]
PLACES = [("Berlin", "DEU"), ("Paris", "FRA"), ("London", "GBR"), ("Washington", "USA"),
          ("Moscow", "RUS"), ("Kyiv", "UKR"), ("Ankara", "TUR"), ("Aleppo", "SYR"), ("Baghdad", "IRQ"),
          ("Tehran", "IRN"), ("Jerusalem", "ISR"), ("Beirut", "LBN"), ("Cairo", "EGY"), ("Kabul", "AFG"),
          ("Brussels", "BEL"), ("Vienna", "AUT"), ("Geneva", "CHE"), ("Beijing", "CHN"), ("Syria", "SYR")]
VERBS = {"AGREE": "vereinbarte mit", "CONSULT": "traf", "SUPPORT": "lobte", "CONCEDE": "gab nach gegenüber",
         "COOPERATE": "arbeitete zusammen mit", "AID": "half", "RETREAT": "zog ab aus",
         "REQUEST": "forderte", "ACCUSE": "kritisierte", "REJECT": "wies zurück", "THREATEN": "drohte",
         "PROTEST": "protestierte gegen", "SANCTION": "verhängte Sanktionen gegen",
         "MOBILIZE": "verlegte Truppen nach", "COERCE": "nahm fest", "ASSAULT": "griff an"}
START = date(2014, 1, 1)


def synthetic(n_events: int, per_article: int = 5, seed: int = 7):
    """(Article, [Event]) pairs with n_events events in all."""
    rng = random.Random(seed)
    for a in range(0, n_events // per_article):
        day = START + timedelta(days=rng.randrange(3 * 365))
        events, text = [], f"Meldung {a}\n"
        for _ in range(per_article):
            kind = rng.choice(EVENT_TYPES)
            actor, recipient = rng.sample(CODES, 2)
            sentence = f"{actor} {VERBS[kind]} {recipient} am {day:%d.%m.%Y}. "
            start = len(text)
            text += sentence
            place = rng.choice(PLACES) if rng.random() < 0.6 else None
            modes = EVENT_MODES.get(kind, ())
            events.append(Event(
                kind, f"syn-{a}", mode=rng.choice(modes) if modes and rng.random() < 0.5 else None,
                actor=[Entity(actor, rng.choice(["GOV", "MIL", None]), None, actor, start, start + 3)],
                recipient=[Entity(recipient, None, None, recipient, start + 4 + len(VERBS[kind]),
                                  start + 7 + len(VERBS[kind]))],
                aux=rng.choice([None] * 8 + ["future", "negation"]),
                date=day.isoformat() if rng.random() < 0.7 else None,
                location=Location(*place) if place else None,
                evidence=[Span(start, start + len(sentence) - 1, sentence[:-1])],
                confidence=round(rng.uniform(0.4, 0.95), 2), coder="synthetic"))
        yield (Article(id=f"syn-{a}", text=text, title=f"Meldung {a}",
                       published=datetime.combine(day, datetime.min.time()) + timedelta(hours=12),
                       source="synthetic", blocks=[Block("title", 0, len(f"Meldung {a}")),
                                                   Block("body", len(f"Meldung {a}") + 1, len(text))]),
               events)


def fill(store: Store, n_events: int, batch: int = 2000) -> float:
    started = time.perf_counter()
    pending = []
    for item in synthetic(n_events):
        pending.append(item)
        if len(pending) == batch:
            store.put_many(pending)
            pending = []
    if pending:
        store.put_many(pending)
    return time.perf_counter() - started


def median_ms(fn, runs: int) -> float:
    fn()   # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


QUERIES = {
    "list: no filter": lambda c: Q.list_events(c, Q.EventFilter()),
    "list: type + date range": lambda c: Q.list_events(c, Q.EventFilter(
        event=["ASSAULT", "COERCE"], date_from=date(2015, 1, 1), date_to=date(2015, 12, 31))),
    "list: actor + recipient": lambda c: Q.list_events(c, Q.EventFilter(actor="RUS", recipient="UKR")),
    "list: quad + country + aux": lambda c: Q.list_events(c, Q.EventFilter(
        quad=["material_conflict"], country="SYR", aux=["asserted"])),
    "list: actor name search": lambda c: Q.list_events(c, Q.EventFilter(party="ru")),
    "list: full-text search": lambda c: Q.list_events(c, Q.EventFilter(q="Sanktionen gegen RUS")),
    "list: coder output (no corrections)": lambda c: Q.list_events(c, Q.EventFilter(reviewed=False, event=["AID"])),
    "aggregate: by day x quad": lambda c: Q.counts(c, Q.EventFilter(), ["time", "quad"], "day", 5000),
    "aggregate: by week x quad, filtered": lambda c: Q.counts(c, Q.EventFilter(party="USA"), ["time", "quad"], "week"),
    "aggregate: by type": lambda c: Q.counts(c, Q.EventFilter(), ["event"]),
    "aggregate: by dyad": lambda c: Q.counts(c, Q.EventFilter(), ["dyad"], limit=1000),
    "network (200 edges)": lambda c: Q.network(c, Q.EventFilter(), 200),
    "dyad series RUS-UKR by week": lambda c: Q.dyad(c, Q.EventFilter(), "RUS", "UKR", "week"),
    "map points": lambda c: Q.map_points(c, Q.EventFilter()),
}


def ui_first_render(db: Path, runs: int) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    from lagebild.server import create_app
    from lagebild.server.background import BackgroundServer
    with BackgroundServer(create_app(db)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        times = []
        for _ in range(runs + 1):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(url + "/")
            page.wait_for_selector("#view[data-state=ready] table.events tbody tr")
            times.append(time.perf_counter() - started)
            context.close()
        browser.close()
    return times[0], statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-ui", action="store_true")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.duckdb"
    with Store(db) as store:
        if store.count("events") == 0:
            seconds = fill(store, args.events)
            print(f"filled {store.count('events')} events in {store.count('articles')} articles "
                  f"in {seconds:.1f} s")
        # A few analyst corrections so that the reviewed view has something to join.
        for number in range(50):
            store.correct(f"syn-{number}:0", "confirm" if number % 2 else "reject", author="bench")
        total = store.count("events")
    with Store(db, read_only=True) as store:
        cur = store.cursor()
        print(f"{total} events; median of {args.runs} runs (goal < 100 ms):")
        worst = 0.0
        for name, fn in QUERIES.items():
            ms = median_ms(lambda fn=fn: fn(cur), args.runs)
            worst = max(worst, ms)
            print(f"  {name:<40} {ms:7.1f} ms")
    if not args.no_ui:
        first, median = ui_first_render(db, max(3, args.runs // 3))
        print(f"UI first render (event table, headless Chromium): first load {first * 1000:.0f} ms, "
              f"median {median * 1000:.0f} ms (goal < 1500 ms)")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
