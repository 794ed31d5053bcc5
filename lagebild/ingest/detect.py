"""Choosing a reader: by file name first, then by what the text looks like.

Order matters: HTML and JSON are recognised by their syntax; the n-tv layout by its date
or ``Quelle:`` line, which is stricter than the derStandard dateline; anything else is
plain text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..records import Article
from .errors import ReadError
from .html import looks_like_html, read_html
from .plaintext import looks_like_ntv, read_ntv, read_plain
from .standard import looks_like_standard, read_standard

# Readers of one document's text: (text, doc_id) -> Article.
DOCUMENT_READERS: dict[str, Callable[[str, str], Article]] = {
    "ntv": read_ntv,
    "standard": read_standard,
    "plain": read_plain,
    "html": read_html,
}
READER_NAMES = ("ntv", "standard", "plain", "html", "jsonl")

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json")
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".text")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUFFIXES = JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES + WARC_SUFFIXES


def check_reader(reader: str | None) -> None:
    """A wrong reader name is a caller's mistake, not bad input: raise at once."""
    if reader is not None and reader not in READER_NAMES:
        raise ValueError(f"unknown reader {reader!r}; choose one of {', '.join(READER_NAMES)}")


def _looks_like_jsonl(text: str) -> bool:
    start = next((i for i, c in enumerate(text[:1000]) if c not in "\ufeff \t\r\n"), 0)
    end = text.find("\n", start)
    first = text[start:end if end >= 0 else len(text)].strip()
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def detect_reader(text_or_bytes: str | bytes, filename: str | Path | None = None) -> str:
    """The reader name for a document: "jsonl", "html", "ntv", "standard" or "plain"."""
    name = Path(filename).name.lower() if filename else ""
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if isinstance(text_or_bytes, (bytes, bytearray)):
        # Only for sniffing; a cut multi-byte character at the end does no harm.
        text = bytes(text_or_bytes[:65536]).decode("utf-8", "replace")
    else:
        text = text_or_bytes
    if looks_like_html(text):
        return "html"
    if _looks_like_jsonl(text):
        return "jsonl"
    if looks_like_ntv(text):
        return "ntv"
    if looks_like_standard(text):
        return "standard"
    return "plain"


def read_document(text: str, doc_id: str, reader: str | None = None,
                  origin: str | None = None) -> Article:
    """One document's text through the named (or detected) document reader.

    Raises ``ReadError`` naming ``origin`` (or the doc id) for empty text or a reader's
    complaint.  "jsonl" is a container, not a document layout: here it means "detect".
    """
    where = origin or doc_id
    if not text.strip():
        raise ReadError(where, "empty" if not text else "empty (only whitespace)")
    name = reader if reader in DOCUMENT_READERS else detect_reader(text)
    if name not in DOCUMENT_READERS:    # a document that itself looks like JSON
        name = "plain"
    try:
        art = DOCUMENT_READERS[name](text, doc_id)
    except ReadError as err:
        raise ReadError(where, err.problem) from None
    art.origin = origin
    return art
