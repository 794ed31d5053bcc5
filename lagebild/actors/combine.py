"""Step 3 of :func:`~lagebild.actors.matcher.find_mentions`: units into mentions.

Adjacent units merge into one mention:
``[adjective | genitive country | demonym-adjective] [role] [person | name]``
("seinen russischen Kollegen Sergej Lawrow", "Russlands Präsident", "die Moskauer
Führung"), ``role + genitive`` ("Regierung Syriens"), ``role + des/der + actor``
("Sprecher des Pentagons"), ``office/body + in + capital`` ("Regierung in Kiew"),
``role + organisation`` ("Terrorgruppe Islamischer Staat"), ``name + von der + body``
("Mayra Veliz von der Staatsanwaltschaft").  :func:`_mention` turns each
group into an :class:`ActorMention`; a known person's code, sector and name win over
those of the words around it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from lagebild.nlp import doc_text

from ..records import NON_STATE_CODES
from .lexicon import RoleHit
from .mention import ActorMention
from .units import _Unit


def _combine(doc: Doc, units: list[_Unit]) -> list[ActorMention]:
    mentions: list[ActorMention] = []
    i = 0
    n = len(units)
    while i < n:
        u = units[i]
        if u.kind == "name" and i + 1 < n and _affiliation(doc, u, units[i + 1]):
            # "Hasan E. von der Nationalgarde": a person of the body
            body = units[i + 1]
            mentions.append(ActorMention(u.cs, body.ce, u.ts, body.te, doc_text(doc)[u.cs:body.ce],
                                         body.code, body.sector, u.name, "person",
                                         body.role.entry.form if body.role else None,
                                         body.role.context if body.role else None))
            i += 2
            continue
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
            # role + des/der + role + organisation ("Kommandant der Jihadistenmiliz
            # Islamischer Staat"): a member of the named organisation
            elif v.ts == role.te + 1 and doc[role.te].lower_ in ("des", "der") and v.is_role \
                    and j + 1 < n and units[j + 1].ts == v.te and units[j + 1].kind == "organisation" \
                    and role.code is None and len(group) == 1 and not v.multi and not units[j + 1].multi:
                group.extend(units[j:j + 2])
                j += 2
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


def _affiliation(doc: Doc, name: _Unit, body: _Unit) -> bool:
    """"<name> von der <body>", "<name> vom <body>"."""
    between = [t.lower_ for t in doc[name.te:body.ts]]
    return between in (["vom"], ["von", "der"], ["von", "dem"]) and body.is_body


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
            text = doc_text(doc)[start:u.ce]
            sector = u.sector
            if sector is None and _state_office(u.code, u.role):
                sector = "GOV"    # "US-Vertreter", "Kreml-Sprecher"
            return ActorMention(start, u.ce, _token_at(doc, start), u.te, text, u.code,
                                sector, u.name, "role", u.role.entry.form if u.role else None,
                                u.role.context if u.role else None)
        text = doc_text(doc)[u.cs:u.ce]
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
    return ActorMention(start, end, _token_at(doc, start), last.te, doc_text(doc)[start:end], code,
                        sector, name, kind, role_hit.entry.form if role_hit else None,
                        role_hit.context if role_hit else None)


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
    """An office or body of a state (or of the EU, which governs: "EU-Kommissar") whose
    sector is left open is a government one."""
    return code is not None and (code not in NON_STATE_CODES or code == "EUR") and hit is not None and \
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
