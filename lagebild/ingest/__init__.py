"""Article readers: files, directories, stdin or strings in; ``Article`` records out.

Readers (``READERS``, each ``(text, doc_id) -> Article``):

* ``ntv``       n-tv plain-text layout (title, date line, caption, teaser, body, ``Quelle:``);
* ``standard``  derStandard / 10kGNAD: ``teaser Ort – body`` in one paragraph;
* ``plain``     any other text: optional title line, body paragraphs;
* ``html``      a web page, main text and metadata by trafilatura (never fetches);
* ``jsonl``     one JSON record per line (``id``, ``text``, optional metadata), whose text
                then goes through one of the readers above.

``Article.text`` of a text file is the file's exact content (a leading BOM excepted), and
all blocks are spans into it.  ``read_path``/``read_inputs`` *yield* a ``ReadError`` for an
input that cannot be read and go on with the rest; ``read_text`` raises it.  A wrong
reader name is a programming error and raises ``ValueError`` at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..records import Article
from .detect import DOCUMENT_READERS, check_reader, detect_reader, read_document
from .errors import ReadError
from .files import iter_path
from .jsonl import read_jsonl_text

__all__ = ["ReadError", "READERS", "read_text", "read_path", "read_inputs", "detect_reader"]

READERS: dict[str, Callable[[str, str], Article]] = {**DOCUMENT_READERS, "jsonl": read_jsonl_text}


def read_text(text: str, doc_id: str, reader: str | None = None, origin: str | None = None) -> Article:
    """One document from a string; ``text`` is kept as given.  Raises ``ReadError``."""
    check_reader(reader)
    name = reader or detect_reader(text)
    if name == "jsonl":
        art = read_jsonl_text(text, origin or doc_id)
        art.origin = origin
        return art
    return read_document(text, doc_id, name, origin)


def read_path(path: str | Path, reader: str | None = None) -> Iterator[Article | ReadError]:
    """Articles (and errors) of a file, a directory (recursive, sorted) or "-" for stdin."""
    check_reader(reader)       # here, not in the generator, so that it raises immediately
    return iter_path(path, reader)


def read_inputs(paths: Iterable[str | Path], reader: str | None = None) -> Iterator[Article | ReadError]:
    """``read_path`` over several inputs, in order."""
    check_reader(reader)

    def chained() -> Iterator[Article | ReadError]:
        for path in paths:
            yield from iter_path(path, reader)

    return chained()
