"""The ``lagebild`` command line: extract, ingest, dedup, eval, serve, export.

Routes stay thin: every command reads its inputs with ``lagebild.ingest``, codes them
with ``lagebild.events.EventCoder`` and hands the records on.  An input that cannot be
read is reported on stderr (naming the file and line) and skipped; the exit status is
1 when anything was skipped, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


from lagebild import __version__
from lagebild.ingest import READERS, ReadError, read_inputs, read_text


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:     # "lagebild extract … | head" is fine
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lagebild", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"lagebild {__version__}")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    extract = sub.add_parser("extract", help="code articles and print their events")
    extract.add_argument("inputs", nargs="+", metavar="FILE|DIR|-",
                         help="text, HTML or JSONL files, directories of them, or - for stdin")
    extract.add_argument("--reader", choices=sorted(READERS), help="force a reader (default: detect)")
    extract.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    extract.add_argument("--quotes", action="store_true",
                         help='also print quotation records ({"record": "quote", …})')
    extract.set_defaults(run=_extract)

    ingest = sub.add_parser("ingest", help="code articles and store them with their events")
    ingest.add_argument("inputs", nargs="+", metavar="PATH")
    ingest.add_argument("--db", required=True, help="DuckDB file (created if missing)")
    ingest.add_argument("--reader", choices=sorted(READERS))
    ingest.add_argument("--engine", choices=("serial", "dask"), default="serial",
                        help="serial (default): this process; dask: partitions on a Dask cluster")
    ingest.add_argument("--scheduler", metavar="ADDRESS",
                        help="an existing Dask scheduler (default: start a local cluster)")
    ingest.add_argument("--workers", type=int, default=2, help="local Dask worker processes (default 2)")
    ingest.add_argument("--ids", choices=("doc", "content"), default="doc",
                        help="article ids: document ids (default) or content hashes of the text")
    ingest.add_argument("--batch-size", type=int, default=32,
                        help="articles per transaction and checkpoint (serial engine)")
    ingest.add_argument("--partition-size", type=int, default=50,
                        help="JSONL lines (or files) per Dask partition")
    ingest.add_argument("--parquet", metavar="DIR",
                        help="Parquet output of the dask engine (default: DB.parquet/)")
    ingest.set_defaults(run=_ingest)

    dedup = sub.add_parser("dedup", help="cluster the reports of one event across articles")
    dedup.add_argument("--db", required=True, help="DuckDB store")
    dedup.add_argument("--window-days", type=int, default=3,
                       help="largest gap in days between reports of one event (default 3)")
    dedup.add_argument("--min-articles", type=int, default=1,
                       help="print clusters with at least this many articles (default 1)")
    dedup.set_defaults(run=_dedup)

    evaluate = sub.add_parser("eval", help="score coded events against gold (docs/events.md §8)")
    evaluate.add_argument("--gold", required=True, type=Path, help="folder of gold JSON files")
    evaluate.add_argument("--pred", type=Path, help="JSONL predictions (default: code the gold texts)")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--errors", action="store_true",
                          help="also list misses and false alarms per document (L1)")
    evaluate.set_defaults(run=_eval)

    serve = sub.add_parser("serve", help="start the analyst workbench (HTTP API and web UI)")
    serve.add_argument("--db", required=True, help="DuckDB store (created if missing)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: localhost only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--write-token", default=None,
                       help="token that allows corrections (default: $LAGEBILD_WRITE_TOKEN; "
                            "without one the server is read-only)")
    serve.set_defaults(run=_serve)

    export = sub.add_parser("export", help="export stored events as CSV, Parquet or PLOVER JSON")
    export.add_argument("--db", required=True, help="DuckDB store")
    export.add_argument("--format", choices=("csv", "parquet", "json", "jsonl"), default="csv")
    export.add_argument("--with-corrections", action="store_true",
                        help="apply analyst corrections and leave rejected events out")
    export.add_argument("-o", "--output", required=True, help="output file (- for stdout)")
    export.set_defaults(run=_export)
    return parser


def _report(error: ReadError) -> None:
    print(f"lagebild: skipped {error}", file=sys.stderr)


def _coder():
    from lagebild.events.coder import EventCoder    # loads the pipeline: only when needed
    return EventCoder.load()


def _code(coder, article, with_quotes: bool = False):
    """Code one article; a failure is reported as that article's error, not a crash."""
    try:
        return coder.analyse(article) if with_quotes else coder.code(article)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
        return ReadError(article.origin or article.id, f"coding failed: {type(exc).__name__}: {exc}")


def _extract(args) -> int:
    coder = _coder()
    failures = 0
    collected = []
    for item in read_inputs(args.inputs, reader=args.reader):
        if isinstance(item, ReadError):
            _report(item)
            failures += 1
            continue
        result = _code(coder, item, with_quotes=args.quotes)
        if isinstance(result, ReadError):
            _report(result)
            failures += 1
            continue
        events, quotes = result if args.quotes else (result, [])
        records = [e.to_dict() for e in events] + [q.to_dict() for q in quotes]
        if args.format == "jsonl":
            for record in records:
                print(json.dumps(record, ensure_ascii=False), flush=False)
        elif args.format == "json":
            collected.extend(records)
        else:
            print(_table(item.id, events))
    if args.format == "json":
        print(json.dumps(collected, ensure_ascii=False, indent=1))
    return 1 if failures else 0


def _table(doc_id: str, events) -> str:
    lines = [f"== {doc_id}: {len(events)} events"]
    for e in events:
        actor = "+".join(x.code or "?" for x in e.actor) or "-"
        recipient = "+".join(x.code or "?" for x in e.recipient) or "-"
        evidence = e.evidence[0].text if e.evidence else ""
        lines.append(f"{e.event:<10} {e.mode or '':<12} {e.aux or '':<12} {actor:>9} -> {recipient:<9} "
                     f"{e.date or '':<10}  {evidence[:70]}")
    return "\n".join(lines)


def _ingest(args) -> int:
    from lagebild import batch
    from lagebild.store import Store
    try:
        if args.engine == "dask":
            summary = batch.ingest_dask(args.inputs, args.db, reader=args.reader, ids=args.ids,
                                        workers=args.workers, scheduler=args.scheduler,
                                        parquet_dir=args.parquet, partition_size=args.partition_size,
                                        report=_report)
        else:
            summary = batch.ingest_serial(args.inputs, args.db, reader=args.reader, ids=args.ids,
                                          batch_size=args.batch_size, coder=_coder(), report=_report)
    except ValueError as err:
        print(f"lagebild: {err}", file=sys.stderr)
        return 2
    with Store(args.db, read_only=True) as store:
        resumed = f", {summary.resumed} done before an interruption" if summary.resumed else ""
        print(f"lagebild: stored {summary.stored} articles, {summary.unchanged} unchanged, "
              f"{summary.failures} skipped{resumed}; "
              f"{store.count('articles')} articles and {store.count('events')} events in {args.db}",
              file=sys.stderr)
    return 1 if summary.failures else 0


def _dedup(args) -> int:
    from lagebild.dedup import DedupConfig, cluster_store
    from lagebild.store import Store
    if not Path(args.db).exists():
        print(f"lagebild: no store {args.db}", file=sys.stderr)
        return 2
    with Store(args.db) as store:
        clusters = cluster_store(store, DedupConfig(window_days=args.window_days))
    shown = [c for c in clusters if c.n_articles >= args.min_articles]
    for c in shown:
        print(json.dumps(c.to_dict(), ensure_ascii=False, default=str))
    multi = sum(1 for c in clusters if c.n_articles > 1)
    print(f"lagebild: {sum(c.n_reports for c in clusters)} events in {len(clusters)} clusters, "
          f"{multi} reported by more than one article; table event_clusters in {args.db}",
          file=sys.stderr)
    return 0


def _eval(args) -> int:
    from lagebild.evaluate import format_errors, format_report, load_gold, read_predictions, score
    gold = load_gold(args.gold)
    if args.pred:
        predictions = read_predictions(args.pred, gold)
    else:
        coder = _coder()
        predictions = {}
        for doc in gold:
            article = read_text(doc.text, doc.doc_id, origin=str(doc.path))
            article.published = doc.published
            predictions[doc.doc_id] = coder.code(article)
    from lagebild.evaluate_actors import format_actor_report, score_actors
    from lagebild.evaluate_places import format_place_report, score_places
    report = score(gold, predictions)
    actors = score_actors(gold, predictions)
    places = score_places(gold, predictions)
    if args.json:
        print(json.dumps({**report.to_dict(), "actors": actors.to_dict(), "places": places.to_dict()},
                         indent=1))
    else:
        print(format_report(report))
        print()
        print(format_actor_report(actors))
        print(format_place_report(places))
    if args.errors:
        print(format_errors(gold, predictions))
    return 0


def _serve(args) -> int:
    import os

    import uvicorn

    from lagebild.server import create_app
    token = args.write_token or os.environ.get("LAGEBILD_WRITE_TOKEN") or None
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"lagebild: warning: serving on {args.host}, reachable from other machines", file=sys.stderr)
    print(f"lagebild: workbench on http://{args.host}:{args.port}/ "
          f"({'corrections allowed with the write token' if token else 'read-only'})", file=sys.stderr)
    uvicorn.run(create_app(args.db, write_token=token), host=args.host, port=args.port,
                log_level="warning", limit_concurrency=64, timeout_keep_alive=5)
    return 0


def _export(args) -> int:
    from lagebild.export import export
    from lagebild.store import Store
    if not Path(args.db).exists():
        print(f"lagebild: no store {args.db}", file=sys.stderr)
        return 2
    with Store(args.db) as store:
        if args.output == "-":
            count = export(store.cursor(), args.format, sys.stdout.buffer,
                           with_corrections=args.with_corrections)
            sys.stdout.buffer.flush()
        else:
            with open(args.output, "wb") as out:
                count = export(store.cursor(), args.format, out, with_corrections=args.with_corrections)
    print(f"lagebild: exported {count} events to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
