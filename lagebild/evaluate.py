"""Score coded events against gold annotations (docs/events.md §7-§8).

Gold files (``gold/<set>/<doc_id>.json``) hold evidence *strings*; coder output
(``lagebild extract``: one ``Event.to_dict()`` per JSONL line) holds evidence
*spans*.  Gold strings are located in the article text with
:meth:`lagebild.records.Event.from_dict`; a string occurring several times counts
at every occurrence.

Matching (level ``L1``, docs §8)
--------------------------------
A coded event *matches* a gold event when

* the event types are equal;
* the actor code sets intersect, or both are empty, and likewise the recipient
  code sets (entities whose code is ``None`` are left out of every code set);
* for CONSULT and COOPERATE the parties are compared as a whole instead: the union
  of actor and recipient codes of the prediction shares at least
  ``min(2, |gold union|)`` codes with the gold union; an empty gold union needs an
  empty predicted union;
* one of its evidence spans overlaps (character ranges intersect) one of the gold
  evidence spans.  Gold strings not found in the text never overlap anything.

Stricter levels each add one criterion to ``L1``:

* ``aux``    -- ``aux`` equal (``None == None``);
* ``mode``   -- ``mode`` equal (``None == None``);
* ``sector`` -- every gold entity with a code is covered by a predicted entity with
  the same code *and* the same sector (``None`` included) on the same side (actor
  covered by actors, recipient by recipients); for CONSULT and COOPERATE, a gold
  party in the union of actor and recipient is covered by any predicted party in
  the predicted union.  Extra predicted parties do not hurt.  Note that this also
  requires every coded gold party to be present, not just one as in ``L1``;
* ``date``   -- ``date`` strings equal (both ``None`` counts as equal);
* ``all``    -- all of aux, mode, sector and date.

Counting
--------
Per document and level, matching is one-to-one and optimal: a maximum bipartite
matching against the *core* gold events is found first (augmenting paths, Kuhn);
then the still unmatched predictions are matched (again maximally, without
unmatching any core gold event) against the non-core gold events.  Hence

* ``tp``  core gold events matched;
* ``fn``  core gold events unmatched;
* ``fp``  predictions matched to nothing;
* predictions matched to a non-core gold event are neither hits nor false alarms
  (``EvalReport.ignored``) and leave the precision denominator.

Precision = tp / (tp + fp), recall = tp / (tp + fn), F1 their harmonic mean;
a ratio with a zero denominator is 0.0, except that with nothing to find and
nothing (counted) found (tp = fp = fn = 0) P = R = F1 = 1.0.  F1 = 0 when
P + R = 0.  Totals are micro-averaged over all gold documents.  Predictions for
documents that are not in gold are not scored (``EvalReport.unscored_docs``);
a gold document without predictions has all its core events as misses.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from .records import Entity, Event, Span

LEVELS: tuple[str, ...] = ("L1", "aux", "mode", "sector", "date", "all")
PARTY_TYPES = frozenset({"CONSULT", "COOPERATE"})


# --------------------------------------------------------------------------- gold


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    published: datetime | None
    events: list[Event]
    path: Path


def load_gold(gold_dir: Path) -> list[GoldDoc]:
    """Read every ``*.json`` of a gold set, sorted by ``doc_id``.

    ``text_file`` is resolved against the gold folder's grandparent
    (``shared/gold/dev`` -> ``shared/``).  Raises ``ValueError`` naming the file
    for malformed JSON, missing keys, bad event records, an unreadable text file
    or a duplicate ``doc_id``.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise ValueError(f"gold folder {gold_dir} does not exist")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise ValueError(f"no gold files (*.json) in {gold_dir}")
    root = gold_dir.resolve().parent.parent
    docs: dict[str, GoldDoc] = {}
    for path in files:
        doc = _load_gold_file(path, root)
        if doc.doc_id in docs:
            raise ValueError(f"{path}: duplicate doc_id {doc.doc_id!r} "
                             f"(also in {docs[doc.doc_id].path})")
        docs[doc.doc_id] = doc
    return [docs[k] for k in sorted(docs)]


def _load_gold_file(path: Path, root: Path) -> GoldDoc:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read gold file: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: gold file must hold a JSON object")
    for key in ("doc_id", "text_file", "events"):
        if key not in data:
            raise ValueError(f"{path}: gold file lacks {key!r}")
    doc_id, text_file, events = data["doc_id"], data["text_file"], data["events"]
    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError(f"{path}: doc_id must be a non-empty string")
    if not isinstance(text_file, str) or not text_file:
        raise ValueError(f"{path}: text_file must be a non-empty string")
    if not isinstance(events, list):
        raise ValueError(f"{path}: events must be a list")
    text_path = root / text_file
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read text_file {text_path}: {exc}") from exc
    published = data.get("published")
    if published is not None:
        try:
            published = datetime.fromisoformat(published)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{path}: bad published date {published!r}") from exc
    parsed: list[Event] = []
    for i, item in enumerate(events):
        try:
            if not isinstance(item, dict):
                raise ValueError("event must be a JSON object")
            evidence = item.get("evidence")
            if not isinstance(evidence, list) or not all(isinstance(s, str) and s for s in evidence):
                raise ValueError("evidence must be a list of non-empty strings")
            event = Event.from_dict(item, text)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: event {i}: {exc!r}") from exc
        event.doc_id = doc_id
        parsed.append(event)
    return GoldDoc(doc_id=doc_id, text=text, published=published, events=parsed, path=path)


def unlocated_evidence(gold: list[GoldDoc]) -> list[tuple[str, int, str]]:
    """``(doc_id, event index, string)`` for gold evidence not found in its text."""
    return [(doc.doc_id, i, span.text)
            for doc in gold for i, ev in enumerate(doc.events)
            for span in ev.evidence if span.start < 0]


# -------------------------------------------------------------------- predictions


def read_predictions(path: Path, gold: list[GoldDoc]) -> dict[str, list[Event]]:
    """Read coder output (JSONL, one ``Event.to_dict()`` per line with ``doc_id``).

    Evidence spans are ``{"start", "end", "text"}``; evidence given as plain
    strings is located in the gold text like gold evidence.  Lines for doc_ids
    not in ``gold`` are skipped and counted in one ``UserWarning``; so are spans
    whose ``text`` differs from the article text at their offsets.  Blank lines
    are skipped; malformed lines raise ``ValueError`` naming file and line.
    Every gold doc_id is a key of the result (possibly with an empty list).
    """
    path = Path(path)
    texts = {doc.doc_id: doc.text for doc in gold}
    out: dict[str, list[Event]] = {doc.doc_id: [] for doc in gold}
    unknown: dict[str, int] = {}
    mismatched = 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read predictions: {exc}") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("line must hold a JSON object")
            if data.get("record", "event") != "event":
                continue        # quotation records of `lagebild extract --quotes`
            doc_id = data.get("doc_id")
            if not isinstance(doc_id, str) or not doc_id:
                raise ValueError("missing doc_id")
            if doc_id not in texts:
                unknown[doc_id] = unknown.get(doc_id, 0) + 1
                continue
            text = texts[doc_id]
            event = Event.from_dict(data, text)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{lineno}: bad prediction: {exc!r}") from exc
        mismatched += sum(1 for s in event.evidence
                          if s.text and s.start >= 0 and text[s.start:s.end] != s.text)
        out[doc_id].append(event)
    if unknown:
        n = sum(unknown.values())
        names = ", ".join(sorted(unknown)[:5]) + (", ..." if len(unknown) > 5 else "")
        warnings.warn(f"{path}: ignored {n} prediction line(s) for {len(unknown)} doc_id(s) "
                      f"not in gold: {names}", UserWarning, stacklevel=2)
    if mismatched:
        warnings.warn(f"{path}: {mismatched} evidence span(s) whose text differs from the "
                      f"article text at their offsets (offsets are used)",
                      UserWarning, stacklevel=2)
    return out


# ------------------------------------------------------------------------ scoring


@dataclass
class LevelScore:
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> "LevelScore":
        if tp == fp == fn == 0:
            return cls(0, 0, 0, 1.0, 1.0, 1.0)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(tp, fp, fn, p, r, f)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    levels: dict[str, LevelScore]
    per_doc: dict[str, dict[str, LevelScore]]
    per_type: dict[str, LevelScore]
    ignored: dict[str, int] = field(default_factory=dict)   # per level: matched non-core
    n_docs: int = 0
    n_predicted: int = 0
    n_gold_core: int = 0
    n_gold_noncore: int = 0
    unscored_docs: list[str] = field(default_factory=list)   # predicted, not in gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "levels": {k: v.to_dict() for k, v in self.levels.items()},
            "ignored": dict(self.ignored),
            "per_type": {k: v.to_dict() for k, v in self.per_type.items()},
            "per_doc": {d: {k: v.to_dict() for k, v in lv.items()}
                        for d, lv in self.per_doc.items()},
            "counts": {"docs": self.n_docs, "predicted": self.n_predicted,
                       "gold_core": self.n_gold_core, "gold_noncore": self.n_gold_noncore},
            "unscored_docs": list(self.unscored_docs),
        }


def _codes(entities: list[Entity]) -> set[str]:
    return {e.code for e in entities if e.code is not None}


def _pairs(entities: list[Entity]) -> set[tuple[str, str | None]]:
    return {(e.code, e.sector) for e in entities if e.code is not None}


def _evidence_overlaps(pred: list[Span], gold: list[Span]) -> bool:
    return any(g.start >= 0 and p.start >= 0 and p.overlaps(g.start, g.end)
               for p in pred for g in gold)


def match_l1(pred: Event, gold: Event) -> bool:
    """Whether ``pred`` matches ``gold`` at level L1 (see the module docstring)."""
    if pred.event != gold.event:
        return False
    if gold.event in PARTY_TYPES:
        g_union = _codes(gold.actor) | _codes(gold.recipient)
        p_union = _codes(pred.actor) | _codes(pred.recipient)
        if not g_union:
            if p_union:
                return False
        elif len(g_union & p_union) < min(2, len(g_union)):
            return False
    else:
        for side in ("actor", "recipient"):
            g, p = _codes(getattr(gold, side)), _codes(getattr(pred, side))
            if (g or p) and not g & p:
                return False
    return _evidence_overlaps(pred.evidence, gold.evidence)


def sectors_agree(pred: Event, gold: Event) -> bool:
    """Every coded gold party has a predicted party with equal (code, sector)."""
    if gold.event in PARTY_TYPES:
        return _pairs(gold.actor + gold.recipient) <= _pairs(pred.actor + pred.recipient)
    return (_pairs(gold.actor) <= _pairs(pred.actor)
            and _pairs(gold.recipient) <= _pairs(pred.recipient))


_EXTRA: dict[str, Callable[[Event, Event], bool]] = {
    "aux": lambda p, g: p.aux == g.aux,
    "mode": lambda p, g: p.mode == g.mode,
    "sector": sectors_agree,
    "date": lambda p, g: p.date == g.date,
}


def _level_checks(level: str) -> list[Callable[[Event, Event], bool]]:
    if level == "L1":
        return []
    if level == "all":
        return list(_EXTRA.values())
    return [_EXTRA[level]]


def match_type(pred: Event, gold: Event) -> bool:
    """Type equal and evidence overlapping: the parties are not compared."""
    return pred.event == gold.event and _evidence_overlaps(pred.evidence, gold.evidence)


def match_events(preds: list[Event], gold: list[Event], level: str = "L1",
                 base: Callable[[Event, Event], bool] = match_l1) -> tuple[dict[int, int], dict[int, int]]:
    """One-to-one matching of one document at one level.

    Returns ``(core, noncore)``: maps from prediction index to gold index.  The
    core matching is maximum; subject to that, the number of predictions matched
    to non-core gold is maximum (Kuhn's algorithm over core gold first, then over
    non-core gold; an augmenting path never unmatches a matched gold event).
    """
    checks = _level_checks(level)
    adj: list[list[int]] = [
        [j for j, p in enumerate(preds) if base(p, g) and all(c(p, g) for c in checks)]
        for g in gold
    ]
    pred_to_gold: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pj in adj[gi]:
            if pj in seen:
                continue
            seen.add(pj)
            if pj not in pred_to_gold or augment(pred_to_gold[pj], seen):
                pred_to_gold[pj] = gi
                return True
        return False

    order = [i for i, g in enumerate(gold) if g.core] + [i for i, g in enumerate(gold) if not g.core]
    for gi in order:
        augment(gi, set())
    core = {p: g for p, g in pred_to_gold.items() if gold[g].core}
    noncore = {p: g for p, g in pred_to_gold.items() if not gold[g].core}
    return core, noncore


def score(gold: list[GoldDoc], predictions: dict[str, list[Event]]) -> EvalReport:
    """Score predictions against gold at every level of ``LEVELS``."""
    totals = {lv: [0, 0, 0] for lv in LEVELS}
    ignored = {lv: 0 for lv in LEVELS}
    per_doc: dict[str, dict[str, LevelScore]] = {}
    types: dict[str, list[int]] = {}
    n_pred = n_core = n_noncore = 0
    for doc in gold:
        preds = list(predictions.get(doc.doc_id) or [])
        n_pred += len(preds)
        core_total = sum(1 for g in doc.events if g.core)
        n_core += core_total
        n_noncore += len(doc.events) - core_total
        per_doc[doc.doc_id] = {}
        for lv in LEVELS:
            core, noncore = match_events(preds, doc.events, lv)
            tp, fp, fn = len(core), len(preds) - len(core) - len(noncore), core_total - len(core)
            ignored[lv] += len(noncore)
            t = totals[lv]
            t[0] += tp
            t[1] += fp
            t[2] += fn
            per_doc[doc.doc_id][lv] = LevelScore.from_counts(tp, fp, fn)
            if lv == "L1":
                matched_gold = set(core.values())
                for j, p in enumerate(preds):
                    if j in core:
                        types.setdefault(p.event, [0, 0, 0])[0] += 1
                    elif j not in noncore:
                        types.setdefault(p.event, [0, 0, 0])[1] += 1
                for i, g in enumerate(doc.events):
                    if g.core and i not in matched_gold:
                        types.setdefault(g.event, [0, 0, 0])[2] += 1
    known = {doc.doc_id for doc in gold}
    return EvalReport(
        levels={lv: LevelScore.from_counts(*totals[lv]) for lv in LEVELS},
        per_doc=per_doc,
        per_type={t: LevelScore.from_counts(*c) for t, c in sorted(types.items())},
        ignored=ignored,
        n_docs=len(gold),
        n_predicted=n_pred,
        n_gold_core=n_core,
        n_gold_noncore=n_noncore,
        unscored_docs=sorted(d for d, evs in predictions.items() if d not in known and evs),
    )


def format_report(report: EvalReport) -> str:
    """A plain-text table: one row per level, then one row per event type (L1)."""
    head = f"{'':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"

    def row(name: str, s: LevelScore, extra: str = "") -> str:
        return (f"{name:<12}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                f"{s.tp:>6}{s.fp:>6}{s.fn:>6}{extra}")

    lines = [f"{report.n_docs} docs, {report.n_predicted} predicted events, "
             f"{report.n_gold_core} core + {report.n_gold_noncore} non-core gold events",
             "", "level" + head[5:] + "  ignored(non-core)"]
    lines += [row(lv, s, f"{report.ignored.get(lv, 0):>8}") for lv, s in report.levels.items()]
    if report.per_type:
        lines += ["", "type (L1)" + head[9:]]
        lines += [row(t, s) for t, s in report.per_type.items()]
    if report.unscored_docs:
        lines += ["", f"not scored (no gold): {len(report.unscored_docs)} doc(s): "
                      + ", ".join(report.unscored_docs[:10])
                      + (", ..." if len(report.unscored_docs) > 10 else "")]
    return "\n".join(lines)


def format_errors(gold: list[GoldDoc], predictions: dict[str, list[Event]], level: str = "L1") -> str:
    """Misses and false alarms per document at one level, for error analysis."""

    def describe(e: Event) -> str:
        actor = "+".join(x.code or "?" for x in e.actor) or "-"
        recipient = "+".join(x.code or "?" for x in e.recipient) or "-"
        evidence = e.evidence[0].text if e.evidence else ""
        return f"{e.event:<10} {e.mode or '-':<12} {e.aux or '-':<12} {actor:>9} -> {recipient:<9} {evidence[:90]!r}"

    lines: list[str] = []
    for doc in gold:
        preds = list(predictions.get(doc.doc_id) or [])
        core, noncore = match_events(preds, doc.events, level)
        matched = set(core.values())
        misses = [g for i, g in enumerate(doc.events) if g.core and i not in matched]
        false = [p for j, p in enumerate(preds) if j not in core and j not in noncore]
        if not misses and not false:
            continue
        lines.append(f"== {doc.doc_id}")
        lines.extend(f"  miss  {describe(g)}" for g in misses)
        lines.extend(f"  false {describe(p)}" for p in false)
    return "\n".join(lines)
