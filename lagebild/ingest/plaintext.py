"""Plain-text readers: the n-tv article layout, and a generic fallback.

Both keep ``Article.text`` exactly as given: blocks are only *spans* over it, because
event evidence offsets are scored against that very string.  Every block is trimmed of
surrounding whitespace (``\\r`` of CRLF files included), so ``text[b.start:b.end]`` is the
clean line or paragraph.

The n-tv layout (see ``shared/corpus/ntv-2015-09-18-russland-usa-is.txt``), one element
per line::

    Schweigen gebrochen Russland und USA koordinieren Anti-IS-Kampf   kicker+title
    18.09.2015, 22:08 Uhr                                             date line
    Der IS startete immer wieder Angriffe auf das syrische Kobane.    caption
    (Foto: picture alliance / dpa)                                    credit
    Während Moskau ... Ziehen sie bald sogar an einem Strang?         teaser
    Nach langem Schweigen ...                                         body ...
    Suche nach Gemeinsamkeiten                                        subheading
    ...
    Quelle: ntv.de, hul/dpa/AFP                                       source
"""

from __future__ import annotations

import re
from datetime import datetime

from ..records import Article, Block
from .errors import ReadError

# A non-blank line, trimmed: from its first to its last non-space character.
_LINE = re.compile(r"\S(?:[^\n]*\S)?")

# "18.09.2015, 22:08 Uhr" (comma and "Uhr" optional, as copies vary).
NTV_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2}):(\d{2})(?:\s*Uhr)?")
# "(Foto: picture alliance / dpa)": the picture credit under a caption.
NTV_CREDIT = re.compile(r"\((?:Foto|Fotos|Bild|Bilder|Grafik|Illustration|Screenshot|Video)\s*:.*\)")
# "Quelle: ntv.de, hul/dpa/AFP": outlet, then author initials and agencies.
NTV_SOURCE = re.compile(r"Quelle\s*:\s*(\S.*)")

# News agencies as they appear in source lines.  Needed because some are written in
# lower case ("dpa", "rts") exactly like author initials ("hul"), which are not agencies.
KNOWN_AGENCIES = frozenset({
    "dpa", "afp", "ap", "rts", "reuters", "rtr", "epd", "kna", "sid", "dts", "apa",
    "ddp", "dapd", "dj", "dowjones", "efe", "ansa", "tass", "itar-tass", "xinhua", "ots",
    "bloomberg", "ria", "interfax", "upi", "idea", "afx", "dpa-afx", "mz", "n-tv",
})

# Final characters that end a sentence (or a quoted sentence): a line ending otherwise
# is a heading, not a paragraph.
_SENTENCE_END = tuple(".!?:;,…\"'“”„»«)’")

SUBHEADING_MAX_CHARS = 80
TITLE_MAX_CHARS = 150
KICKER_MAX_CHARS = 40


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of ``text[start:end]``, trimmed."""
    end = len(text) if end is None else end
    return [m.span() for m in _LINE.finditer(text, start, end)]


def has_blank_lines(text: str, lines: list[tuple[int, int]] | None = None) -> bool:
    lines = line_spans(text) if lines is None else lines
    return any(text.count("\n", a_end, b_start) >= 2 for (_, a_end), (b_start, _) in zip(lines, lines[1:]))


def paragraph_spans(text: str, start: int = 0, end: int | None = None,
                    blank_separated: bool | None = None) -> list[tuple[int, int]]:
    """Paragraphs of ``text[start:end]``: blank-line separated where the text has blank
    lines (then a paragraph may be hard-wrapped over several lines), else one per line.
    ``blank_separated`` decides that for the caller, who may know the whole text."""
    lines = line_spans(text, start, end)
    if blank_separated is None:
        blank_separated = has_blank_lines(text, lines)
    if not blank_separated or not lines:
        return lines
    paragraphs = [lines[0]]
    for line_start, line_end in lines[1:]:
        para_start, para_end = paragraphs[-1]
        if text.count("\n", para_end, line_start) >= 2:
            paragraphs.append((line_start, line_end))
        else:
            paragraphs[-1] = (para_start, line_end)
    return paragraphs


def ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


def is_subheading(line: str) -> bool:
    """A short line without final punctuation between paragraphs ("Suche nach Gemeinsamkeiten")."""
    return len(line) <= SUBHEADING_MAX_CHARS and not ends_sentence(line)


def looks_like_title(line: str) -> bool:
    """Short, and not ending like a sentence (a question or exclamation may be a title)."""
    return len(line) <= TITLE_MAX_CHARS and not line.endswith((".", ",", ";", ":"))


def parse_ntv_date(line: str) -> datetime | None:
    """The date line as a naive datetime (local time, as printed); None if it is not one."""
    m = NTV_DATE.fullmatch(line.strip())
    if not m:
        return None
    day, month, year, hour, minute = map(int, m.groups())
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:   # 31.02.2015 and the like: looks like a date line, is no date
        return None


def parse_source_line(value: str) -> tuple[str | None, list[str]]:
    """``"ntv.de, hul/dpa/AFP"`` -> ``("ntv.de", ["dpa", "AFP"])``.

    The part before the first comma is the outlet; after it come slash-separated author
    initials and agencies.  A token counts as an agency if it is a known one or has a
    capital letter (agency codes are often upper case, initials never are).
    """
    outlet, _, rest = value.partition(",")
    outlet = outlet.strip()
    if outlet.lower() in KNOWN_AGENCIES and not rest:   # "Quelle: dpa": no outlet
        outlet, rest = "", value
    agencies = []
    for token in re.split(r"[/,;&+]|\s+und\s+|\s+", rest):
        token = token.strip(" .()")
        if token and (token.lower() in KNOWN_AGENCIES or any(c.isupper() for c in token)):
            if token not in agencies:
                agencies.append(token)
    return outlet or None, agencies


def looks_like_ntv(text: str) -> bool:
    """The 2nd non-blank line is an n-tv date line (the 3rd after a short kicker line),
    or the text ends with a ``Quelle:`` line."""
    lines = line_spans(text[:4000])
    if len(lines) >= 2 and NTV_DATE.fullmatch(text[slice(*lines[1])]):
        return True
    if (len(lines) >= 3 and lines[0][1] - lines[0][0] <= KICKER_MAX_CHARS
            and NTV_DATE.fullmatch(text[slice(*lines[2])])):
        return True
    tail = text[-300:]
    last = line_spans(tail)
    return bool(last) and NTV_SOURCE.fullmatch(tail[slice(*last[-1])]) is not None


def read_ntv(text: str, doc_id: str) -> Article:
    """Read an article in the n-tv plain-text layout; degrades gracefully where parts are missing."""
    lines = line_spans(text)
    if not lines:
        raise ReadError(doc_id, "empty")
    art = Article(id=doc_id, text=text, source="ntv.de")
    blocks: list[Block] = []

    def add(kind: str, span: tuple[int, int]) -> None:
        blocks.append(Block(kind, span[0], span[1]))

    def line(i: int) -> str:
        return text[slice(*lines[i])]

    # Header: title (or kicker and title on two lines) down to the date line.  The
    # kicker usually shares the title's line with no separator, and no rule tells
    # where it ends, so a one-line header is all title and kicker stays None.
    date_at = next((i for i in range(min(3, len(lines))) if NTV_DATE.fullmatch(line(i))), None)
    if date_at is None:   # no date line: the first line is a title only if it looks like one
        header = 1 if len(lines) > 1 and looks_like_title(line(0)) else 0
    else:
        header = date_at
    if header == 2:
        art.kicker = line(0)
        add("kicker", lines[0])
    if header >= 1:
        art.title = line(header - 1)
        add("title", lines[header - 1])
    pos = header
    if date_at is not None:
        art.published = parse_ntv_date(line(date_at))
        add("dateline", lines[date_at])
        pos = date_at + 1

    # Trailing "Quelle:" line.
    end = len(lines)
    if end > pos and (m := NTV_SOURCE.fullmatch(line(end - 1))):
        art.source, art.agencies = parse_source_line(m.group(1))
        art.source = art.source or "ntv.de"
        end -= 1
    source_span = lines[end] if end < len(lines) else None

    # Lead picture: caption line(s) ending in a credit line, right under the date line.
    credit_at = next((i for i in range(pos, min(pos + 4, end)) if NTV_CREDIT.fullmatch(line(i))), None)
    if credit_at is not None:
        for i in range(pos, credit_at):
            add("caption", lines[i])
        add("credit", lines[credit_at])
        pos = credit_at + 1

    # Teaser, then body with subheadings.  A credit line further down belongs to an
    # inline picture: the line just above it is that picture's caption.
    for i in range(pos, end):
        s = line(i)
        if i == pos:
            add("teaser", lines[i])
        elif NTV_CREDIT.fullmatch(s):
            if blocks[-1].kind in ("body", "subheading"):
                blocks[-1] = Block("caption", blocks[-1].start, blocks[-1].end)
            add("credit", lines[i])
        elif i < end - 1 and is_subheading(s):
            add("subheading", lines[i])
        else:
            add("body", lines[i])
    if source_span:
        add("source", source_span)
    art.blocks = blocks
    return art


def read_plain(text: str, doc_id: str) -> Article:
    """Any text: a short first line without final punctuation is the title, the rest body."""
    lines = line_spans(text)
    if not lines:
        raise ReadError(doc_id, "empty")
    art = Article(id=doc_id, text=text)
    body_from = lines[0][0]
    if len(lines) > 1 and looks_like_title(text[slice(*lines[0])]):
        art.title = text[slice(*lines[0])]
        art.blocks.append(Block("title", *lines[0]))
        body_from = lines[0][1]
    # Blank lines anywhere (e.g. only under the title) mean lines are wrapped, not paragraphs.
    blank_separated = has_blank_lines(text, lines)
    art.blocks.extend(Block("body", a, b) for a, b in paragraph_spans(text, body_from, None, blank_separated))
    return art
