import csv
import json

import pyarrow.parquet as pq
import pytest
import workbench_store

from lagebild.cli import main
from lagebild.store import Store


@pytest.fixture()
def db(tmp_path):
    path = workbench_store.build(tmp_path / "wb.duckdb")
    with Store(path) as store:
        store.correct("aleppo-angriff:0", "change", {"event": "COERCE"}, "ana")
        store.correct("berlin-hilfe:1", "reject", author="ana")
    return path


def test_cli_exports_csv_parquet_json_with_and_without_corrections(db, tmp_path):
    out = tmp_path / "events.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 7 and {r["event"] for r in rows} >= {"ASSAULT", "SUPPORT"}
    consult = next(r for r in rows if r["event"] == "CONSULT")
    assert consult["actor_codes"] == "RUS" and consult["actor_names"] == "Sergey Lavrov"
    assert consult["score"] == "4.0" and consult["location_name"] == "Washington"

    assert main(["export", "--db", str(db), "--format", "csv", "--with-corrections", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 6 and "ASSAULT" not in {r["event"] for r in rows}
    assert next(r for r in rows if r["event"] == "COERCE")["status"] == "corrected"

    parquet = tmp_path / "events.parquet"
    assert main(["export", "--db", str(db), "--format", "parquet", "-o", str(parquet)]) == 0
    table = pq.read_table(parquet)
    assert table.num_rows == 7 and "evidence" in table.column_names

    plover = tmp_path / "events.json"
    assert main(["export", "--db", str(db), "--format", "json", "--with-corrections", "-o", str(plover)]) == 0
    records = json.loads(plover.read_text(encoding="utf-8"))
    assert len(records) == 6
    first = records[0]
    assert first["doc_id"] == "aleppo-angriff" and first["event"] == "COERCE" and first["quad"] == "material_conflict"
    assert first["evidence"][0]["text"].startswith("Russische Kampfflugzeuge")


def test_cli_export_of_a_missing_store_is_a_usage_error(tmp_path, capsys):
    assert main(["export", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "x.csv")]) == 2
    assert "no store" in capsys.readouterr().err
