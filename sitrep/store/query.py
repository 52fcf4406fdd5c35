"""Reading the store back as the contract's dataset types: a store (``Engine``, ``Connection`` or ORM
``Session``) and filters in, the dataset out, with the filters done in SQL.

``load_dataset`` gives the whole (filtered) ``Dataset`` for the exporters; ``list_events`` one page of the same
``DatasetEvent`` objects for the API, ``count_events`` how many there are; ``load_articles`` the metadata of
articles by dataset id (source names and headlines for the ACLED/UCDP writers); ``load_campaigns`` the
campaigns of selected events. Rows become contract types in ``sitrep.store.rows``; ``EventFilter``
(``sitrep.store.filters``) says which events.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Row, Select, and_, func, select
from sqlalchemy.orm import Session

from sitrep.model import ArticleMeta, Dataset, DatasetCampaign, DatasetEvent
from sitrep.store.db import reported, require_schema
from sitrep.store.filters import EventFilter
from sitrep.store.rows import (
    EVENT_COLUMNS,
    campaign_claims,
    campaign_from_row,
    chunks,
    events_from_rows,
    events_joined,
)
from sitrep.store.tables import articles, campaign_articles, campaigns, events


def _events_select(where: EventFilter) -> Select[Any]:
    return (
        select(*EVENT_COLUMNS)
        .select_from(events_joined())
        .where(and_(True, *where.conditions()))
        .order_by(events.c.date.is_(None), events.c.date, events.c.id)
    )


@contextlib.contextmanager
def _connection(target: Engine | Connection | Session) -> Iterator[Connection]:
    """A connection reading through ``target``; an engine's database is checked first (schema revision)."""
    if isinstance(target, Session):
        yield target.connection()
    elif isinstance(target, Connection):
        yield target
    elif isinstance(target, Engine):
        require_schema(target, create=False)
        with reported(target.url), target.connect() as connection:
            yield connection
    else:
        raise TypeError(f"expected an Engine, Connection or Session, not {type(target).__name__}")


def load_dataset(
    target: Engine | Connection | Session,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    country: str | None = None,
    admin1: str | None = None,
    admin2: str | None = None,
    actor: str | None = None,
    event_type: str | None = None,
    campaign: str | None = None,
) -> Dataset:
    """The reconciled dataset: the events the filters select, each with all its claims, article ids, place,
    notes and toll, and the campaigns those events belong to (``event_ids`` limited to the selected events)."""
    where = EventFilter(date_from, date_to, country, admin1, admin2, actor, event_type, campaign)
    with _connection(target) as connection:
        rows = connection.execute(_events_select(where)).all()
        dataset_events = events_from_rows(connection, rows)
        dataset_campaigns = _campaigns(connection, rows, dataset_events, where)
    return Dataset(events=dataset_events, campaigns=dataset_campaigns)


def list_events(
    target: Engine | Connection | Session,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    country: str | None = None,
    admin1: str | None = None,
    admin2: str | None = None,
    actor: str | None = None,
    event_type: str | None = None,
    campaign: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[DatasetEvent]:
    """One page of events (ordered by date, undated last, then by when they were first stored)."""
    if offset < 0 or limit < 0:
        raise ValueError("offset and limit must not be negative")
    where = EventFilter(date_from, date_to, country, admin1, admin2, actor, event_type, campaign)
    with _connection(target) as connection:
        rows = connection.execute(_events_select(where).offset(offset).limit(limit)).all()
        return events_from_rows(connection, rows)


def count_events(target: Engine | Connection | Session, **filters: Any) -> int:
    """How many events the filters (those of ``list_events``) select."""
    where = EventFilter(**filters)
    with _connection(target) as connection:
        query = select(func.count()).select_from(events).where(and_(True, *where.conditions()))
        return connection.execute(query).scalar_one()


def load_articles(
    target: Engine | Connection | Session, article_ids: Iterable[str] | None = None
) -> dict[str, ArticleMeta]:
    """Article metadata by dataset id: the given ids, else every article (duplicates included)."""
    columns = [
        articles.c[name] for name in ("uid", "title", "published", "url", "source", "author", "language")
    ]
    found: dict[str, ArticleMeta] = {}
    with _connection(target) as connection:
        if article_ids is None:
            batches: Iterable[Any] = [connection.execute(select(*columns).order_by(articles.c.id))]
        else:
            wanted = list(dict.fromkeys(article_ids))
            batches = (
                connection.execute(select(*columns).where(articles.c.uid.in_(chunk)))
                for chunk in chunks(wanted)
            )
        for batch in batches:
            for row in batch:
                found[row.uid] = ArticleMeta(
                    id=row.uid,
                    title=row.title,
                    published=row.published,
                    url=row.url,
                    source=row.source,
                    author=row.author,
                    language=row.language,
                )
    return found


def _campaigns(
    connection: Connection, rows: Sequence[Row[Any]], dataset_events: list[DatasetEvent], where: EventFilter
) -> list[DatasetCampaign]:
    event_uids: dict[str, list[str]] = defaultdict(list)
    for row, dataset_event in zip(rows, dataset_events, strict=True):
        if row.campaign_uid is not None:
            event_uids[row.campaign_uid].append(dataset_event.id)
    return load_campaigns(connection, event_uids, where)


def load_campaigns(
    connection: Connection | Session, event_uids: dict[str, list[str]], where: EventFilter | None = None
) -> list[DatasetCampaign]:
    """The campaigns of the selected events (``event_uids``: campaign uid → its selected events' ids), and
    those with no event at all (reports naming only a province) that ``where`` selects; with their own
    claims, articles and reconciled figures."""
    selected = select(campaigns.c.id).where(campaigns.c.uid.in_(sorted(event_uids))) if event_uids else None
    wanted_ids = set(connection.execute(selected).scalars()) if selected is not None else set()
    selects_without_events = where.campaign_conditions() if where is not None else []
    if selects_without_events is not None:
        without_events = select(campaigns.c.id).where(
            ~select(events.c.id).where(events.c.campaign_id == campaigns.c.id).exists(),
            *selects_without_events,
        )
        wanted_ids.update(connection.execute(without_events).scalars())
    wanted = sorted(wanted_ids)
    found: list[DatasetCampaign] = []
    for chunk in chunks(wanted):
        own_claims = campaign_claims(connection, chunk)
        article_uids: dict[int, list[str]] = defaultdict(list)
        for campaign_id, uid in connection.execute(
            select(campaign_articles.c.campaign_id, articles.c.uid)
            .join(articles, campaign_articles.c.article_id == articles.c.id)
            .where(campaign_articles.c.campaign_id.in_(chunk))
            .order_by(articles.c.id)
        ):
            article_uids[campaign_id].append(uid)
        for campaign in connection.execute(select(campaigns).where(campaigns.c.id.in_(chunk))):
            found.append(
                campaign_from_row(
                    campaign,
                    own_claims[campaign.id],
                    event_ids=event_uids.get(campaign.uid, []),
                    article_ids=article_uids[campaign.id],
                )
            )
    return sorted(found, key=lambda c: c.id)
