"""The REST API and the dashboard, one FastAPI application over the event store.

Reads go through ``sitrep.store.review.ReviewedReader`` so every answer shows the analysts' corrections.
Writes (review actions, ingest) need the token (``sitrep.api.security``). JSON answers of the list endpoints
are cached as bytes, keyed by the request and the data's version: the newest article row and the newest review
change. The store only ever adds articles, and every change to its events happens in the transaction that adds
one, so the version changes exactly when an answer could; checking it costs one indexed query.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import threading
import time
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

import anyio
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, aliased
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from sitrep.api.schemas import (
    ArticleDetail,
    ArticleOut,
    ArticlePage,
    CampaignDetail,
    CampaignOut,
    ChangeOut,
    Correction,
    DayCount,
    DistrictCount,
    EditRequest,
    EventDetail,
    EventPage,
    IngestRequest,
    IngestResult,
    JudgeRequest,
    MergeRequest,
    Meta,
    PlaceOut,
    RevertRequest,
    ReviewCounts,
    ReviewInfo,
    ReviewResult,
    SplitRequest,
    Stats,
    TypeCount,
    UndoRequest,
)
from sitrep.api.security import SecurityHeaders, TokenGuard, token_ok
from sitrep.export import FORMATS, SUFFIXES, write_dataset
from sitrep.model import Figure
from sitrep.store.db import WRITE, StoreError, open_engine, reported
from sitrep.store.query import EventFilter, campaign_from_row
from sitrep.store.review import (
    ACCEPTED,
    ACLED_TYPES,
    EDITABLE,
    GTD_ATTACK_TYPES,
    REJECTED,
    EventSummary,
    Filters,
    ReviewChangeEventRow,
    ReviewChangeRow,
    ReviewConflict,
    ReviewedReader,
    ReviewError,
    ReviewNotFound,
    ReviewWriter,
    shown,
)
from sitrep.store.tables import (
    ArticleRow,
    CampaignArticleRow,
    CampaignRow,
    ClaimRow,
    EventArticleRow,
    EventRow,
)

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
MEDIA_TYPES = {
    "acled": "text/csv",
    "ucdp": "text/csv",
    "csv": "text/csv",
    "toll": "text/csv",
    "json": "application/json",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
MAX_PAGE = 1000
# The list endpoints whose answers are cached (the dashboard and API clients ask them over and over).
CACHED_PATHS = frozenset({"/api/events", "/api/stats", "/api/places", "/api/campaigns"})


def _version() -> str:
    try:
        return metadata.version("sitrep")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


# --- the read cache -----------------------------------------------------------------------------------------


class ReadCache:
    """Serialised answers of read endpoints, valid while the data's version is unchanged (module docstring).

    The version is read at most every ``max_age`` seconds (0.1): under load one query serves hundreds of
    requests, and an ingest by another process shows within that time. Writes through this API clear the
    cache at once."""

    def __init__(self, engine: Engine, entries: int = 512, max_age: float = 0.1) -> None:
        self.engine = engine
        self.entries = entries
        self.max_age = max_age
        self._answers: OrderedDict[str, tuple[tuple[Any, ...], bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self._version: tuple[Any, ...] | None = None
        self._checked = 0.0

    def version(self) -> tuple[Any, ...]:
        with self._lock:
            if self._version is not None and time.monotonic() - self._checked < self.max_age:
                return self._version
        query = select(
            select(func.max(ArticleRow.id)).scalar_subquery(),
            select(func.max(ReviewChangeRow.id)).scalar_subquery(),
        )
        with self.engine.connect() as connection:
            version = tuple(connection.execute(query).one())
        with self._lock:
            self._version, self._checked = version, time.monotonic()
        return version

    def fresh(self) -> bool:
        """Whether ``version()`` would answer without reading the database."""
        return self._version is not None and time.monotonic() - self._checked < self.max_age

    def get(self, key: str, version: tuple[Any, ...]) -> bytes | None:
        with self._lock:
            found = self._answers.get(key)
            if found is None or found[0] != version:
                return None
            self._answers.move_to_end(key)
            return found[1]

    def put(self, key: str, version: tuple[Any, ...], body: bytes) -> None:
        if self.entries <= 0:
            return
        with self._lock:
            self._answers[key] = (version, body)
            self._answers.move_to_end(key)
            while len(self._answers) > self.entries:
                self._answers.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
            self._version = None


def cache_key(path: str, query_string: str) -> str:
    """One key for one question, whatever the order of its query parameters."""
    return f"{path}?{urlencode(sorted(parse_qsl(query_string, keep_blank_values=True)))}"


class CachedReads:
    """ASGI middleware answering cached GETs of ``paths`` straight from the cache: no routing, validation or
    thread hop, which is most of a request's cost once the answer is known. Misses go to the application,
    whose endpoints fill the cache."""

    def __init__(self, app: ASGIApp, cache: ReadCache, paths: frozenset[str]) -> None:
        self.app = app
        self.cache = cache
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] in self.paths:
            if self.cache.fresh():
                version = self.cache.version()
            else:  # reading the version touches the database: not on the event loop
                version = await anyio.to_thread.run_sync(self.cache.version)
            body = self.cache.get(cache_key(scope["path"], scope["query_string"].decode("latin-1")), version)
            if body is not None:
                await Response(content=body, media_type="application/json")(scope, receive, send)
                return
        await self.app(scope, receive, send)


# --- request plumbing ---------------------------------------------------------------------------------------


def event_filters(
    date_from: Annotated[
        dt.date | None, Query(description="First day (inclusive); leaves out undated events.")
    ] = None,
    date_to: Annotated[dt.date | None, Query(description="Last day (inclusive).")] = None,
    country: Annotated[str | None, Query(max_length=2, description="ISO 3166 alpha-2 code.")] = None,
    admin1: Annotated[str | None, Query(max_length=300)] = None,
    admin2: Annotated[str | None, Query(max_length=300)] = None,
    actor: Annotated[str | None, Query(max_length=300, description="Part of actor1 or actor2.")] = None,
    event_type: Annotated[str | None, Query(max_length=300, description="Event or sub-event type.")] = None,
    campaign: Annotated[
        str | None, Query(max_length=300, description="Campaign id or part of its name.")
    ] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, description="Best fatalities at least this.")] = None,
    include_rejected: Annotated[bool, Query(description="Also events an analyst rejected.")] = False,
) -> Filters:
    where = EventFilter(date_from, date_to, country, admin1, admin2, actor, event_type, campaign)
    return Filters(where, min_fatalities, include_rejected)


FiltersDep = Annotated[Filters, Depends(event_filters)]
_bearer = HTTPBearer(
    auto_error=False, description="The write token (SITREP_TOKEN, or printed by sitrep serve)."
)


def _change_out(change: ReviewChangeRow, events: Sequence[str]) -> ChangeOut:
    return ChangeOut(
        id=change.id,
        event_id=change.event_uid,
        action=change.action,
        who=change.who,
        at=change.at,
        note=change.note,
        before=change.before,
        after=change.after,
        events=list(events),
        undoes=change.undoes,
        undone_by=change.undone_by,
    )


def _changes_out(session: Session, changes: Sequence[ReviewChangeRow]) -> list[ChangeOut]:
    touched: dict[int, list[str]] = defaultdict(list)
    ids = [c.id for c in changes]
    if ids:
        for change_id, uid in session.execute(
            select(ReviewChangeEventRow.change_id, ReviewChangeEventRow.event_uid)
            .where(ReviewChangeEventRow.change_id.in_(ids))
            .order_by(ReviewChangeEventRow.event_uid)
        ):
            touched[change_id].append(uid)
    return [_change_out(c, touched[c.id]) for c in changes]


def _articles_out(session: Session, where: Any, order: Sequence[Any] = ()) -> list[ArticleOut]:
    original = aliased(ArticleRow)
    rows = session.execute(
        select(ArticleRow, original.uid)
        .outerjoin(original, ArticleRow.duplicate_of == original.id)
        .where(where)
        .order_by(*order, ArticleRow.id)
    ).all()
    return [
        ArticleOut(
            id=row.uid,
            title=row.title,
            published=row.published,
            source=row.source,
            url=row.url,
            duplicate_of=original_uid,
            ingested_at=row.ingested_at,
        )
        for row, original_uid in rows
    ]


# --- the application ----------------------------------------------------------------------------------------



def _campaign_out(row: CampaignRow, events: list[EventSummary]) -> CampaignOut:
    """A campaign as listed: its own contested range first, its (visible) events' dates and count."""
    dates = sorted(e.date for e in events if e.date)
    fatalities = Figure(**(row.fatalities or {}))
    return CampaignOut(
        id=row.uid,
        name=row.name,
        actor=row.actor,
        events=len(events),
        first_date=dates[0] if dates else row.date_first,
        last_date=dates[-1] if dates else row.date_last,
        fatalities_best=(
            fatalities.best if fatalities.best is not None else sum(e.fatalities.best or 0 for e in events)
        ),
        fatalities=fatalities,
        injured=Figure(**(row.injured or {})),
        notes=row.notes,
    )

def create_app(
    url: str,
    *,
    token_digests: Sequence[str],
    allowed_hosts: Sequence[str] | None = None,
    fetcher_factory: Callable[[], Any] | None = None,
    cache_entries: int = 512,
    cache_max_age: float = 0.1,
) -> FastAPI:
    """The application over the database at ``url`` (which must have sitrep's schema).

    ``token_digests``: SHA-256 digests of the accepted write tokens (``security.resolve_token``).
    ``allowed_hosts``: Host header values accepted (``None``: any); a server on loopback accepts only loopback
    names, so a web page cannot reach it by pointing a domain of its own at 127.0.0.1 (DNS rebinding).
    ``fetcher_factory``: makes the ``Fetcher`` for URL ingest (tests); the default refuses private addresses.
    """
    engine = open_engine(url, must_exist=True)
    cache = ReadCache(engine, cache_entries, cache_max_age)
    digests = list(token_digests)
    ingest_lock = threading.Lock()  # one ingest at a time: each writer loads every article's fingerprint

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Iterator[None]:  # type: ignore[misc]
        yield
        engine.dispose()

    app = FastAPI(
        title="sitrep",
        version=_version(),
        description=(
            "Sourced conflict events: every casualty figure with who claims it. Reads are open; writes "
            "(review, ingest) need `Authorization: Bearer <token>`."
        ),
        docs_url=None,  # served below from the local copy of Swagger UI: the default page loads it from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    # Added last = runs first: the token guard sees every request before anything else does.
    app.add_middleware(CachedReads, cache=cache, paths=CACHED_PATHS)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(TokenGuard, digests=lambda: digests)
    app.state.engine = engine
    app.state.cache = cache

    @contextmanager
    def reading() -> Iterator[ReviewedReader]:
        with reported(engine.url), Session(bind=engine) as session:
            yield ReviewedReader(session)

    @contextmanager
    def writing() -> Iterator[Session]:
        write_engine = engine.execution_options(**{WRITE: True})
        with reported(engine.url), Session(bind=write_engine) as session, session.begin():
            yield session
        cache.clear()

    def cached(request: Request, build: Callable[[], BaseModel | list[Any]]) -> Response:
        key = cache_key(request.url.path, request.url.query)
        version = cache.version()
        body = cache.get(key, version)
        if body is None:
            value = build()
            if isinstance(value, BaseModel):
                body = value.model_dump_json().encode()
            else:
                body = b"[" + b",".join(item.model_dump_json().encode() for item in value) + b"]"
            cache.put(key, version, body)
        return Response(content=body, media_type="application/json")

    def require_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
        # TokenGuard has already refused a bad token; checked again here so no write route depends on the
        # middleware being installed, and so OpenAPI shows the routes as needing the token.
        if credentials is None or not token_ok(credentials.credentials, digests):
            raise HTTPException(401, "a valid token is required", headers={"WWW-Authenticate": "Bearer"})

    writes = [Depends(require_token)]

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, error: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=503)

    @app.exception_handler(ReviewError)
    async def review_error(_request: Request, error: ReviewError) -> JSONResponse:
        status = (
            404 if isinstance(error, ReviewNotFound) else 409 if isinstance(error, ReviewConflict) else 422
        )
        return JSONResponse({"detail": str(error)}, status_code=status)

    # -- events --

    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def list_events(
        request: Request,
        filters: FiltersDep,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        """Events the filters select, by date (undated last), one page at a time, analysts' corrections applied."""

        def build() -> EventPage:
            with reading() as reader:
                total, events = reader.page(filters, offset, limit)
            return EventPage(total=total, limit=limit, offset=offset, events=events)

        return cached(request, build)

    @app.get("/api/events/{event_id:path}", response_model=EventDetail, tags=["events"])
    def get_event(
        event_id: Annotated[str, PathParam(description="A dataset event id (URL-encode its '#').")],
    ) -> EventDetail:
        """One event with every claim side by side, the articles reporting it, its review and its history."""
        with reading() as reader:
            built = reader.build(event_id)
            if built is None:
                raise HTTPException(404, f"no event {event_id!r}")
            reviews = reader.reviews
            state = reviews.states.get(event_id)
            corrections = {}
            if built.machine is not None and state is not None:
                corrections = {
                    name: Correction(machine=shown(built.machine, name), analyst=shown(built.event, name))
                    for name in EDITABLE
                    if name in state.fields
                }
            review = ReviewInfo(
                status=reviews.status(event_id),
                corrected=reviews.corrected(event_id),
                merged_into=state.merged_into if state else None,
                split_from=state.split_from if state else None,
                merged=reviews.merged.get(event_id, []),
                splits=reviews.splits.get(event_id, []),
                corrections=corrections,
            )
            articles = _articles_out(reader.session, ArticleRow.uid.in_(built.event.article_ids))
            order = {uid: index for index, uid in enumerate(built.event.article_ids)}
            articles.sort(key=lambda a: order.get(a.id, 0))
            history = _changes_out(reader.session, reader.history(event_id))
        return EventDetail(**dict(built.event), review=review, articles=articles, history=history)

    # -- campaigns, articles, places, stats --

    @app.get("/api/campaigns", response_model=list[CampaignOut], tags=["campaigns"])
    def list_campaigns(request: Request) -> Response:
        """Every named operation, with its (visible) events' dates and summed best fatalities."""

        def build() -> list[CampaignOut]:
            with reading() as reader:
                grouped: dict[str, list[EventSummary]] = defaultdict(list)
                for summary in reader.summaries(Filters()):
                    if summary.campaign_id:
                        grouped[summary.campaign_id].append(summary)
                rows = reader.session.execute(select(CampaignRow).order_by(CampaignRow.id)).scalars()
                return [_campaign_out(row, grouped.get(row.uid, [])) for row in rows]

        return cached(request, build)

    @app.get("/api/campaigns/{campaign_id:path}", response_model=CampaignDetail, tags=["campaigns"])
    def get_campaign(campaign_id: str) -> CampaignDetail:
        """A campaign: its events, the campaign-wide claims no single event holds, its articles."""
        with reading() as reader:
            row = reader.session.execute(select(CampaignRow).where(CampaignRow.uid == campaign_id)).scalar()
            if row is None:
                raise HTTPException(404, f"no campaign {campaign_id!r}")
            events = [
                e
                for e in reader.summaries(Filters(EventFilter(campaign=campaign_id)))
                if e.campaign_id == row.uid
            ]
            events.sort(key=lambda e: (e.date is None, e.date or dt.date.min, e.id))
            articles = _articles_out(
                reader.session,
                ArticleRow.id.in_(
                    select(CampaignArticleRow.article_id).where(CampaignArticleRow.campaign_id == row.id)
                ),
                (ArticleRow.published,),
            )
            claims = reader.campaign_claims(row.uid)
        found = campaign_from_row(row, claims)
        return CampaignDetail(
            events=events,
            articles=articles,
            **found.model_dump(
                include={"id", "name", "actor", "claims", "fatalities", "injured", "abducted", "by_side", "notes", "toll"}
            ),
        )

    @app.get("/api/articles", response_model=ArticlePage, tags=["articles"])
    def list_articles(
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100, offset: Annotated[int, Query(ge=0)] = 0
    ) -> ArticlePage:
        """Every article read, by publication date."""
        with reading() as reader:
            session = reader.session
            total = session.execute(select(func.count()).select_from(ArticleRow)).scalar_one()
            page = (
                select(ArticleRow.id)
                .order_by(ArticleRow.published, ArticleRow.id)
                .offset(offset)
                .limit(limit)
            )
            ids = list(session.execute(page).scalars())
            articles = _articles_out(session, ArticleRow.id.in_(ids), (ArticleRow.published,))
        return ArticlePage(total=total, limit=limit, offset=offset, articles=articles)

    @app.get("/api/articles/{article_id:path}", response_model=ArticleDetail, tags=["articles"])
    def get_article(article_id: str) -> ArticleDetail:
        """One article with its text and the events it reports."""
        with reading() as reader:
            session = reader.session
            found = _articles_out(session, ArticleRow.uid == article_id)
            if not found:
                raise HTTPException(404, f"no article {article_id!r}")
            row = session.execute(select(ArticleRow).where(ArticleRow.uid == article_id)).scalar_one()
            events = session.execute(
                select(EventRow.uid)
                .join(EventArticleRow, EventArticleRow.event_id == EventRow.id)
                .where(EventArticleRow.article_id == row.id)
                .order_by(EventRow.id)
            ).scalars()
            return ArticleDetail(**found[0].model_dump(), text=row.text, events=list(events))

    @app.get("/api/places", response_model=list[PlaceOut], tags=["places"])
    def list_places(request: Request, filters: FiltersDep) -> Response:
        """The places of the selected events, with how many events and best fatalities each."""

        def build() -> list[PlaceOut]:
            counts: Counter[tuple[Any, ...]] = Counter()
            deaths: Counter[tuple[Any, ...]] = Counter()
            with reading() as reader:
                for e in reader.summaries(filters):
                    key = (e.place, e.country_code, e.admin1, e.admin2, e.lat, e.lon)
                    counts[key] += 1
                    deaths[key] += e.fatalities.best or 0
            ordered = sorted(counts, key=lambda k: (-counts[k], str(k[0])))
            fields = ("name", "country_code", "admin1", "admin2", "lat", "lon")
            return [
                PlaceOut(**dict(zip(fields, k, strict=True)), events=counts[k], fatalities_best=deaths[k])
                for k in ordered
            ]

        return cached(request, build)

    @app.get("/api/stats", response_model=Stats, tags=["stats"])
    def stats(request: Request, filters: FiltersDep) -> Response:
        """Counts for the selected events: per day (the timeline), per type, per district (the map's shading)."""

        def build() -> Stats:
            days: Counter[dt.date] = Counter()
            day_deaths: Counter[dt.date] = Counter()
            types: Counter[str] = Counter()
            districts: Counter[tuple[Any, ...]] = Counter()
            district_deaths: Counter[tuple[Any, ...]] = Counter()
            review = ReviewCounts()
            events = undated = deaths = 0
            campaigns: dict[str, list[EventSummary]] = defaultdict(list)
            with reading() as reader:
                for e in reader.summaries(filters):
                    best = e.fatalities.best or 0
                    events += 1
                    deaths += best
                    if e.date is None:
                        undated += 1
                    else:
                        days[e.date] += 1
                        day_deaths[e.date] += best
                    types[e.event_type] += 1
                    if e.admin2 or e.admin1:
                        districts[(e.country_code, e.admin1, e.admin2)] += 1
                        district_deaths[(e.country_code, e.admin1, e.admin2)] += best
                    if e.campaign_id:
                        campaigns[e.campaign_id].append(e)
                    review.accepted += e.status == ACCEPTED
                    review.rejected += e.status == REJECTED
                    review.corrected += e.corrected
                session = reader.session
                articles = session.execute(select(func.count()).select_from(ArticleRow)).scalar_one()
                claims = session.execute(select(func.count()).select_from(ClaimRow)).scalar_one()
                campaign_rows = session.execute(
                    select(CampaignRow).where(CampaignRow.uid.in_(sorted(campaigns))).order_by(CampaignRow.id)
                ).scalars()
                ranges = [_campaign_out(row, campaigns[row.uid]) for row in campaign_rows]
            return Stats(
                campaign_ranges=ranges,
                events=events,
                undated=undated,
                fatalities_best=deaths,
                articles=articles,
                claims=claims,
                campaigns=len(campaigns),
                by_day=[
                    DayCount(date=d, events=days[d], fatalities_best=day_deaths[d]) for d in sorted(days)
                ],
                by_type=[TypeCount(event_type=t, events=n) for t, n in types.most_common()],
                by_district=[
                    DistrictCount(
                        country_code=c,
                        admin1=a1,
                        admin2=a2,
                        events=n,
                        fatalities_best=district_deaths[(c, a1, a2)],
                    )
                    for (c, a1, a2), n in districts.most_common()
                ],
                review=review,
            )

        return cached(request, build)

    @app.get("/api/meta", response_model=Meta, tags=["stats"])
    def meta() -> Meta:
        """What this server offers: export formats, the taxonomy an edit must use, the editable fields."""
        return Meta(
            version=_version(),
            export_formats=list(FORMATS),
            acled_types={k: list(v) for k, v in ACLED_TYPES.items()},
            gtd_attack_types=list(GTD_ATTACK_TYPES),
            editable=list(EDITABLE),
            dashboard_built=(WEB_DIR / "static" / "vendor" / "leaflet" / "leaflet.js").is_file(),
        )

    # -- exports --

    @app.get(
        "/api/export/{fmt}",
        tags=["exports"],
        responses={200: {"description": "The file", "content": {t: {} for t in set(MEDIA_TYPES.values())}}},
    )
    def export(fmt: str, filters: FiltersDep) -> Response:
        """The selected events in one of the `sitrep export` formats (acled, ucdp, geojson, json, csv, parquet,
        toll), corrections applied, as a download."""
        if fmt not in FORMATS:
            raise HTTPException(404, f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
        with reading() as reader:
            dataset = reader.dataset(filters)
            articles = reader.articles_of(a for e in dataset.events for a in e.article_ids)
        out = io.BytesIO()
        write_dataset(dataset, fmt, out, articles=articles)
        name = f"sitrep-{fmt}{SUFFIXES[fmt]}"
        return Response(
            content=out.getvalue(),
            media_type=MEDIA_TYPES[fmt],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    # -- review --

    def _result(
        session: Session, change: ReviewChangeRow, event_id: str, new_event: str | None = None
    ) -> ReviewResult:
        return ReviewResult(change=_changes_out(session, [change])[0], event_id=event_id, new_event=new_event)

    @app.get("/api/review/changes", response_model=list[ChangeOut], tags=["review"])
    def list_changes(
        event_id: str | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[ChangeOut]:
        """The audit trail, newest first; ``event_id``: the changes that touched one event."""
        with reading() as reader:
            query = select(ReviewChangeRow).order_by(ReviewChangeRow.id.desc()).offset(offset).limit(limit)
            if event_id is not None:
                touched = select(ReviewChangeEventRow.change_id).where(
                    ReviewChangeEventRow.event_uid == event_id
                )
                query = query.where(ReviewChangeRow.id.in_(touched))
            return _changes_out(reader.session, list(reader.session.execute(query).scalars()))

    def _judge(request: JudgeRequest, status: str | None) -> ReviewResult:
        with writing() as session:
            change = ReviewWriter(session).judge(request.event_id, status, request.analyst, request.note)
            return _result(session, change, request.event_id)

    @app.post("/api/review/accept", response_model=ReviewResult, dependencies=writes, tags=["review"])
    def accept(request: JudgeRequest) -> ReviewResult:
        """Mark an event as checked by an analyst."""
        return _judge(request, ACCEPTED)

    @app.post("/api/review/reject", response_model=ReviewResult, dependencies=writes, tags=["review"])
    def reject(request: JudgeRequest) -> ReviewResult:
        """Leave an event out of lists, stats and exports (its data stays; undo brings it back)."""
        return _judge(request, REJECTED)

    @app.post("/api/review/reopen", response_model=ReviewResult, dependencies=writes, tags=["review"])
    def reopen(request: JudgeRequest) -> ReviewResult:
        """Clear an event's accept/reject judgement."""
        return _judge(request, None)

    @app.post("/api/review/edit", response_model=ReviewResult, dependencies=writes, tags=["review"])
    def edit(request: EditRequest) -> ReviewResult:
        """Correct an event's type, actors, inter codes, date, place or figures."""
        try:
            fields = request.changes.given()
        except ValueError as error:
            raise HTTPException(422, str(error)) from None
        with writing() as session:
            change = ReviewWriter(session).edit(request.event_id, fields, request.analyst, request.note)
            return _result(session, change, request.event_id)

    @app.post("/api/review/revert", response_model=ReviewResult, dependencies=writes, tags=["review"])
    def revert(request: RevertRequest) -> ReviewResult:
        """Drop the corrections of some fields: the machine's values show again."""
        with writing() as session:
            change = ReviewWriter(session).revert_fields(
                request.event_id, request.fields, request.analyst, request.note
            )
            return _result(session, change, request.event_id)

    @app.post("/api/review/merge", response_model=ReviewResult, dependencies=writes, tags=["review"])
    def merge(request: MergeRequest) -> ReviewResult:
        """Merge events into ``event_id``: their claims and articles join it and they are hidden."""
        with writing() as session:
            change = ReviewWriter(session).merge(
                request.event_id, request.merge, request.analyst, request.note
            )
            return _result(session, change, request.event_id)

    @app.post("/api/review/split", response_model=ReviewResult, dependencies=writes, tags=["review"])
    def split(request: SplitRequest) -> ReviewResult:
        """Move some claims of an event into a new event."""
        with writing() as session:
            change, child = ReviewWriter(session).split(
                request.event_id, request.claim_ids, request.analyst, request.note
            )
            return _result(session, change, request.event_id, child)

    @app.post("/api/review/undo", response_model=ReviewResult, dependencies=writes, tags=["review"])
    def undo(request: UndoRequest) -> ReviewResult:
        """Undo a change: the events' reviews as they were before it (refused if a later change touched them)."""
        with writing() as session:
            change = ReviewWriter(session).undo(request.change_id, request.analyst, request.note)
            return _result(session, change, change.event_uid)

    # -- ingest --

    @app.post("/api/ingest", response_model=IngestResult, dependencies=writes, tags=["ingest"])
    def ingest(request: IngestRequest) -> JSONResponse:
        """Read an article (``text``, offline) or a URL (a page or a feed; private addresses are refused),
        extract it and store it as ``sitrep ingest`` does. 422 when nothing could be stored."""
        from sitrep.api.ingest import article_from_text, articles_from_url, store_articles

        if request.text is not None:
            items: list[Any] = [article_from_text(request)]
        else:
            items = articles_from_url(request.url or "", fetcher_factory)
        with ingest_lock:
            result = store_articles(engine, items)
        cache.clear()
        status = 422 if result.problems and not result.stored else 200
        return JSONResponse(result.model_dump(mode="json"), status_code=status)

    # -- dashboard and docs --

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_docs_page(app))

    # check_dir=False: a source tree without the dashboard build still serves the API.
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static", check_dir=False), name="static")
    return app


def _docs_page(app: FastAPI) -> str:
    """Swagger UI from the local copy the dashboard build makes; without it, a plain list of the endpoints."""
    if (WEB_DIR / "static" / "vendor" / "swagger-ui" / "swagger-ui-bundle.js").is_file():
        return (
            "<!doctype html><html lang=en><head><meta charset=utf-8><link rel=icon href='data:,'><title>sitrep API</title>"
            '<link rel=stylesheet href="/static/vendor/swagger-ui/swagger-ui.css"></head>'
            '<body><div id="swagger-ui"></div>'
            '<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>'
            '<script src="/static/docs.js"></script></body></html>'
        )
    rows = []
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            summary = operation.get("summary", "")
            rows.append(
                f"<li><code>{html.escape(method.upper())} {html.escape(path)}</code> {html.escape(summary)}</li>"
            )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><link rel=icon href='data:,'><title>sitrep API</title></head><body>"
        "<h1>sitrep API</h1><p>The interactive docs need the dashboard build "
        "(<code>npm ci && npm run build</code> in <code>sitrep/web</code>). The OpenAPI document is at "
        '<a href="/openapi.json">/openapi.json</a>.</p><ul>' + "".join(rows) + "</ul></body></html>"
    )
