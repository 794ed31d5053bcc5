"""WARC archives of news pages (web crawls): each HTML response becomes an article.

Records are streamed with warcio; the page goes through the HTML reader (trafilatura),
its URL is the record's target URI and its id is derived from that URI, so the same
page crawled twice is the same article.  A record whose page cannot be read is
reported as ``file#URI`` and skipped; a file that is no WARC is reported once.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterator

from lagebild.ingest.detect import WARC_SUFFIXES  # noqa: F401  (re-exported)
from lagebild.ingest.errors import ReadError
from lagebild.ingest.html import read_html
from lagebild.records import Article

_CHARSET = re.compile(r"charset=([\w-]+)", re.I)


def warc_doc_id(uri: str) -> str:
    return "warc-" + hashlib.sha1(uri.encode("utf-8")).hexdigest()[:16]


def iter_warc(path: Path) -> Iterator[Article | ReadError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin = str(path)
    try:
        records = 0
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if not str(record.format).startswith("warc"):
                    continue            # warcio reads any text as old ARC records
                records += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{origin}#{uri}"
                charset = _CHARSET.search(content_type)
                html = record.content_stream().read().decode(
                    charset.group(1) if charset else "utf-8", errors="replace")
                try:
                    article = read_html(html, warc_doc_id(uri))
                except ReadError as err:
                    yield ReadError(where, err.problem)
                    continue
                article.url = article.url or uri
                article.origin = where
                yield article
        if records == 0:
            yield ReadError(origin, "not a readable WARC file: no WARC records")
    except (ArchiveLoadFailed, OSError, LookupError) as exc:
        yield ReadError(origin, f"not a readable WARC file: {exc}")
