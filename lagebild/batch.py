"""Crash-safe, exactly-once ingest of article collections: one process or a Dask cluster.

Inputs are cut into *partitions* (a file; for JSONL, a range of lines; for a directory,
its files) and every partition into *batches*.  Each batch is written to the store in
one DuckDB transaction together with its rejects and the checkpoint that says how far
the partition is done (``Store.write_batch``), so a process killed at any moment (even
``kill -9`` inside a commit) leaves the store at a batch boundary, and running the same
command again resumes the unfinished *run* (same inputs, sizes and modification times,
reader, ids and engine) where its last commit stopped: no article is lost or stored
twice, no reject recorded twice.  A finished run is forgotten: running it again is a new
run (unchanged articles are skipped, rejects recorded again, as before).

* ``ingest_serial``  the default: read, code and commit in this process;
* ``ingest_dask``    partitions coded on a Dask cluster (``LocalCluster`` of processes
  with one thread each, or an existing scheduler), the coder loaded once per worker
  process; each partition is written as Parquet partitioned by publication month
  (``PARQUET/{articles,events,entities,quotes}/month=YYYY-MM/<partition>.parquet``,
  ``PARQUET/rejects/<partition>.parquet``), then loaded into the store in input order,
  one transaction per partition.  DuckDB reads the Parquet directly, e.g.
  ``SELECT * FROM read_parquet('PARQUET/events/*/*.parquet', hive_partitioning=true)``.

Article ids are the documents' ids (``--ids doc``, default) or content hashes of their
text (``--ids content``: ``h`` + 24 hex digits of SHA-256), which also merges copies of
one text published under several names.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from lagebild.ingest import ReadError
from lagebild.ingest.files import article_files, iter_path
from lagebild.records import Article

ID_MODES = ("doc", "content")
TABLES = ("articles", "events", "entities", "quotes")


@dataclass
class Summary:
    stored: int = 0          # articles written
    unchanged: int = 0       # stored already with the same text
    failures: int = 0        # rejects (unreadable or failed coding)
    resumed: int = 0         # items skipped because an interrupted run had committed them
    items: int = 0           # articles and errors read
    words: int = 0           # words of the articles coded
    seconds: float = 0.0
    workers: dict[str, float] = field(default_factory=dict)   # worker -> peak RSS (MiB)


# -- partitions ------------------------------------------------------------------------
def partitions_of(inputs: list[str]) -> list[str]:
    """The input files in order (directories expanded like ``read_inputs`` does); a
    path that is not a directory with article files stays as it is (its reader reports it)."""
    out = []
    for item in inputs:
        path = Path(item)
        files = article_files(path) if str(item) != "-" and path.is_dir() else []
        out.extend(str(f) for f in files) if files else out.append(str(item))
    return out


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith((".jsonl", ".jsonl.gz"))


def _open(path: str):
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def count_lines(path: str) -> int:
    try:
        with _open(path) as fh:
            return sum(1 for _ in fh)
    except OSError:
        return 1


def estimate_items(path: str) -> int:
    """About how many articles a partition holds (for the progress bar's ETA)."""
    if _is_jsonl(path) and os.path.isfile(path):
        try:
            with _open(path) as fh:
                return max(1, sum(1 for line in fh if line.strip()))
        except OSError:
            return 1
    return 1


def run_key(partitions: list[str], reader: str | None, ids: str, engine: str) -> str:
    """What makes a run the same run: inputs with size and mtime, reader, ids, engine."""
    sig = []
    for part in partitions:
        try:
            st = os.stat(part)
            sig.append([part, st.st_size, st.st_mtime_ns])
        except OSError:
            sig.append([part, None, None])
    raw = json.dumps([sig, reader, ids, engine])
    return hashlib.sha256(raw.encode()).hexdigest()


def with_id(article: Article, ids: str) -> Article:
    if ids == "content":
        article.id = "h" + hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:24]
    return article


def _code(coder, article: Article):
    try:
        return coder.analyse(article)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
        return ReadError(article.origin or article.id, f"coding failed: {type(exc).__name__}: {exc}")


def _words(text: str) -> int:
    return len(text.split())


# -- one process -----------------------------------------------------------------------
def ingest_serial(inputs: list[str], db: str, reader: str | None = None, ids: str = "doc",
                  batch_size: int = 32, coder=None, report: Callable[[ReadError], None] | None = None,
                  progress: bool = True) -> Summary:
    from lagebild.store import Store, batch_rows
    if coder is None:
        from lagebild.events.coder import EventCoder
        coder = EventCoder.load()
    report = report or (lambda e: None)
    parts = partitions_of(inputs)
    summary = Summary()
    start = time.perf_counter()
    with Store(db) as store:
        resumable = "-" not in parts
        run_id, done = store.open_run(run_key(parts, reader, ids, "serial")) if resumable else (None, {})
        total = sum(estimate_items(p) for p in parts)
        bar = tqdm(total=total, unit=" articles", desc="ingest", file=sys.stderr, disable=not progress,
                   smoothing=0.1)
        for part in parts:
            skip = done.get(part, 0)
            position = 0
            batch: list[tuple] = []
            rejects: list[tuple[str, str]] = []

            def flush(final: bool = False) -> None:
                if not batch and not rejects and not final and position == skip:
                    return
                checkpoint = (run_id, part, position) if run_id else None
                tables = batch_rows(batch) if batch else {}
                summary.stored += store.write_batch(tables, rejects, checkpoint)
                batch.clear()
                rejects.clear()

            for item in iter_path(part, reader):
                position += 1
                summary.items += 1
                bar.update(1)
                if position <= skip:
                    summary.resumed += 1
                    continue
                if isinstance(item, ReadError):
                    report(item)
                    rejects.append((item.origin, item.problem))
                    summary.failures += 1
                else:
                    with_id(item, ids)
                    if store.has_article(item):
                        summary.unchanged += 1
                    else:
                        result = _code(coder, item)
                        if isinstance(result, ReadError):
                            report(result)
                            rejects.append((result.origin, result.problem))
                            summary.failures += 1
                        else:
                            summary.words += _words(item.text)
                            batch.append((item, *result))
                if position % batch_size == 0:
                    flush()
            if position > skip:
                flush(final=True)
        bar.close()
        if run_id:
            store.finish_run(run_id)
    summary.seconds = time.perf_counter() - start
    summary.workers["main"] = _peak_mib()
    return summary


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- Dask ------------------------------------------------------------------------------
def dask_partitions(parts: list[str], partition_size: int = 50) -> list[dict[str, Any]]:
    """Work units: JSONL files cut into ranges of ``partition_size`` lines; other files
    grouped ``partition_size`` at a time (keeping input order)."""
    specs: list[dict[str, Any]] = []
    group: list[str] = []

    def close_group() -> None:
        if group:
            specs.append({"paths": list(group), "start": None, "stop": None})
            group.clear()

    for part in parts:
        if _is_jsonl(part) and os.path.isfile(part):
            close_group()
            lines = count_lines(part)
            for start in range(0, max(lines, 1), partition_size):
                specs.append({"paths": [part], "start": start, "stop": start + partition_size,
                              "estimate": min(partition_size, lines - start)})
        else:
            group.append(part)
            if len(group) >= partition_size:
                close_group()
    close_group()
    for spec in specs:
        digest = hashlib.sha1("\n".join(spec["paths"]).encode()).hexdigest()[:12]
        spec["id"] = f"{digest}-{spec['start'] or 0:08d}"
        spec.setdefault("estimate", len(spec["paths"]))
    return specs


def _spec_items(spec: dict[str, Any], reader: str | None) -> Iterator[Article | ReadError]:
    if spec["start"] is None:
        for path in spec["paths"]:
            yield from iter_path(path, reader)
        return
    from lagebild.ingest.jsonl import iter_jsonl
    path, start, stop = spec["paths"][0], spec["start"], spec["stop"]
    try:
        with _open(path) as fh:
            lines = list(itertools.islice(fh, start, stop))
    except OSError as err:
        yield ReadError(path, f"cannot read: {err.strerror or err}")
        return
    # Blank lines in front keep the line numbers of origins ("file.jsonl:123") right.
    inner = None if reader == "jsonl" else reader
    for item in iter_jsonl(itertools.chain([b"\n"] * start, lines), path, inner):
        if start and isinstance(item, ReadError) and item.problem.startswith("empty"):
            continue
        yield item


_WORKER_CODER = None


def _worker_coder():
    """The coder, loaded once per worker process."""
    global _WORKER_CODER
    if _WORKER_CODER is None:
        from lagebild.events.coder import EventCoder
        _WORKER_CODER = EventCoder.load()
    return _WORKER_CODER


def _month(published) -> str:
    return published.strftime("%Y-%m") if published else "unknown"


def code_partition(spec: dict[str, Any], reader: str | None, ids: str, out_dir: str) -> dict[str, Any]:
    """Worker task: code one partition, write its rows as Parquet by publication month."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from lagebild.store import batch_rows
    started = time.perf_counter()
    coder = _worker_coder()
    coded, rejects, items, words = [], [], 0, 0
    for item in _spec_items(spec, reader):
        items += 1
        if isinstance(item, ReadError):
            rejects.append((item.origin, item.problem))
            continue
        with_id(item, ids)
        result = _code(coder, item)
        if isinstance(result, ReadError):
            rejects.append((result.origin, result.problem))
            continue
        words += _words(item.text)
        coded.append((item, *result))
    tables = batch_rows(coded)
    months = {a.id: _month(a.published) for a, *_ in coded}
    files: dict[str, list[str]] = {}
    out = Path(out_dir)
    for name, table in tables.items():
        key = "id" if name == "articles" else "article_id"
        month_col = pa.array([months[i] for i in table[key].to_pylist()], pa.string())
        for month in sorted(set(month_col.to_pylist())):
            part = table.filter(pc.equal(month_col, month))
            files.setdefault(name, []).append(_write_parquet(pq, part, out / name / f"month={month}",
                                                             spec["id"]))
    reject_table = pa.table({"origin": pa.array([r[0] for r in rejects], pa.string()),
                             "problem": pa.array([r[1] for r in rejects], pa.string())})
    files["rejects"] = [_write_parquet(pq, reject_table, out / "rejects", spec["id"])]
    return {"id": spec["id"], "files": files, "items": items, "articles": len(coded),
            "rejects": rejects, "words": words, "seconds": time.perf_counter() - started,
            "worker": f"{os.uname().nodename}:{os.getpid()}", "peak_mib": _peak_mib()}


def _write_parquet(pq, table, folder: Path, name: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.parquet"
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, target)        # a retried task overwrites, never half-writes
    return str(target)


def _read_tables(files: dict[str, list[str]]) -> dict[str, Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq
    return {name: pa.concat_tables([pq.read_table(f, partitioning=None) for f in paths])
            for name, paths in files.items() if name in TABLES and paths}


def ingest_dask(inputs: list[str], db: str, reader: str | None = None, ids: str = "doc",
                workers: int = 2, scheduler: str | None = None, parquet_dir: str | None = None,
                partition_size: int = 50, report: Callable[[ReadError], None] | None = None,
                progress: bool = True) -> Summary:
    from dask.distributed import Client, LocalCluster

    from lagebild.store import Store
    report = report or (lambda e: None)
    parts = partitions_of(inputs)
    if "-" in parts:
        raise ValueError("--engine dask reads files, not stdin")
    out_dir = str(Path(parquet_dir or f"{db}.parquet").resolve())
    specs = dask_partitions(parts, partition_size)
    summary = Summary()
    started = time.perf_counter()
    with Store(db) as store:
        run_id, done = store.open_run(run_key(parts, reader, ids, f"dask:{partition_size}"))
        pending = [s for s in specs if s["id"] not in done]
        summary.resumed = sum(done.values())
        summary.items += summary.resumed
        cluster = None
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
        try:
            bar = tqdm(total=sum(s["estimate"] for s in specs), initial=summary.resumed,
                       unit=" articles", desc="ingest", file=sys.stderr, disable=not progress)
            futures = [client.submit(code_partition, spec, reader, ids, out_dir, key=f"code-{spec['id']}",
                                     pure=False) for spec in pending]
            for future in futures:       # loaded in input order: the same store as one process
                result = future.result()
                for origin, problem in result["rejects"]:
                    report(ReadError(origin, problem))
                written = store.write_batch(_read_tables(result["files"]), result["rejects"],
                                            (run_id, result["id"], result["items"]))
                summary.stored += written
                summary.unchanged += result["articles"] - written
                summary.failures += len(result["rejects"])
                summary.items += result["items"]
                summary.words += result["words"]
                worker = result["worker"]
                summary.workers[worker] = max(summary.workers.get(worker, 0.0), result["peak_mib"])
                bar.update(result["items"])
                future.release()
            bar.close()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        store.finish_run(run_id)
    summary.seconds = time.perf_counter() - started
    return summary
