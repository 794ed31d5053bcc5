"""Step 2 of :func:`~lagebild.actors.matcher.find_mentions`: person names.

* :func:`_filter_ambiguous` drops lexicon surnames that are likely ordinary words
  ("Kurz darauf", "Fischer") unless the document confirms them;
* :func:`_add_names` takes capitalised tokens after an office noun as the name of an
  unknown person ("Außenamtssprecherin Sawsan Chebli");
* :func:`repeat_names` (run by callers on finished mentions) finds later mentions of such
  a person by surname alone ("... Chebli sagte").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lexicon import ActorLexicon
from .mention import ActorMention
from .units import _Unit

_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "da", "di", "du", "dos",
                             "le", "la", "al", "el", "bin", "ibn", "ben", "ter", "zu", "Van",
                             "Von"})
_NOT_NAMES = frozenset({
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
    "Sonnabend", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember", "Der", "Die", "Das", "Den", "Dem",
    "Des", "Ein", "Eine", "Er", "Sie", "Es", "Wir", "Ich", "Ihr", "Im", "In", "Am", "An",
    "Auf", "Aus", "Bei", "Mit", "Nach", "Vor", "Zu", "Und", "Oder", "Aber", "Doch", "Auch",
    "Noch", "Nun", "Dann", "Damit", "Dass", "Wie", "Was", "Wer", "Wo", "Als", "Laut",
    "Herr", "Frau", "Dr", "Prof", "Ex", "Interims", "Kollege", "Kollegen", "League",
})
_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "nis", "ium",
                  "ungen", "ismen", "lich", "isch")
# "Kurz darauf", "Kurz nach": a sentence-initial ambiguous surname before these is a word
_ADVERBIAL_NEXT = frozenset({"darauf", "danach", "nach", "vor", "zuvor", "bevor", "nachdem",
                             "vorher", "davor", "später", "und", "gesagt", "hinter", "bei",
                             "zu", "nur", "gefasst", "zusammengefasst", "vorm", "nachher",
                             "angebunden", "gehalten", "gesagt", "drauf", "halten"})


def _filter_ambiguous(doc: Doc, units: list[_Unit], lexicon: ActorLexicon) -> list[_Unit]:
    """Drop ambiguous surnames ("Kurz", "Fischer") unless the full name occurs in the
    document or a role noun stands right before them; never sentence-initially before a
    lowercase word ("Kurz darauf ...")."""
    confirmed = {u.name for u in units if u.kind == "person" and not u.ambiguous}
    keep = []
    prev: _Unit | None = None
    for u in units:
        if u.kind == "person" and u.ambiguous:
            nxt = doc[u.te] if u.te < len(doc) else None
            after_role = prev is not None and prev.is_role and prev.te == u.ts
            initial_word = _sentence_initial(doc, u.ts) and nxt is not None and \
                nxt.lower_ in _ADVERBIAL_NEXT
            # a generated surname before a further unknown name word is part of another
            # person's name ("Außenminister Wang Yi", not the Taiwanese Wang Chien-shien)
            other_name = u.entry is not None and "generated" in u.entry.flags and \
                nxt is not None and _looks_like_name(nxt, lexicon)
            if initial_word or other_name or not (after_role or u.name in confirmed):
                prev = None
                continue
        keep.append(u)
        prev = u
    return keep


def _add_names(doc: Doc, units: list[_Unit], lexicon: ActorLexicon) -> list[_Unit]:
    """Capitalised tokens after an office noun form the name of an unknown person."""
    starts = {u.ts: u for u in units}
    absorbed: set[int] = set()
    out: list[_Unit] = []
    for idx, u in enumerate(units):
        if id(u) in absorbed:
            continue
        out.append(u)
        if not (u.is_role and u.role is not None and u.role.kind == "office" and not u.multi):
            continue
        nxt = units[idx + 1] if idx + 1 < len(units) else None
        if nxt is not None and nxt.ts == u.te:
            continue           # a lexicon unit follows (a known person, a country ...)
        i, end = u.te, u.te
        count = 0
        while i < len(doc) and count < 4:
            tok = doc[i]
            if i in starts:
                v = starts[i]
                # an unknown first name before a generated surname ("Stéphane Dion"):
                # the whole name is the unknown person's
                if count and v.kind == "person" and v.te == i + 1 and v.entry is not None \
                        and "generated" in v.entry.flags:
                    absorbed.add(id(v))
                    count += 1
                    i += 1
                    end = i
                break
            if _name_particle(doc, i, count, lexicon):
                i += 1
                continue
            if not _looks_like_name(tok, lexicon):
                break
            count += 1
            i += 1
            end = i
        if count:
            span = doc[u.te:end]
            out.append(_Unit(u.te, end, span.start_char, span.end_char, "name",
                             name=span.text))
    return out


def _add_affiliated_names(doc: Doc, units: list[_Unit], lexicon: ActorLexicon) -> list[_Unit]:
    """A name the lexicon lacks before "von der"/"vom" and a body or organisation is a
    person of that body ("Mayra Veliz von der Staatsanwaltschaft", "Hasan E. von der
    Nationalgarde").  At least two name words, so that a lone noun ("die Anklage von der
    Staatsanwaltschaft") is no name."""
    covered = {k for u in units for k in range(u.ts, u.te)}
    added = []
    for u in units:
        if not u.is_body:
            continue
        # "vom" right before the body, or "von der"/"von dem"
        if u.ts >= 2 and doc[u.ts - 1].lower_ == "vom":
            k = u.ts - 1
        elif u.ts >= 3 and doc[u.ts - 1].lower_ in ("der", "dem") and doc[u.ts - 2].lower_ == "von":
            k = u.ts - 2
        else:
            continue
        start = k
        while start > 0 and k - start < 3 and start - 1 not in covered and \
                _looks_like_name(doc[start - 1], lexicon):
            start -= 1
        if k - start < 2:
            continue
        span = doc[start:k]
        added.append(_Unit(start, k, span.start_char, span.end_char, "name", name=span.text))
    return sorted(units + added, key=lambda u: (u.ts, u.cs))


def repeat_names(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Later mentions of an unknown person by surname ("Außenamtssprecherin Sawsan Chebli
    ... Chebli sagte"): the surname (or its genitive) alone, outside other mentions,
    refers to the person introduced with a role; a name with an initial ("Hasan E.") only
    as a whole."""
    surnames: dict[str, ActorMention] = {}
    initialled: dict[str, ActorMention] = {}     # "Hasan E.": only the whole name refers
    for m in mentions:
        if m.kind == "person" and m.name and (m.text.endswith(m.name) or m.text.startswith(m.name)) \
                and " " in m.name:
            last = m.name.split()[-1]
            if len(last) > 2 and not last.endswith(".") and last[:1].isupper():
                surnames.setdefault(last, m)
            elif len(last) == 2 and last.endswith("."):
                initialled.setdefault(m.name, m)
    if not surnames and not initialled:
        return mentions
    covered = set()
    for m in mentions:
        covered.update(range(m.token_start, m.token_end))
    added = []
    for token in doc:
        if token.i in covered:
            continue
        whole = f"{token.text} {doc[token.i + 1].text}" if token.i + 1 < len(doc) else ""
        if whole in initialled and token.idx > initialled[whole].start and token.i + 1 not in covered:
            ante = initialled[whole]
            added.append(ActorMention(token.idx, token.idx + len(whole), token.i, token.i + 2, whole,
                                      ante.code, ante.sector, ante.name, "person", ante.role,
                                      ante.context))
            covered.add(token.i + 1)
            continue
        text = token.text
        base = text if text in surnames else (text[:-1] if text.endswith("s") and text[:-1] in surnames else None)
        if base is None:
            continue
        ante = surnames[base]
        if token.idx <= ante.start:
            continue
        added.append(ActorMention(token.idx, token.idx + len(text), token.i, token.i + 1, text,
                                  ante.code, ante.sector, ante.name, "person", ante.role,
                                  ante.context))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.token_start)


def _sentence_initial(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].text in (".", "!", "?", ":", "\n", '"', "„", "“") or doc[i - 1].is_space


def _looks_like_name(token: Token, lexicon: ActorLexicon) -> bool:
    t = token.text
    if re.fullmatch(r"(?:al|el|as|ad|ar|at|an|ash)-[A-ZÄÖÜ][^\W\d_]+", t):
        return True            # Arabic article particle: "al-Asir", "el-Sisi"
    if not t[:1].isupper() or token.is_punct or token.like_num or t in _NOT_NAMES:
        return False
    if t.startswith(_WEEKDAYS):
        return False           # "Montagmittag", "Dienstagabend"
    if t.isupper() and len(t) > 1 and "." not in t:
        return False           # acronyms: parties, agencies
    if len(t) == 2 and t.endswith("."):
        return True            # an initial: "Hasan E."
    if not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", t):
        return False
    if t.lower().endswith(_NOUN_SUFFIXES) or lexicon.role(t) is not None:
        return False
    # a surname of a known person is still a name ("Stéphane Dion" with a dropped "Dion")
    return all(e.kind == "person" for e in lexicon.lookup(t))


def _name_particle(doc: Doc, i: int, count: int, lexicon: ActorLexicon) -> bool:
    """'al', 'bin', 'de', 'von' (and 'der' after 'von') inside a name, before a name token."""
    t = doc[i].text
    if i + 1 >= len(doc) or not (_looks_like_name(doc[i + 1], lexicon)
                                 or doc[i + 1].text in _NAME_PARTICLES):
        return False
    if t in ("der", "den"):
        return i > 0 and doc[i - 1].text in ("von", "van", "Van", "Von")
    if t in ("von", "zu"):
        return count > 0
    return t in _NAME_PARTICLES
