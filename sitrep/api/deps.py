"""What the routes share: the store read or written through the review layer, the answer cache, the write
token, the event filters of the query string, and the shapes of a change and an article."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from sitrep.api.cache import cache_key
from sitrep.api.schemas import (
    ArticleOut,
    ChangeOut,
)
from sitrep.api.security import token_ok
from sitrep.store.db import WRITE, reported
from sitrep.store.filters import BBox, EventFilter
from sitrep.store.review import (
    Filters,
    ReviewChangeEventRow,
    ReviewChangeRow,
    ReviewedReader,
)
from sitrep.store.tables import (
    ArticleRow,
)

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
MAX_PAGE = 1000


@contextmanager
def reading(request: Request) -> Iterator[ReviewedReader]:
    """The store as analysts see it (corrections applied), for one request."""
    engine = request.app.state.engine
    version = request.app.state.cache.version()
    with reported(engine.url), Session(bind=engine) as session:
        yield ReviewedReader(session, request.app.state.reviews.at(version, session))


@contextmanager
def writing(request: Request) -> Iterator[Session]:
    """One write transaction; the answer cache is cleared after it commits."""
    engine = request.app.state.engine
    write_engine = engine.execution_options(**{WRITE: True})
    with reported(engine.url), Session(bind=write_engine) as session, session.begin():
        yield session
    request.app.state.cache.clear()
    request.app.state.reviews.clear()


def cached(request: Request, build: Callable[[], BaseModel | list[Any]]) -> Response:
    """The cached JSON answer for this request at the data's version, else ``build()``'s, stored."""
    cache = request.app.state.cache
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
    q: Annotated[
        str | None, Query(max_length=300, description="Text a claim's quote holds (any case).")
    ] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Map bounds west,south,east,north in degrees (events whose place lies inside); "
            "west > east crosses the antimeridian.",
        ),
    ] = None,
) -> Filters:
    bounds = None
    if bbox is not None:
        try:
            bounds = BBox.parse(bbox)
        except ValueError as error:
            raise HTTPException(422, str(error)) from None
    where = EventFilter(
        date_from, date_to, country, admin1, admin2, actor, event_type, campaign, bounds, q or None
    )
    return Filters(where, min_fatalities, include_rejected)


FiltersDep = Annotated[Filters, Depends(event_filters)]
bearer = HTTPBearer(
    auto_error=False, description="The write token (SITREP_TOKEN, or printed by sitrep serve)."
)


def change_out(change: ReviewChangeRow, events: Sequence[str]) -> ChangeOut:
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


def changes_out(session: Session, changes: Sequence[ReviewChangeRow]) -> list[ChangeOut]:
    touched: dict[int, list[str]] = defaultdict(list)
    ids = [c.id for c in changes]
    if ids:
        for change_id, uid in session.execute(
            select(ReviewChangeEventRow.change_id, ReviewChangeEventRow.event_uid)
            .where(ReviewChangeEventRow.change_id.in_(ids))
            .order_by(ReviewChangeEventRow.event_uid)
        ):
            touched[change_id].append(uid)
    return [change_out(c, touched[c.id]) for c in changes]


def articles_out(session: Session, where: Any, order: Sequence[Any] = ()) -> list[ArticleOut]:
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


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    # TokenGuard has already refused a bad token; checked again here so no write route depends on the
    # middleware being installed, and so OpenAPI shows the routes as needing the token.
    if credentials is None or not token_ok(credentials.credentials, request.app.state.digests):
        raise HTTPException(401, "a valid token is required", headers={"WWW-Authenticate": "Bearer"})


WRITES = [Depends(require_token)]


def sitrep_version() -> str:
    try:
        return metadata.version("sitrep")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


# --- the read cache -----------------------------------------------------------------------------------------
