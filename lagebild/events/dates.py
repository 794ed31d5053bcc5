"""German temporal expressions in a clause, normalised against the publication date.

Handles what news text uses most: "am 28. September (2015)", "(Anfang|Mitte|Ende)
März 2014", "im Jahr 2014", weekdays ("am Sonntag": the coming one in a clause in
present/future tense, the last one in a past clause), and "heute/gestern/morgen".
Vague phrases ("kürzlich", "zuletzt") give no date: docs/events.md §5 wants null then.

Why not dateparser: it parses a date string well, but it does not find expressions in
running text with their spans, it has no notion of precision (it turns "März 2014"
into a day), and it cannot use the clause's tense to pick the weekday; the month and
weekday names it would add here are a dozen lines of data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "april": 4, "mai": 5,
    "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
    "dezember": 12,
}
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
            "samstag": 5, "sonnabend": 5, "sonntag": 6}
RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}

_MONTH = "|".join(MONTHS)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\.\s*({_MONTH})\b(?:\s+(\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:(?:Anfang|Mitte|Ende)\s+)?({_MONTH})\s+(\d{{4}})\b", re.I)
_MONTH_ONLY = re.compile(rf"\b(?:im|Anfang|Mitte|Ende|seit)\s+({_MONTH})\b(?!\s+\d)", re.I)
_YEAR = re.compile(r"\b(?:im\s+Jahr(?:e)?\s+|seit\s+|bis\s+|bereits\s+|Anfang\s+|Ende\s+|Mitte\s+)?((?:19|20)\d{2})\b")
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})(?:abend|morgen|nachmittag|vormittag|nacht)?\b", re.I)
_RELATIVE = re.compile(rf"\b({'|'.join(RELATIVE_DAYS)})\b", re.I)


@dataclass(frozen=True)
class DateMention:
    start: int          # char offsets relative to the searched text
    end: int
    value: str          # ISO: "2015-09-20", "2014-03", "2014"
    precision: str      # "day" | "month" | "year"

    def as_date(self) -> date:
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])


def find_dates(text: str, published: date | None, past_tense: bool) -> list[DateMention]:
    """All dates in ``text``, most precise first where they overlap."""
    found: list[DateMention] = []

    def add(m: re.Match, value: str | None, precision: str) -> None:
        if value and not any(f.start < m.end() and m.start() < f.end for f in found):
            found.append(DateMention(m.start(), m.end(), value, precision))

    for m in _DAY_MONTH.finditer(text):
        year = int(m.group(3)) if m.group(3) else (published.year if published else None)
        day, month = int(m.group(1)), MONTHS[m.group(2).lower()]
        add(m, _iso(year, month, day), "day")
    for m in _MONTH_YEAR.finditer(text):
        add(m, f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}", "month")
    if published:
        for m in _MONTH_ONLY.finditer(text):
            month = MONTHS[m.group(1).lower()]
            # "im Dezember" in a past clause of a September article is last December
            year = published.year - 1 if past_tense and month > published.month else \
                published.year + 1 if not past_tense and month < published.month else published.year
            add(m, f"{year:04d}-{month:02d}", "month")
        for m in _WEEKDAY.finditer(text):
            add(m, _weekday(published, WEEKDAYS[m.group(1).lower()], past_tense).isoformat(), "day")
        for m in _RELATIVE.finditer(text):
            word = m.group(1).lower()
            # "morgen" after a weekday ("Montagmorgen") is the time of day, handled above.
            add(m, (published + timedelta(days=RELATIVE_DAYS[word])).isoformat(), "day")
    for m in _YEAR.finditer(text):
        add(m, m.group(1), "year")
    return sorted(found, key=lambda d: d.start)


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None:   # "am 3. Mai" with no publication date: the year is unknown
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday(published: date, weekday: int, past_tense: bool) -> date:
    """The weekday nearest the publication date in the direction the tense points."""
    delta = weekday - published.weekday()
    if past_tense:
        return published + timedelta(days=delta if delta <= 0 else delta - 7)
    return published + timedelta(days=delta if delta >= 0 else delta + 7)


_AGO = re.compile(r"\bvor\s+(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
                  r"einigen|mehreren|vielen)\s+(?:Wochen|Monaten|Jahren|Jahrzehnten)\b", re.I)


def mentions_earlier_period(text: str) -> bool:
    """A month without a day ("im Dezember", "Anfang Jänner") or a span ago of weeks or
    more ("vor fünf Wochen"): in a past clause these mark background, not the news."""
    return bool(_MONTH_ONLY.search(text) or _MONTH_YEAR.search(text) or _AGO.search(text))
