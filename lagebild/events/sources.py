"""Who reports an event rather than takes part in it: the source of a trigger.

The speaker of a report clause ("…, teilten das Pentagon … mit", "sagte Kerry") and
the object of ``laut``/``zufolge``/``nach …-Angaben`` are the source, not parties.
"""

from __future__ import annotations

from spacy.tokens import Doc

from lagebild.events.clauses import Clause
from lagebild.events.lexicon import Cues


def source_mentions(doc: Doc, sentence_clauses: list[Clause], trigger_clause: Clause,
                    mentions: list, cues: Cues) -> list:
    """Mentions that report the sentence's events rather than take part in them."""
    sources = []
    for clause in sentence_clauses:
        if clause == trigger_clause:
            continue
        if _is_report_clause(doc, clause, cues):
            sources.extend(m for m in mentions if clause.start <= m.token_start < clause.end)
    for mention in mentions:
        before = doc[max(mention.token_start - 3, 0):mention.token_start]
        # "den nordkoreanischen Angaben zufolge": a report noun may stand between
        after = doc[mention.token_end:mention.token_end + 2]
        if len(after) == 2 and after[0].lower_ not in cues["report_noun"]:
            after = after[:1]
        text_after = mention.text.lower()
        # "laut X", "X zufolge" (a postposition: its object stands before it)
        if any(t.lower_ in cues["report_prep"] for t in before) or \
                any(t.lower_ in cues["report_postposition"] for t in after) or \
                (any(t.lower_ == "nach" for t in before) and text_after.endswith("angaben")):
            sources.append(mention)
    return sources


def _is_report_clause(doc: Doc, clause: Clause, cues: Cues) -> bool:
    for k in range(clause.start, clause.end):
        lemma = doc[k].lemma_.lower()
        if lemma in cues["report_lemma"]:
            return True
    return False
