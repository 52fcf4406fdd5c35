"""Events: one page of the selected events, and one event in full (every claim, its review, its history)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from sitrep.api.deps import (
    MAX_PAGE,
    FiltersDep,
    articles_out,
    cached,
    changes_out,
    reading,
)
from sitrep.api.schemas import (
    Correction,
    EventDetail,
    EventPage,
    ReviewInfo,
)
from sitrep.store.review import (
    EDITABLE,
    shown,
)
from sitrep.store.tables import (
    ArticleRow,
)

router = APIRouter()


@router.get("/api/events", response_model=EventPage, tags=["events"])
def list_events(
    request: Request,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Events the filters select, by date (undated last), one page at a time, analysts' corrections applied."""

    def build() -> EventPage:
        with reading(request) as reader:
            total, events = reader.page(filters, offset, limit)
        return EventPage(total=total, limit=limit, offset=offset, events=events)

    return cached(request, build)


@router.get("/api/events/{event_id:path}", response_model=EventDetail, tags=["events"])
def get_event(
    http: Request,
    event_id: Annotated[str, PathParam(description="A dataset event id (URL-encode its '#').")],
) -> EventDetail:
    """One event with every claim side by side, the articles reporting it, its review and its history."""
    with reading(http) as reader:
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
        articles = articles_out(reader.session, ArticleRow.uid.in_(built.event.article_ids))
        order = {uid: index for index, uid in enumerate(built.event.article_ids)}
        articles.sort(key=lambda a: order.get(a.id, 0))
        history = changes_out(reader.session, reader.history(event_id))
    return EventDetail(**dict(built.event), review=review, articles=articles, history=history)
