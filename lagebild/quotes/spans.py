"""Token ranges of a spaCy document as lagebild character spans."""

from __future__ import annotations

from spacy.tokens import Doc

from lagebild.nlp import doc_text
from lagebild.records import Span


def _token_span(doc: Doc, i: int) -> Span:
    return Span(doc[i].idx, doc[i].idx + len(doc[i].text), doc[i].text)


def _trimmed(doc: Doc, start: int, end: int) -> Span:
    """Tokens [start, end) as a character span without outer whitespace and final
    sentence punctuation."""
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in (".", "!", "?", ",", ":", ";")):
        end -= 1
    while start < end and doc[start].is_space:
        start += 1
    if start >= end:
        return Span(doc[start].idx if start < len(doc) else len(doc_text(doc)),
                    doc[start].idx if start < len(doc) else len(doc_text(doc)), "")
    begin = doc[start].idx
    finish = doc[end - 1].idx + len(doc[end - 1].text)
    return Span(begin, finish, doc_text(doc)[begin:finish])
