"""JSON Lines (and .json) article collections: one JSON object per article.

Each record needs ``id`` and a non-empty ``text``; ``title``, ``published`` (ISO date or
datetime), ``url``, ``language`` and ``source`` are optional and override what the
text's layout says.  The text itself goes through a document reader (detected unless one
is named), so 10kGNAD lines get derStandard blocks.  A bad line becomes a ``ReadError``
for ``path:LINE`` and the next line is read as usual.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from ..records import Article
from .detect import read_document
from .errors import ReadError

OPTIONAL_STRINGS = ("title", "url", "language", "source")


def _published(value: Any, origin: str) -> datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ReadError(origin, f'"published" must be an ISO date string, not {type(value).__name__}')
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise ReadError(origin, f'"published" is not an ISO date/datetime: {value!r}') from None


def read_record(data: Any, origin: str, reader: str | None = None) -> Article:
    """One decoded JSON record as an Article; ``ReadError`` if it lacks what is needed."""
    if not isinstance(data, dict):
        raise ReadError(origin, f"expected a JSON object, got {type(data).__name__}")
    doc_id = data.get("id")
    if doc_id is None or doc_id == "":
        raise ReadError(origin, 'missing "id"')
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise ReadError(origin, f'"id" must be a string, not {type(doc_id).__name__}')
    doc_id = str(doc_id)
    if "text" not in data or data["text"] is None:
        raise ReadError(origin, f'missing "text" (id {doc_id})')
    text = data["text"]
    if not isinstance(text, str):
        raise ReadError(origin, f'"text" must be a string, not {type(text).__name__} (id {doc_id})')
    if not text.strip():
        raise ReadError(origin, f'"text" is empty (id {doc_id})')
    for key in OPTIONAL_STRINGS:
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ReadError(origin, f'"{key}" must be a string (id {doc_id})')
    published = _published(data.get("published"), origin)

    art = read_document(text, doc_id, reader, origin)
    # The record's own metadata is more reliable than what the layout suggests.
    if published is not None:
        art.published = published
    for key in OPTIONAL_STRINGS:
        if data.get(key):
            setattr(art, key, data[key])
    return art


def read_line(line: str, origin: str, reader: str | None = None) -> Article:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise ReadError(origin, f"malformed JSON: {err.msg} (column {err.colno})") from None
    return read_record(data, origin, reader)


def iter_jsonl(lines: Iterable[bytes], origin: str, reader: str | None = None) -> Iterator[Article | ReadError]:
    """Articles and errors of a JSONL byte stream; ``origin`` is the file, lines count from 1.

    Lines are decoded one by one so that a single bad byte costs one record, not the
    file; a NUL byte, though, means the file is binary and one error says so.
    """
    count = 0
    it = iter(lines)
    lineno = 0
    while True:
        try:
            raw = next(it)
        except StopIteration:
            break
        except (OSError, EOFError, zlib.error) as err:   # broken or non-gzip .gz file
            yield ReadError(origin, f"cannot read compressed data: {err}")
            return
        lineno += 1
        where = f"{origin}:{lineno}"
        if b"\x00" in raw:
            yield ReadError(origin, "not UTF-8 text (binary?): contains NUL bytes")
            return
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield ReadError(where, f"not UTF-8 text (binary?): invalid byte 0x{raw[err.start]:02x}")
            continue
        if lineno == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        count += 1
        try:
            yield read_line(line, where, reader)
        except ReadError as err:
            yield err
    if count == 0:
        yield ReadError(origin, "empty (no JSON records)")


def iter_json_document(text: str, origin: str, reader: str | None = None) -> Iterator[Article | ReadError]:
    """A .json file: one record, or an array of records; falls back to JSON Lines."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":      # several objects: it is JSON Lines after all
            yield from iter_jsonl(text.encode("utf-8").splitlines(), origin, reader)
        else:
            yield ReadError(origin, f"malformed JSON: {err.msg} (line {err.lineno}, column {err.colno})")
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        where = f"{origin}[{i}]" if isinstance(data, list) else origin
        try:
            yield read_record(record, where, reader)
        except ReadError as err:
            yield err


def read_jsonl_text(text: str, doc_id: str) -> Article:
    """``READERS["jsonl"]``: a text holding exactly one JSON record (``doc_id`` names it in errors)."""
    lines = [line for line in text.split("\n") if line.strip()]   # not splitlines: U+2028 may sit in a JSON string
    if len(lines) != 1:
        raise ReadError(doc_id, f"expected one JSON record, found {len(lines)} lines; "
                                "use read_path for JSON Lines files")
    return read_line(lines[0], doc_id)
