"""A small real store for the workbench tests (API, export, UI): three German articles
with hand-coded events whose evidence spans point into the text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from lagebild.records import Article, Block, Entity, Event, Location, Span
from lagebild.store import Store

ARTICLES = [
    ("moskau-washington",
     "Moskau und Washington sprechen wieder",
     "Moskau und Washington sprechen wieder\n"
     "Der russische Außenminister reiste am Montag nach Washington und traf dort seinen "
     "amerikanischen Kollegen. Die USA kritisierten zugleich die russischen Luftangriffe in Syrien. "
     "Russland wies die Vorwürfe zurück.",
     datetime(2015, 9, 21, 10, 0)),
    ("aleppo-angriff",
     "Luftangriffe auf Aleppo",
     "Luftangriffe auf Aleppo\n"
     "Russische Kampfflugzeuge haben am Dienstag Stellungen in Aleppo bombardiert. "
     "Die Türkei forderte Russland auf, die Angriffe sofort einzustellen.",
     datetime(2015, 10, 6, 8, 30)),
    ("berlin-hilfe",
     "Berlin schickt Hilfe",
     "Berlin schickt Hilfe\n"
     "Deutschland stellt dem Libanon weitere 20 Millionen Euro für Flüchtlinge bereit. "
     "Die Bundesregierung lobte die Zusammenarbeit mit Beirut.",
     datetime(2015, 10, 20, 15, 0)),
]


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def _entity(text: str, code: str, mention: str, sector: str | None = None, name: str | None = None) -> Entity:
    span = _span(text, mention)
    return Entity(code, sector, name, mention, span.start, span.end)


def events_for(article_id: str, text: str) -> list[Event]:
    if article_id == "moskau-washington":
        return [
            Event("CONSULT", article_id, mode="visit", date="2015-09-21",
                  actor=[_entity(text, "RUS", "Der russische Außenminister", "GOV", "Sergey Lavrov")],
                  recipient=[_entity(text, "USA", "seinen amerikanischen Kollegen", "GOV", "John Kerry")],
                  location=Location("Washington", "USA"),
                  evidence=[_span(text, "Der russische Außenminister reiste am Montag nach Washington")],
                  confidence=0.8, coder="test"),
            Event("ACCUSE", article_id, mode="disapprove",
                  actor=[_entity(text, "USA", "Die USA", "GOV")],
                  recipient=[_entity(text, "RUS", "russischen Luftangriffe")],
                  location=Location("Syria", "SYR"),
                  evidence=[_span(text, "Die USA kritisierten zugleich die russischen Luftangriffe in Syrien.")],
                  confidence=0.7, coder="test"),
            Event("REJECT", article_id,
                  actor=[_entity(text, "RUS", "Russland")], recipient=[_entity(text, "USA", "Die USA")],
                  evidence=[_span(text, "Russland wies die Vorwürfe zurück.")], confidence=0.6, coder="test"),
        ]
    if article_id == "aleppo-angriff":
        return [
            Event("ASSAULT", article_id, mode="aerial", date="2015-10-06",
                  actor=[_entity(text, "RUS", "Russische Kampfflugzeuge", "MIL")],
                  recipient=[_entity(text, "SYR", "Stellungen in Aleppo")],
                  location=Location("Aleppo", "SYR"),
                  evidence=[_span(text, "Russische Kampfflugzeuge haben am Dienstag Stellungen in Aleppo bombardiert.")],
                  confidence=0.9, coder="test"),
            Event("REQUEST", article_id, mode="change",
                  actor=[_entity(text, "TUR", "Die Türkei", "GOV")],
                  recipient=[_entity(text, "RUS", "Russland")],
                  evidence=[_span(text, "Die Türkei forderte Russland auf, die Angriffe sofort einzustellen.")],
                  confidence=0.7, coder="test"),
        ]
    return [
        Event("AID", article_id, actor=[_entity(text, "DEU", "Deutschland", "GOV")],
              recipient=[_entity(text, "LBN", "dem Libanon")], location=Location("Beirut", "LBN"),
              evidence=[_span(text, "Deutschland stellt dem Libanon weitere 20 Millionen Euro für Flüchtlinge bereit.")],
              confidence=0.8, coder="test"),
        Event("SUPPORT", article_id, actor=[_entity(text, "DEU", "Die Bundesregierung", "GOV")],
              recipient=[_entity(text, "LBN", "Beirut", "GOV")],
              evidence=[_span(text, "Die Bundesregierung lobte die Zusammenarbeit mit Beirut.")],
              confidence=0.7, coder="test"),
    ]


def build(path: Path) -> Path:
    with Store(path) as store:
        for article_id, title, text, published in ARTICLES:
            article = Article(id=article_id, text=text, title=title, published=published,
                              source="test", agencies=["dpa"],
                              blocks=[Block("title", 0, len(title)), Block("body", len(title) + 1, len(text))])
            store.put(article, events_for(article_id, text))
    return path
