"""Find actor mentions in a German spaCy ``Doc`` (tokenised by ``spacy.blank("de")``).

``find_mentions(doc, lexicon, when)`` works in three steps and needs no parser or NER:

1. **Lexicon units.**  An exact token match (ORTH) finds every lexicon form (countries,
   capitals, demonyms, organisations, persons; longest match wins) and one on LOWER the
   nationality adjectives.  Tokens left over are tried as role nouns (inflected forms and
   closed compounds: "Präsidenten", "Bundesaußenminister", "Kremlchef") and, if they
   contain a hyphen, as compounds ("US-Außenminister", "Taliban-Kämpfern", "Anti-IS-Kampf").
2. **Names.**  After an office noun, capitalised tokens not in the lexicon are taken as
   the name of an unknown person ("Außenamtssprecherin Sawsan Chebli").
3. **Combination.**  Adjacent units merge into one mention:
   ``[adjective | genitive country | demonym-adjective] [role] [person | name]``
   ("seinen russischen Kollegen Sergej Lawrow", "Russlands Präsident", "die Moskauer
   Führung"), ``role + genitive`` ("Regierung Syriens"), ``role + des/der + actor``
   ("Sprecher des Pentagons"), ``office/body + in + capital`` ("Regierung in Kiew"),
   ``role + organisation`` ("Terrorgruppe Islamischer Staat").  A known person's code,
   sector and name win over those of the words around it.

Mentions never include determiners or possessives.  ``kind`` is one of

* ``country``, ``capital`` (also seats: "Kreml"): place-like; "in Moskau" is a place,
  "Moskau unterstützt" an actor -- see :func:`is_place_context`;
* ``adjective``, ``demonym``: a nationality alone ("russische", "Russen"), sector null;
* ``organisation``, ``person``: a named actor (possibly with its role words);
* ``role``: a role noun, with the code of its modifier if it has one ("die russische
  Armee" RUS MIL, "US-Außenminister" USA GOV, "Soldaten" None MIL);
* ``compound``: a hyphenated word whose head is no actor noun but whose modifier is
  ("Ukraine-Krise", "Syrien-Konflikt", "US-Angaben", "Anti-IS-Kampf"): code, sector and
  name are those of the modifier; callers may ignore these or use them as weak evidence
  (a source "Nach US-Angaben", the target of an "Anti-IS-Koalition").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..records import NON_STATE_CODES, Entity
from .lexicon import PERSON_FILES, ActorLexicon, LexiconEntry, RoleHit, _as_date

LOCATIVE_PREPOSITIONS = frozenset({"in", "im", "nach", "aus", "bei", "beim", "nahe", "ins",
                                   "vor", "innerhalb", "außerhalb", "nördlich", "südlich",
                                   "östlich", "westlich", "gen"})
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
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
_DIRECTIONAL = frozenset({"Ost", "West", "Nord", "Süd", "Zentral", "Nordost", "Nordwest",
                          "Südost", "Südwest", "Rest", "Groß"})
_BLOCKING = frozenset({"anti", "pro", "nicht", "ex"})
# "Kurz darauf", "Kurz nach": a sentence-initial ambiguous surname before these is a word
_ADVERBIAL_NEXT = frozenset({"darauf", "danach", "nach", "vor", "zuvor", "bevor", "nachdem",
                             "vorher", "davor", "später", "und", "gesagt", "hinter", "bei",
                             "zu", "nur", "gefasst", "zusammengefasst", "vorm", "nachher",
                             "angebunden", "gehalten", "gesagt", "drauf", "halten"})
_HYPHENS = "-‐‑–"


@dataclass(frozen=True)
class ActorMention:
    start: int          # char offset into doc.text
    end: int            # char offset, exclusive
    token_start: int
    token_end: int      # exclusive
    text: str
    code: str | None
    sector: str | None
    name: str | None
    kind: str           # country|capital|adjective|demonym|organisation|person|role|compound
    role: str | None = None      # the role noun's lexicon form ("Außenminister")
    context: str | None = None   # a PLOVER context the role implies ("military")

    @property
    def is_place_like(self) -> bool:
        return self.kind in ("country", "capital")

    def to_entity(self) -> Entity:
        return Entity(code=self.code, sector=self.sector, name=self.name, text=self.text,
                      start=self.start, end=self.end)


@dataclass
class _Unit:
    """A lexicon hit over tokens [ts, te) (or a part of one token: chars [cs, ce))."""

    ts: int
    te: int
    cs: int
    ce: int
    kind: str
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    role: RoleHit | None = None
    entry: LexiconEntry | None = None
    genitive: bool = False
    multi: bool = False          # one of several adjectives in one token ("deutsch-russisch")
    blocked: bool = False        # "Anti-IS-...", "pro-russische": never a modifier
    ambiguous: bool = False

    @property
    def is_role(self) -> bool:
        return self.kind == "role"


# --------------------------------------------------------------------------------------
def find_mentions(doc: Doc, lexicon: ActorLexicon | None = None,
                  when: date | datetime | None = None) -> list[ActorMention]:
    """All actor mentions in ``doc``, ordered by position (see the module docstring)."""
    lexicon = lexicon or ActorLexicon.load()
    when = _as_date(when)
    units = _lexicon_units(doc, lexicon, when)
    units = _filter_ambiguous(doc, units, lexicon)
    units = _add_names(doc, units, lexicon)
    return _combine(doc, units)


def repeat_names(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Later mentions of an unknown person by surname ("Außenamtssprecherin Sawsan Chebli
    ... Chebli sagte"): the surname (or its genitive) alone, outside other mentions,
    refers to the person introduced with a role."""
    surnames: dict[str, ActorMention] = {}
    for m in mentions:
        if m.kind == "person" and m.name and m.text.endswith(m.name) and " " in m.name:
            last = m.name.split()[-1]
            if len(last) > 2 and not last.endswith(".") and last[:1].isupper():
                surnames.setdefault(last, m)
    if not surnames:
        return mentions
    covered = set()
    for m in mentions:
        covered.update(range(m.token_start, m.token_end))
    added = []
    for token in doc:
        if token.i in covered:
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


def is_place_context(doc: Doc, mention: ActorMention) -> bool:
    """True when a place-like mention (kind country or capital) follows a locative
    preposition ("in Moskau", "nach Syrien", "aus dem Irak", "in der Türkei"): then it
    names a place, not an acting party.  Always False for persons, organisations, roles
    ("nach Putins Vorstellung") and compounds."""
    if not mention.is_place_like:
        return False
    i = mention.token_start - 1
    if i >= 0 and doc[i].lower_ in _ARTICLES:
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE_PREPOSITIONS


# --------------------------------------------------------------------------------------
def _matchers(doc: Doc, lexicon: ActorLexicon) -> tuple[dict, PhraseMatcher]:
    """The form index (token texts -> forms, shared by all vocabs) and a per-vocab
    PhraseMatcher on LOWER for the nationality adjectives."""
    index = lexicon._cache.get("form_index")
    if index is None:
        index = _form_index(sorted(lexicon.by_form))
        lexicon._cache["form_index"] = index
    key = id(doc.vocab)
    cached = lexicon._cache.get(key)
    if cached is not None and cached[0] is doc.vocab:
        return index, cached[1]
    import spacy

    nlp = spacy.blank("de", vocab=doc.vocab)
    lower = PhraseMatcher(doc.vocab, attr="LOWER")
    adjectives = sorted(lexicon.adjectives)
    for form, pattern in zip(adjectives, nlp.tokenizer.pipe(adjectives)):
        lower.add("ADJ:" + form, [pattern])
    lexicon._cache[key] = (doc.vocab, lower)
    return index, lower


_PLAIN_FORM = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def _form_index(forms: list[str]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First token text -> [(token texts, form)] for exact (ORTH) matching.

    Forms of letters and single spaces (most of the ~30,000 person names) are split on
    spaces, which is what the tokenizer does with them; the others go through a blank
    German tokenizer.  A dict instead of a PhraseMatcher: the matcher would add a lexeme
    to the vocab for every word of every name, which costs a second per process.
    """
    import spacy

    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    rest = []
    for form in forms:
        if _PLAIN_FORM.fullmatch(form):
            index.setdefault(form.split(" ", 1)[0], []).append((tuple(form.split(" ")), form))
        else:
            rest.append(form)
    tokenizer = spacy.blank("de").tokenizer
    for form, doc in zip(rest, tokenizer.pipe(rest)):
        words = tuple(t.text for t in doc)
        if words:
            index.setdefault(words[0], []).append((words, form))
    return index


def _form_matches(doc: Doc, index: dict) -> list[tuple[str, int, int]]:
    texts = [t.text for t in doc]
    found = []
    for i, text in enumerate(texts):
        for words, form in index.get(text, ()):
            n = len(words)
            if n == 1 or tuple(texts[i:i + n]) == words:
                found.append((form, i, i + n))
    return found


def _lexicon_units(doc: Doc, lexicon: ActorLexicon, when: date | None) -> list[_Unit]:
    index, lower = _matchers(doc, lexicon)
    strings = doc.vocab.strings
    candidates: list[tuple[int, int, list[LexiconEntry]]] = []
    for form, s, e in _form_matches(doc, index):
        entries = lexicon.by_form.get(form)
        if entries:
            candidates.append((s, e, list(entries)))
    for match_id, s, e in lower(doc):
        entries = lexicon.adjectives.get(strings[match_id][4:])
        if entries:
            candidates.append((s, e, list(entries)))
    # longest first, then leftmost; on the same span the better-ranked kind (person > ...)
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], 0 if c[2][0].kind != "adjective" else 1))
    taken = [False] * len(doc)
    units: list[_Unit] = []
    for s, e, entries in candidates:
        if any(taken[s:e]):
            continue
        entry = lexicon.resolve(entries, when)
        if entry is None or _unsupported_surname(doc, s, e, entry, lexicon, when):
            continue
        for i in range(s, e):
            taken[i] = True
        units.append(_entry_unit(doc, s, e, entry, lexicon))

    for token in doc:
        if taken[token.i] or token.is_space or token.is_punct or token.like_num:
            continue
        unit_list = _token_units(doc, token, lexicon, when)
        if unit_list:
            units.extend(unit_list)
            taken[token.i] = True
    units.sort(key=lambda u: (u.ts, u.cs))
    return units


def _unsupported_surname(doc: Doc, s: int, e: int, entry: LexiconEntry, lexicon: ActorLexicon,
                         when: date | None) -> bool:
    """A bare surname of a generated office holder ("Holmes", "Knight") is that person
    only while in office on the article's date or when the article names them in full:
    tens of thousands of dictionary surnames would otherwise code any namesake."""
    if entry.kind != "person" or entry.source not in PERSON_FILES or e - s != 1:
        return False
    if when is not None and entry.valid_on(when) and entry.sector is not None:
        return False
    return not any(form in doc.text for form in lexicon.full_forms(entry.name))


def _entry_unit(doc: Doc, s: int, e: int, entry: LexiconEntry, lexicon: ActorLexicon
                ) -> _Unit:
    span = doc[s:e]
    kind = entry.kind
    unit = _Unit(s, e, span.start_char, span.end_char, kind, entry.code, entry.sector,
                 entry.name, entry=entry, ambiguous=entry.ambiguous)
    if kind in ("country", "capital", "organisation", "person"):
        unit.genitive = _is_genitive(span.text, entry, lexicon)
    return unit


def _is_genitive(text: str, entry: LexiconEntry, lexicon: ActorLexicon) -> bool:
    """'Russlands', 'Moskaus', 'Putins': an -s form whose base is a form of the same code."""
    if not text.endswith("s") or len(text) < 4:
        return False
    for base in (text[:-1], text[:-2] if text.endswith("es") else None):
        if base and any(e.code == entry.code for e in lexicon.by_form.get(base, ())):
            return True
    return False


def _token_units(doc: Doc, token: Token, lexicon: ActorLexicon, when: date | None
                 ) -> list[_Unit]:
    text = token.text
    # roles: exact, inflected, closed compounds ("Kremlchef", "Bundesaußenminister")
    if text[:1].isupper() and not any(h in text for h in _HYPHENS):
        hit = lexicon.role(text, when=when)
        if hit is not None:
            return [_Unit(token.i, token.i + 1, token.idx, token.idx + len(text), "role",
                          hit.code, hit.sector, hit.name, role=hit)]
    if any(h in text.strip(_HYPHENS) for h in _HYPHENS):
        return _compound_units(token, lexicon, when)
    if "." in text.strip("."):
        return _dotted_units(token, lexicon, when)
    return []


def _split(text: str, seps: str) -> list[tuple[str, int]]:
    parts, start = [], 0
    for i, ch in enumerate(text):
        if ch in seps:
            parts.append((text[start:i], start))
            start = i + 1
    parts.append((text[start:], start))
    return parts


def _actor_entry(lexicon: ActorLexicon, form: str, when: date | None) -> LexiconEntry | None:
    entries = [e for e in lexicon.lookup(form) if not e.ambiguous]
    return lexicon.resolve(entries, when) if entries else None


def _compound_units(token: Token, lexicon: ActorLexicon, when: date | None) -> list[_Unit]:
    text, base = token.text, token.idx
    parts = _split(text, _HYPHENS)
    if any(not p for p, _ in parts):
        return []          # "Staats-" (Ergänzungsstrich) or odd hyphenation
    n = len(parts)
    whole = (token.i, token.i + 1, base, base + len(text))

    # adjective chains: "deutsch-russische", "syrisch-türkischen" -> one unit per adjective
    adj = [lexicon.adjectives.get(p.lower()) for p, _ in parts]
    if n > 1 and all(adj):
        units = []
        for (p, off), entries in zip(parts, adj):
            e = entries[0]
            units.append(_Unit(token.i, token.i + 1, base + off, base + off + len(p),
                               "adjective", e.code, None, None, entry=e, multi=True))
        return units

    # modifier actor: the rightmost/longest run of parts before the head that is a form
    head, head_off = parts[-1]
    actor, actor_span = None, None
    for length in range(n - 1, 0, -1):
        for i in range(n - 1 - length, -1, -1):
            j = i + length
            form = text[parts[i][1]: parts[j - 1][1] + len(parts[j - 1][0])]
            entry = _actor_entry(lexicon, form, when)
            if entry is not None:
                actor, actor_span = entry, (i, j)
                break
        if actor is not None:
            break
    blocked = False
    if actor is not None:
        blocked = any(parts[k][0].lower() in _BLOCKING for k in range(actor_span[0]))

    hit = lexicon.role(head, when=when) if head[:1].isupper() else None
    if actor is not None and actor.kind == "adjective":
        # "pro-russische", "US-amerikanische" handled as whole forms; a prefixed adjective
        # describes the head, so it is a compound, never a modifier
        blocked = True
    if actor is not None and not blocked and hit is not None:
        sector = hit.sector if hit.sector else actor.sector
        name = None
        kind = "role"
        if actor.kind == "organisation":
            if hit.kind == "group" or not hit.sector:
                # "Taliban-Kämpfer", "Hamas-Sprecher", "Taliban-Führung": the group's own
                sector = actor.sector or hit.sector
                if hit.kind != "office":
                    name = actor.name          # not for "ÖVP-Chef": that is a person
                kind = "organisation" if hit.kind == "group" else "role"
            elif hit.kind == "body" and hit.sector == actor.sector:
                name, kind = actor.name, "organisation"    # "Fidesz-Partei", "Hamas-Miliz"
        elif actor.kind == "person" and not hit.sector:
            sector = actor.sector
        return [_Unit(*whole, kind, actor.code, sector, name, role=hit, entry=actor)]
    if actor is not None:
        return [_Unit(*whole, "compound", actor.code, actor.sector, actor.name, entry=actor,
                      blocked=True)]
    # no actor in front: the head may itself be one ("Ost-Ukraine") or a role ("Ex-Präsident")
    if all(p in _DIRECTIONAL for p, _ in parts[:-1]):
        entry = _actor_entry(lexicon, head, when)
        if entry is not None and entry.kind in ("country", "capital"):
            return [_Unit(*whole, entry.kind, entry.code, entry.sector, entry.name, entry=entry)]
    if hit is not None and hit.sector:
        return [_Unit(*whole, "role", hit.code, hit.sector, hit.name, role=hit)]
    return []


def _dotted_units(token: Token, lexicon: ActorLexicon, when: date | None) -> list[_Unit]:
    """'eingefroren.Washington' (a missing space after a full stop)."""
    units = []
    for part, off in _split(token.text, "."):
        if len(part) < 2 or not part[:1].isupper():
            continue
        entries = [e for e in lexicon.by_form.get(part, ()) if not e.ambiguous]
        entry = lexicon.resolve(entries, when) if entries else None
        if entry is not None:
            cs = token.idx + off
            units.append(_Unit(token.i, token.i + 1, cs, cs + len(part), entry.kind,
                               entry.code, entry.sector, entry.name, entry=entry, multi=True))
    return units


# --------------------------------------------------------------------------------------
def _sentence_initial(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].text in (".", "!", "?", ":", "\n", '"', "„", "“") or doc[i - 1].is_space


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


def _looks_like_name(token: Token, lexicon: ActorLexicon) -> bool:
    t = token.text
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


# --------------------------------------------------------------------------------------
def _is_modifier(u: _Unit) -> bool:
    if u.blocked or u.multi or u.code is None:
        return False
    if u.kind == "adjective":
        return True
    if u.kind in ("country", "capital", "organisation", "person") and u.genitive:
        return True        # "Russlands Präsident", "Moskaus Führung"
    if u.kind == "demonym":
        return True        # "die Moskauer Führung", "die Schweizer Regierung"
    if u.kind == "role" and u.code is not None:
        return False
    return False


def _gap_ok(doc: Doc, a: int, b: int) -> bool:
    """Tokens between a modifier and its role: none, one lowercase attributive adjective
    ("die syrische reguläre Armee"), or a coordinated first part ("Chinas Staats- und
    Parteichef")."""
    if a == b:
        return True
    if b - a == 2 and doc[a].text.endswith("-") and doc[a + 1].lower_ in ("und", "oder"):
        return True
    if b - a > 1:
        return False
    t = doc[a]
    return t.is_lower and t.is_alpha and t.text.endswith(("e", "en", "er", "es", "em"))


def _combine(doc: Doc, units: list[_Unit]) -> list[ActorMention]:
    mentions: list[ActorMention] = []
    i = 0
    n = len(units)
    while i < n:
        u = units[i]
        group = [u]
        j = i + 1
        # [modifier] role
        if _is_modifier(u) and j < n and units[j].is_role and not units[j].multi and \
                units[j].code is None and _gap_ok(doc, u.te, units[j].ts):
            group.append(units[j])
            j += 1
        role = group[-1] if group[-1].is_role else None
        if role is not None and j < n:
            v = units[j]
            # role + person / unknown name / organisation
            if v.ts == role.te and v.kind in ("person", "name", "organisation") and not v.multi:
                group.append(v)
                j += 1
                # "Amtskollege Ahmed Davutoglu": a first name the lexicon lacks before a surname it knows
                if v.kind == "name" and j < n and units[j].ts == v.te and units[j].kind == "person" \
                        and not units[j].multi:
                    group.append(units[j])
                    j += 1
            # role + genitive country ("Regierung Syriens")
            elif v.ts == role.te and v.genitive and v.kind in ("country", "capital") and \
                    role.code is None and len(group) == 1:
                group.append(v)
                j += 1
            # role + des/der + actor ("Sprecher des Pentagons", "Präsident der Türkei")
            elif v.ts == role.te + 1 and doc[role.te].lower_ in ("des", "der") and \
                    v.kind in ("country", "organisation", "capital") and role.code is None \
                    and len(group) == 1 and not v.multi:
                group.append(v)
                j += 1
            # spokesperson + des/der + [modifier] body: the body's sector ("ein Sprecher
            # der Polizei" COP, "Sprecher der syrischen Armee" SYR MIL)
            elif v.ts == role.te + 1 and doc[role.te].lower_ in ("des", "der") and \
                    role.sector is None and role.code is None and len(group) == 1 and \
                    role.role is not None and role.role.kind == "office" and not v.multi and \
                    _body_phrase(doc, units, j):
                group.extend(units[j:j + (1 if v.is_role else 2)])
                j += 1 if v.is_role else 2
            # group/body + aus + country ("Soldaten aus Südkorea", "Kämpfer aus Tschetschenien")
            elif v.ts == role.te + 1 and doc[role.te].lower_ == "aus" and v.kind == "country" \
                    and role.role is not None and role.role.kind in ("group", "body") \
                    and role.code is None and len(group) == 1 and not v.multi:
                group.append(v)
                j += 1
            # office/body + in + capital ("die Regierung in Kiew")
            elif v.ts == role.te + 1 and doc[role.te].lower_ == "in" and v.kind == "capital" \
                    and role.role is not None and role.role.kind in ("office", "body") \
                    and role.code is None and len(group) == 1 and not v.multi:
                group.append(v)
                j += 1
        mentions.append(_mention(doc, group))
        i = j
    mentions = [m for m in mentions if m is not None]
    return mentions


def _body_phrase(doc: Doc, units: list[_Unit], j: int) -> bool:
    """units[j] starts a body or group with a sector: a role ("Polizei", "Armee") or a
    modifier and its role ("syrischen Armee")."""
    v = units[j]
    if v.is_role:
        return v.sector is not None and v.role is not None and v.role.kind in ("body", "group")
    if j + 1 < len(units) and _is_modifier(v):
        w = units[j + 1]
        return w.is_role and not w.multi and w.code is None and w.sector is not None and \
            w.role is not None and w.role.kind in ("body", "group") and _gap_ok(doc, v.te, w.ts)
    return False


def _mention(doc: Doc, group: list[_Unit]) -> ActorMention | None:
    first, last = group[0], group[-1]
    if len(group) == 1:
        u = first
        if u.kind == "name":
            return None
        if u.kind == "role":
            if u.sector is None and u.code is None:
                return None   # a bare "Sprecher", "Gruppe": nothing to code
            start = _staats_und(doc, u)
            text = doc.text[start:u.ce]
            sector = u.sector
            if sector is None and _state_office(u.code, u.role):
                sector = "GOV"    # "US-Vertreter", "Kreml-Sprecher"
            return ActorMention(start, u.ce, _token_at(doc, start), u.te, text, u.code,
                                sector, u.name, "role", u.role.entry.form if u.role else None,
                                u.role.context if u.role else None)
        text = doc.text[u.cs:u.ce]
        if u.kind in ("demonym", "country") and not u.multi and _quantified(doc, u.ts):
            # "tausende Ungarn", "mehr als 70 Israelis": people of the country, civilians
            return ActorMention(u.cs, u.ce, u.ts, u.te, text, u.code, "CVL", None, "demonym")
        return ActorMention(u.cs, u.ce, u.ts, u.te, text, u.code, u.sector, u.name, u.kind,
                            u.role.entry.form if u.role else None,
                            u.role.context if u.role else None)

    code = sector = name = None
    kind = "role"
    role_unit = next((u for u in group if u.is_role), None)
    role_hit = role_unit.role if role_unit is not None else None
    for u in group:
        if u.kind in ("adjective", "demonym", "country", "capital", "organisation", "person") \
                and u is not role_unit and code is None:
            code = u.code      # incl. a genitive person: "Kerrys Sprecher", "Orbans Partei"
    if role_unit is not None:
        if role_unit.code is not None:
            code = role_unit.code
        sector = role_unit.sector
        name = role_unit.name
        kind = "organisation" if role_unit.kind == "organisation" else "role"
        if sector is None:
            # an inheriting role ("Sprecher", "Kollege") takes the sector of what it names
            sector = next((u.sector for u in group if u is not role_unit and u.sector), None)
        if sector is None and _state_office(code, role_hit):
            sector = "GOV"    # "die Moskauer Führung", "die syrische Delegation"
    tail = group[-1]
    if tail.kind == "person":
        code = tail.code or code
        sector = tail.sector or sector
        name = tail.name
        kind = "person"
    elif tail.kind == "name":
        name = tail.name
        kind = "person"
    elif tail.kind == "organisation" and tail is not role_unit:
        code = tail.code or code
        sector = tail.sector or sector
        name = tail.name
        kind = "organisation"
    elif tail.kind in ("country", "capital") and tail is not first:
        code = tail.code
    start = first.cs
    if role_unit is first:
        start = _staats_und(doc, first)
    end = last.ce
    return ActorMention(start, end, _token_at(doc, start), last.te, doc.text[start:end], code,
                        sector, name, kind, role_hit.entry.form if role_hit else None,
                        role_hit.context if role_hit else None)


# Words that count people: before a demonym (or a country name that doubles as one)
# they make it a number of civilians ("tausende Ungarn", "zwei Palästinenser").
_QUANTIFIERS = frozenset({"tausende", "hunderte", "zehntausende", "hunderttausende", "dutzende",
                          "viele", "mehrere", "einige", "zahlreiche", "etliche", "wenige",
                          "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
                          "zehn", "zwölf", "zwanzig", "hundert", "tausend", "weitere",
                          "tausenden", "hunderten", "zehntausenden", "vielen", "mehreren",
                          "einigen", "zahlreichen"})


def _quantified(doc: Doc, i: int) -> bool:
    if i == 0:
        return False
    prev = doc[i - 1]
    return prev.lower_ in _QUANTIFIERS or (prev.like_num and not re.fullmatch(r"(19|20)\d\d", prev.text))


def _state_office(code: str | None, hit: RoleHit | None) -> bool:
    """An office or body of a state whose sector is left open is a government one."""
    return code is not None and code not in NON_STATE_CODES and hit is not None and \
        hit.kind in ("office", "body")


def _staats_und(doc: Doc, u: _Unit) -> int:
    """'Staats- und Parteichef': extend a role back over '<Word>- und'."""
    i = u.ts
    if i >= 2 and doc[i - 1].lower_ in ("und", "oder") and doc[i - 2].text.endswith("-") \
            and doc[i - 2].text[:1].isupper():
        return doc[i - 2].idx
    return u.cs


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0
