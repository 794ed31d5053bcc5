"""Place gazetteer: lagebild/lang/de/places.tsv (scripts/build_places.py) and lagebild.places."""

from pathlib import Path

import pytest

from lagebild.places import Gazetteer, Place, fold_key

LANG_DIR = Path(__file__).resolve().parent.parent / "lagebild" / "lang" / "de"
PLACES = LANG_DIR / "places.tsv"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_build_output_exists_and_is_compact():
    assert PLACES.exists()
    assert PLACES.stat().st_size < 4_500_000
    with open(PLACES, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        assert header == ["form", "geonameid", "name", "country", "population", "kind"]
        kinds = set()
        for i, line in enumerate(fh):
            f = line.rstrip("\n").split("\t")
            assert len(f) == 6, line
            assert len(f[3]) == 3 and f[3].isupper(), line
            kinds.add(f[5])
            if i > 50_000:
                break
    assert kinds <= {"city", "admin1", "country"}


def test_load_is_cached(gaz):
    assert Gazetteer.load() is gaz
    assert len(gaz) > 50_000


@pytest.mark.parametrize("form, country, name", [
    ("Moskau", "RUS", "Moscow"),
    ("Latakia", "SYR", "Latakia"),
    ("Aden", "YEM", "Aden"),
    ("Tel Aviv", "ISR", "Tel Aviv"),
    ("Miskolc", "HUN", "Miskolc"),
    ("Kabul", "AFG", "Kabul"),
    ("Berlin", "DEU", "Berlin"),
    ("Paris", "FRA", "Paris"),
    ("Kiew", "UKR", "Kyiv"),
    ("Peking", "CHN", "Beijing"),
    ("Damaskus", "SYR", "Damascus"),
    ("Mailand", "ITA", "Milan"),
    ("Rom", "ITA", "Rome"),
    ("Warschau", "POL", "Warsaw"),
    ("Den Haag", "NLD", "The Hague"),
    ("Maimana", "AFG", "Maymana"),
    ("Meymaneh", "AFG", "Maymana"),
    ("Islamabad", "PAK", "Islamabad"),
    ("Homs", "SYR", "Homs"),
])
def test_city_forms(gaz, form, country, name):
    p = gaz.resolve(form)
    assert p is not None, form
    assert (p.country, p.name, p.kind) == (country, name, "city")
    assert gaz.country_of(form) == country


@pytest.mark.parametrize("form", ["Kobane", "Kobani", "Kobanî"])
def test_kobani(gaz, form):
    p = gaz.resolve(form)
    assert p is not None and p.country == "SYR" and p.kind == "city"


def test_admin1(gaz):
    p = gaz.resolve("Faryab")
    assert p == Place(p.geonameid, "Faryab", "AFG", p.population, "admin1")
    assert gaz.resolve("Bayern").country == "DEU"
    assert gaz.resolve("Bayern").kind == "admin1"
    assert gaz.resolve("Krim").country == "UKR"
    # generic words stripped from admin1 names give a short form
    assert any(p.kind == "admin1" and p.country == "RUS" for p in gaz.lookup("Tver"))


def test_countries(gaz):
    for form, code in [("Syrien", "SYR"), ("Deutschland", "DEU"), ("Russland", "RUS"),
                       ("Kosovo", "KOS"), ("Vereinigten Staaten", "USA"), ("Germany", "DEU")]:
        p = gaz.resolve(form)
        assert p is not None and p.kind == "country" and p.country == code, form


def test_country_outranks_region_and_city(gaz):
    cands = gaz.lookup("Georgia")
    assert cands[0].kind == "country" and cands[0].country == "GEO"
    assert any(p.country == "USA" for p in cands)
    assert gaz.resolve("Georgia", ["USA"]).country == "USA"


def test_city_before_its_own_region(gaz):
    for form in ("Berlin", "Aleppo", "Kabul", "Tel Aviv"):
        cands = gaz.lookup(form)
        assert cands[0].kind == "city", form
        assert any(p.kind == "admin1" for p in cands), form


def test_paris_homonym_by_context(gaz):
    cands = gaz.lookup("Paris")
    assert [p.country for p in cands[:1]] == ["FRA"]
    assert any(p.country == "USA" for p in cands)          # Paris, Texas (pop. ~25,000)
    assert gaz.resolve("Paris").country == "FRA"
    assert gaz.resolve("Paris", context_countries={"USA"}).country == "USA"
    assert gaz.resolve("Paris", context_countries=["FRA", "USA"]).country == "FRA"
    assert gaz.resolve("Paris", context_countries=["JPN"]).country == "FRA"


def test_context_preference_tripoli(gaz):
    # Tripolis: Tripoli, Libya (~1.3 M) and Tripoli, Lebanon (~230,000)
    assert gaz.country_of("Tripolis") == "LBY"
    assert gaz.country_of("Tripolis", ["SYR", "LBN"]) == "LBN"
    assert gaz.resolve("Tripolis", ["LBN"]).name == "Tripoli"


def test_case_and_diacritic_insensitive(gaz):
    assert gaz.country_of("MOSKAU") == "RUS"
    assert gaz.country_of("moskau") == "RUS"
    assert gaz.country_of("Krakow") == "POL"
    assert gaz.country_of("Tel-Aviv") == "ISR"
    assert fold_key("Kraków") == fold_key("krakow") == "krakow"


def test_genitive(gaz):
    assert gaz.country_of("Kabuls") == "AFG"
    assert gaz.resolve("Kabuls").name == "Kabul"
    assert gaz.country_of("Syriens") == "SYR"
    assert gaz.country_of("Moskaus") == "RUS"
    assert gaz.country_of("Paris'") == "FRA"
    # exact forms ending in -s are not stripped
    assert gaz.resolve("Paris").name == "Paris"
    # German nouns in -s do not land on small places
    assert gaz.lookup("Basis") == []
    assert gaz.lookup("Puls") == []


@pytest.mark.parametrize("form", ["Mitte", "Ende", "Auch", "Man", "Zug", "Kosten", "Michael",
                                  "Obama", "Hamas", "Nur", "Von", "Hof"])
def test_stopwords_are_not_places(gaz, form):
    assert gaz.lookup(form) == []
    assert gaz.is_common_word(form)


def test_flagged_real_places_are_kept(gaz):
    assert gaz.country_of("Essen") == "DEU"
    assert gaz.is_common_word("Essen")
    assert gaz.country_of("Bergen") == "NOR"
    assert not gaz.is_common_word("Moskau")


def test_unknown(gaz):
    assert gaz.lookup("Xqzzyplatz") == []
    assert gaz.resolve("Xqzzyplatz") is None
    assert gaz.country_of("") is None
