#!/usr/bin/env python3
"""Derive lagebild's compact German actor lexicon files from the shared data.

    .venv/bin/python scripts/build_actor_lexicon.py [--shared ../shared] [--out lagebild/lang/de]

Writes (never copies a shared file wholesale; every row is derived or curated):

* ``actors_countries.tsv``  ``form  code  sector  name  kind`` with kind in
  country | adjective | demonym | capital, one row per surface form:
    - Destatis (lexicon/de-nationalities-destatis): German short and long names of every
      current state, their genitives, the nationality adjective in all inflections;
    - GeoNames (geonames/country_translations.json 'de'): further German country names;
    - GeoNames (countryInfo.tsv + cities15000.zip): the capital's name; the German form of
      the capital comes from the curated ``country_aliases.tsv`` and is checked against the
      city's GeoNames alternate names (reported, not enforced);
    - the curated ``lagebild/lang/de/country_aliases.tsv`` (variants, demonyms, seats of
      government such as "Kreml", forms to drop).
  Capitals and seats carry sector GOV (metonymy: "Moskau" -> RUS GOV); everything else has
  sector and name empty (a bare country is code only).
* ``actors_ministries.tsv`` ``form  code  sector  name  kind`` German federal ministries
  (lexicon/de-federal-ministries, DL-DE Zero): DEU GOV, English name prefixed "German".

The curated files (organisations.tsv, roles.tsv, persons.tsv, country_aliases.tsv) are
hand-written and not touched by this script.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "lagebild" / "lang" / "de"

# Destatis pseudo codes -> the codes lagebild uses (docs/events.md §3: Kosovo is KOS).
CODE_MAP = {"XXK": "KOS"}
# Destatis rows that are not states an event coder should resolve to.
SKIP_CODES = {"XXA", "XXB", "XXC", "BMU", "YUG", "SCG", "SUN", "CSK"}
# Countries that take an article and are feminine or plural: no genitive -s.
NO_GENITIVE = {
    "Schweiz", "Mongolei", "Türkei", "Slowakei", "Ukraine", "Niederlande", "Philippinen",
    "Malediven", "Seychellen", "Salomonen", "Komoren", "Marshallinseln", "Cookinseln",
    "Bahamas", "USA", "Emirate", "Palästinensergebiete", "Autonomiegebiete", "Kapverden",
    "Elfenbeinküste", "Zentralafrikanische Republik", "Dominikanische Republik",
    "Niederlanden",
}
# Title nouns of long state names ("Königreich Spanien"): no genitive is derived.
TITLE_NOUNS = {"Staat", "Königreich", "Fürstentum", "Großherzogtum", "Commonwealth", "Union",
               "Sonderverwaltungsregion", "Sonderverwaltungszone", "Föderation", "Sultanat"}
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
# GeoNames 'de' translations that are historical, abbreviated or too generic.
GEONAMES_DE_BAD = re.compile(r"[().,]|^Staat |^Republik |^Königreich |^Föderation ")


def read_aliases(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if parts[0] == "form":
                continue
            if len(parts) < 3:
                raise SystemExit(f"{path}: bad row {line!r}")
            rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return rows


def genitive(form: str) -> str | None:
    """The -s genitive of a country or city name ("Russlands", "Moskaus"), or None.

    Feminine and plural names ("die Türkei", "die USA") and names ending in a sibilant or -e
    have none; neither have names with an inflected adjective ("Vereinigtes Königreich").
    """
    if form in NO_GENITIVE or form.isupper() or "republik" in form.lower():
        return None
    words = form.split(" ")
    if len(words) > 1 and words[0] in TITLE_NOUNS:
        return None  # "Staat Israel": the genitive inflects the title noun
    if any(re.search(r"(e|er|es|en)$", w) for w in words[:-1]):
        return None
    last = words[-1]
    if last.endswith(("s", "x", "z", "ß", "e", "ei", "inseln", "Inseln", "stadt", "Stadt")):
        return None
    return form + "s"


def weak_adjective_variant(form: str) -> str | None:
    """'Russische Föderation' -> 'Russischen Föderation' (dative/genitive after an article)."""
    words = form.split(" ")
    changed = False
    out = []
    for i, w in enumerate(words):
        if i < len(words) - 1 and w[:1].isupper() and re.search(r"(isch|igt|iert|al)(e|es)$", w):
            w = re.sub(r"(e|es)$", "en", w)
            changed = True
        out.append(w)
    return " ".join(out) if changed else None


def strip_article(form: str) -> str:
    return re.sub(r"^(der|die|das) ", "", form.strip())


def load_destatis(shared: Path) -> list[dict]:
    path = shared / "data/lexicon/de-nationalities-destatis/de_countries_destatis.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    keep = []
    for r in rows:
        if r["iso3"] in SKIP_CODES or r["gueltigBis"]:
            continue
        keep.append(r)
    return keep


def load_country_info(shared: Path) -> dict[str, dict]:
    info = {}
    with (shared / "data/geonames/countryInfo.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) < 17:
                continue
            info[f[1]] = {"iso2": f[0], "capital": f[5].strip(), "geonameid": f[16]}
    return info


def load_capital_cities(shared: Path, info: dict[str, dict]) -> dict[str, dict]:
    """iso3 -> {"name", "alternates"} of the capital city in cities15000."""
    wanted = {v["iso2"]: (k, v["capital"]) for k, v in info.items() if v["capital"]}
    found: dict[str, dict] = {}
    with zipfile.ZipFile(shared / "data/geonames/cities15000.zip") as zf:
        name = zf.namelist()[0]
        with zf.open(name) as raw:
            for line in io.TextIOWrapper(raw, encoding="utf-8"):
                f = line.rstrip("\n").split("\t")
                iso2, fcode = f[8], f[7]
                if iso2 not in wanted:
                    continue
                iso3, capital = wanted[iso2]
                score = 2 if fcode == "PPLC" else 1 if capital in (f[1], f[2]) else 0
                if score == 0:
                    continue
                if score > found.get(iso3, {}).get("score", 0):
                    found[iso3] = {"name": f[1], "alternates": set(f[3].split(",")),
                                   "score": score}
    return found


def build_countries(shared: Path, aliases_path: Path = DEFAULT_OUT / "country_aliases.tsv"
                    ) -> list[tuple[str, str, str, str, str]]:
    aliases = read_aliases(aliases_path)
    dropped = {form for form, _, kind in aliases if kind == "drop"}
    overrides = {form: code for form, code, kind in aliases if kind == "override"}

    # form -> (code, kind); the first source to claim a form wins, curated aliases first
    forms: dict[str, tuple[str, str]] = {}
    conflicts: dict[str, set[str]] = defaultdict(set)

    def add(form: str, code: str, kind: str) -> None:
        form = form.strip()
        if not form or form in dropped or len(form) < 2:
            return
        if kind != "adjective" and form.islower():
            return  # lowercase forms only for adjectives
        if form in overrides and kind in ("country", "override"):
            code = overrides[form]
        if form in forms:
            if forms[form][0] != code:
                conflicts[form].update({forms[form][0], code})
            return
        forms[form] = (code, kind)

    def add_country(form: str, code: str) -> None:
        if form in dropped:
            return
        add(form, code, "country")
        variant = weak_adjective_variant(form)
        if variant:
            add(variant, code, "country")
        gen = genitive(form)
        if gen:
            add(gen, code, "country")

    def add_adjective(stem: str, code: str) -> None:
        stem = stem.strip()
        if not stem or " " in stem:
            return
        for ending in ADJ_ENDINGS:
            add(stem + ending, code, "adjective")

    # 1. curated aliases (they take precedence over derived forms)
    for form, code, kind in aliases:
        if kind in ("country", "override"):
            add_country(form, code)
        elif kind == "capital":
            add(form, code, "capital")
            gen = genitive(form)
            if gen:
                add(gen, code, "capital")
        elif kind == "seat":
            add(form, code, "capital")
        elif kind == "adjective":
            add_adjective(form, code)
        elif kind == "demonym":
            add(form, code, "demonym")
        elif kind != "drop":
            raise SystemExit(f"country_aliases.tsv: unknown kind {kind!r} for {form!r}")

    # 2. Destatis: short, search and long names, adjectives
    destatis = load_destatis(shared)
    codes = set()
    for r in destatis:
        code = CODE_MAP.get(r["iso3"], r["iso3"])
        codes.add(code)
        for col in ("bezeichnung", "bezeichnungSuche"):
            name = r[col].strip()
            if "," in name or "(" in name:
                continue
            add_country(name, code)
        long_name = strip_article(r["bezeichnungLang"])
        if "(" not in long_name:
            add_country(long_name, code)
        adjective = r["staatsangehoerigkeit"].split("/")[0].strip()
        if "(" in adjective or adjective.startswith(("der ", "von ", "staatenlos")):
            continue
        add_adjective(adjective, code)

    # 3. GeoNames German country names
    info = load_country_info(shared)
    translations = json.loads((shared / "data/geonames/country_translations.json").read_text("utf-8"))
    for iso3, row in info.items():
        code = CODE_MAP.get(iso3, "KOS" if iso3 == "XKX" else iso3)
        if code not in codes:
            continue
        de = translations.get(row["geonameid"], {}).get("de")
        if de and not GEONAMES_DE_BAD.search(de):
            add_country(de, code)

    # 4. capitals: the GeoNames name of each state's capital (German forms are curated)
    cities = load_capital_cities(shared, info)
    curated_capitals = defaultdict(list)
    for form, code, kind in aliases:
        if kind == "capital":
            curated_capitals[code].append(form)
    verified, unverified = 0, []
    for iso3, city in sorted(cities.items()):
        code = CODE_MAP.get(iso3, "KOS" if iso3 == "XKX" else iso3)
        if code not in codes:
            continue
        for form in curated_capitals.get(code, []):
            if form in city["alternates"] or form == city["name"]:
                verified += 1
            else:
                unverified.append(form)
        name = city["name"]
        if name in forms and forms[name][1] != "capital":
            continue  # "Singapore"/"Luxembourg"-type: the city is named like the country
        add(name, code, "capital")

    for form, codes_ in sorted(conflicts.items()):
        print(f"  note: {form!r} claimed by {sorted(codes_)}; kept {forms[form][0]}", file=sys.stderr)
    print(f"  capitals: {verified} curated German forms found in GeoNames alternate names; "
          f"not found (kept, curated): {', '.join(unverified) or '-'}", file=sys.stderr)

    rows = []
    for form, (code, kind) in forms.items():
        sector = "GOV" if kind == "capital" else ""
        rows.append((form, code, sector, "", kind))
    rows.sort(key=lambda r: (r[1], r[4], r[0]))
    return rows


def build_ministries(shared: Path) -> list[tuple[str, str, str, str, str]]:
    base = shared / "data/lexicon/de-federal-ministries"
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    for path in sorted(base.glob("tbl_Bundesministerien_*.csv")):
        with path.open(encoding="utf-8-sig") as fh:
            for r in csv.DictReader(fh):
                r = {k.strip(): (v or "").strip() for k, v in r.items()}
                de, abbr, en = r["Name_DE"], r["Abkürzung"], r["Name_EN"]
                if de == "Auswärtiges Amt":
                    continue  # curated in organisations.tsv ("German Foreign Office")
                name = "German " + en
                forms = {de}
                if de.startswith("Bundesministerium"):
                    forms.add(de.replace("Bundesministerium", "Bundesministeriums", 1))
                if len(abbr) >= 3:
                    forms.add(abbr)
                for form in forms:
                    rows.setdefault(form, (form, "DEU", "GOV", name, "organisation"))
    return sorted(rows.values(), key=lambda r: (r[3], r[0]))


def write_tsv(path: Path, rows, header: str, source: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# generated by scripts/build_actor_lexicon.py from {source}; do not edit\n")
        fh.write(header + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="path of shared/")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="lagebild/lang/de")
    ap.add_argument("--aliases", type=Path, default=DEFAULT_OUT / "country_aliases.tsv",
                    help="the curated country_aliases.tsv")
    args = ap.parse_args(argv)
    shared, out = args.shared.resolve(), args.out.resolve()
    if not (shared / "data").is_dir():
        ap.error(f"no data/ under {shared}")

    out.mkdir(parents=True, exist_ok=True)
    countries = build_countries(shared, args.aliases.resolve())
    write_tsv(out / "actors_countries.tsv", countries, "form\tcode\tsector\tname\tkind",
              "Destatis nationalities, GeoNames and country_aliases.tsv")
    ministries = build_ministries(shared)
    write_tsv(out / "actors_ministries.tsv", ministries, "form\tcode\tsector\tname\tkind",
              "de-federal-ministries (DL-DE Zero 2.0)")
    by_kind = defaultdict(int)
    for r in countries:
        by_kind[r[4]] += 1
    print(f"actors_countries.tsv: {len(countries)} rows "
          + ", ".join(f"{k}={v}" for k, v in sorted(by_kind.items())))
    print(f"actors_ministries.tsv: {len(ministries)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
