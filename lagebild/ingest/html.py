"""Web pages: main text and metadata by trafilatura, from the given HTML only.

Never fetches anything: trafilatura only parses the string it is handed.  ``Article.text``
is trafilatura's plain-text extraction (one paragraph or heading per line); blocks mark
the page's headline (when the extraction starts with it) and its sub-headings, found as
``<head>`` elements of trafilatura's document tree, and every other line as body.
"""

from __future__ import annotations

import re
from datetime import datetime

import trafilatura
from trafilatura.settings import set_date_params

from ..records import Article, Block
from .errors import ReadError
from .plaintext import line_spans

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)

# htmldate gives only the day unless asked for the time too; the time is the page's
# wall-clock time, naive like the n-tv date line.
_DATE_PARAMS = {**set_date_params(True), "outputformat": "%Y-%m-%dT%H:%M:%S"}


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2000].lstrip("\ufeff")))


def _norm(s: str | None) -> str:
    return " ".join((s or "").split())


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def read_html(html: str, doc_id: str) -> Article:
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception as exc:   # trafilatura/lxml raise a variety of parser errors
        raise ReadError(doc_id, f"HTML could not be parsed: {exc}") from None
    text = doc.text if doc is not None else None
    if not text or not text.strip():
        raise ReadError(doc_id, "no main text found in HTML")

    lang = doc.language or (m.group(1).lower() if (m := _HTML_LANG.search(html[:5000])) else None)
    art = Article(id=doc_id, text=text, title=doc.title or None, published=_published(doc.date),
                  language=lang or "de", source=doc.sitename or doc.hostname or None,
                  url=doc.url or None)

    heads = list(doc.body.iter("head")) if doc.body is not None else []
    headings = {_norm("".join(h.itertext())) for h in heads}
    top_headings = {_norm("".join(h.itertext())) for h in heads if h.get("rend") == "h1"}
    for i, (start, end) in enumerate(line_spans(text)):
        line = _norm(text[start:end])
        if i == 0 and (line in top_headings or (art.title and line == _norm(art.title))):
            kind = "title"
        elif line in headings:
            kind = "subheading"
        else:
            kind = "body"
        art.blocks.append(Block(kind, start, end))
    return art
