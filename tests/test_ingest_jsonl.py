"""JSON Lines reader: one article per line, bad lines become errors, the rest comes through."""

import gzip
import json
from datetime import datetime
from pathlib import Path

import pytest

from lagebild.ingest import ReadError, read_path, read_text
from lagebild.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
COLLECTION = FIXTURES / "sammlung.jsonl"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def slices(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def check_collection(results, origin):
    """The fixture: 2 good records (lines 1 and 7), a blank line 2, bad lines 3-6."""
    assert [type(r).__name__ for r in results] == ["Article", "ReadError", "ReadError",
                                                   "ReadError", "ReadError", "Article"]
    tram, malformed, no_id, no_text, bad_date, hafen = results
    assert malformed.origin == f"{origin}:3" and malformed.problem.startswith("malformed JSON:")
    assert no_id == ReadError(f"{origin}:4", 'missing "id"')
    assert no_text == ReadError(f"{origin}:5", 'missing "text" (id leer)')
    assert bad_date.origin == f"{origin}:6" and "published" in bad_date.problem and "gestern" in bad_date.problem
    assert str(no_id) == f'{origin}:4: missing "id"'

    assert tram.id == "tram-1" and tram.origin == f"{origin}:1"
    assert tram.published == datetime(2016, 5, 3)
    assert tram.url == "https://example.org/tram-1"
    assert tram.source == "derStandard"          # from the layout: no "source" in the record
    assert slices(tram)[1] == ("dateline", "Linz –")

    assert hafen.id == "hafen-2" and hafen.origin == f"{origin}:7"
    assert hafen.text.startswith("Kiel und Oslo verhandeln\n04.03.2021")
    assert hafen.published == datetime(2021, 3, 4, 9, 15)     # from the ntv date line
    assert hafen.agencies == ["dpa"]
    assert [k for k, _ in slices(hafen)] == ["title", "dateline", "teaser", "source"]


def test_collection_with_good_and_bad_lines():
    check_collection(list(read_path(COLLECTION)), str(COLLECTION))


def test_gzipped_collection(tmp_path):
    path = tmp_path / "sammlung.jsonl.gz"
    path.write_bytes(gzip.compress(COLLECTION.read_bytes()))
    check_collection(list(read_path(path)), str(path))


def test_broken_gzip(tmp_path):
    path = tmp_path / "kaputt.jsonl.gz"
    path.write_bytes(b"das ist kein gzip")
    [err] = list(read_path(path))
    assert isinstance(err, ReadError) and err.origin == str(path)
    assert "compressed" in err.problem


def test_record_metadata_overrides_layout(tmp_path):
    record = {"id": 7, "text": "Ein Satz. Wien – Der Rest.", "title": "Eigener Titel",
              "source": "Agentur", "language": "en", "published": "2016-01-02T03:04:05"}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [art] = list(read_path(path))
    assert art.id == "7"
    assert (art.title, art.source, art.language) == ("Eigener Titel", "Agentur", "en")
    assert art.published == datetime(2016, 1, 2, 3, 4, 5)


@pytest.mark.parametrize("record, problem", [
    ({"id": "a", "text": "   "}, '"text" is empty (id a)'),
    ({"id": "a", "text": 5}, '"text" must be a string, not int (id a)'),
    ({"id": ["a"], "text": "x"}, '"id" must be a string, not list'),
    ({"id": "a", "text": "x", "published": 2016}, '"published" must be an ISO date string, not int'),
    ({"id": "a", "text": "x", "title": 3}, '"title" must be a string (id a)'),
    (["id", "text"], "expected a JSON object, got list"),
])
def test_bad_records(tmp_path, record, problem):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "ok", "text": "Gut."}) + "\n", encoding="utf-8")
    err, ok = list(read_path(path))
    assert err == ReadError(f"{path}:1", problem)
    assert isinstance(ok, Article) and ok.id == "ok"


def test_empty_jsonl_and_undecodable_line(tmp_path):
    empty = tmp_path / "leer.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    assert list(read_path(empty)) == [ReadError(str(empty), "empty (no JSON records)")]

    mixed = tmp_path / "gemischt.jsonl"
    mixed.write_bytes(b'{"id": "x", "text": "Gr\xfc\xdfe"}\n{"id": "y", "text": "Gut."}\n')
    err, ok = list(read_path(mixed))
    assert err.origin == f"{mixed}:1" and err.problem.startswith("not UTF-8 text (binary?)")
    assert ok.id == "y"

    binary = tmp_path / "binaer.jsonl"
    binary.write_bytes(b"\x00\x01\x02\n\x00\x00\n")
    assert list(read_path(binary)) == [ReadError(str(binary), "not UTF-8 text (binary?): contains NUL bytes")]


def test_reader_override_applies_to_each_record():
    [tram] = [r for r in read_path(COLLECTION, reader="plain") if isinstance(r, Article)][:1]
    assert tram.id == "tram-1"
    assert "dateline" not in {b.kind for b in tram.blocks}


def test_forcing_jsonl_on_a_txt_file(tmp_path):
    path = tmp_path / "daten.txt"
    path.write_text('{"id": "t1", "text": "Linz – Ein Text."}\n', encoding="utf-8")
    [art] = list(read_path(path, reader="jsonl"))
    assert art.id == "t1" and slices(art)[0] == ("dateline", "Linz –")
    [auto] = list(read_path(path))          # detected from the content as well
    assert auto.id == "t1"


def test_json_file_with_array_and_with_object(tmp_path):
    array = tmp_path / "liste.json"
    array.write_text(json.dumps([{"id": "a", "text": "Erster."}, {"text": "Ohne id."}]), encoding="utf-8")
    a, err = list(read_path(array))
    assert a.id == "a" and err == ReadError(f"{array}[1]", 'missing "id"')
    single = tmp_path / "eins.json"
    single.write_text(json.dumps({"id": "e", "text": "Einzeln."}), encoding="utf-8")
    assert [r.id for r in read_path(single)] == ["e"]
    broken = tmp_path / "kaputt.json"
    broken.write_text('{"id": ', encoding="utf-8")
    [err] = list(read_path(broken))
    assert err.origin == str(broken) and err.problem.startswith("malformed JSON")


def test_read_text_with_jsonl_reader():
    art = read_text('{"id": "r1", "text": "Ein Text."}', "ignored", reader="jsonl")
    assert art.id == "r1" and art.text == "Ein Text."
    with pytest.raises(ReadError, match="expected one JSON record, found 2"):
        read_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}', "zwei", reader="jsonl")
    with pytest.raises(ReadError) as info:
        read_text('{"id": "a", "text": ', "kaputt", reader="jsonl", origin="mem:1")
    assert info.value.origin == "mem:1" and info.value.problem.startswith("malformed JSON")


def test_10kgnad_collection():
    path = SHARED / "corpus" / "10kgnad" / "articles.jsonl"
    if not path.exists():
        pytest.skip("shared corpus not available")
    results = list(read_path(path))
    assert len(results) == 1028 and all(isinstance(r, Article) for r in results)
    assert results[0].id == "gnad-test-0000" and results[0].origin == f"{path}:1"
    standard = [r for r in results if r.source == "derStandard"]
    assert len(standard) > 600          # the others have no dateline and read as plain text
    for art in standard[:50]:
        kinds = [b.kind for b in art.blocks]
        assert "dateline" in kinds and kinds[-1] == "body"
