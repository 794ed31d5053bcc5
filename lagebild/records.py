"""Typed records passed between lagebild's stages.

Data flows  ingest -> NLP -> actors -> events -> store, and these records are the
only things that cross a stage boundary:

* ``Article``  what a reader makes of an input (text plus metadata and block spans);
* ``Entity``   one actor/recipient/source party of an event (docs/events.md §3);
* ``Event``    one PLOVER event record (docs/events.md §2-§6).

Every offset is a Python string index into ``Article.text`` (end exclusive), so that
evidence can be checked against the text it came from.  ``to_dict``/``from_dict``
give the JSON shape of docs/events.md; gold files hold evidence *strings*, coder
output holds evidence *spans* (``{"start", "end", "text"}``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

# PLOVER's 16 event types with their quad class (docs/events.md §2).
EVENT_QUADS: dict[str, str] = {
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
EVENT_TYPES = tuple(EVENT_QUADS)

# Modes allowed per type (docs/events.md §2); None is always allowed.
EVENT_MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone",
                "heavy-weapons", "crowd-control", "unconventional"),
}

AUX_MODES = (None, "future", "negation", "hypothetical", "historical")

SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "REB", "PRM", "UAF", "UNK",
           "BUS", "CVL", "ELI", "JRN", "MED", "REF", "OPP", "PRE", "REL", "SOC", "LAB",
           "AGR", "EDU", "CRM")

NON_STATE_CODES = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")

# Block kinds a reader may mark in an article.
BLOCK_KINDS = ("kicker", "title", "dateline", "caption", "credit", "teaser", "body",
               "subheading", "source")


@dataclass(frozen=True)
class Span:
    """A character range of an article's text, end exclusive."""

    start: int
    end: int
    text: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Block:
    """A layout block of an article (title, caption, body paragraph, ...)."""

    kind: str
    start: int
    end: int


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    kicker: str | None = None
    published: datetime | None = None
    language: str = "de"
    source: str | None = None          # site or outlet ("ntv.de", "derStandard")
    agencies: list[str] = field(default_factory=list)   # ["dpa", "AFP"]
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    origin: str | None = None          # the file (and line) it was read from

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        data = dict(data)
        published = data.get("published")
        if isinstance(published, str):
            data["published"] = datetime.fromisoformat(published)
        data["blocks"] = [Block(**b) for b in data.get("blocks") or []]
        return cls(**data)


@dataclass
class Entity:
    """An actor, recipient or source: docs/events.md §3."""

    code: str | None
    sector: str | None = None
    name: str | None = None
    text: str = ""
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        return cls(code=data.get("code"), sector=data.get("sector"), name=data.get("name"),
                   text=data.get("text") or "", start=data.get("start"), end=data.get("end"))


@dataclass
class Location:
    name: str
    country: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One PLOVER event record (docs/events.md)."""

    event: str
    doc_id: str = ""
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    aux: str | None = None
    date: str | None = None
    date_precision: str | None = None   # "day" | "month" | "year" | None
    location: Location | None = None
    evidence: list[Span] = field(default_factory=list)
    source: list[Entity] = field(default_factory=list)
    trigger: Span | None = None
    confidence: float = 0.5
    coder: str = ""
    core: bool = True                   # only meaningful in gold

    def __post_init__(self) -> None:
        if self.event not in EVENT_QUADS:
            raise ValueError(f"unknown PLOVER event type {self.event!r}")
        if self.aux not in AUX_MODES:
            raise ValueError(f"unknown aux mode {self.aux!r}")

    @property
    def quad(self) -> str:
        return EVENT_QUADS[self.event]

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "event": self.event,
            "quad": self.quad,
            "mode": self.mode,
            "context": list(self.context),
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "aux": self.aux,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "evidence": [asdict(s) for s in self.evidence],
            "source": [e.to_dict() for e in self.source] or None,
            "trigger": asdict(self.trigger) if self.trigger else None,
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str | None = None) -> "Event":
        """Read coder output or a gold event.

        Gold evidence is a list of strings; each is located in ``text`` (when given)
        so that gold and coder evidence can be compared as spans.  A gold string not
        found in the text keeps ``start = end = -1``.
        """
        evidence: list[Span] = []
        for item in data.get("evidence") or []:
            if isinstance(item, str):
                evidence.extend(locate_all(text, item) if text is not None else [Span(-1, -1, item)])
            else:
                evidence.append(Span(int(item["start"]), int(item["end"]), item.get("text", "")))
        location = data.get("location")
        trigger = data.get("trigger")
        return cls(
            event=data["event"],
            doc_id=data.get("doc_id", ""),
            mode=data.get("mode"),
            context=list(data.get("context") or []),
            actor=[Entity.from_dict(e) for e in data.get("actor") or []],
            recipient=[Entity.from_dict(e) for e in data.get("recipient") or []],
            aux=data.get("aux"),
            date=data.get("date"),
            date_precision=data.get("date_precision") or _precision_of(data.get("date")),
            location=Location(**{k: location.get(k) for k in ("name", "country", "text", "start", "end")})
            if location else None,
            evidence=evidence,
            source=[Entity.from_dict(e) for e in data.get("source") or []],
            trigger=Span(**trigger) if trigger else None,
            confidence=float(data.get("confidence", 1.0)),
            coder=data.get("coder", ""),
            core=bool(data.get("core", True)),
        )


def _precision_of(date: str | None) -> str | None:
    if not date:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(date))


def locate_all(text: str, needle: str) -> list[Span]:
    """All occurrences of ``needle`` in ``text`` as spans ([(-1,-1)] when absent)."""
    spans, start = [], text.find(needle) if needle else -1
    while start >= 0:
        spans.append(Span(start, start + len(needle), needle))
        start = text.find(needle, start + 1)
    return spans or [Span(-1, -1, needle)]


QUOTE_KINDS = ("direct", "indirect", "reported", "free_indirect")


@dataclass
class Quote:
    """A quotation: who said what, with the words that say so (docs/events.md §6)."""

    quote: Span
    kind: str                          # one of QUOTE_KINDS
    doc_id: str = ""
    speaker: Span | None = None        # the speaker's words as they stand in the text
    speaker_entity: Entity | None = None   # the speaker resolved as an actor, if known
    cue: Span | None = None            # "sagte", "laut", "so", …

    def to_dict(self) -> dict[str, Any]:
        return {"record": "quote", "doc_id": self.doc_id, "kind": self.kind,
                "quote": asdict(self.quote),
                "speaker": asdict(self.speaker) if self.speaker else None,
                "speaker_entity": self.speaker_entity.to_dict() if self.speaker_entity else None,
                "cue": asdict(self.cue) if self.cue else None}
