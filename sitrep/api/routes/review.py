"""Review: the audit trail, and the analysts' changes (accept, reject, reopen, edit, revert, merge, split,
undo), each needing the write token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from sitrep.api.deps import (
    MAX_PAGE,
    WRITES,
    changes_out,
    reading,
    writing,
)
from sitrep.api.schemas import (
    ChangeOut,
    EditRequest,
    JudgeRequest,
    MergeRequest,
    RevertRequest,
    ReviewResult,
    SplitRequest,
    UndoRequest,
)
from sitrep.store.review import (
    ACCEPTED,
    REJECTED,
    ReviewChangeEventRow,
    ReviewChangeRow,
    ReviewWriter,
)

router = APIRouter()


def _result(
    session: Session, change: ReviewChangeRow, event_id: str, new_event: str | None = None
) -> ReviewResult:
    return ReviewResult(change=changes_out(session, [change])[0], event_id=event_id, new_event=new_event)


@router.get("/api/review/changes", response_model=list[ChangeOut], tags=["review"])
def list_changes(
    http: Request,
    event_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[ChangeOut]:
    """The audit trail, newest first; ``event_id``: the changes that touched one event."""
    with reading(http) as reader:
        query = select(ReviewChangeRow).order_by(ReviewChangeRow.id.desc()).offset(offset).limit(limit)
        if event_id is not None:
            touched = select(ReviewChangeEventRow.change_id).where(ReviewChangeEventRow.event_uid == event_id)
            query = query.where(ReviewChangeRow.id.in_(touched))
        return changes_out(reader.session, list(reader.session.execute(query).scalars()))


def _judge(http: Request, request: JudgeRequest, status: str | None) -> ReviewResult:
    with writing(http) as session:
        change = ReviewWriter(session).judge(request.event_id, status, request.analyst, request.note)
        return _result(session, change, request.event_id)


@router.post("/api/review/accept", response_model=ReviewResult, dependencies=WRITES, tags=["review"])
def accept(http: Request, request: JudgeRequest) -> ReviewResult:
    """Mark an event as checked by an analyst."""
    return _judge(http, request, ACCEPTED)


@router.post("/api/review/reject", response_model=ReviewResult, dependencies=WRITES, tags=["review"])
def reject(http: Request, request: JudgeRequest) -> ReviewResult:
    """Leave an event out of lists, stats and exports (its data stays; undo brings it back)."""
    return _judge(http, request, REJECTED)


@router.post("/api/review/reopen", response_model=ReviewResult, dependencies=WRITES, tags=["review"])
def reopen(http: Request, request: JudgeRequest) -> ReviewResult:
    """Clear an event's accept/reject judgement."""
    return _judge(http, request, None)


@router.post("/api/review/edit", response_model=ReviewResult, dependencies=WRITES, tags=["review"])
def edit(http: Request, request: EditRequest) -> ReviewResult:
    """Correct an event's type, actors, inter codes, date, place or figures."""
    try:
        fields = request.changes.given()
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    with writing(http) as session:
        change = ReviewWriter(session).edit(request.event_id, fields, request.analyst, request.note)
        return _result(session, change, request.event_id)


@router.post("/api/review/revert", response_model=ReviewResult, dependencies=WRITES, tags=["review"])
def revert(http: Request, request: RevertRequest) -> ReviewResult:
    """Drop the corrections of some fields: the machine's values show again."""
    with writing(http) as session:
        change = ReviewWriter(session).revert_fields(
            request.event_id, request.fields, request.analyst, request.note
        )
        return _result(session, change, request.event_id)


@router.post("/api/review/merge", response_model=ReviewResult, dependencies=WRITES, tags=["review"])
def merge(http: Request, request: MergeRequest) -> ReviewResult:
    """Merge events into ``event_id``: their claims and articles join it and they are hidden."""
    with writing(http) as session:
        change = ReviewWriter(session).merge(request.event_id, request.merge, request.analyst, request.note)
        return _result(session, change, request.event_id)


@router.post("/api/review/split", response_model=ReviewResult, dependencies=WRITES, tags=["review"])
def split(http: Request, request: SplitRequest) -> ReviewResult:
    """Move some claims of an event into a new event."""
    with writing(http) as session:
        change, child = ReviewWriter(session).split(
            request.event_id, request.claim_ids, request.analyst, request.note
        )
        return _result(session, change, request.event_id, child)


@router.post("/api/review/undo", response_model=ReviewResult, dependencies=WRITES, tags=["review"])
def undo(http: Request, request: UndoRequest) -> ReviewResult:
    """Undo a change: the events' reviews as they were before it (refused if a later change touched them)."""
    with writing(http) as session:
        change = ReviewWriter(session).undo(request.change_id, request.analyst, request.note)
        return _result(session, change, change.event_uid)
