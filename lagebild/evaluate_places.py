"""Place evaluation: are the locations of the events we find the right ones?

Over the events matched at type level (same type, overlapping evidence; see
``lagebild.evaluate_actors``) whose gold record has a location, this counts how often
the coded location has the gold country (country accuracy) and also the gold place's
name (exact accuracy; names are GeoNames' English names, compared case-insensitively).
A coded event without a location counts as wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.evaluate import GoldDoc, match_events, match_type
from lagebild.records import Event


@dataclass
class PlaceReport:
    with_gold_location: int = 0
    country_right: int = 0
    exact_right: int = 0
    coded_without_gold: int = 0     # matched events with a coded location the gold lacks

    def to_dict(self) -> dict:
        n = self.with_gold_location
        return {"with_gold_location": n,
                "country_accuracy": round(self.country_right / n, 4) if n else 0.0,
                "exact_accuracy": round(self.exact_right / n, 4) if n else 0.0,
                "coded_without_gold": self.coded_without_gold}


def score_places(gold: list[GoldDoc], predictions: dict[str, list[Event]]) -> PlaceReport:
    report = PlaceReport()
    for doc in gold:
        preds = list(predictions.get(doc.doc_id) or [])
        core, noncore = match_events(preds, doc.events, base=match_type)
        for p, g in {**core, **noncore}.items():
            coded, want = preds[p].location, doc.events[g].location
            if want is None:
                report.coded_without_gold += coded is not None
                continue
            report.with_gold_location += 1
            if coded and coded.country == want.country:
                report.country_right += 1
                report.exact_right += (coded.name or "").lower() == (want.name or "").lower()
    return report


def format_place_report(report: PlaceReport) -> str:
    d = report.to_dict()
    return (f"places over {d['with_gold_location']} matched events with a gold location: "
            f"country right {d['country_accuracy']:.3f}, place right {d['exact_accuracy']:.3f} "
            f"({d['coded_without_gold']} coded where the gold has none)")
