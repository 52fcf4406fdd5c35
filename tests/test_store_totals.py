"""The maintained totals (``event_totals``, ``table_rows``, ``place_totals``; migrations 0009, 0011): whatever writes the events — the
writer, a migration, plain SQL — the totals equal a count of the rows, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from alembic import command
from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.orm import Session

from sitrep.store import open_engine
from sitrep.store.db import _alembic_config
from sitrep.store.filters import EventFilter
from sitrep.store.tables import (
    UNDATED_DAY,
    ArticleRow,
    ClaimRow,
    EventArticleRow,
    EventRow,
    PlaceRow,
    event_totals,
    place_totals,
    table_rows,
)
from sitrep.store.totals import counted_totals, grouped_totals, stored_rows, totals_condition
from tests.conftest import EXAMPLES
from tests.test_store import store


def _added_up(rows: Iterable[tuple[tuple[Any, ...], Any]]) -> dict[tuple[Any, ...], tuple[int, int]]:
    """Events and best fatalities per key, from (key, fatalities) pairs (JSON text on SQLite)."""
    found: Counter[tuple[Any, ...]] = Counter()
    best: Counter[tuple[Any, ...]] = Counter()
    for key, fatalities in rows:
        figures = json.loads(fatalities) if isinstance(fatalities, str) else fatalities
        found[key] += 1
        best[key] += figures.get("best") or 0
    return {key: (found[key], best[key]) for key in found}


def _recount(connection: Connection) -> dict[tuple[Any, ...], tuple[int, int]]:
    """Events and best fatalities per totals key, counted from the events themselves."""
    columns = (
        EventRow.date,
        EventRow.country_code,
        EventRow.admin1,
        EventRow.admin2,
        EventRow.event_type,
        EventRow.sub_event_type,
        EventRow.campaign_id,
        EventRow.fatalities,
    )
    return _added_up(
        (
            (date or UNDATED_DAY, country or "", admin1 or "", admin2 or "", kind, sub, campaign or 0),
            fatalities,
        )
        for date, country, admin1, admin2, kind, sub, campaign, fatalities in connection.execute(
            select(*columns)
        )
    )


def _totals(connection: Connection) -> dict[tuple[Any, ...], tuple[int, int]]:
    rows = connection.execute(select(event_totals).where(event_totals.c.events != 0))
    return {tuple(row[:7]): (row.events, row.fatalities_best) for row in rows}


def _place_recount(connection: Connection) -> dict[tuple[Any, ...], tuple[int, int]]:
    """Events and best fatalities per map point, counted from the events and their places."""
    columns = (
        PlaceRow.lat,
        PlaceRow.lon,
        PlaceRow.name,
        EventRow.country_code,
        EventRow.admin1,
        EventRow.admin2,
    )
    query = select(*columns, EventRow.fatalities).join(PlaceRow, EventRow.place_id == PlaceRow.id)
    return _added_up(
        ((lat, lon, name, country or "", admin1 or "", admin2 or ""), fatalities)
        for lat, lon, name, country, admin1, admin2, fatalities in connection.execute(query)
        if lat is not None and lon is not None
    )


def _place_totals(connection: Connection) -> dict[tuple[Any, ...], tuple[int, int]]:
    rows = connection.execute(select(place_totals).where(place_totals.c.events != 0))
    return {tuple(row[:6]): (row.events, row.fatalities_best) for row in rows}


def _table_rows(connection: Connection) -> dict[str, int]:
    return dict(connection.execute(select(table_rows.c.name, table_rows.c.rows)).all())


def _counted_rows(connection: Connection) -> dict[str, int]:
    return {
        "articles": connection.execute(select(func.count()).select_from(ArticleRow)).scalar_one(),
        "claims": connection.execute(select(func.count()).select_from(ClaimRow)).scalar_one(),
        "events": connection.execute(select(func.count()).select_from(EventRow)).scalar_one(),
    }


def test_totals_follow_the_writer_and_plain_sql(store_url: str) -> None:
    store(store_url, EXAMPLES)  # four articles: merges into stored events, a campaign
    engine = open_engine(store_url)
    try:
        with engine.connect() as connection:
            assert _totals(connection) == _recount(connection) != {}
            assert _place_totals(connection) == _place_recount(connection) != {}
            assert _table_rows(connection) == _counted_rows(connection)
            ids = connection.execute(select(EventRow.id).order_by(EventRow.id)).scalars().all()
        assert len(ids) >= 3
        with engine.begin() as connection:  # an analyst's SQL: undate, move and re-count, delete
            connection.execute(update(EventRow).where(EventRow.id == ids[0]).values(date=None))
            connection.execute(
                update(EventRow)
                .where(EventRow.id == ids[1])
                .values(admin1="Sindh", admin2=None, fatalities={"low": 7, "best": 9, "high": 12})
            )
            connection.execute(update(ClaimRow).where(ClaimRow.event_id == ids[2]).values(event_id=None))
            connection.execute(delete(EventArticleRow).where(EventArticleRow.event_id == ids[2]))
            connection.execute(delete(EventRow).where(EventRow.id == ids[2]))
            connection.execute(delete(ClaimRow).where(ClaimRow.event_id.is_(None)))
        with engine.connect() as connection:
            assert _totals(connection) == _recount(connection)
            assert _place_totals(connection) == _place_recount(connection)
            undated = [key for key in _totals(connection) if key[0] == UNDATED_DAY]
            assert undated, "the undated event is counted under UNDATED_DAY"
            assert _table_rows(connection) == _counted_rows(connection)
    finally:
        engine.dispose()


def test_the_migration_adds_up_the_events_already_stored(store_url: str) -> None:
    store(store_url, EXAMPLES)
    engine = open_engine(store_url)
    try:
        with engine.begin() as connection:
            before = _totals(connection)
            command.downgrade(_alembic_config(connection), "0008")
            connection.execute(update(EventRow).values(admin2="Kech"))  # no triggers now
            command.upgrade(_alembic_config(connection), "head")
        with engine.connect() as connection:
            after = _totals(connection)
            assert after == _recount(connection) != before
            assert _place_totals(connection) == _place_recount(connection)
            assert _table_rows(connection) == _counted_rows(connection)
    finally:
        engine.dispose()


def test_totals_answer_filters_as_the_events_would(store_url: str) -> None:
    """``counted_totals`` and ``grouped_totals`` select what ``EventFilter`` selects on the events; the actor
    filter, which the totals do not hold, is refused."""
    store(store_url, EXAMPLES)
    engine = open_engine(store_url)
    filters = [
        EventFilter(),
        EventFilter(date_from=dt.date(2025, 3, 12), date_to=dt.date(2025, 3, 31)),
        EventFilter(date_to=dt.date(2025, 3, 31)),
        EventFilter(country="pk", admin1="BALOCHISTAN"),
        EventFilter(admin2="kech"),
        EventFilter(event_type="explosions/remote violence"),
        EventFilter(campaign="sandwall"),
    ]
    try:
        with engine.connect() as connection:
            session = Session(connection)
            for where in filters:
                condition = totals_condition(where)
                selected = select(EventRow).where(*where.conditions()).subquery()
                total = connection.execute(select(func.count()).select_from(selected)).scalar_one()
                dated = connection.execute(select(func.count(selected.c.date))).scalar_one()
                assert counted_totals(session, where) == (total, dated), where
                by_day = Counter(
                    connection.execute(select(selected.c.date).where(selected.c.date.is_not(None))).scalars()
                )
                grouped = {
                    key[0]: events for key, events, _best in grouped_totals(session, condition, ("date",))
                }
                assert grouped == {**by_day, **({None: total - dated} if total > dated else {})}, where
            assert (
                stored_rows(session, "claims")
                == connection.execute(select(func.count()).select_from(ClaimRow)).scalar_one()
            )
        assert totals_condition(EventFilter(actor="BLA")) is None
    finally:
        engine.dispose()
