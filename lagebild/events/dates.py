"""German temporal expressions: found in running text, normalised against a reference date.

``normalise`` turns one expression ("am 28. September", "im Herbst 2013", "vergangene
Woche", "heuer", "damals") into a TIMEX3-style value with its precision, resolved
against the reference date (the article's publication date) and the tense of its
clause: "am Sonntag" is the coming Sunday in a present or future clause and the last
one in a past clause.  ``find_dates`` finds the expressions in a clause and keeps
those that date an event (day, month or year); vague ones ("kürzlich") give no date,
as docs/events.md §5 wants.  The vocabulary is data: ``lang/de/temporal.tsv``.

Why not dateparser: it parses a date string well, but it does not find expressions in
running text with their spans, it has no notion of precision (it turns "März 2014"
into a day), it cannot use the clause's tense to pick the weekday, and it has no
TIMEX3 values for weeks, seasons, decades or "damals"/"jetzt".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

TEMPORAL_DATA = Path(__file__).resolve().parent.parent / "lang" / "de" / "temporal.tsv"
# Precisions an event date may have (docs §5: "2015-09-20", "2014-03", "2015").
EVENT_PRECISIONS = ("day", "month", "year")
# Words in front of an expression that do not change its value.
_FILLERS = {"am", "im", "in", "an", "um", "seit", "bis", "ab", "vom", "zum", "von", "zu", "der",
            "den", "dem", "des", "die", "das", "anfang", "mitte", "ende", "beginn", "jahr",
            "jahre", "jahres", "bereits", "schon", "noch", "erst", "spätestens", "frühestens"}
# In a past clause a date up to this many days after publication is still this year's
# ("sagte, am 9. November werde …"); a later one is last year's.
PAST_TOLERANCE_DAYS = 14


def is_preterite(token) -> bool:
    """A finite past-tense verb: "-te(n)" forms whose lemma differs ("sagte" -> "sagen")
    and the common strong preterites ("kam", "fand"; kind ``strong_preterite`` of
    temporal.tsv).  Not "-tet": that is the present or the participle of a verb whose
    stem ends in -t ("arbeitet", "wird veranstaltet"); only the rare "ihr -tetet" is past."""
    text = token.lower_
    if not token.text[:1].islower():
        return False
    if load_temporal().get("strong_preterite", text) is not None:
        return True
    lemma = token.lemma_.lower()
    return text != lemma and lemma.endswith("en") and text.endswith(("te", "ten", "tetet"))


def tokens_are_past(tokens) -> bool:
    """A stretch of text in a past tense: an auxiliary of the past tenses (perfect,
    pluperfect, passive past; kind ``past_auxiliary``) or a preterite verb.  The tense
    decides "am Sonntag" and "im Dezember"."""
    past_auxiliaries = load_temporal().kinds.get("past_auxiliary", {})
    return any(t.lower_ in past_auxiliaries or is_preterite(t) for t in tokens)


_DAYPARTS = "abend|morgen|nachmittag|vormittag|nacht|mittag|früh"
# a clock time ("19.30 Uhr", "15-20 Uhr") or "heute Abend": "heute" is then the day
_CLOCK = re.compile(rf"\b\d{{1,2}}(?:[.:]\d{{2}})?\s*Uhr\b|\bheute\s+(?:{_DAYPARTS})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Timex:
    value: str        # TIMEX3 value: "2015-09-20", "2014-03", "2013-W08-WE", "PAST_REF", …
    precision: str    # day | week | weekend | month | season | year | decade | century | ref


@dataclass(frozen=True)
class DateMention:
    start: int          # char offsets relative to the searched text
    end: int
    value: str          # ISO: "2015-09-20", "2014-03", "2014"
    precision: str      # "day" | "month" | "year"

    def as_date(self) -> date:
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class TemporalLexicon:
    kinds: dict[str, dict[str, str]]

    def get(self, kind: str, form: str) -> str | None:
        return self.kinds.get(kind, {}).get(form)

    def forms(self, *kinds: str) -> list[str]:
        return [f for k in kinds for f in self.kinds.get(k, {})]


@lru_cache(maxsize=1)
def load_temporal() -> TemporalLexicon:
    kinds: dict[str, dict[str, str]] = defaultdict(dict)
    for line in TEMPORAL_DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, form, value = line.split("\t")[:3]
            kinds[kind][form.strip().lower()] = value.strip()
    return TemporalLexicon(dict(kinds))


# -- normalising one expression -------------------------------------------------------
def normalise(expression: str, reference: date | None, past: bool, *,
              present_ref: bool = False, context: str = "") -> Timex | None:
    """The value of one German temporal expression, or None if it has none we can tell.

    ``present_ref`` picks how "heute"/"heutigen" read.  They name the publication day,
    and that is what the event coder needs: an event told with "heute" happened on the
    day of the article, and a date of PRESENT_REF would date nothing.  But in TIMEX3
    annotation (the It-TimeML guidelines that KRAUTS follows) "heute" in a statement
    about the present in general ("heute weiß man", "das heutige Kaliningrad") is
    PRESENT_REF, and only the day where it dates something that happens on it.  So by
    default (``find_dates``, the event coder) they give the day; with
    ``present_ref=True`` (TIMEX3 values, as the KRAUTS benchmark wants) they give
    PRESENT_REF in a present-tense clause, unless ``context`` (the clause or sentence)
    names a clock time or a part of the day ("heute um 19.30 Uhr", "heute Abend").  In
    a past clause "heute" dates a reported event ("hat heute beschlossen"): the day.
    The adjective ("die heutigen Grenzen") means "present-day" in any tense."""
    words = re.sub(r"[\"„“”'(),;:!?]", " ", expression.lower()).split()
    present = ()
    if present_ref:
        present = ("present_adj",) if past or _CLOCK.search(context) else ("present_adj", "present")
    while words:
        timex = _normalise_words(" ".join(words), reference, past, present)
        if timex:
            return timex
        if words[0] not in _FILLERS:
            return None
        words = words[1:]
    return None


# Precisions whose value is a year followed by a part of it ("2015-05", "2015-SU").
_IN_YEAR = ("day", "month", "season", "quarter", "half")


def _normalise_words(text: str, ref: date | None, past: bool, present: tuple = ()) -> Timex | None:
    """``present``: the kinds of "heute" words to read as PRESENT_REF (see normalise)."""
    lex = load_temporal()
    if m := re.fullmatch(r"([^\W\d]+),?\s+(\d.*)", text):
        if lex.get("weekday", m.group(1)) is not None:       # "Samstag, 17. Januar"
            return _normalise_words(m.group(2), ref, past)
    if m := re.fullmatch(r"(?:(.+?)\s+)?(?:des\s+)?jahr(?:es|e)?\s+(\d{1,4})", text):
        # "im Jahr 578", "Sommer des Jahres 2005" = "Sommer 2005"
        if m.group(1) is None:
            return Timex(f"{int(m.group(2)):04d}", "year")
        if timex := normalise(f"{m.group(1)} {int(m.group(2)):04d}", ref, past):
            return timex
    if ref is not None:
        for phrase, offset in lex.kinds.get("year", {}).items():
            # "8. Mai dieses Jahres", "dem Juni des vergangenen Jahres", "Sommer des Vorjahres"
            head = re.fullmatch(rf"(.+?)\s+(?:des\s+)?{re.escape(phrase)}", text)
            if head:
                inner = normalise(head.group(1), ref, past)
                year = ref.year + int(offset)
                if inner and inner.precision in _IN_YEAR:
                    return Timex(f"{year:04d}{inner.value[4:]}", inner.precision)
    months = "|".join(re.escape(m) for m in lex.forms("month"))
    if (value := lex.get("ref", text)) is not None:
        return Timex(value, "ref")
    if value := next((lex.get(kind, text) for kind in present if lex.get(kind, text)), None):
        return Timex(value, "ref")
    if timex := _year_part(text, ref, past, lex):
        return timex
    if m := re.fullmatch(r"([^\W\d]+?)(?:e|en|er|es|em)?\s+hälfte\s+(?:des|der)\s+(.+)", text):
        # "der ersten Hälfte des 15. Jahrhunderts" = "14", "… des Jahres 2014" = "2014-H1"
        inner, half = normalise(m.group(2), ref, past), lex.get("ordinal", m.group(1))
        if inner and inner.precision == "year" and half in ("1", "2"):
            return Timex(f"{inner.value}-H{half}", "half")
        if inner and inner.precision in ("decade", "century", "millennium"):
            return inner
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?", text):
        year = _full_year(m.group(3)) if m.group(3) else None
        return _day(year, int(m.group(2)), int(m.group(1)), ref, past)
    if m := re.fullmatch(rf"(\d{{1,2}})\.\s*({months})(?:\s+(\d{{4}}))?", text):
        year = int(m.group(3)) if m.group(3) else None
        return _day(year, int(lex.get("month", m.group(2))), int(m.group(1)), ref, past)
    if m := re.fullmatch(r"(\d{1,2})\.", text):
        return _day(ref.year, ref.month, int(m.group(1)), ref, past) if ref else None
    if m := re.fullmatch(rf"({months})(?:\s+(\d{{4}}))?", text):
        month = int(lex.get("month", m.group(1)))
        year = int(m.group(2)) if m.group(2) else _year_of_month(month, ref, past)
        return Timex(f"{year:04d}-{month:02d}", "month") if year else None
    if m := re.fullmatch(r"((?:1[0-9]|20)\d{2})", text):
        return Timex(m.group(1), "year")
    if m := re.fullmatch(r"(?:(1[89]|20)(\d)0|(\d)0)er(?:[\s-]+jahren?|[\s-]+jahre)?", text):
        century = m.group(1) or ("19" if m.group(3) != "0" else "20")
        return Timex(f"{century}{m.group(2) or m.group(3)}", "decade")
    if m := re.fullmatch(r"(\w+)\s+jahren?|(\w+)\s+jahre", text):
        digit = lex.get("decade", m.group(1) or m.group(2))
        if digit:
            return Timex(f"19{digit}", "decade")
    if m := re.fullmatch(r"(?:([^\W\d]+)\s+)?(?:[^\W\d]+e[nmrs]?\s+)?([^\W\d]+)(?:\s+(\d{4}))?", text):
        # "Herbst 2013", "diesem (strengen) Winter"
        season = lex.get("season", m.group(2))
        if season and (m.group(1) is None or lex.get("weekday_shift", m.group(1)) == "this"):
            year = int(m.group(3)) if m.group(3) else (ref.year if ref else None)
            return Timex(f"{year:04d}-{season}", "season") if year else None
    if m := re.fullmatch(rf"(?:(\w+)\s+)?(\w+?)(?:{_DAYPARTS})?", text):
        weekday, shift = lex.get("weekday", m.group(2)), lex.get("weekday_shift", m.group(1) or "")
        if weekday is not None and ref and (m.group(1) is None or shift):
            if shift == "this":
                monday = ref - timedelta(days=ref.weekday())
                return Timex((monday + timedelta(days=int(weekday))).isoformat(), "day")
            direction = past if shift is None else shift == "past"
            return Timex(_weekday(ref, int(weekday), direction).isoformat(), "day")
    if m := re.fullmatch(r"(\d{1,2})\.\s+jahrhunderts?", text):
        return Timex(f"{int(m.group(1)) - 1:02d}", "century")
    if m := re.fullmatch(r"(?:(\d)\.|([^\W\d]+?)(?:e|en|er|es|em)?)\s+jahrtausends?", text):
        # "das dritte Jahrtausend" = 2000-2999 = TIMEX3 "2"
        number = int(m.group(1) or lex.get("ordinal", m.group(2)) or 0)
        if number > 0:
            return Timex(str(number - 1), "millennium")
    if (holiday := lex.get("holiday", text)) and ref:
        return Timex(f"{ref.year:04d}-{holiday}", "day")
    if (m := re.fullmatch(r"(.+?)(?:\s+(\d{4}))?", text)) and (offset := lex.get("easter", m.group(1))):
        # "Palmsonntag", "Pfingsten 2014": movable feasts counted from Easter Sunday
        year = int(m.group(2)) if m.group(2) else (ref.year if ref else None)
        if year:
            return Timex((_easter(year) + timedelta(days=int(offset))).isoformat(), "day")
    if ref is None:
        return None
    if m := re.fullmatch(r"(vorigen|letzten|vergangenen|diesem|dieses|diesen)\s+jahrhunderts?", text):
        century = ref.year // 100 - (1 if m.group(1) in ("vorigen", "letzten", "vergangenen") else 0)
        return Timex(f"{century:02d}", "century")
    if m := re.fullmatch(r"(?:([^\W\d]+)\s+)?wochenend[e]?", text):
        # the weekend just gone in a past clause, the coming one otherwise
        shift = lex.get("weekday_shift", m.group(1) or "")
        if m.group(1) and not shift:
            return None
        gone = shift == "past" or (shift is None and past)
        weekend = ref - timedelta(days=7) if gone and ref.weekday() < 5 else ref
        year, week, _ = weekend.isocalendar()
        return Timex(f"{year:04d}-W{week:02d}-WE", "weekend")
    if (offset := lex.get("day", text)) is not None:
        return Timex((ref + timedelta(days=int(offset))).isoformat(), "day")
    if (offset := lex.get("week", text)) is not None:
        year, week, _ = (ref + timedelta(weeks=int(offset))).isocalendar()
        return Timex(f"{year:04d}-W{week:02d}", "week")
    if (offset := lex.get("month_offset", text)) is not None:
        index = ref.year * 12 + ref.month - 1 + int(offset)
        return Timex(f"{index // 12:04d}-{index % 12 + 1:02d}", "month")
    if (offset := lex.get("year", text)) is not None:
        return Timex(f"{ref.year + int(offset):04d}", "year")
    return None


def _year_part(text: str, ref: date | None, past: bool, lex: TemporalLexicon) -> Timex | None:
    """"im dritten Quartal (2014)", "der zweiten Jahreshälfte": TIMEX3 "2014-Q3", "2014-H2";
    "im letzten Quartal" is the one before the reference date's."""
    m = re.fullmatch(r"(?:(\d)\.|([^\W\d]+?)(?:e|en|er|es|em)?)\s+([^\W\d]+)(?:\s+(\d{4}))?", text)
    letter = m and lex.get("year_part", m.group(3))
    if not letter:
        return None
    number = int(m.group(1) or lex.get("ordinal", m.group(2)) or 0)
    parts = 4 if letter == "Q" else 2
    precision = "quarter" if letter == "Q" else "half"
    if m.group(4):
        year = int(m.group(4))
    elif ref is None:
        return None
    else:
        year = ref.year
        current = (ref.month - 1) * parts // 12 + 1
        if number < 0:                       # the last (completed) one
            number, year = (current - 1, year) if current > 1 else (parts, year - 1)
        elif past and number > current:      # told in the past: last year's
            year -= 1
    if not 1 <= number <= parts:
        return None
    return Timex(f"{year:04d}-{letter}{number}", precision)


def _easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _full_year(text: str) -> int:
    year = int(text)
    return year if year >= 100 else (2000 + year if year < 50 else 1900 + year)


def _day(year: int | None, month: int, day: int, ref: date | None, past: bool) -> Timex | None:
    if year is None:
        if ref is None:
            return None
        year = ref.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return Timex(f"{year:04d}-{month:02d}", "month") if 1 <= month <= 12 else None
        # "am 22. November" in a past clause of an October article is last November;
        # otherwise the nearest such day
        if past and (candidate - ref).days > PAST_TOLERANCE_DAYS:
            year -= 1
        elif not past and (ref - candidate).days > 182:
            year += 1
        elif not past and (candidate - ref).days > 182:
            year -= 1
    try:
        return Timex(date(year, month, day).isoformat(), "day")
    except ValueError:
        return Timex(f"{year:04d}-{month:02d}", "month") if 1 <= month <= 12 else None


def _year_of_month(month: int, ref: date | None, past: bool) -> int | None:
    """The year of a month named without one: in a past clause the last such month
    ("im Dezember" in September is last December), else the nearest one ("im Jänner"
    in a November article is next January, "im August" in October this August)."""
    if ref is None:
        return None
    if past:
        # a month just ahead in a past sentence is mostly a plan reported in the past
        return ref.year - 1 if month - ref.month > 1 else ref.year
    # a present or future clause leans ahead: a later month is this year's ("wird im
    # November begangen" in March), one half a year or more back next year's ("steht
    # im April auf dem Programm" in October)
    if ref.month - month >= 6:
        return ref.year + 1
    return ref.year


def _weekday(published: date, weekday: int, past_tense: bool) -> date:
    """The weekday nearest the publication date in the direction the tense points."""
    delta = weekday - published.weekday()
    if past_tense:
        return published + timedelta(days=delta if delta <= 0 else delta - 7)
    return published + timedelta(days=delta if delta >= 0 else delta + 7)


# -- finding expressions in a clause --------------------------------------------------
@lru_cache(maxsize=1)
def _finder() -> re.Pattern:
    lex = load_temporal()
    months = "|".join(re.escape(m) for m in sorted(lex.forms("month"), key=len, reverse=True))
    weekdays = "|".join(lex.forms("weekday"))
    phrases = "|".join(re.escape(f) for f in sorted(
        lex.forms("day", "week", "month_offset", "year", "season"),
        key=len, reverse=True))
    lead = r"(?:(?:Anfang|Mitte|Ende|Beginn)\s+)?"
    return re.compile(
        rf"\b\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}}|\d{{2}})?(?!\d)"            # 18.09.2015
        rf"|\b\d{{1,2}}\.\s*(?:{months})(?:\s+\d{{4}})?\b"               # 28. September (2015)
        rf"|\b{lead}(?:{months})\s+\d{{4}}\b"                            # März 2014
        rf"|\b(?:im|seit|bis|ab|Anfang|Mitte|Ende)\s+(?:{months})\b(?!\s+\d)"  # im Dezember
        rf"|\b(?:{weekdays})(?:{_DAYPARTS})?\b"                          # Sonntag(abend)
        rf"|\b(?:{phrases})\b"                                           # heute, vergangene Woche
        rf"|\b(?:im\s+Jahre?\s+|seit\s+|bis\s+|bereits\s+|{lead})?(?:19|20)\d{{2}}\b",  # 2014
        re.I)


def find_temporal(text: str, reference: date | None, past: bool) -> list[tuple[int, int, Timex]]:
    """Every temporal expression in ``text`` with its span and value."""
    found = []
    for m in _finder().finditer(text):
        timex = normalise(m.group(0), reference, past)
        if timex:
            found.append((m.start(), m.end(), timex))
    return found


def find_dates(text: str, published: date | None, past_tense: bool) -> list[DateMention]:
    """The expressions in ``text`` that date an event (day, month or year precision)."""
    return [DateMention(start, end, t.value, t.precision)
            for start, end, t in find_temporal(text, published, past_tense)
            if t.precision in EVENT_PRECISIONS]


def date_referred_back(text: str, earlier: str, published: date | None) -> DateMention | None:
    """ "Damals", "seinerzeit": the last date the text named before (in ``earlier``,
    the sentences before), if the sentence names none of its own.  Offsets are those
    in ``earlier``."""
    lowered = f" {text.lower()} "
    words = load_temporal().kinds.get("anaphoric", {})
    if not any(f" {w} " in lowered or f" {w}," in lowered for w in words):
        return None
    found = [d for d in find_dates(earlier, published, True)
             if published is None or d.as_date() <= published]
    return found[-1] if found else None


_AGO = re.compile(r"\bvor\s+(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
                  r"einigen|mehreren|vielen)\s+(?:Wochen|Monaten|Jahren|Jahrzehnten)\b", re.I)
_MONTH_WORD = re.compile(r"\b(?i:im|anfang|mitte|ende|seit)\s+[A-ZÄÖÜ][a-zäöü]+\b")


def mentions_earlier_period(text: str) -> bool:
    """A month without a day ("im Dezember", "Anfang Jänner") or a span ago of weeks or
    more ("vor fünf Wochen"): in a past clause these mark background, not the news."""
    if _AGO.search(text):
        return True
    lex = load_temporal()
    return any(m.group(0).split()[-1].lower() in lex.kinds.get("month", {})
               for m in _MONTH_WORD.finditer(text))
