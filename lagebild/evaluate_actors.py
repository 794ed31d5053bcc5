"""Actor evaluation: are the parties of the events we find the right ones?

Over the events matched at *type level* (same type, overlapping evidence, parties not
compared; one-to-one, core and non-core gold alike), this counts how often

* the actor codes and the recipient codes equal the gold ones (for CONSULT and
  COOPERATE, where actor and recipient are framing, the union of both sides);
* additionally the sectors do ((code, sector) pairs equal);

and tabulates which gold code or sector was coded as which (confusion), so that an
analyst sees where actor resolution goes wrong.  Entities without a code are ignored,
as in the event scoring of docs/events.md §8.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lagebild.evaluate import PARTY_TYPES, GoldDoc, match_events, match_type
from lagebild.records import Entity, Event


@dataclass
class ActorReport:
    matched: int = 0
    codes_right: int = 0
    sectors_right: int = 0
    code_confusion: Counter = field(default_factory=Counter)    # (gold, predicted) -> n
    sector_confusion: Counter = field(default_factory=Counter)

    @property
    def code_accuracy(self) -> float:
        return self.codes_right / self.matched if self.matched else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sectors_right / self.matched if self.matched else 0.0

    def to_dict(self) -> dict:
        return {"matched_at_type_level": self.matched,
                "code_accuracy": round(self.code_accuracy, 4),
                "sector_accuracy": round(self.sector_accuracy, 4),
                "code_confusion": {f"{g}->{p}": n for (g, p), n in self.code_confusion.most_common()},
                "sector_confusion": {f"{g}->{p}": n for (g, p), n in self.sector_confusion.most_common()}}


def _sides(event: Event) -> list[list[Entity]]:
    if event.event in PARTY_TYPES:
        return [event.actor + event.recipient]
    return [event.actor, event.recipient]


def _codes(entities: list[Entity]) -> frozenset:
    return frozenset(e.code for e in entities if e.code)


def _pairs(entities: list[Entity]) -> frozenset:
    return frozenset((e.code, e.sector) for e in entities if e.code)


def score_actors(gold: list[GoldDoc], predictions: dict[str, list[Event]]) -> ActorReport:
    report = ActorReport()
    for doc in gold:
        preds = list(predictions.get(doc.doc_id) or [])
        core, noncore = match_events(preds, doc.events, base=match_type)
        for p, g in {**core, **noncore}.items():
            pred, want = preds[p], doc.events[g]
            report.matched += 1
            pairs = list(zip(_sides(want), _sides(pred)))
            codes_ok = all(_codes(w) == _codes(h) for w, h in pairs)
            report.codes_right += codes_ok
            report.sectors_right += codes_ok and all(_pairs(w) == _pairs(h) for w, h in pairs)
            for wanted, had in pairs:
                for entity in wanted:
                    if not entity.code:
                        continue
                    same = [h for h in had if h.code == entity.code]
                    got = same[0] if same else (had[0] if had else None)
                    report.code_confusion[(entity.code, got.code if got else "-")] += 1
                    if same:
                        report.sector_confusion[(entity.sector or "null", same[0].sector or "null")] += 1
    return report


def format_actor_report(report: ActorReport, top: int = 12) -> str:
    lines = [f"actors over {report.matched} events matched at type level: "
             f"codes right {report.code_accuracy:.3f}, codes and sectors right {report.sector_accuracy:.3f}"]
    wrong_codes = [(k, n) for k, n in report.code_confusion.most_common() if k[0] != k[1]][:top]
    wrong_sectors = [(k, n) for k, n in report.sector_confusion.most_common() if k[0] != k[1]][:top]
    if wrong_codes:
        lines.append("  code confusions (gold->coded): " + ", ".join(f"{g}->{p} {n}" for (g, p), n in wrong_codes))
    if wrong_sectors:
        lines.append("  sector confusions (gold->coded): " + ", ".join(f"{g}->{p} {n}" for (g, p), n in wrong_sectors))
    return "\n".join(lines)
