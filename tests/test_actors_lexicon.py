"""The actor lexicon: generated country file, curated files, loading and lookups."""

import csv
import importlib.util
from datetime import date
from pathlib import Path

import pytest

from lagebild.actors import ActorLexicon
from lagebild.actors.lexicon import LANG_DIR
from lagebild.records import NON_STATE_CODES, SECTORS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCRIPT = ROOT / "scripts" / "build_actor_lexicon.py"


def read_tsv(name):
    with (LANG_DIR / name).open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def by_form(rows):
    out = {}
    for row in rows:
        out.setdefault(row["form"], []).append(row)
    return out


@pytest.fixture(scope="module")
def countries():
    return by_form(read_tsv("actors_countries.tsv"))


@pytest.fixture(scope="module")
def lexicon():
    return ActorLexicon.load()


# -- the generated country file --------------------------------------------------------
@pytest.mark.parametrize("form,code,kind,sector", [
    ("Russland", "RUS", "country", ""),
    ("Russlands", "RUS", "country", ""),
    ("Russische Föderation", "RUS", "country", ""),
    ("russischen", "RUS", "adjective", ""),
    ("russisch", "RUS", "adjective", ""),
    ("russischem", "RUS", "adjective", ""),
    ("Russen", "RUS", "demonym", ""),
    ("Moskau", "RUS", "capital", "GOV"),
    ("Moskaus", "RUS", "capital", "GOV"),
    ("Kreml", "RUS", "capital", "GOV"),
    ("Weißen Haus", "USA", "capital", "GOV"),
    ("Washington", "USA", "capital", "GOV"),
    ("USA", "USA", "country", ""),
    ("Vereinigten Staaten", "USA", "country", ""),
    ("amerikanische", "USA", "adjective", ""),
    ("Amerikaner", "USA", "demonym", ""),
    ("Großbritannien", "GBR", "country", ""),
    ("Downing Street", "GBR", "capital", "GOV"),
    ("Türkei", "TUR", "country", ""),
    ("Syriens", "SYR", "country", ""),
    ("Damaskus", "SYR", "capital", "GOV"),
    ("Deutschlands", "DEU", "country", ""),
    ("Kanzleramt", "DEU", "capital", "GOV"),
    ("Peking", "CHN", "capital", "GOV"),
    ("Kiew", "UKR", "capital", "GOV"),
    ("Kabul", "AFG", "capital", "GOV"),
    ("Afghanen", "AFG", "demonym", ""),
    ("Ankara", "TUR", "capital", "GOV"),
    ("Nordkorea", "PRK", "country", ""),
    ("Pjöngjang", "PRK", "capital", "GOV"),
    ("Kosovo", "KOS", "country", ""),
    ("Weißrussland", "BLR", "country", ""),
    ("Niger", "NER", "country", ""),
    ("Élysée-Palast", "FRA", "capital", "GOV"),
])
def test_country_forms(countries, form, code, kind, sector):
    rows = countries.get(form)
    assert rows, f"{form!r} missing from actors_countries.tsv"
    row = rows[0]
    assert (row["code"], row["kind"], row["sector"], row["name"]) == (code, kind, sector, "")


@pytest.mark.parametrize("form", [
    "Türkeis", "Ukraines", "Schweizs", "USAs", "Persien", "Persiens", "Korea", "Republik",
    "Volksrepublik", "Santiago", "Victoria", "Kingston", "Niederlandens", "Staat Israels",
])
def test_bad_or_ambiguous_forms_are_absent(countries, form):
    assert form not in countries


def test_country_file_is_well_formed(countries):
    kinds = {"country", "adjective", "demonym", "capital"}
    for form, rows in countries.items():
        assert len(rows) == 1, f"duplicate form {form!r}"
        row = rows[0]
        assert row["kind"] in kinds
        assert len(row["code"]) == 3 and row["code"].isupper()
        assert row["sector"] == ("GOV" if row["kind"] == "capital" else "")
        if row["kind"] != "adjective":
            assert not form.islower(), f"lowercase non-adjective form {form!r}"
    assert len(countries) > 1500


def test_every_adjective_has_all_inflections(countries):
    stems = [f for f, rows in countries.items()
             if rows[0]["kind"] == "adjective" and f.endswith("isch")]
    assert len(stems) > 150
    for stem in stems:
        for ending in ("e", "en", "er", "es", "em"):
            assert stem + ending in countries, stem + ending


@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="shared data not available")
def test_build_script_reproduces_the_committed_files(tmp_path):
    spec = importlib.util.spec_from_file_location("build_actor_lexicon", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--shared", str(SHARED), "--out", str(tmp_path)]) == 0
    for name in ("actors_countries.tsv", "actors_ministries.tsv"):
        assert (tmp_path / name).read_text("utf-8") == (LANG_DIR / name).read_text("utf-8"), \
            f"{name} is stale: rerun scripts/build_actor_lexicon.py"


@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="shared data not available")
def test_every_destatis_state_has_a_name_and_adjective(countries):
    path = SHARED / "data/lexicon/de-nationalities-destatis/de_countries_destatis.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t")
                if not r["gueltigBis"] and not r["iso3"].startswith("XX") and r["iso3"] != "BMU"]
    codes = {r["iso3"] for r in rows}
    have = {rows_[0]["code"] for rows_ in countries.values() if rows_[0]["kind"] == "country"}
    assert codes - have == set()


# -- the curated files -----------------------------------------------------------------
def test_curated_files_use_valid_codes_and_sectors(lexicon):
    for e in lexicon.entries:
        assert e.sector is None or e.sector in SECTORS, (e.form, e.sector)
        if e.code is not None:
            assert e.code in NON_STATE_CODES or (len(e.code) == 3 and e.code.isupper()), e
    orgs = [e for e in lexicon.entries if e.source == "organisations.tsv"]
    roles = [e for e in lexicon.entries if e.is_role]
    persons = {e.name for e in lexicon.entries if e.kind == "person"}
    assert 150 <= len(orgs) <= 400
    assert len(roles) >= 100
    assert len(persons) >= 60
    assert all(e.code is None for e in roles)


def test_persons_have_ordered_periods(lexicon):
    for e in lexicon.entries:
        if e.kind == "person":
            assert e.valid_from is not None, e.form
            assert e.valid_to is None or e.valid_from < e.valid_to, e.form


# -- loading and lookups ---------------------------------------------------------------
def test_load_is_cached():
    # (its speed is measured by benchmarks/actor_lexicon_load.py, not asserted here)
    fresh = ActorLexicon.from_files(LANG_DIR)
    assert len(fresh.entries) > 3000
    assert ActorLexicon.load() is ActorLexicon.load()
    assert ActorLexicon.load(LANG_DIR) is ActorLexicon.load()


def test_lookup_prefers_named_entries(lexicon):
    [entry, *_] = lexicon.lookup("IS")
    assert (entry.code, entry.sector, entry.name) == ("IMG", "REB", "Islamic State")
    assert lexicon.lookup("Russische")[0].code == "RUS"     # adjectives case-insensitive
    assert lexicon.lookup("Auswärtigen Amtes")[0].name == "German Foreign Office"
    assert lexicon.lookup("Pentagon")[0].code == "USA"
    assert lexicon.lookup("Hisbollah")[0].code == "LBN"
    assert lexicon.lookup("Taliban")[0].code == "AFG"


@pytest.mark.parametrize("when,sector", [
    (date(2010, 5, 1), "LEG"),     # senator
    (date(2015, 9, 18), "GOV"),    # secretary of state
    (date(2019, 1, 1), None),      # out of office: still John Kerry, no sector
    (None, "GOV"),                 # no date: the first (2013-2017) row
])
def test_person_resolution_by_date(lexicon, when, sector):
    entry = lexicon.resolve(lexicon.lookup("Kerry"), when)
    assert (entry.code, entry.name, entry.sector) == ("USA", "John Kerry", sector)


def test_steinmeier_between_offices(lexicon):
    entry = lexicon.resolve(lexicon.lookup("Frank-Walter Steinmeier"), date(2011, 6, 1))
    assert entry.sector == "LEG"


@pytest.mark.parametrize("word,form,sector,code", [
    ("Präsidenten", "Präsident", "GOV", None),
    ("Außenministerin", "Außenminister", "GOV", None),
    ("Ministeriums", "Ministerium", "GOV", None),
    ("Soldaten", "Soldat", "MIL", None),
    ("Kämpfern", "Kämpfer", "REB", None),
    ("Abgeordneter", "Abgeordneter", "LEG", None),
    ("Staatsanwälte", "Staatsanwälte", "JUD", None),
    ("Bundesaußenminister", "Bundesaußenminister", "GOV", None),
    ("Wirtschaftsministerium", "Ministerium", "GOV", None),
    ("Kremlchef", "Chef", "GOV", "RUS"),
    ("Kremlsprecher", "Sprecher", "GOV", "RUS"),
    ("Polizeisprecher", "Sprecher", "COP", None),
    ("Parteichef", "Parteichef", "PTY", None),
    ("Armeechef", "Chef", "MIL", None),
    ("Bundeswehrsoldaten", "Soldat", "MIL", "DEU"),
    ("Außenamtssprecherin", "Außenamtssprecher", "GOV", None),
])
def test_role_lookup(lexicon, word, form, sector, code):
    hit = lexicon.role(word)
    assert hit is not None, word
    assert (hit.entry.form, hit.sector, hit.code) == (form, sector, code)


@pytest.mark.parametrize("word", ["Premiere", "Friedensbotschaft", "Menschenrechtsorganisation",
                                  "Kircher", "Schiedsrichter", "Kurznachrichtendienst",
                                  "Wahlkampf", "Stadt", "Chefe"])
def test_not_roles(lexicon, word):
    assert lexicon.role(word) is None


def test_the_longest_role_head_of_a_compound_decides():
    lexicon = ActorLexicon.load()
    broker = lexicon.role("Versicherungsvermittlern")               # a broker, no "Ermittler"
    assert broker is None or (broker.entry.form == "Vermittler" and broker.sector is None)
    assert lexicon.role("Polizeisprecher").sector == "COP"


def test_a_movement_is_civil_society_unless_an_armed_group_names_it():
    lexicon = ActorLexicon.load()
    assert lexicon.role("Bewegung").sector == "SOC"
    assert lexicon.role("Hamas-Bewegung").sector == "REB"
