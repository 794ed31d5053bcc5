"""The workbench HTTP API against a real DuckDB file (FastAPI's TestClient, and one real
uvicorn server)."""

import io
import json

import httpx
import pyarrow.parquet as pq
import pytest
import workbench_store
from fastapi.testclient import TestClient

from lagebild.server import create_app
from lagebild.server.background import BackgroundServer
from lagebild.store import Store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def db(tmp_path):
    return workbench_store.build(tmp_path / "wb.duckdb")


@pytest.fixture()
def client(db):
    app = create_app(db, write_token=TOKEN)
    with TestClient(app) as c:
        yield c
    app.state.store.close()


@pytest.fixture()
def readonly(db):
    app = create_app(db)
    with TestClient(app) as c:
        yield c
    app.state.store.close()


def test_meta_openapi_and_ui(client):
    meta = client.get("/api/meta").json()
    assert meta["writable"] and len(meta["types"]) == 16
    assert meta["labels"]["type"]["CONSULT"] == {"en": "Consult", "de": "Beraten"}
    assert meta["scores"]["CONSULT:visit"] == 4 and meta["summary"]["events"] == 7
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/aggregates", "/api/network", "/api/dyad", "/api/map",
            "/api/export", "/api/events/{event_id}/corrections"} <= set(schema["paths"])
    page = client.get("/")
    assert page.status_code == 200 and "lagebild" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/world.svg").status_code == 200
    assert client.get("/docs").status_code == 404          # Swagger UI would load from a CDN


def test_list_filter_and_paginate(client):
    data = client.get("/api/events", params={"event": ["CONSULT", "ACCUSE"], "limit": 1}).json()
    assert data["total"] == 2 and len(data["items"]) == 1
    item = data["items"][0]
    assert {"quad", "score", "actor", "recipient", "evidence", "status"} <= set(item)
    assert client.get("/api/events", params={"party": "RUS", "date_from": "2015-10-01"}).json()["total"] == 2
    assert client.get("/api/events", params={"q": "Flüchtlinge"}).json()["total"] == 2
    assert client.get("/api/events", params={"aux": "asserted", "quad": "material_conflict"}).json()["total"] == 1
    assert client.get("/api/articles", params={"limit": 2}).json()["total"] == 3


@pytest.mark.parametrize("params", [
    {"event": "HUG"}, {"quad": "friendly"}, {"limit": 0}, {"limit": 100_000}, {"offset": -1},
    {"date_from": "yesterday"}, {"date_from": "2016-01-01", "date_to": "2015-01-01"},
    {"sort": "evil; DROP TABLE events"}, {"country": "Germany"}, {"q": "x" * 500},
])
def test_bad_query_parameters_are_422(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422, params
    assert "detail" in response.json()


def test_event_article_aggregates_network_dyad_map(client):
    event = client.get("/api/events/moskau-washington:0").json()
    assert event["event"] == "CONSULT" and event["score"] == 4.0 and event["quad"] == "verbal_cooperation"
    assert event["article"]["title"] == "Moskau und Washington sprechen wieder"
    assert event["evidence_context"][0]["text"] == event["evidence"][0]["text"]
    assert client.get("/api/events/nope:1").status_code == 404
    article = client.get("/api/articles/aleppo-angriff").json()
    text = article["text"]
    for e in article["events"]:
        for span in e["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]
    assert client.get("/api/articles/nope").status_code == 404
    agg = client.get("/api/aggregates", params={"by": ["time", "quad"], "period": "month"}).json()
    assert sum(r["count"] for r in agg["items"]) == 7
    assert client.get("/api/aggregates", params={"by": "dyad"}).json()["items"][0]["count"] == 2
    assert client.get("/api/aggregates", params={"by": "nonsense"}).status_code == 422
    net = client.get("/api/network").json()
    assert {n["id"] for n in net["nodes"]} == {"RUS", "USA", "SYR", "TUR", "DEU", "LBN"}
    dyad = client.get("/api/dyad", params={"a": "RUS", "b": "USA", "period": "week"}).json()
    assert dyad["total"] == 3
    assert client.get("/api/dyad", params={"a": "rus", "b": "USA"}).status_code == 422
    assert len(client.get("/api/map").json()["points"]) == 4
    assert client.get("/api/actors", params={"q": "lavrov"}).json()[0]["code"] == "RUS"


def test_corrections_need_the_token_and_persist(client, db):
    body = {"action": "change", "author": "ana", "note": "it was an arrest",
            "changes": {"event": "COERCE", "mode": "arrest", "recipient": [{"code": "SYR", "sector": "REB"}]}}
    url = "/api/events/aleppo-angriff:0/corrections"
    assert client.post(url, json=body).status_code == 401
    assert client.post(url, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    response = client.post(url, json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["correction"]["previous"]["event"] == "ASSAULT"
    assert result["event"]["event"] == "COERCE" and result["event"]["status"] == "corrected"
    assert result["event"]["coded"]["event"] == "ASSAULT"
    # reviewed and coded views
    assert client.get("/api/events/aleppo-angriff:0").json()["score"] == -7.0
    assert client.get("/api/events/aleppo-angriff:0", params={"reviewed": False}).json()["event"] == "ASSAULT"
    assert client.get("/api/events", params={"event": "COERCE"}).json()["total"] == 1
    assert client.get("/api/events", params={"event": "COERCE", "reviewed": False}).json()["total"] == 0
    assert client.post("/api/events/aleppo-angriff:1/corrections", json={"action": "reject", "author": "ana"},
                       headers={"X-Write-Token": TOKEN}).status_code == 201
    log = client.get("/api/events/aleppo-angriff:0/corrections").json()
    assert log[0]["author"] == "ana" and log[0]["note"] == "it was an arrest"
    client.app.state.store.close()
    with Store(db) as store:       # on disk
        assert store.count("corrections") == 2
        assert store.events_of("aleppo-angriff")[0]["event"] == "ASSAULT"


@pytest.mark.parametrize("body, status", [
    ({"action": "change", "author": "a", "changes": {"event": "HUG"}}, 422),
    ({"action": "change", "author": "a", "changes": {"mode": "arrest"}}, 422),       # not a CONSULT mode
    ({"action": "change", "author": "a", "changes": {}}, 422),
    ({"action": "change", "author": "a", "changes": {"confidence": 1}}, 422),
    ({"action": "confirm", "author": ""}, 422),
    ({"action": "undo", "author": "a"}, 422),
    ({"action": "confirm", "author": "a", "sql": "DROP TABLE events"}, 422),
    ({"action": "change", "author": "a", "changes": {"actor": [{"code": "RUS"}] * 11}}, 422),
])
def test_bad_corrections_are_422_and_store_nothing(client, body, status):
    response = client.post("/api/events/moskau-washington:0/corrections", json=body, headers=AUTH)
    assert response.status_code == status, response.text
    assert client.get("/api/events/moskau-washington:0/corrections").json() == []


def test_unknown_event_correction_is_404(client):
    response = client.post("/api/events/nope:0/corrections", json={"action": "confirm", "author": "a"},
                           headers=AUTH)
    assert response.status_code == 404


def test_request_body_size_is_limited(client):
    big = {"action": "confirm", "author": "a", "note": "x" * 100_000}
    response = client.post("/api/events/moskau-washington:0/corrections", json=big, headers=AUTH)
    assert response.status_code == 413


def test_read_only_server_refuses_writes(readonly):
    assert readonly.get("/api/meta").json()["writable"] is False
    response = readonly.post("/api/events/moskau-washington:0/corrections",
                             json={"action": "confirm", "author": "a"}, headers=AUTH)
    assert response.status_code == 403 and "read-only" in response.json()["detail"]


def test_exports_with_and_without_corrections(client):
    client.post("/api/events/aleppo-angriff:1/corrections", json={"action": "reject", "author": "a"}, headers=AUTH)
    csv_text = client.get("/api/export", params={"format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("id,article_id,published,event")
    assert len(csv_text.strip().splitlines()) == 8
    reviewed = client.get("/api/export", params={"format": "csv", "with_corrections": True})
    assert len(reviewed.text.strip().splitlines()) == 7          # the rejected event is left out
    assert "attachment" in reviewed.headers["content-disposition"]
    table = pq.read_table(io.BytesIO(client.get("/api/export", params={"format": "parquet", "event": "ASSAULT"}).content))
    assert table.num_rows == 1 and table.column("actor_codes").to_pylist() == [["RUS"]]
    records = json.loads(client.get("/api/export", params={"format": "json", "limit": 2}).text)
    assert len(records) == 2 and {"doc_id", "event", "quad", "actor", "evidence", "score"} <= set(records[0])
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 422


def test_real_server_binds_localhost(db):
    app = create_app(db)
    with BackgroundServer(app) as url:
        assert url.startswith("http://127.0.0.1:")
        response = httpx.get(url + "/api/events", params={"limit": 2})
        assert response.status_code == 200 and response.json()["total"] == 7
    app.state.store.close()


def test_serve_command_binds_localhost_and_reads_the_token_from_the_environment(db, monkeypatch):
    import uvicorn

    from lagebild.cli import main
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    monkeypatch.setenv("LAGEBILD_WRITE_TOKEN", "from-env")
    assert main(["serve", "--db", str(db)]) == 0
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    with TestClient(seen["app"]) as c:
        assert c.get("/api/meta").json()["writable"] is True
        ok = c.post("/api/events/moskau-washington:0/corrections", json={"action": "confirm", "author": "a"},
                    headers={"Authorization": "Bearer from-env"})
        assert ok.status_code == 201
    seen["app"].state.store.close()


def test_bundled_sample_corpus_ingests_and_serves(tmp_path):
    from pathlib import Path

    from lagebild.cli import main
    samples = Path(__file__).resolve().parent.parent / "samples" / "articles.jsonl"
    db = tmp_path / "samples.duckdb"
    assert main(["ingest", str(samples), "--db", str(db)]) == 0
    app = create_app(db)
    with TestClient(app) as c:
        assert c.get("/api/articles").json()["total"] == 10
        assert c.get("/api/events").json()["total"] >= 20
        assert c.get("/api/network").json()["edges"]
    app.state.store.close()
