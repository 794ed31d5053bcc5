"""derStandard (10kGNAD) reader: teaser, "Ort – " dateline, body."""

import json
from pathlib import Path

import pytest

from lagebild.ingest import detect_reader, read_path, read_text
from lagebild.ingest.standard import DATELINE_WINDOW, find_dateline

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GNAD = SHARED / "corpus" / "10kgnad"


def slices(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def dateline_of(text):
    found = find_dateline(text)
    return text[found[0]:found[1]] if found else None


def test_fixture_blocks_and_metadata():
    path = FIXTURES / "standard-tram.txt"
    assert detect_reader(path.read_bytes(), path.name) == "standard"
    [art] = list(read_path(path))
    assert art.text == path.read_text(encoding="utf-8")
    assert art.id == "standard-tram"
    assert art.title is None and art.published is None
    assert art.source == "derStandard"
    assert slices(art) == [
        ("teaser", "Die Stadtregierung will den Ausbau der Straßenbahn beschleunigen."),
        ("dateline", "Graz/Wien –"),
        ("body", "Der Grazer Gemeinderat hat am Dienstag ein Paket für drei neue Linien "
                 "beschlossen. Die Kosten trägt zur Hälfte der Bund."),
    ]


def test_real_10kgnad_line():
    path = GNAD / "articles.jsonl"
    if not path.exists():
        pytest.skip("shared corpus not available")
    with path.open(encoding="utf-8") as fh:
        record = json.loads(fh.readline())
    assert record["id"] == "gnad-test-0000"
    text = record["text"]
    assert detect_reader(text, None) == "standard"
    art = read_text(text, record["id"])
    got = slices(art)
    assert [k for k, _ in got] == ["teaser", "dateline", "body"]
    assert got[0][1].endswith("dass die Vertragsform auf die Führungsebene beschränkt gehört.")
    assert got[1][1] == "Wien –"
    assert got[2][1].startswith("Die Gewerkschaft GPA-djp sieht Handlungsbedarf")
    assert art.text == text and got[2][1] == text[art.blocks[2].start:]


def test_gold_text_file_is_standard():
    path = GNAD / "gold-texts" / "gnad-test-0008.txt"
    if not path.exists():
        pytest.skip("shared corpus not available")
    [art] = list(read_path(path))
    assert art.id == "gnad-test-0008"
    assert art.text == path.read_bytes().decode("utf-8")
    assert slices(art)[1] == ("dateline", "Kabul –")


@pytest.mark.parametrize("text, expected", [
    ("Ein Satz. Kabul – Die Armee meldet Gefechte.", "Kabul –"),
    ("Ein Satz. Wien/Berlin – Die Minister telefonierten.", "Wien/Berlin –"),
    ("Ein Satz. Washington/Genf – Die Gespräche beginnen.", "Washington/Genf –"),
    ("Sieg im Finale. Rio de Janeiro – Der Favorit gewann.", "Rio de Janeiro –"),
    ("Flut im Süden. Columbia (South Carolina) – Im Bundesstaat regnet es.", "Columbia (South Carolina) –"),
    ("Schwere Unwetter. Saalfelden / Zell am See – Ein Lenker wurde verletzt.", "Saalfelden / Zell am See –"),
    ("Neue Regeln. St. Pölten – Der Landtag beschloss.", "St. Pölten –"),
    ("Neue Regeln. Tel Aviv –  Forscher berichten.", "Tel Aviv –"),      # two spaces after the dash
    ("Neue Regeln. Wien –Der Nationalrat tagte.", "Wien –"),            # none after it
    ("Neue Regeln. Banda Aceh - Die Polizei griff ein.", "Banda Aceh -"),  # spaced hyphen
    ("Linz – Der Text beginnt gleich mit dem Ort.", "Linz –"),
    # an ordinal's period ends no sentence: "Juli –" is no dateline
    ("Referendum am 5. Juli – Tsipras jubelt. Athen – Das Parlament stimmte zu.", "Athen –"),
])
def test_dateline_variants(text, expected):
    assert dateline_of(text) == expected


@pytest.mark.parametrize("text", [
    "Apple patzt bei Zubehör – Kritik an Maus und Stift. Der Konzern schweigt.",
    "Neue Kämpfe im Donbass – Waffenruhe gebrochen. Die Lage bleibt angespannt.",
    "Ein Treffen in Paris. Angela Merkel – die Kanzlerin selbst – kam auch.",
    "Der Bischof überreichte den St. Martinsorden in Gold – eine hohe Ehre.",
    "Wahlabend in der Steiermark. Der Bürgermeister – sichtlich erleichtert – dankte.",
    "Ein Satz ohne jeden Gedankenstrich. Noch einer.",
])
def test_not_a_dateline(text):
    assert find_dateline(text) is None
    assert detect_reader(text, None) == "plain"


def test_dateline_outside_window_is_not_detected():
    text = "Langer Vorspann. " * (DATELINE_WINDOW // 17 + 1) + "Wien – Der Text."
    assert find_dateline(text) is None
    assert find_dateline(text, window=len(text)) is not None


def test_forced_standard_without_dateline_is_all_body():
    text = "Kein Ort, kein Strich. Nur Text."
    art = read_text(text, "x", reader="standard")
    assert slices(art) == [("body", text)]
    assert art.source == "derStandard"


def test_dateline_at_start_has_no_teaser():
    art = read_text("Graz – Der Gemeinderat tagt.", "g", reader="standard")
    assert slices(art) == [("dateline", "Graz –"), ("body", "Der Gemeinderat tagt.")]
