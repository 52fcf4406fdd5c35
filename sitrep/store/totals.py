"""Counting from the totals the database keeps: an ``EventFilter`` in, events and best fatalities out — per day,
district or type from ``event_totals`` (rows per day × district × type × campaign; migration 0009), per map
point from ``place_totals`` (0011) — and ``stored_rows``, how many articles, claims or events (``table_rows``).
Triggers keep each equal to the events, so a count reads these rows instead of every selected event.

The totals hold the stored events as written, before any analyst's review: the review's reader takes away the
stored rows of the events a review touched and adds them as reviewed (``sitrep.store.review``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from sitrep.store.filters import EventFilter
from sitrep.store.tables import UNDATED_DAY, event_totals, place_totals, table_rows

# What the totals can be grouped by: the names of their columns, as the reader's groups are named.
TOTAL_KEYS = frozenset({"date", "country_code", "admin1", "admin2", "event_type"})
_TEXT_KEYS = ("country_code", "admin1", "admin2")  # event_type is never null


def totals_condition(where: EventFilter) -> Any | None:
    """The SQL condition on ``event_totals`` selecting what ``where`` selects; None when the totals do not hold
    what it selects by (the actors, the map's bounds, the claims' quotes)."""
    if where.actor or where.bbox is not None or where.q:
        return None
    conditions = where.conditions(table=event_totals)
    if where.date_to is not None:  # a date filter leaves undated events out; theirs are the earliest rows
        conditions.append(event_totals.c.date != UNDATED_DAY)
    return and_(True, *conditions)


def grouped_totals(
    session: Session, condition: Any, keys: tuple[str, ...]
) -> Iterator[tuple[tuple, int, int]]:
    """Per group of ``keys`` (names in ``TOTAL_KEYS``): its key (None where the events have none), how many
    events and their best fatalities added."""
    columns = [event_totals.c[key] for key in keys]
    events = func.sum(event_totals.c.events)
    query = (
        select(*columns, events, func.sum(event_totals.c.fatalities_best))
        .where(condition)
        .group_by(*columns)
        .having(events > 0)
    )
    for row in session.execute(query):
        key = tuple(_stored_value(name, value) for name, value in zip(keys, row, strict=False))
        yield key, int(row[len(keys)]), int(row[len(keys) + 1] or 0)


def counted_totals(session: Session, where: EventFilter) -> tuple[int, int]:
    """How many events ``where`` selects, and how many of them are dated (``where`` must be one the totals
    serve: ``totals_condition`` is not None). With no filter, from the store's count of events."""
    dated = event_totals.c.date != UNDATED_DAY
    if where == EventFilter():
        undated = session.execute(
            select(func.coalesce(func.sum(event_totals.c.events), 0)).where(~dated)
        ).scalar_one()
        total = stored_rows(session, "events")
        return total, total - int(undated)
    total, with_date = session.execute(
        select(
            func.coalesce(func.sum(event_totals.c.events), 0),
            func.coalesce(func.sum(event_totals.c.events).filter(dated), 0),
        ).where(totals_condition(where))
    ).one()
    return int(total), int(with_date)


# The groups ``/api/places`` counts, as the reader names them, and the ``place_totals`` column of each.
PLACE_KEYS = ("place", "country_code", "admin1", "admin2", "lat", "lon")
_PLACE_COLUMNS = ("name", "country_code", "admin1", "admin2", "lat", "lon")


def place_totals_serve(where: EventFilter) -> bool:
    """Whether ``place_totals`` holds what ``where`` selects: the map's bounds alone (no dates or other filters,
    whose events the map's first, zoomed-out view would otherwise group one by one)."""
    return where.bbox is not None and where == EventFilter(bbox=where.bbox)


def counted_place_totals(session: Session, where: EventFilter) -> int:
    """How many events have their place inside ``where``'s bounds (``place_totals_serve``)."""
    assert where.bbox is not None
    inside = where.bbox.condition(place_totals.c.lat, place_totals.c.lon)
    query = select(func.coalesce(func.sum(place_totals.c.events), 0)).where(inside)
    return int(session.execute(query).scalar_one())


def grouped_place_totals(session: Session, where: EventFilter) -> Iterator[tuple[tuple, int, int]]:
    """Per map point inside ``where``'s bounds (``place_totals_serve``): its key in ``PLACE_KEYS`` order, how
    many events and their best fatalities added."""
    assert where.bbox is not None
    columns = [place_totals.c[name] for name in _PLACE_COLUMNS]
    query = select(*columns, place_totals.c.events, place_totals.c.fatalities_best).where(
        where.bbox.condition(place_totals.c.lat, place_totals.c.lon), place_totals.c.events > 0
    )
    for row in session.execute(query):
        name, country, admin1, admin2, lat, lon, events, best = row
        yield (name, country or None, admin1 or None, admin2 or None, lat, lon), events, int(best)


def stored_rows(session: Session, table: str) -> int:
    """How many rows ``table`` ("articles", "claims", "events") holds, as the triggers keep count."""
    return session.execute(select(table_rows.c.rows).where(table_rows.c.name == table)).scalar_one()


def _stored_value(name: str, value: Any) -> Any:
    """A key column's value as the events hold it: the totals write None as '' and an undated event's day as
    ``UNDATED_DAY`` (their key's columns are NOT NULL)."""
    if name == "date":
        return None if value == UNDATED_DAY else value
    if name in _TEXT_KEYS and value == "":
        return None
    return value
