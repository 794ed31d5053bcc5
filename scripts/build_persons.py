#!/usr/bin/env python3
"""Derive ``lagebild/lang/de/actors_persons.tsv``: office holders with dated roles.

    .venv/bin/python scripts/build_persons.py [--shared ../shared] [--out lagebild/lang/de]

Sources (nothing is copied wholesale; every row is derived):

* PETRARCH2's Phoenix actor dictionaries (``petrarch2/Phoenix.Countries.actors.txt``, whose
  persons are the CountryInfo leaders, ``Phoenix.International.actors.txt``,
  ``Phoenix.MilNonState.actors.txt``): an entry ``JOHN_KERRY_`` with ``+`` aliases and
  dated roles ``[USAGOV 130201-170120]``, ``[USAGOV >130201]``, ``[RUSELI]``.
* the curated ``transliteration.tsv`` (English -> German spelling rules by script) and
  ``transliteration_exceptions.tsv`` (the press forms the rules miss).

Kept: persons (an entry with at least one dated role and a name of 2-5 words) and their
roles whose sector is a government, military, security, judicial, legislative, party,
opposition or rebel one (GOV, GOVMIL, GOVCOP, GOVSPY, GOVJUD, GOVLEG, MIL, COP, SPY, JUD,
LEG, PTY, OPP, REB; IGO/UNO/EUR heads with no sector) and which end in 1990 or later.
Ministers' sub-sectors (GOVMIL: a defence minister) become GOV (docs/events.md §3).

Forms per person and period: the English full name (with and without a patronymic), the
German forms generated from it, and the surname alone (English and German, and the
genitive -s of the German one).  A surname is flagged ``ambiguous`` (the matcher then needs
a role noun before it or the full name earlier in the article) unless it is distinctive:
one person only, at least 5 letters, no German word in the GermEval 2014 corpus outside a
person name, no place name, nobody's first name.

Rows of forms or persons that the curated ``persons.tsv`` has are left out: the curated
file keeps precedence.  Output columns are those of persons.tsv:
``form code sector name valid_from valid_to flags`` (valid_to exclusive).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from lagebild.actors.lexicon import read_tsv

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "lagebild" / "lang" / "de"

PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt")
SINCE = date(1990, 1, 1)
# Phoenix sector chunk -> PLOVER sector; GOV with any of these second chunks stays GOV
SECTORS = {"GOV": "GOV", "MIL": "MIL", "COP": "COP", "SPY": "SPY", "JUD": "JUD",
           "LEG": "LEG", "PTY": "PTY", "OPP": "OPP", "REB": "REB"}
GOV_SUBSECTORS = {"", "MIL", "COP", "SPY", "JUD", "LEG"}
# CAMEO codes that differ from lagebild's (docs/events.md §3)
CODE_MAP = {"KSV": "KOS", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "PSE": "PSE"}
NON_STATE = {"IGO", "NGO", "IMG", "MNC"}
IGO_SUB = {"UNO": "UNO", "EUR": "EUR"}
# name words that mark a title, group or organisation rather than a person's name
NOT_NAME = {
    "PRESIDENT", "MINISTER", "SECRETARY", "SENATOR", "GENERAL", "KING", "QUEEN", "PRINCE",
    "PRIME", "CHIEF", "LEADER", "UNITED", "NATIONS", "COUNCIL", "MINISTRY", "PARTY", "ARMY",
    "FRONT", "GOVERNMENT", "COMMITTEE", "ORGANIZATION", "ORGANISATION", "UNION", "BANK",
    "FORCES", "FORCE", "BRIGADE", "BRIGADES", "MOVEMENT", "GROUP", "COMMISSION", "AGENCY",
    "OFFICE", "STATE", "REPUBLIC", "COURT", "ASSOCIATION", "INTERNATIONAL", "NATIONAL",
    "AMBASSADOR", "ENVOY", "SPOKESMAN", "REPRESENTATIVE", "CHAIRMAN", "COMMANDER", "SHEIKH",
    "AYATOLLAH", "EMIR", "SULTAN", "DR", "MR", "MRS", "SIR", "LORD", "GEN", "COL", "THE",
    "OF", "AND", "FOR", "DIRECTOR", "CIA", "FBI", "UN", "EU", "US", "USA", "NATO", "HEAD", "SECY", "SEC", "POPE", "BISHOP", "BARONESS", "BARON", "COUNT", "HRH", "HM", "CARDINAL", "FORMER", "DEPUTY",
}
PARTICLES = {"al", "el", "bin", "ibn", "ben", "de", "da", "di", "du", "dos", "del", "van",
             "von", "der", "den", "la", "le", "abu", "bint", "ould"}
HYPHEN_PARTICLES = {"al", "el"}          # "al-Assad"


# -- Phoenix ------------------------------------------------------------------------------
def _phoenix_date(text: str) -> date | None:
    text = text.strip()
    try:
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            yy = int(text[:2])
            return date((2000 if yy <= 30 else 1900) + yy, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def _restriction(text: str):
    """'[USAGOV 130201-170120]' -> ('USAGOV', from, to_exclusive, dated)."""
    inner = text.strip().strip("[]").strip()
    parts = inner.split(None, 1)
    if not parts:
        return None
    code = parts[0]
    if len(parts) == 1:
        return code, None, None, False
    spec = parts[1].strip()
    start = end = None
    if spec.startswith(">"):
        start = _phoenix_date(spec[1:])
        if start is None:
            return None
    elif spec.startswith("<"):
        return None            # "in office when coding began": no start date, left out
    elif "-" in spec:
        a, b = spec.split("-", 1)
        start, end = _phoenix_date(a), _phoenix_date(b)
        if start is None or end is None or end < start:
            return None
        end += timedelta(days=1)
    else:
        return None
    return code, start, end, True


def parse_phoenix(path: Path):
    """Yield (primary, aliases, restrictions) for every entry of an actor dictionary."""
    entry = None
    with path.open(encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            body = line.split("#", 1)[0].rstrip()
            if not body.strip():
                continue
            if body[:1] in (" ", "\t"):
                if entry is not None and body.strip().startswith("["):
                    r = _restriction(body.strip())
                    if r:
                        entry[2].append(r)
                continue
            if body.startswith("+"):
                if entry is not None:
                    entry[1].append(body[1:].split("[", 1)[0].strip())
                continue
            if entry is not None:
                yield entry
            name, _, code = body.partition("[")
            entry = (name.strip(), [], [])
            if code.strip():
                r = _restriction("[" + code)
                if r:
                    entry[2].append(r)
    if entry is not None:
        yield entry


def _code_sector(code: str, countries: set[str]):
    """'USAGOVMIL' -> ('USA', 'GOV'); 'IGOUNO' -> ('UNO', None); None if not kept."""
    head = CODE_MAP.get(code[:3], code[:3])
    rest = code[3:]
    if head in NON_STATE:
        if head == "IGO":
            sub = IGO_SUB.get(rest[:3])
            if sub:
                return sub, None
            return ("IGO", None) if not rest or rest[:3] not in SECTORS else None
        if head == "IMG":
            return "IMG", "REB" if "REB" in rest else None
        return None
    if head not in countries:
        return None
    first, second = rest[:3], rest[3:6]
    if first == "GOV":
        return (head, "GOV") if second in GOV_SUBSECTORS else None
    if first in SECTORS and not second:
        return head, SECTORS[first]
    return None


def _name_words(phoenix_name: str) -> list[str] | None:
    words = [w for w in re.split(r"[_\s]+", phoenix_name.strip("_ ")) if w]
    if not (2 <= len(words) <= 5):
        return None
    for w in words:
        if any(x in NOT_NAME for x in w.upper().split("-")) or not re.fullmatch(r"[A-Za-z'\-]+", w) or len(w) == 1:
            return None
    return words


def _english(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in PARTICLES and 0 < i < len(words) - 1:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    text = " ".join(out)
    for p in HYPHEN_PARTICLES:
        text = re.sub(rf"\b{p} (?=[A-Z])", f"{p}-", text)
    return text


# -- transliteration ----------------------------------------------------------------------
class Transliterator:
    def __init__(self, lang_dir: Path):
        self.rules: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        self.script_of: dict[str, str] = {}
        for row in read_tsv(lang_dir / "transliteration.tsv"):
            if row["at"] == "countries":
                for code in row["to"].split():
                    self.script_of[code] = row["script"]
            else:
                self.rules[row["script"]].append((row["from"], row["to"], row["at"]))
        self.exceptions: dict[str, list[str]] = {}
        for row in read_tsv(lang_dir / "transliteration_exceptions.tsv"):
            self.exceptions[row["english"].lower()] = [f for f in row["german"].split("|") if f]

    def token(self, word: str, script: str) -> list[str]:
        if word.lower() in self.exceptions:
            return self.exceptions[word.lower()]
        if word.lower() in PARTICLES or "-" in word:
            parts = word.split("-")
            if len(parts) > 1:
                return ["-".join(self.token(p, script)[0] for p in parts)]
            return [word]
        low, out, i = word.lower(), [], 0
        while i < len(low):
            for src, dst, at in self.rules.get(script, ()):
                if not low.startswith(src, i):
                    continue
                if at == "start" and i != 0:
                    continue
                if at == "end" and i + len(src) != len(low):
                    continue
                out.append(dst)
                i += len(src)
                break
            else:
                out.append(low[i])
                i += 1
        text = "".join(out)
        if word[:1].isupper():
            text = text[:1].upper() + text[1:]
        return [text]

    def name(self, english: str, code: str) -> list[str]:
        """German forms of an English full name ("Sergey Shoygu" -> Sergej/Sergei Schoigu)."""
        if english.lower() in self.exceptions:
            return self.exceptions[english.lower()]
        script = self.script_of.get(code)
        variants = [[]]
        for word in english.split(" "):
            forms = self.token(word, script) if script else \
                self.exceptions.get(word.lower(), [word])
            variants = [v + [f] for v in variants for f in forms][:4]
        return [" ".join(v) for v in variants]


# -- ambiguity ----------------------------------------------------------------------------
def german_words(shared: Path) -> set[str]:
    """Words of the GermEval 2014 corpus used outside a person name."""
    words: set[str] = set()
    for path in sorted((shared / "data" / "ner" / "germeval2014").glob("*.tsv")):
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3 and not parts[0].startswith("#") and "PER" not in parts[2]:
                    words.add(parts[1])
    return words


def place_names(lang_dir: Path) -> set[str]:
    names: set[str] = set()
    path = lang_dir / "places.tsv"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                names.add(line.split("\t", 1)[0])
    return names


def other_forms(lang_dir: Path) -> set[str]:
    """Forms of the non-person lexicon files: a person row must not shadow them."""
    forms: set[str] = set()
    for name in ("actors_countries.tsv", "actors_ministries.tsv", "organisations.tsv",
                 "roles.tsv"):
        path = lang_dir / name
        if path.exists():
            for row in read_tsv(path):
                forms.add(row["form"])
                forms.add(row["form"].lower())
    return forms


# -- build --------------------------------------------------------------------------------
def collect(shared: Path, countries: set[str]):
    """{english name: {"aliases": set, "roles": [(code, sector, from, to)]}}."""
    persons: dict[str, dict] = {}
    for fname in PHOENIX_FILES:
        path = shared / "data" / "petrarch2" / fname
        if not path.exists():
            continue
        for primary, aliases, restrictions in parse_phoenix(path):
            words = _name_words(primary)
            if words is None or not any(r[3] for r in restrictions):
                continue
            roles = []
            for code, start, end, dated in restrictions:
                if not dated or (end is not None and end < SINCE):
                    continue
                cs = _code_sector(code, countries)
                if cs is None:
                    continue
                roles.append((cs[0], cs[1], start, end))
            if not roles:
                continue
            english = _english(words)
            keys = {w.upper() for w in words if w.lower() not in PARTICLES}
            names = {english}
            for alias in aliases:
                aw = _name_words(alias)
                if aw and keys & {w.upper() for w in aw if w.lower() not in PARTICLES} \
                        and aw[-1].upper() == words[-1].upper():
                    names.add(_english(aw))
            person = persons.setdefault(english, {"aliases": set(), "roles": []})
            person["aliases"] |= names
            for r in roles:
                if r not in person["roles"]:
                    person["roles"].append(r)
    return persons


def _drop_patronymic(name: str) -> str | None:
    words = name.split(" ")
    if len(words) == 3 and re.search(r"(vich|vych|vna|ovic|evic|ovych)$", words[1].lower()):
        return f"{words[0]} {words[2]}"
    return None


# Countries whose names put the family name first ("Ban Ki-moon", "Kim Jong-un").
SURNAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "KHM"}


def _surname(name: str, code: str) -> str:
    words = name.split(" ")
    return words[0] if code in SURNAME_FIRST else words[-1]


def build(shared: Path, out: Path) -> list[list[str]]:
    countries = {row["code"] for row in read_tsv(out / "actors_countries.tsv") if row.get("code")}
    translit = Transliterator(out)
    curated = list(read_tsv(out / "persons.tsv")) if (out / "persons.tsv").exists() else []
    curated_forms = {r["form"] for r in curated}
    curated_names = {r["name"].lower() for r in curated if r.get("name")}
    curated_lower = {f.lower() for f in curated_forms}
    blocked = other_forms(out)
    words_de = german_words(shared)
    places = place_names(out)

    persons = collect(shared, countries)
    # forms per person: (form, is_surname)
    forms_of: dict[str, list[tuple[str, bool]]] = {}
    first_names: set[str] = set()
    surname_owners: dict[str, set[str]] = defaultdict(set)
    for english, person in persons.items():
        if english.lower() in curated_names:
            continue
        code = person["roles"][0][0]
        fulls: list[str] = []
        for alias in sorted(person["aliases"]):
            for name in [alias] + ([_drop_patronymic(alias)] if _drop_patronymic(alias) else []):
                fulls.append(name)
                fulls.extend(translit.name(name, code))
        if any(f in curated_forms for f in fulls):
            continue          # a curated person: persons.tsv has the authoritative rows
        forms: list[tuple[str, bool]] = []
        seen = set()
        for full in fulls:
            if full not in seen:
                seen.add(full)
                forms.append((full, False))
                first_names.add(full.split(" ")[0])
        for full in [f for f, _ in forms]:
            sur = _surname(full, code)
            if code in SURNAME_FIRST:
                continue        # "Wang", "Kim", "Li": far too common alone
            variants = [sur]
            if "-" in sur and sur.split("-", 1)[0].lower() in HYPHEN_PARTICLES:
                particle, rest = sur.split("-", 1)
                variants.append(particle.capitalize() + "-" + rest)   # "Al-Abadi sagte"
                variants.append(rest)                                  # "al-Assad" -> "Assad"
            for s in variants:
                genitive = not s.endswith(("s", "z", "x", "ß")) and "-" not in s
                for f in (s, s + "s") if genitive else (s,):
                    if f not in seen:
                        seen.add(f)
                        forms.append((f, True))
                        surname_owners[f].add(english)
        forms_of[english] = forms

    rows: list[list[str]] = []
    for english in sorted(forms_of):
        person = persons[english]
        for form, is_surname in forms_of[english]:
            if form in curated_forms or form.lower() in curated_lower or form in blocked \
                    or form.lower() in blocked:
                continue
            flags = ""
            if is_surname:
                base = form[:-1] if form.endswith("s") and form[:-1] in surname_owners else form
                distinctive = (len(surname_owners[form]) == 1 and len(base) >= 5
                               and base not in words_de and base not in places
                               and base not in first_names and base.lower() not in words_de)
                if not distinctive:
                    flags = "ambiguous"
            for code, sector, start, end in sorted(person["roles"], key=lambda r: (
                    r[2] or date.min), reverse=True):
                rows.append([form, code, sector or "", english,
                             start.isoformat() if start else "",
                             end.isoformat() if end else "", flags])
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    rows = build(args.shared, args.out)
    path = args.out / "actors_persons.tsv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# generated by scripts/build_persons.py from PETRARCH2 Phoenix dictionaries "
                 "(CountryInfo leaders), transliteration.tsv and "
                 "transliteration_exceptions.tsv; do not edit\n")
        fh.write("form\tcode\tsector\tname\tvalid_from\tvalid_to\tflags\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    names = {r[3] for r in rows}
    print(f"{path}: {len(rows)} rows, {len(names)} persons", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
