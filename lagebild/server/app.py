"""The workbench's FastAPI application: routes only; the work is done by the library.

    app = create_app("store.duckdb", write_token=None)     # read-only
    uvicorn.run(app, host="127.0.0.1", port=8000)

Read routes (``GET /api/...``) answer from ``lagebild.queries``; exports come from
``lagebild.export``; corrections go through ``Store.correct`` and need the write token
(``Authorization: Bearer TOKEN`` or ``X-Write-Token: TOKEN``).  Without a configured
token the store is opened read-only and every write is refused with 403.
The OpenAPI schema is at ``/openapi.json``; the UI is at ``/``.
"""


import io
import threading
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from lagebild import __version__, queries
from lagebild.export import FORMATS, MEDIA_TYPES, export
from lagebild.labels import labels
from lagebild.records import AUX_MODES, EVENT_MODES, EVENT_QUADS, EVENT_TYPES, SECTORS
from lagebild.review import ACTIONS
from lagebild.scores import score_table
from lagebild.server.security import BodyLimit, SecurityHeaders, check_token
from lagebild.store import Store

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = 64 * 1024
MAX_EXPORT = 1_000_000
QUADS = tuple(dict.fromkeys(EVENT_QUADS.values()))
AUX_FILTER = ("asserted",) + tuple(a for a in AUX_MODES if a)

EventType = Literal[EVENT_TYPES]
Quad = Literal[QUADS]
Aux = Literal[AUX_FILTER]
Status = Literal[queries.STATUSES]
Period = Literal[queries.PERIODS]
Sort = Literal[tuple(queries.SORTS)]
Group = Literal[("time", "dyad") + tuple(queries.GROUPS)]
Text = Annotated[str | None, Query(max_length=200)]
Code = Annotated[str, Query(pattern=r"^[A-Z]{3}$", description="actor code, e.g. RUS")]


# -- request bodies ---------------------------------------------------------------------
class EntityIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO3 or PLOVER code")
    sector: Literal[SECTORS] | None = None
    name: str | None = Field(None, max_length=200)


class LocationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")


class ChangesIn(BaseModel):
    """Fields to change; a field left out stays as it is, null clears it."""
    model_config = ConfigDict(extra="forbid")
    event: EventType | None = None
    mode: str | None = Field(None, max_length=40, pattern=r"^[a-z-]+$")
    aux: Literal[tuple(a for a in AUX_MODES if a)] | None = None
    actor: list[EntityIn] | None = Field(None, max_length=10)
    recipient: list[EntityIn] | None = Field(None, max_length=10)
    date: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    location: LocationIn | None = None


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal[ACTIONS]
    changes: ChangesIn | None = None
    author: str = Field(min_length=1, max_length=100)
    note: str | None = Field(None, max_length=2000)


# -- the application --------------------------------------------------------------------
def create_app(db: str | Path, write_token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    db = Path(db)
    Store(db).close()                          # create or migrate the store first
    store = Store(db, read_only=not write_token)
    write_lock = threading.Lock()
    app = FastAPI(title="lagebild workbench", version=__version__, docs_url=None, redoc_url=None,
                  description="Explore, review and export the PLOVER events of a lagebild store.")
    app.state.store = store
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)

    def cursor() -> Iterator[Any]:
        cur = store.cursor()
        try:
            yield cur
        finally:
            cur.close()

    Cursor = Annotated[Any, Depends(cursor)]

    def event_filter(
        event: Annotated[list[EventType], Query(description="PLOVER type(s)")] = [],
        quad: Annotated[list[Quad], Query()] = [],
        mode: Annotated[list[Annotated[str, Query(max_length=40)]], Query()] = [],
        aux: Annotated[list[Aux], Query(description="asserted = no aux mode")] = [],
        status: Annotated[list[Status], Query()] = [],
        actor: Text = None, recipient: Text = None,
        party: Annotated[str | None, Query(max_length=200, description="actor or recipient")] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 of the location")] = None,
        location: Text = None,
        date_from: date | None = None, date_to: date | None = None,
        q: Annotated[str | None, Query(max_length=200, description="words in the article or evidence")] = None,
        article_id: Text = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        reviewed: Annotated[bool, Query(description="apply analyst corrections")] = True,
    ) -> queries.EventFilter:
        if date_from and date_to and date_from > date_to:
            raise HTTPException(422, "date_from is after date_to")
        return queries.EventFilter(event=event, quad=quad, mode=mode, aux=aux, status=status,
                                   actor=actor, recipient=recipient, party=party, country=country,
                                   location=location, date_from=date_from, date_to=date_to, q=q,
                                   article_id=article_id, min_confidence=min_confidence,
                                   reviewed=reviewed)

    Filter = Annotated[queries.EventFilter, Depends(event_filter)]
    Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)]
    Offset = Annotated[int, Query(ge=0, le=10_000_000)]

    def writer(authorization: Annotated[str | None, Header()] = None,
               x_write_token: Annotated[str | None, Header()] = None) -> None:
        refused = check_token(write_token, authorization, x_write_token)
        if refused == 403:
            raise HTTPException(403, "read-only server: start it with --write-token or "
                                     "LAGEBILD_WRITE_TOKEN to allow corrections")
        if refused == 401:
            raise HTTPException(401, "write token missing or wrong",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    # -- UI ------------------------------------------------------------------------
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    # -- reading -------------------------------------------------------------------
    @app.get("/api/meta", tags=["meta"], summary="Vocabulary, labels, scores, store summary")
    def meta(cur: Cursor) -> dict:
        return {"version": __version__, "writable": bool(write_token), "types": list(EVENT_TYPES),
                "quads": list(QUADS), "type_quad": EVENT_QUADS,
                "modes": {t: list(EVENT_MODES.get(t, ())) for t in EVENT_TYPES},
                "aux": list(AUX_FILTER), "sectors": list(SECTORS), "statuses": list(queries.STATUSES),
                "labels": labels(),
                "scores": {f"{e}:{m}" if m else e: s for (e, m), s in score_table().items()},
                "summary": queries.summary(cur)}

    @app.get("/api/events", tags=["events"], summary="List and filter events (paginated)")
    def list_events(cur: Cursor, f: Filter, limit: Limit = 50, offset: Offset = 0,
                    sort: Sort = "-day") -> dict:
        return queries.list_events(cur, f, limit, offset, sort)

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its evidence in context")
    def get_event(cur: Cursor, event_id: str, reviewed: bool = True) -> dict:
        event = queries.get_event(cur, event_id, reviewed)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return event

    @app.get("/api/events/{event_id}/corrections", tags=["review"], summary="Corrections of an event")
    def get_corrections(cur: Cursor, event_id: str) -> list[dict]:
        return queries.corrections(cur, event_id)

    @app.get("/api/articles", tags=["articles"], summary="List articles (paginated)")
    def list_articles(cur: Cursor, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
        return queries.list_articles(cur, q, limit, offset)

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article with its blocks and all its events (evidence spans)")
    def get_article(cur: Cursor, article_id: str, reviewed: bool = True) -> dict:
        article = queries.get_article(cur, article_id, reviewed)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return article

    @app.get("/api/aggregates", tags=["aggregates"],
             summary="Event counts and PLOVER score sums by time, type, quad, dyad, ...")
    def aggregates(cur: Cursor, f: Filter, by: Annotated[list[Group], Query()] = ["time"],
                   period: Period = "day",
                   limit: Annotated[int, Query(ge=1, le=queries.MAX_GROUPS)] = 1000) -> dict:
        return queries.counts(cur, f, by, period, limit)

    @app.get("/api/network", tags=["aggregates"],
             summary="Actor network: dyads with counts and cooperation/conflict balance")
    def network(cur: Cursor, f: Filter, limit: Annotated[int, Query(ge=1, le=2000)] = 200,
                min_count: Annotated[int, Query(ge=1)] = 1) -> dict:
        return queries.network(cur, f, limit, min_count)

    @app.get("/api/dyad", tags=["aggregates"],
             summary="Two actors: events and net PLOVER score per period")
    def dyad(cur: Cursor, f: Filter, a: Code, b: Code, period: Period = "week") -> dict:
        return queries.dyad(cur, f, a, b, period)

    @app.get("/api/map", tags=["aggregates"], summary="Event locations with counts and coordinates")
    def map_points(cur: Cursor, f: Filter,
                   limit: Annotated[int, Query(ge=1, le=queries.MAX_GROUPS)] = 2000) -> dict:
        return queries.map_points(cur, f, limit)

    @app.get("/api/actors", tags=["aggregates"], summary="Actor codes with event counts and names")
    def actors(cur: Cursor, q: Text = None, limit: Limit = 50) -> list[dict]:
        return queries.actors(cur, q, limit)

    @app.get("/api/export", tags=["export"], summary="Export events as CSV, Parquet or PLOVER JSON",
             response_class=Response)
    def export_events(cur: Cursor, f: Filter, format: Literal[FORMATS] = "csv",
                      with_corrections: bool = False,
                      limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = MAX_EXPORT) -> Response:
        out = io.BytesIO()
        export(cur, format, out, f, with_corrections, limit)
        suffix = "_reviewed" if with_corrections else ""
        return Response(out.getvalue(), media_type=MEDIA_TYPES[format], headers={
            "Content-Disposition": f'attachment; filename="events{suffix}.{format}"'})

    # -- writing -------------------------------------------------------------------
    @app.post("/api/events/{event_id}/corrections", tags=["review"], status_code=201,
              dependencies=[Depends(writer)],
              summary="Confirm, change or reject an event (needs the write token)")
    def correct(cur: Cursor, event_id: str, body: CorrectionIn) -> dict:
        changes = body.changes.model_dump(exclude_unset=True) if body.changes else {}
        with write_lock:
            try:
                correction = store.correct(event_id, body.action, changes, body.author, body.note)
            except KeyError:
                raise HTTPException(404, f"no event {event_id!r}") from None
        return {"correction": correction.to_dict(), "event": queries.get_event(cur, event_id)}

    return app
