"""Step 1 of :func:`~lagebild.actors.matcher.find_mentions`: lexicon units over tokens.

An exact token match (ORTH) finds every lexicon form (countries, capitals, demonyms,
organisations, persons; longest match wins) and one on LOWER the nationality adjectives.
Tokens left over are tried as role nouns (inflected forms and closed compounds:
"Präsidenten", "Bundesaußenminister", "Kremlchef"), as hyphenated compounds
("US-Außenminister", "Taliban-Kämpfern", "Anti-IS-Kampf") and as words glued by a full
stop ("eingefroren.Washington").  Each hit is a :class:`_Unit`, the matcher's working
record: the later steps (``names``, ``combine``) filter, extend and merge them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from lagebild.nlp import doc_text

from .lexicon import PERSON_FILES, ActorLexicon, LexiconEntry, RoleHit

_DIRECTIONAL = frozenset({"Ost", "West", "Nord", "Süd", "Zentral", "Nordost", "Nordwest",
                          "Südost", "Südwest", "Rest", "Groß"})
_BLOCKING = frozenset({"anti", "pro", "nicht", "ex"})
_HYPHENS = "-‐‑–"


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

    @property
    def is_body(self) -> bool:
        """An organisation or a role noun of a body ("Staatsanwaltschaft", "Nationalgarde")."""
        return self.kind == "organisation" or self.is_role and self.role is not None and self.role.kind == "body"


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


def _unsupported_surname(doc: Doc, s: int, e: int, entry: LexiconEntry, lexicon: ActorLexicon,
                         when: date | None) -> bool:
    """A bare surname of a generated office holder ("Holmes", "Knight") is that person
    only while in office on the article's date or when the article names them in full:
    tens of thousands of dictionary surnames would otherwise code any namesake."""
    if entry.kind != "person" or entry.source not in PERSON_FILES or e - s != 1:
        return False
    if when is not None and entry.valid_on(when) and entry.sector is not None:
        return False
    return not any(form in doc_text(doc) for form in lexicon.full_forms(entry.name))


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
            # a role with neither code nor sector may take one from its adjective
            sector = hit.sector if hit.sector or hit.code else _attributed_sector(token, lexicon)
            return [_Unit(token.i, token.i + 1, token.idx, token.idx + len(text), "role",
                          hit.code, sector, hit.name, role=hit)]
    if any(h in text.strip(_HYPHENS) for h in _HYPHENS):
        return _compound_units(token, lexicon, when)
    if "." in text.strip("."):
        return _dotted_units(token, lexicon, when)
    return []


def _attributed_sector(token: Token, lexicon: ActorLexicon) -> str | None:
    """A sector from an adjective before a role that has none: "drei radikale islamische
    Vereinigungen" REL (the adjective right before it, or one before that)."""
    for k in (token.i - 1, token.i - 2):
        if k < 0 or not token.doc[k].text[:1].islower():
            return None
        sector = lexicon.attribute_sector(token.doc[k].text)
        if sector:
            return sector
    return None


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
            if hit.sector == "BUS" and actor.sector:
                sector = actor.sector    # a party's manager: "SPÖ-Bundesgeschäftsführer" PTY
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
