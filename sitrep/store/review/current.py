"""The analyst's dataset for other tools: the rows behind the ``events_current`` and ``claims_current`` views.

The views (migration 0012) give one row per current event and per claim of one, in plain columns (numbers as
numbers, dates as dates), so that sqlite-utils, Datasette, pandas or DuckDB read what the API and the exports
give. Events no review touched are read straight from ``events`` in SQL. The few a review touched cannot be:
a merge or a split recomputes the figures with ``sitrep.resolve`` (the figure rules), which no SQL expresses.
Those are built here by the reader itself (``ReviewedReader.build``) and kept in ``reviewed_events`` (with
``reviewed_claims``: which event holds each of their claims), in the transaction that changed them: an
analyst's change (``ReviewWriter``), or an article merging into an event in a reviewed merge or split (the
writer, per article). Hidden events (merged into another, rejected) keep a row marked not ``visible``: the
view leaves them out as the reader does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, exists, insert, or_, select
from sqlalchemy.orm import Session

from sitrep.model import DatasetEvent
from sitrep.resolve.flat import record
from sitrep.store.review.reader import ReviewedReader
from sitrep.store.review.state import CHUNK, Reviews
from sitrep.store.review.tables import CURRENT_COLUMNS, EventReviewRow, reviewed_claims, reviewed_events
from sitrep.store.tables import event_articles, events


def current_values(event: DatasetEvent, status: str | None, corrected: bool) -> dict[str, Any]:
    """An event's ``events_current`` columns after its id (``CURRENT_COLUMNS``): the flat export's values of
    those columns, and the review's."""
    values = {**record(event), "review_status": status, "corrected": corrected}
    return {name: values[name] for name, _kind in CURRENT_COLUMNS}


def _linked(reviews: Reviews, seeds: Iterable[str]) -> set[str]:
    """The seeds and every event a merge or a split joins to them, either way: the events built from one
    another's rows and claims."""
    edges: dict[str, set[str]] = defaultdict(set)
    for uid, state in reviews.states.items():
        for other in (state.merged_into, state.split_from):
            if other:
                edges[uid].add(other)
                edges[other].add(uid)
    found: set[str] = set()
    waiting = list(seeds)
    while waiting:
        uid = waiting.pop()
        if uid not in found:
            found.add(uid)
            waiting.extend(edges[uid] - found)
    return found


def refresh(session: Session, seeds: Iterable[str], before: Reviews | None = None) -> None:
    """Rewrite the reviewed rows of the ``seeds`` events and of those linked to them (``before``: the review as
    it was, whose links a change may have just undone), from the review as it now is in ``session``."""
    reader = ReviewedReader(session)
    reviews = reader.reviews
    seeds = set(seeds)
    uids = _linked(reviews, seeds | (_linked(before, seeds) if before is not None else set()))
    ordered = sorted(uids)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        session.execute(delete(reviewed_claims).where(reviewed_claims.c.event_uid.in_(chunk)))
        session.execute(delete(reviewed_events).where(reviewed_events.c.event_uid.in_(chunk)))
    hidden = dict.fromkeys((name for name, _kind in CURRENT_COLUMNS), None)
    event_rows: list[dict[str, Any]] = []
    claim_rows: list[dict[str, Any]] = []
    for uid in sorted(uids & reviews.touched()):
        if reviews.hidden(uid):
            event_rows.append({**hidden, "event_uid": uid, "visible": False})
            continue
        built = reader.build(uid)
        if built is None:  # a review of an event the store does not hold
            continue
        values = current_values(built.event, reviews.status(uid), reviews.corrected(uid))
        event_rows.append({**values, "event_uid": uid, "visible": True})
        claim_rows += [{"claim_uid": claim.id, "event_uid": uid} for claim in built.event.claims]
    if event_rows:
        session.execute(insert(reviewed_events), event_rows)
    if claim_rows:
        session.execute(insert(reviewed_claims), claim_rows)


def refresh_all(session: Session) -> None:
    """Rewrite every reviewed row (a store migrated to revision 0012 with reviews in it)."""
    reviews = Reviews(session)
    session.execute(delete(reviewed_claims))
    session.execute(delete(reviewed_events))
    refresh(session, reviews.touched())


_REVIEW = EventReviewRow.__table__
_REVIEWED_BY = (_REVIEW.c.event_uid, _REVIEW.c.merged_into, _REVIEW.c.split_from)
# The events of some articles that a review acts on (or merges or splits others into).
_REVIEWED_OF_ARTICLES = (
    select(events.c.uid)
    .join(event_articles, event_articles.c.event_id == events.c.id)
    # One EXISTS per column, each on its index (one EXISTS of an OR reads every review for every event).
    .where(or_(*(exists().where(column == events.c.uid) for column in _REVIEWED_BY)))
)


def refresh_for_articles(connection: Connection, article_rows: Sequence[int]) -> None:
    """After the writer stored, linked or superseded these articles (in its open transaction): rewrite the
    reviewed rows of their events that a review touches. One indexed query when none does."""
    query = _REVIEWED_OF_ARTICLES.where(event_articles.c.article_id.in_(article_rows))
    uids = set(connection.execute(query).scalars())
    if not uids:
        return
    with Session(bind=connection) as session:
        refresh(session, uids)
        session.flush()
