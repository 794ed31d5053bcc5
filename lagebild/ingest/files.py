"""Walking inputs: files, directories, stdin; reading bytes and decoding them.

Everything that goes wrong with one input becomes one yielded ``ReadError`` so that a
batch goes on with the next input.

Text is decoded as strict UTF-8 and kept exactly as it is (no newline translation, no
stripping, trailing newline kept), because evidence offsets are indices into it.  The
one exception is a leading byte-order mark: it is dropped, so offsets count from the
first real character (the BOM is an encoding marker, not text).
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from trafilatura.utils import decode_file

from ..records import Article
from .detect import HTML_SUFFIXES, SUFFIXES, WARC_SUFFIXES, detect_reader, read_document
from .warc import iter_warc
from .errors import ReadError
from .jsonl import iter_json_document, iter_jsonl

STDIN_ORIGIN = "<stdin>"
STDIN_ID = "stdin"


def decode(data: bytes, origin: str) -> str:
    """Strict UTF-8, leading BOM dropped; ``ReadError`` for anything that is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(origin, "not UTF-8 text (binary?): looks like UTF-16, convert it to UTF-8")
    if b"\x00" in data:
        raise ReadError(origin, "not UTF-8 text (binary?): contains NUL bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ReadError(origin, f"not UTF-8 text (binary?): invalid byte 0x{data[err.start]:02x} "
                                f"at byte {err.start}") from None
    return text.removeprefix("\ufeff")


def doc_id_for(path: Path) -> str:
    """The file name without its article suffix: "a/b/ntv-1.txt" -> "ntv-1"."""
    name = path.name
    for suffix in sorted(SUFFIXES, key=len, reverse=True):   # ".jsonl.gz" before ".gz"-less ones
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem or name


def article_files(directory: Path) -> list[Path]:
    """Article files under ``directory``, recursively, sorted; hidden files and folders skipped."""
    found = []
    for path in directory.rglob("*"):
        rel = path.relative_to(directory)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.name.lower().endswith(SUFFIXES):
            found.append(rel)
    return [directory / rel for rel in sorted(found, key=lambda p: p.as_posix())]


def _read_bytes(data: bytes, origin: str, doc_id: str, filename: str | None,
                reader: str | None) -> Iterator[Article | ReadError]:
    """A whole document (or a JSON/JSONL collection) already in memory."""
    name = (filename or "").lower()
    try:
        if name.endswith(HTML_SUFFIXES) or reader == "html":
            text = _decode_html(data, origin)
        else:
            text = decode(data, origin)
    except ReadError as err:
        yield err
        return
    kind = reader or detect_reader(text, filename)
    inner = None if reader == "jsonl" else reader   # the reader for each record's text
    if name.endswith(".json"):
        yield from iter_json_document(text, origin, inner)
    elif kind == "jsonl":
        yield from iter_jsonl(text.encode("utf-8").split(b"\n"), origin, inner)
    else:
        try:
            yield read_document(text, doc_id, kind, origin)
        except ReadError as err:
            yield err


def _decode_html(data: bytes, origin: str) -> str:
    # Article.text of a page is trafilatura's extraction, not the file, so a page in a
    # legacy charset may be decoded by its <meta charset> rather than refused.
    try:
        return decode(data, origin)
    except ReadError:
        if b"\x00" in data:
            raise
        return decode_file(data)


def read_file(path: Path, reader: str | None = None) -> Iterator[Article | ReadError]:
    origin = str(path)
    if path.name.lower().endswith(WARC_SUFFIXES):
        yield from iter_warc(path)          # a crawl: many pages, each an article
        return
    if path.name.lower().endswith(".jsonl.gz"):
        # Streamed line by line: collections can be large.
        try:
            with gzip.open(path, "rb") as fh:
                yield from iter_jsonl(fh, origin, None if reader == "jsonl" else reader)
        except OSError as err:
            yield ReadError(origin, f"cannot read: {err.strerror or err}")
        return
    if path.name.lower().endswith(".jsonl"):
        try:
            with open(path, "rb") as fh:
                yield from iter_jsonl(fh, origin, None if reader == "jsonl" else reader)
        except OSError as err:
            yield ReadError(origin, f"cannot read: {err.strerror or err}")
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield ReadError(origin, f"cannot read: {err.strerror or err}")
        return
    yield from _read_bytes(data, origin, doc_id_for(path), path.name, reader)


def read_stdin(reader: str | None = None, stream: BinaryIO | None = None) -> Iterator[Article | ReadError]:
    """Standard input as one document (or as JSONL when it looks like it); id "stdin"."""
    stream = stream if stream is not None else sys.stdin.buffer
    yield from _read_bytes(stream.read(), STDIN_ORIGIN, STDIN_ID, None, reader)


def iter_path(path: str | Path, reader: str | None = None) -> Iterator[Article | ReadError]:
    if str(path) == "-":
        yield from read_stdin(reader)
        return
    path = Path(path)
    if path.is_dir():
        files = article_files(path)
        if not files:
            yield ReadError(str(path), "no article files (" + ", ".join("*" + s for s in SUFFIXES)
                            + ") in this directory")
        for file in files:
            yield from read_file(file, reader)
    elif path.is_file():
        yield from read_file(path, reader)
    elif path.exists():
        yield ReadError(str(path), "not a regular file or directory")
    else:
        yield ReadError(str(path), "no such file or directory")
