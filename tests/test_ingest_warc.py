"""WARC crawls: every HTML response is an article; bad pages and bad files are reported."""

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.ingest import ReadError, read_path
from lagebild.ingest.warc import warc_doc_id

PAGE = """<html lang="de"><head><title>Hafen gesperrt</title></head><body><article>
<h1>Hafen gesperrt</h1>
<p>Die Polizei hat am Montag den Hafen von Kiel gesperrt, nachdem Demonstranten die Zufahrt
blockiert hatten. Die Stadtverwaltung kündigte Gespräche mit den Organisatoren an.</p>
<p>Ein Sprecher sagte, die Sperre werde bis zum Abend dauern.</p>
</article></body></html>"""


def write_warc(path, records):
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, content_type, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body.encode()),
                                                          http_headers=headers))


def test_html_responses_become_articles_and_bad_pages_are_reported(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("https://example.org/hafen", "text/html; charset=utf-8", PAGE),
        ("https://example.org/logo.png", "image/png", "not a page"),
        ("https://example.org/leer", "text/html", "<html><body></body></html>"),
    ])
    items = list(read_path(path))
    articles = [i for i in items if not isinstance(i, ReadError)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(articles) == 1 and len(errors) == 1
    article = articles[0]
    assert article.id == warc_doc_id("https://example.org/hafen")
    assert article.url == "https://example.org/hafen"
    assert "Hafen von Kiel gesperrt" in article.text
    assert errors[0].origin.endswith("crawl.warc.gz#https://example.org/leer")


def test_a_file_that_is_no_warc_is_reported_once(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive\n" * 3)
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert "not a readable WARC file" in items[0].problem
