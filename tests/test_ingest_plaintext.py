"""n-tv layout and plain-text readers."""

from datetime import datetime
from pathlib import Path

import pytest

from lagebild.ingest import READERS, ReadError, detect_reader, read_path, read_text
from lagebild.ingest.plaintext import paragraph_spans, parse_source_line

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REFERENCE = SHARED / "corpus" / "ntv-2015-09-18-russland-usa-is.txt"


def slices(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def assert_spans_sane(article):
    prev_end = 0
    for b in article.blocks:
        assert prev_end <= b.start < b.end <= len(article.text), b
        piece = article.text[b.start:b.end]
        assert piece == piece.strip(), b
        prev_end = b.end


@pytest.fixture(scope="module")
def reference():
    if not REFERENCE.exists():
        pytest.skip("shared corpus not available")
    [article] = list(read_path(REFERENCE))
    return article


def test_reference_text_is_the_exact_file_content(reference):
    assert reference.text == REFERENCE.read_bytes().decode("utf-8")
    assert reference.id == "ntv-2015-09-18-russland-usa-is"
    assert reference.origin == str(REFERENCE)


def test_reference_metadata(reference):
    assert reference.title == "Schweigen gebrochen Russland und USA koordinieren Anti-IS-Kampf"
    assert reference.kicker is None
    assert reference.published == datetime(2015, 9, 18, 22, 8)
    assert reference.source == "ntv.de"
    assert reference.agencies == ["dpa", "AFP"]
    assert reference.language == "de"


def test_reference_blocks(reference):
    got = slices(reference)
    assert [k for k, _ in got] == ["title", "dateline", "caption", "credit", "teaser",
                                   "body", "body", "body", "subheading", "body", "body",
                                   "body", "body", "source"]
    assert got[0][1] == "Schweigen gebrochen Russland und USA koordinieren Anti-IS-Kampf"
    assert got[1][1] == "18.09.2015, 22:08 Uhr"
    assert got[2][1] == "Der IS startete immer wieder Angriffe auf das syrische Kobane."
    assert got[3][1] == "(Foto: picture alliance / dpa)"
    assert got[4][1].startswith("Während Moskau den syrischen Machthaber Assad unterstützt")
    assert got[4][1].endswith("Ziehen sie bald sogar an einem Strang?")
    assert got[5][1].startswith("Nach langem Schweigen auf militärischer Ebene")
    assert got[8][1] == "Suche nach Gemeinsamkeiten"
    assert got[-2][1].endswith("Ein bilaterales Treffen ist bisher nicht geplant.")
    assert got[-1][1] == "Quelle: ntv.de, hul/dpa/AFP"
    assert_spans_sane(reference)


def test_reference_is_detected_as_ntv(reference):
    assert detect_reader(reference.text, None) == "ntv"
    assert detect_reader(REFERENCE.read_bytes(), REFERENCE.name) == "ntv"


def test_ntv_fixture_keeps_trailing_newline_and_reads_layout():
    path = FIXTURES / "ntv-hafen.txt"
    [art] = list(read_path(path))
    assert art.text == path.read_text(encoding="utf-8") and art.text.endswith("Quelle: ntv.de, abc/dpa/rts\n")
    assert art.id == "ntv-hafen"
    assert art.published == datetime(2021, 3, 4, 9, 15)
    assert art.agencies == ["dpa", "rts"]          # "abc" are an author's initials
    assert slices(art) == [
        ("title", "Streit um Fährlinien Kiel und Oslo verhandeln über Hafengebühren"),
        ("dateline", "04.03.2021, 09:15 Uhr"),
        ("caption", "Eine Fähre legt im Kieler Hafen an."),
        ("credit", "(Foto: Beispielbild / Archiv)"),
        ("teaser", "Seit Wochen stocken die Gespräche über neue Gebühren. "
                   "Nun wollen beide Städte einen Kompromiss finden."),
        ("body", "Die Hafenverwaltungen von Kiel und Oslo haben am Donnerstag neue Gespräche "
                 "aufgenommen. Ein Sprecher sprach von einem \"offenen Austausch\"."),
        ("subheading", "Warnung vor Streik"),
        ("body", "Die Gewerkschaft drohte mit einem Warnstreik, falls bis Monatsende keine "
                 "Einigung erzielt werde."),
        ("source", "Quelle: ntv.de, abc/dpa/rts"),
    ]


def test_kicker_on_its_own_line():
    text = "Krise am Hafen\nKiel sperrt Kai für Fähren\n05.03.2021, 10:00 Uhr\nDer Kai bleibt zu.\nQuelle: ntv.de"
    art = read_text(text, "k")
    assert art.kicker == "Krise am Hafen"
    assert art.title == "Kiel sperrt Kai für Fähren"
    assert [k for k, _ in slices(art)] == ["kicker", "title", "dateline", "teaser", "source"]
    assert art.agencies == []
    assert detect_reader(text.rsplit("\n", 1)[0], None) == "ntv"     # without its Quelle line too


def test_crlf_text_is_kept_and_blocks_exclude_carriage_returns():
    text = "Titel der Meldung\r\n06.03.2021, 11:30 Uhr\r\nErster Absatz der Meldung.\r\nQuelle: ntv.de, xy/AFP\r\n"
    art = read_text(text, "crlf")
    assert art.text == text
    assert slices(art) == [("title", "Titel der Meldung"), ("dateline", "06.03.2021, 11:30 Uhr"),
                           ("teaser", "Erster Absatz der Meldung."), ("source", "Quelle: ntv.de, xy/AFP")]
    assert art.agencies == ["AFP"]


def test_ntv_detected_by_source_line_alone():
    text = "Ein Absatz ohne Datumszeile.\nNoch ein Absatz.\nQuelle: ntv.de, dpa"
    assert detect_reader(text, None) == "ntv"
    art = read_text(text, "q")
    assert art.agencies == ["dpa"] and art.published is None
    assert art.title is None          # a sentence, not a headline
    assert [k for k, _ in slices(art)] == ["teaser", "body", "source"]


def test_impossible_date_gives_dateline_but_no_published():
    art = read_text("Titel\n31.02.2015, 10:00 Uhr\nText der Meldung.", "d", reader="ntv")
    assert art.published is None
    assert slices(art)[1] == ("dateline", "31.02.2015, 10:00 Uhr")


@pytest.mark.parametrize("value, expected", [
    ("ntv.de, hul/dpa/AFP", ("ntv.de", ["dpa", "AFP"])),
    ("n-tv.de, mli/rts/dpa", ("n-tv.de", ["rts", "dpa"])),
    ("ntv.de, jwu/DJ", ("ntv.de", ["DJ"])),
    ("ntv.de", ("ntv.de", [])),
    ("dpa", (None, ["dpa"])),
])
def test_parse_source_line(value, expected):
    assert parse_source_line(value) == expected


def test_plain_fixture_title_and_blank_line_paragraphs():
    path = FIXTURES / "plain-radwege.txt"
    assert detect_reader(path.read_bytes(), path.name) == "plain"
    [art] = list(read_path(path))
    assert art.text == path.read_text(encoding="utf-8")
    assert art.title == "Neue Radwege für Bremen" and art.published is None and art.source is None
    assert slices(art) == [
        ("title", "Neue Radwege für Bremen"),
        ("body", "Der Senat hat zwölf neue Radwege beschlossen.\nSie sollen bis 2025 fertig sein."),
        ("body", "Kritik kam von der Opposition."),
    ]


def test_plain_without_title_when_first_line_is_a_sentence():
    art = read_text("Der Senat tagt.\nEr beschließt nichts.\n", "p", reader="plain")
    assert art.title is None
    assert slices(art) == [("body", "Der Senat tagt."), ("body", "Er beschließt nichts.")]


def test_paragraph_spans_line_mode_and_blank_mode():
    assert paragraph_spans("a\nb\n") == [(0, 1), (2, 3)]
    assert paragraph_spans("a\nb\n\n  c  \n") == [(0, 3), (7, 8)]


def test_reader_override_plain_on_ntv_text():
    text = (FIXTURES / "ntv-hafen.txt").read_text(encoding="utf-8")
    art = read_text(text, "x", reader="plain")
    assert art.published is None and art.agencies == []
    assert art.title == "Streit um Fährlinien Kiel und Oslo verhandeln über Hafengebühren"
    assert {b.kind for b in art.blocks} == {"title", "body"}
    [via_path] = list(read_path(FIXTURES / "ntv-hafen.txt", reader="plain"))
    assert via_path.blocks == art.blocks


def test_readers_registry():
    assert list(READERS) == ["ntv", "standard", "plain", "html", "jsonl"]
    assert READERS["ntv"]("T\n01.01.2020, 00:00 Uhr\nX.", "r").published == datetime(2020, 1, 1)


def test_read_text_raises_on_empty():
    with pytest.raises(ReadError) as info:
        read_text("  \n ", "leer", origin="mem")
    assert str(info.value) == "mem: empty (only whitespace)"
