"""Paths, directories, stdin, decoding, bad inputs and the public API's contracts."""

import io
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from lagebild.ingest import ReadError, detect_reader, read_inputs, read_path, read_text
from lagebild.ingest.files import doc_id_for
from lagebild.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def one(path, **kw):
    results = list(read_path(path, **kw))
    assert len(results) == 1, results
    return results[0]


def test_nonexistent_path_yields_an_error(tmp_path):
    missing = tmp_path / "gibt-es-nicht.txt"
    err = one(missing)
    assert err == ReadError(str(missing), "no such file or directory")
    assert str(err) == f"{missing}: no such file or directory"


def test_empty_and_whitespace_files(tmp_path):
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    assert one(empty) == ReadError(str(empty), "empty")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\t\r\n")
    assert one(blank) == ReadError(str(blank), "empty (only whitespace)")


@pytest.mark.parametrize("data, detail", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "contains NUL bytes"),
    ("Grüße aus Köln".encode("latin-1"), "invalid byte 0xfc at byte 2"),
    ("Grüße".encode("utf-16"), "looks like UTF-16"),
])
def test_binary_or_non_utf8_files(tmp_path, data, detail):
    path = tmp_path / "binaer.txt"
    path.write_bytes(data)
    err = one(path)
    assert isinstance(err, ReadError) and err.origin == str(path)
    assert err.problem.startswith("not UTF-8 text (binary?)") and detail in err.problem


def test_text_is_kept_byte_for_byte(tmp_path):
    content = "Titel\r\n\r\n  Erster Absatz mit  doppelten Leerzeichen.\r\nZweite Zeile.\n\n"
    path = tmp_path / "genau.txt"
    path.write_bytes(content.encode("utf-8"))
    art = one(path)
    assert art.text == content
    assert art.text[art.blocks[-1].start:art.blocks[-1].end] == "Erster Absatz mit  doppelten Leerzeichen.\r\nZweite Zeile."


def test_leading_bom_is_dropped_and_nothing_else(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitel\nEin Satz.\n".encode("utf-8"))
    art = one(path)
    assert art.text == "Titel\nEin Satz.\n"
    assert art.text[art.blocks[0].start:art.blocks[0].end] == "Titel"


def test_directory_batch_with_one_bad_file(tmp_path):
    root = tmp_path / "stapel"
    (root / "unter").mkdir(parents=True)
    (root / ".versteckt").mkdir()
    shutil.copy(FIXTURES / "ntv-hafen.txt", root / "b-ntv.txt")
    shutil.copy(FIXTURES / "standard-tram.txt", root / "unter" / "c-standard.text")
    shutil.copy(FIXTURES / "seite.html", root / "a-seite.htm")
    (root / "d-kaputt.txt").write_bytes(b"\x00\xff\x00")
    (root / "notizen.md").write_text("wird ignoriert", encoding="utf-8")
    (root / ".versteckt" / "x.txt").write_text("wird ignoriert", encoding="utf-8")

    results = list(read_path(root))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "ReadError", "Article"]
    assert [r.id for r in results if isinstance(r, Article)] == ["a-seite", "b-ntv", "c-standard"]
    assert results[2].origin == str(root / "d-kaputt.txt")
    assert results[3].origin == str(root / "unter" / "c-standard.text")


def test_empty_directory(tmp_path):
    err = one(tmp_path)
    assert isinstance(err, ReadError) and err.origin == str(tmp_path)
    assert err.problem.startswith("no article files")


def test_read_inputs_keeps_order_and_goes_on_after_errors(tmp_path):
    missing = tmp_path / "fehlt.txt"
    results = list(read_inputs([FIXTURES / "standard-tram.txt", missing, str(FIXTURES / "plain-radwege.txt")]))
    assert [getattr(r, "id", None) for r in results] == ["standard-tram", None, "plain-radwege"]
    assert results[1] == ReadError(str(missing), "no such file or directory")


def test_stdin(monkeypatch):
    data = (FIXTURES / "ntv-hafen.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    art = one("-")
    assert art.id == "stdin" and art.origin == "<stdin>"
    assert art.text == data.decode("utf-8") and art.agencies == ["dpa", "rts"]


def test_stdin_jsonl(monkeypatch):
    data = b'{"id": "s1", "text": "Eins."}\nnicht json\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    art, err = list(read_path("-"))
    assert art.id == "s1" and art.origin == "<stdin>:1"
    assert err.origin == "<stdin>:2" and err.problem.startswith("malformed JSON")


def test_unknown_reader_raises_at_once():
    with pytest.raises(ValueError, match="unknown reader 'pdf'"):
        read_path(FIXTURES / "ntv-hafen.txt", reader="pdf")     # no iteration needed
    with pytest.raises(ValueError):
        read_inputs([], reader="pdf")
    with pytest.raises(ValueError):
        read_text("Text.", "x", reader="pdf")


@pytest.mark.parametrize("name, expected", [
    ("a/b/ntv-1.txt", "ntv-1"), ("seite.HTML", "seite"), ("x.jsonl.gz", "x"),
    ("name.mit.punkten.txt", "name.mit.punkten"), ("notiz.text", "notiz"), ("ohne", "ohne"),
])
def test_doc_id_for(name, expected):
    assert doc_id_for(Path(name)) == expected


@pytest.mark.parametrize("content, filename, expected", [
    (b"", "a.jsonl", "jsonl"), (b"", "a.jsonl.gz", "jsonl"), (b"", "a.json", "jsonl"),
    (b"", "a.html", "html"),
    (b'{"id": "a", "text": "b"}\n', None, "jsonl"),
    ("Titel\n18.09.2015, 22:08 Uhr\nText.".encode(), "a.txt", "ntv"),
    ("Vorspann. Wien – Der Text.".encode(), "a.txt", "standard"),
    ("Nur ein Text.".encode(), "a.txt", "plain"),
])
def test_detect_reader(content, filename, expected):
    assert detect_reader(content, filename) == expected


def test_reader_override_on_a_file():
    art = one(FIXTURES / "standard-tram.txt", reader="ntv")
    assert art.source == "ntv.de" and "dateline" not in {b.kind for b in art.blocks}
    art = one(FIXTURES / "standard-tram.txt", reader="plain")
    assert [b.kind for b in art.blocks] == ["body"]


def test_read_error_contract():
    err = ReadError("a.jsonl:3", "malformed JSON: x")
    assert (err.origin, err.problem, str(err)) == ("a.jsonl:3", "malformed JSON: x", "a.jsonl:3: malformed JSON: x")
    assert pickle.loads(pickle.dumps(err)) == err
    assert err != ReadError("a.jsonl:4", "malformed JSON: x")
