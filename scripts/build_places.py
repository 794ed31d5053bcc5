#!/usr/bin/env python3
"""Derive lagebild's compact German place gazetteer from the shared GeoNames data.

    .venv/bin/python scripts/build_places.py [--shared ../shared] [--out lagebild/lang/de]

Writes ``places.tsv`` with the columns ``form geonameid name country population kind``:

* form        a surface form as it may appear in German text
* geonameid   the GeoNames id of the place (for admin1 regions: of the region)
* name        the GeoNames main name (cities, admin1) or the English short name (countries)
* country     ISO 3166 alpha-3, Kosovo as ``KOS`` (docs/events.md)
* population  cities: GeoNames population; countries: countryInfo population;
              admin1: the summed population of the region's cities in cities15000
              (a proxy: GeoNames' admin1 file carries no population)
* kind        city | admin1 | country

Nothing is copied wholesale; every row is selected, filtered or derived:

Cities (cities15000.zip): the main name and the ASCII name always; alternate names
(untagged by language in GeoNames) only when they look like a usable Latin-script form:

* Latin letters (Basic Latin, Latin-1, Latin Extended-A: what German press uses for
  names such as Łódź, Košice, Miskolc) plus space, hyphen, apostrophe and period;
  nothing from Latin Extended-B/Additional (Vietnamese, pinyin tone marks, ʻ ‘), no digits;
* at least 3 characters, not all lower case (drops romanised search keys like "mosko");
* not an all-caps code of <= 3 letters (airport / IATA codes like "MOW");
* not a longer phrase built from the main name ("Daerah Maymana", "Aden khot",
  "Lungsod ng Paris", "Bergen (NH)");
* not a variant of an already kept form that differs only in case, diacritics, hyphens or
  apostrophes ("Moscú" when "Moscu" is kept): the loader's lookup folds these
  (``lagebild.places.fold_key``), so one spelling suffices.

To keep the file compact (< 4 MB), alternate names are only taken for cities that news
mention by variant spellings: population >= ALT_MIN_POP (100,000), national capitals and
first-order admin seats (PPLC, PPLA, e.g. Maymana/Maimana/Meymaneh), cities of Germany's
neighbours (NEIGHBOURS: historic German names such as Breslau, Pressburg, Mailand) and of
the crisis countries of German foreign news written in non-Latin scripts (FOCUS: Syria,
Iraq, Afghanistan, Yemen, Libya, Ukraine, ... e.g. Kobani/Kobane, pop. 50,000). Other
cities keep main and ASCII name plus alternate names that contain German letters (ä ö ü ß).

Admin1 regions (admin1CodesASCII.txt): name and ASCII name, plus a short form with generic
words stripped ("Faryab Province" -> "Faryab", "Moscow Oblast" -> "Moscow",
"Al Anbar" -> "Anbar"), plus curated German names (GERMAN_ADMIN1: "Bayern", "Krim").

Countries (countryInfo.tsv, country_translations.json, Destatis de_countries_destatis.tsv,
and lagebild/lang/de/country_aliases.tsv kinds country/override): the English name, the
GeoNames 'de' and 'en' translation, Destatis' German short name, and a few inflected
German forms the sources lack (COUNTRY_EXTRA: "Vereinigten Staaten").

Stoplist (lagebild/lang/de/places_stopwords.txt, hand-written; its header explains how the
candidates were found): forms that collide with a GeoNames place but in German news are far
more often something else: function words at sentence start ("Auch" = Auch, France; "Man" =
Man, Ivory Coast), common nouns ("Ende", "Mitte", "Zug", "Hof"), generic region words
("North", "Nord"), people's names ("Michael", "Obama", "Clinton"), organisations and brands
("Hamas" = an alternate name of Hamm, "Toyota"). A plain entry is dropped from every city
and admin1 row, also in spellings that differ only in case or diacritics ("Nūr" for
"Nur"), and the loader never resolves it; an entry written "?Form" is kept (a sizeable
real place such as "Essen", "Halle", "Bergen") and only flagged through
``Gazetteer.is_common_word``. Country names are never stoplisted.
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

sys.path.insert(0, str(REPO))
from lagebild.places import fold_key  # noqa: E402  (same folding as the loader)

ALT_MIN_POP = 100_000
NEIGHBOURS = {"DE", "AT", "CH", "LI", "LU", "BE", "NL", "DK", "PL", "CZ", "FR", "IT",
              "SK", "SI", "HU", "HR"}
# Conflict and crisis countries of German foreign news, written in non-Latin scripts, whose
# small towns appear under varying transliterations (Kobani/Kobane, Dscharablus, Tal Afar).
FOCUS = {"SY", "IQ", "AF", "YE", "LY", "UA", "IL", "PS", "LB", "JO", "IR", "SO",
         "SD", "SS", "ML", "BY", "GE", "AM", "AZ", "EG", "PK", "KP", "MK"}
CODE_MAP = {"XKX": "KOS"}           # docs/events.md: Kosovo is KOS
SKIP_ISO2 = {"CS", "AN"}            # dissolved: Serbia and Montenegro, Netherlands Antilles

# Latin letters German text may carry: Basic Latin, Latin-1 letters, Latin Extended-A.
_LETTER = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F"
GOOD_FORM = re.compile(rf"^[{_LETTER}][{_LETTER}' .\-]*[{_LETTER}.]$")
CODE_LIKE = re.compile(r"^[A-Z]{1,3}$")
GERMAN_LETTERS = set("äöüßÄÖÜ")

# Generic words stripped from admin1 names for a short form.
ADMIN_WORDS = re.compile(
    r"\b(Province|Provincia|Prefecture|Governorate|Muhafazat|Muhafazah|Oblast'?|oblast'?|"
    r"Kray|Krai|kraj|Republic|Autonomous|Region|Regional|Department|Departamento|"
    r"County|District|Municipality|Voivodeship|Velayat|Wilayah|Wilayat|State|City|"
    r"Territory|Capital|Emirate|Division|Canton|Parish|Rayon|Opstina|Opština|of|de|del|di)\b")
ADMIN_ARTICLE = re.compile(r"^(Al|Ar|As|Ash|At|Ad|Adh|Az|An|Ath)[ \-](?=[A-Z])")

# Curated German names of admin1 regions German news refer to (code -> forms).
GERMAN_ADMIN1 = {
    "DE.01": ["Baden-Württemberg"], "DE.02": ["Bayern"], "DE.05": ["Hessen"],
    "DE.06": ["Niedersachsen"], "DE.07": ["Nordrhein-Westfalen", "NRW"],
    "DE.13": ["Sachsen"], "DE.14": ["Sachsen-Anhalt"], "DE.15": ["Thüringen"],
    "AT.02": ["Kärnten"], "AT.03": ["Niederösterreich"], "AT.04": ["Oberösterreich"],
    "AT.06": ["Steiermark"], "AT.07": ["Tirol"], "AT.09": ["Wien"],
    "CH.ZH": ["Zürich"], "CH.VD": ["Waadt"], "CH.VS": ["Wallis"], "CH.TI": ["Tessin"],
    "CH.SG": ["St. Gallen"], "CH.NE": ["Neuenburg"], "CH.LU": ["Luzern"],
    "CH.GR": ["Graubünden"], "CH.GE": ["Genf"], "CH.FR": ["Freiburg"],
    "CH.BS": ["Basel-Stadt"],
    "GB.SCT": ["Schottland"], "GB.NIR": ["Nordirland"],
    "ES.56": ["Katalonien"], "ES.59": ["Baskenland"], "ES.51": ["Andalusien"],
    "ES.58": ["Galicien"], "ES.53": ["Kanarische Inseln", "Kanaren"],
    "ES.07": ["Balearen"], "FR.94": ["Korsika"], "FR.28": ["Normandie"],
    "IT.15": ["Sizilien"], "IT.14": ["Sardinien"], "IT.16": ["Toskana"],
    "IT.09": ["Lombardei"], "IT.17": ["Südtirol", "Trentino-Südtirol"],
    "IT.12": ["Piemont"], "IT.13": ["Apulien"], "IT.03": ["Kalabrien"],
    "IT.04": ["Kampanien"], "UA.11": ["Krim"], "UA.05": ["Donezk"], "UA.14": ["Luhansk"],
    "UA.26": ["Saporischschja"], "UA.08": ["Cherson"], "UA.07": ["Charkiw"],
    "UA.20": ["Sewastopol"], "UA.25": ["Transkarpatien"],
    "RU.12": ["Tschetschenien"], "RU.19": ["Inguschetien"], "RU.17": ["Dagestan"],
    "RU.23": ["Kaliningrad"], "RU.28": ["Karelien"],
    "US.CA": ["Kalifornien"], "IQ.15": ["Ninive", "Ninawa"], "IQ.01": ["Anbar"],
    "PS.WE": ["Westjordanland"], "PS.GZ": ["Gazastreifen"],
    "IN.12": ["Kaschmir"], "GE.02": ["Abchasien"],
    "MD.58": ["Transnistrien"], "IQ.11": ["Erbil"], "IQ.05": ["Sulaimanija"],
}

# German country forms the sources lack (dative plural used without article inflection).
COUNTRY_EXTRA = {"Vereinigten Staaten": "USA", "Vereinigten Arabischen Emiraten": "ARE",
                 "Niederlanden": "NLD", "Philippinen": "PHL"}

# Country forms that are not names of the state itself (GeoNames 'de' quirks).
COUNTRY_FORM_BAD = re.compile(r"[()]|^Bundesrepublik$")


def good_alt(form: str) -> bool:
    return (len(form) >= 3 and GOOD_FORM.match(form) is not None and not form.islower()
            and CODE_LIKE.match(form) is None)


def phrase_of_main(form: str, main_tokens: set[str]) -> bool:
    toks = [t.lower() for t in re.split(r"[ \-]+", form) if t]
    return len(toks) > 1 and any(t in main_tokens for t in toks)


def read_stopwords(path: Path) -> set[str]:
    """The forms to drop (entries without the '?' keep-but-flag prefix)."""
    words = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("?"):
                words.add(line)
    return words


def load_countries(shared: Path):
    """ISO2 -> (iso3, name, population, geonameid)."""
    out = {}
    with open(shared / "data/geonames/countryInfo.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            iso2, iso3, name, pop, gid = f[0], f[1], f[4], f[7], f[16]
            if iso2 in SKIP_ISO2 or not gid:
                continue
            out[iso2] = (CODE_MAP.get(iso3, iso3), name, int(pop or 0), int(gid))
    return out


def build(shared: Path, out_dir: Path) -> dict:
    countries = load_countries(shared)
    iso3_to_iso2 = {v[0]: k for k, v in countries.items()}
    stop = {fold_key(w) for w in read_stopwords(out_dir / "places_stopwords.txt")}
    rows: list[tuple[str, int, str, str, int, str]] = []
    stats = defaultdict(int)

    # ---- cities ---------------------------------------------------------------------
    admin_pop: dict[str, int] = defaultdict(int)
    with zipfile.ZipFile(shared / "data/geonames/cities15000.zip") as zf:
        text = zf.read("cities15000.txt").decode("utf-8")
    for line in text.splitlines():
        f = line.split("\t")
        gid, name, ascii_, alts, fcode, cc, adm1, pop = (
            int(f[0]), f[1], f[2], f[3], f[7], f[8], f[10], int(f[14] or 0))
        if cc not in countries:
            stats["city_no_country"] += 1
            continue
        iso3 = countries[cc][0]
        admin_pop[f"{cc}.{adm1}"] += pop
        mains = [m for m in dict.fromkeys((name, ascii_)) if m]
        main_tokens = {t.lower() for m in mains for t in re.split(r"[ \-]+", m) if t}
        seen = {fold_key(m) for m in mains}
        forms = list(mains)
        rich = pop >= ALT_MIN_POP or fcode in ("PPLC", "PPLA") or cc in NEIGHBOURS or cc in FOCUS
        for alt in alts.split(",") if alts else ():
            alt = alt.strip()
            if not good_alt(alt) or phrase_of_main(alt, main_tokens):
                continue
            if not rich and not (GERMAN_LETTERS & set(alt)):
                continue
            key = fold_key(alt)
            if key in seen:
                continue
            seen.add(key)
            forms.append(alt)
        for form in forms:
            if fold_key(form) in stop:
                stats["stopped"] += 1
                continue
            rows.append((form, gid, name, iso3, pop, "city"))

    # ---- admin1 ---------------------------------------------------------------------
    with open(shared / "data/geonames/admin1CodesASCII.txt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 4:
                continue
            code, name, ascii_, gid = f[0], f[1], f[2], int(f[3])
            cc = code.split(".", 1)[0]
            if cc not in countries:
                continue
            iso3 = countries[cc][0]
            forms = [name, ascii_]
            for n in (name, ascii_):
                short = re.sub(r"\s+", " ", ADMIN_WORDS.sub(" ", n)).strip(" -,'")
                short = re.sub(r"^(the|The) ", "", short)
                forms.append(short)
                forms.append(ADMIN_ARTICLE.sub("", short))
            forms += GERMAN_ADMIN1.pop(code, [])
            seen = set()
            for form in forms:
                if len(form) < 3 or form in seen or "(" in form:
                    continue
                seen.add(form)
                if fold_key(form) in stop:
                    stats["stopped"] += 1
                    continue
                rows.append((form, gid, name, iso3, admin_pop.get(code, 0), "admin1"))
    if GERMAN_ADMIN1:
        print(f"warning: unknown admin1 codes {sorted(GERMAN_ADMIN1)}", file=sys.stderr)

    # ---- countries ------------------------------------------------------------------
    country_forms: dict[str, list[str]] = defaultdict(list)
    trans = json.loads((shared / "data/geonames/country_translations.json")
                       .read_text(encoding="utf-8"))
    for iso2, (iso3, name, pop, gid) in countries.items():
        country_forms[iso2].append(name)
        t = trans.get(str(gid), {})
        for lang in ("de", "en"):
            if t.get(lang):
                country_forms[iso2].append(t[lang])
    destatis = shared / "data/lexicon/de-nationalities-destatis/de_countries_destatis.tsv"
    if destatis.exists():
        with open(destatis, encoding="utf-8") as fh:
            for rec in csv.DictReader(fh, delimiter="\t"):
                if rec.get("gueltigBis"):
                    continue
                iso2 = iso3_to_iso2.get(CODE_MAP.get(rec["iso3"], rec["iso3"]))
                if iso2 is None and rec["iso3"] == "XXK":
                    iso2 = iso3_to_iso2.get("KOS")
                if iso2:
                    country_forms[iso2].append(rec["bezeichnung"])
    aliases = out_dir / "country_aliases.tsv"
    if aliases.exists():
        for line in aliases.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or line.startswith("form\t") or not line.strip():
                continue
            f = line.split("\t")
            if len(f) >= 3 and f[2] in ("country", "override"):
                iso2 = iso3_to_iso2.get(f[1])
                if iso2:
                    country_forms[iso2].append(f[0])
    for form, iso3 in COUNTRY_EXTRA.items():
        country_forms[iso3_to_iso2[iso3]].append(form)
    for iso2, forms in country_forms.items():
        iso3, name, pop, gid = countries[iso2]
        for form in dict.fromkeys(forms):
            form = form.strip()
            if len(form) < 2 or COUNTRY_FORM_BAD.search(form):
                continue
            rows.append((form, gid, name, iso3, pop, "country"))

    # ---- write ----------------------------------------------------------------------
    rows = list(dict.fromkeys(rows))
    rows.sort(key=lambda r: (r[0], r[5], -r[4], r[1]))
    out = out_dir / "places.tsv"
    buf = io.StringIO()
    buf.write("form\tgeonameid\tname\tcountry\tpopulation\tkind\n")
    for r in rows:
        buf.write("\t".join(map(str, r)) + "\n")
    out.write_text(buf.getvalue(), encoding="utf-8")
    stats["rows"] = len(rows)
    stats["bytes"] = out.stat().st_size
    for k in ("city", "admin1", "country"):
        stats[k] = sum(1 for r in rows if r[5] == k)
    return dict(stats)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    stats = build(args.shared, args.out)
    print(" ".join(f"{k}={v}" for k, v in sorted(stats.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
