"""HTML reader (trafilatura on the given string; no network)."""

from datetime import datetime
from pathlib import Path

import pytest

from lagebild.ingest import ReadError, detect_reader, read_path, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = FIXTURES / "seite.html"


def slices(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


@pytest.fixture(scope="module")
def page():
    [art] = list(read_path(PAGE))
    return art


def test_metadata(page):
    assert page.id == "seite"
    assert page.title == "Hafenstreik legt Kiel lahm"
    assert page.published == datetime(2021, 3, 4, 9, 15)
    assert page.source == "Nordkurier Online"
    assert page.url == "https://example.org/kiel/hafenstreik"
    assert page.language == "de"
    assert page.origin == str(PAGE)


def test_main_text_without_boilerplate(page):
    assert "Impressum" not in page.text and "Politik" not in page.text
    assert "Warnstreik im Kieler Hafen" in page.text


def test_blocks(page):
    got = slices(page)
    assert [k for k, _ in got] == ["title", "body", "subheading", "body", "body"]
    assert got[0][1] == "Hafenstreik legt Kiel lahm"
    assert got[2][1] == "Gespräche ohne Ergebnis"
    assert got[4][1] == "Die Landesregierung rief beide Seiten auf, an den Verhandlungstisch zurückzukehren."
    for b in page.blocks:
        assert page.text[b.start:b.end].strip() == page.text[b.start:b.end]


def test_detection_by_suffix_and_by_content():
    html = PAGE.read_text(encoding="utf-8")
    assert detect_reader(html, "x.htm") == "html"
    assert detect_reader(html.encode("utf-8"), None) == "html"
    assert detect_reader("<!-- kommentar -->\n<html><body>x</body></html>", "a.txt") == "html"
    assert detect_reader("Text über <html>-Tags.", None) == "plain"


def test_html_in_a_txt_file_is_read_as_html(tmp_path):
    path = tmp_path / "seite-kopie.txt"
    path.write_bytes(PAGE.read_bytes())
    [art] = list(read_path(path))
    assert art.id == "seite-kopie" and art.title == "Hafenstreik legt Kiel lahm"


def test_page_without_main_text(tmp_path):
    path = tmp_path / "leer.html"
    path.write_text("<html><head><title>Nichts</title></head><body><nav></nav></body></html>", encoding="utf-8")
    [err] = list(read_path(path))
    assert isinstance(err, ReadError)
    assert err.origin == str(path) and err.problem == "no main text found in HTML"
    with pytest.raises(ReadError, match="no main text found"):
        read_text("<html><body></body></html>", "leer", reader="html")


def test_legacy_charset_page_is_decoded_by_its_meta_charset(tmp_path):
    html = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    path = tmp_path / "latin.html"
    path.write_bytes(html.encode("latin-1"))
    [art] = list(read_path(path))
    assert "Gespräche ohne Ergebnis" in art.text
