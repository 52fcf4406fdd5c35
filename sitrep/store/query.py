"""Reading the store back as the contract's dataset types, with the filters done in SQL.

``load_dataset`` gives the whole (filtered) ``Dataset`` for the exporters; ``list_events`` one page of the same
``DatasetEvent`` objects for the API, ``count_events`` how many there are; ``load_articles`` the metadata of
articles by dataset id (source names and headlines for the ACLED/UCDP writers). Each accepts an ``Engine``, a
``Connection`` or an ORM ``Session``. Event, claim and place ids are dataset ids, unique across articles:
"<article id>#e1", "<article id>#c1", "<article id>#p6", after the article that first reported them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from sitrep.model import (
    ArticleMeta,
    Claimant,
    Count,
    Dataset,
    DatasetCampaign,
    DatasetEvent,
    EventSource,
    Place,
    SourcedClaim,
)
from sitrep.store.db import reported, require_schema
from sitrep.store.tables import (
    ArticleRow,
    CampaignArticleRow,
    CampaignRow,
    ClaimRow,
    EventArticleRow,
    EventRow,
    PlaceRow,
)

articles = ArticleRow.__table__
places = PlaceRow.__table__
campaigns = CampaignRow.__table__
events = EventRow.__table__
claims = ClaimRow.__table__
event_articles = EventArticleRow.__table__
campaign_articles = CampaignArticleRow.__table__

# Rows per IN (...) list: far below SQLite's and PostgreSQL's bound-parameter limits.
_CHUNK = 500
_WORDS = re.compile(r"\w+")

# An event row: the event's columns, its place's as place_<column> (its id is the event's place_id), its
# campaign's dataset id.
PLACE_COLUMNS = tuple(column.label(f"place_{column.name}") for column in places.c if column.name != "id")
EVENT_COLUMNS = (*events.c, *PLACE_COLUMNS, campaigns.c.uid.label("campaign_uid"))


def events_joined() -> Any:
    return events.outerjoin(places, events.c.place_id == places.c.id).outerjoin(
        campaigns, events.c.campaign_id == campaigns.c.id
    )


def campaign_key(name: str) -> str:
    """A campaign name as matched: case-folded words ("Operation Sandwall, Phase II" → "operation sandwall
    phase ii")."""
    return " ".join(_WORDS.findall(name.casefold()))


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read. Text filters ignore case; ``actor`` matches part of actor1 or actor2 ("BLA");
    ``event_type`` an event type or a sub-event type; ``campaign`` a campaign id or part of its name; ``country``
    an ISO 3166 alpha-2 code. Dates are inclusive; a date filter leaves out undated events."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    actor: str | None = None
    event_type: str | None = None
    campaign: str | None = None

    def conditions(self) -> list[Any]:
        conditions: list[Any] = []
        if self.date_from is not None:
            conditions.append(events.c.date >= self.date_from)
        if self.date_to is not None:
            conditions.append(events.c.date <= self.date_to)
        if self.country:
            conditions.append(func.upper(events.c.country_code) == self.country.upper())
        for column, value in ((events.c.admin1, self.admin1), (events.c.admin2, self.admin2)):
            if value:
                conditions.append(func.lower(column) == value.lower())
        if self.actor:
            conditions.append(
                or_(
                    events.c.actor1.icontains(self.actor, autoescape=True),
                    events.c.actor2.icontains(self.actor, autoescape=True),
                )
            )
        if self.event_type:
            wanted = self.event_type.lower()
            conditions.append(
                or_(func.lower(events.c.event_type) == wanted, func.lower(events.c.sub_event_type) == wanted)
            )
        if self.campaign:
            conditions.append(events.c.campaign_id.in_(select(campaigns.c.id).where(self._campaign_named())))
        return conditions

    def _campaign_named(self) -> Any:
        """The campaign filter: its id, or part of its name."""
        assert self.campaign is not None
        return or_(
            campaigns.c.uid == self.campaign,
            campaigns.c.name_key.contains(campaign_key(self.campaign), autoescape=True),
        )

    def campaign_conditions(self) -> list[Any] | None:
        """What selects a campaign with no event (its claims name only a province): its days, actor and name;
        None when a filter on place or type leaves such campaigns out (they have neither)."""
        if self.country or self.admin1 or self.admin2 or self.event_type:
            return None
        conditions: list[Any] = []
        if self.date_from is not None:
            conditions.append(campaigns.c.date_last >= self.date_from)
        if self.date_to is not None:
            conditions.append(campaigns.c.date_first <= self.date_to)
        if self.actor:
            conditions.append(campaigns.c.actor.icontains(self.actor, autoescape=True))
        if self.campaign:
            conditions.append(self._campaign_named())
        return conditions


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
                for chunk in _chunks(wanted)
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


# --- rows → contract types ----------------------------------------------------------------------------------


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def place_from_row(row: Row[Any]) -> Place | None:
    """The place of an ``EVENT_COLUMNS`` row (its ``place_*`` columns)."""
    if row.place_id is None:
        return None
    return Place(
        id=row.place_uid,
        name=row.place_name,
        text=row.place_text,
        country_code=row.place_country_code,
        admin1=row.place_admin1,
        admin2=row.place_admin2,
        lat=row.place_lat,
        lon=row.place_lon,
        geonameid=row.place_geonameid,
        kind=row.place_kind,
        precision=row.place_precision,
        role=row.place_role,
        start=row.place_start_char,
        end=row.place_end_char,
    )


def place_from_orm(place: PlaceRow) -> Place:
    return Place(
        id=place.uid,
        name=place.name,
        text=place.text,
        country_code=place.country_code,
        admin1=place.admin1,
        admin2=place.admin2,
        lat=place.lat,
        lon=place.lon,
        geonameid=place.geonameid,
        kind=place.kind,
        precision=place.precision,
        role=place.role,
        start=place.start,
        end=place.end,
    )


def _claim_from_row(row: Row[Any]) -> SourcedClaim:
    return SourcedClaim(
        id=row.uid,
        outcome=row.outcome,
        victim=row.victim,
        victim_text=row.victim_text,
        count=Count(
            low=row.count_low, high=row.count_high, text=row.count_text, approximate=row.count_approximate
        ),
        claimant=Claimant(name=row.claimant_name, kind=row.claimant_kind, text=row.claimant_text),
        stance=row.stance,
        verified=row.verified,
        quote=row.quote,
        start=row.start_char,
        end=row.end_char,
        place_ids=row.place_ids,
        part_of=row.part_of,
        background=row.background,
        article_id=row.article_uid,
        published=row.article_published,
        source=row.article_source,
        url=row.article_url,
        superseded_by=row.superseded_by_uid,
    )


def event_from_row(
    row: Any,
    event_claims: Iterable[SourcedClaim] = (),
    article_ids: Iterable[str] = (),
    *,
    sources: Iterable[EventSource] = (),
    with_toll: bool = True,
    place: Place | None = None,
    campaign_uid: str | None = None,
) -> DatasetEvent:
    """A ``DatasetEvent`` from an ``EVENT_COLUMNS`` row, or from an ``EventRow`` with its ``place`` and
    ``campaign_uid`` given. ``with_toll=False`` leaves the toll out (comparing events for a merge does not need
    it, and it grows with every article)."""
    event_claims = list(event_claims)
    if not isinstance(row, EventRow):
        place, campaign_uid = place_from_row(row), row.campaign_uid
    return DatasetEvent(
        id=row.uid,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        gtd_attack_type=row.gtd_attack_type,
        date=row.date,
        date_precision=row.date_precision,
        actor1=row.actor1,
        actor2=row.actor2,
        inter1=row.inter1,
        inter2=row.inter2,
        interaction=row.interaction,
        claimed_by=row.claimed_by,
        denied_by=row.denied_by,
        place_id=place.id if place is not None else None,
        fatalities=row.fatalities,
        injured=row.injured,
        abducted=row.abducted,
        by_side=row.by_side,
        claim_ids=[c.id for c in event_claims],
        campaign_id=campaign_uid,
        tactics=row.tactics,
        article_ids=list(article_ids),
        claims=event_claims,
        place=place,
        notes=row.notes,
        toll=row.toll if with_toll else [],
        sources=list(sources),
    )


# The revision that replaced a claim's article, if one did.
_revisions = articles.alias("revisions")
_CLAIM_COLUMNS = (
    *claims.c,
    articles.c.uid.label("article_uid"),
    articles.c.published.label("article_published"),
    articles.c.source.label("article_source"),
    articles.c.url.label("article_url"),
    _revisions.c.uid.label("superseded_by_uid"),
)


def claims_joined() -> Any:
    """Claims with their article and the revision that replaced it (``_CLAIM_COLUMNS``)."""
    return claims.join(articles, claims.c.article_id == articles.c.id).outerjoin(
        _revisions, articles.c.superseded_by == _revisions.c.id
    )


def events_from_rows(connection: Connection | Session, rows: Sequence[Row[Any]]) -> list[DatasetEvent]:
    """Full events for ``EVENT_COLUMNS`` rows, or for ORM rows ``(EventRow, PlaceRow | None, campaign uid)``:
    claims and article ids (with why each article joined: ``sources``) fetched in a few queries, in the order
    they were stored."""
    orm = bool(rows) and isinstance(rows[0][0], EventRow)
    ids = [row[0].id if orm else row.id for row in rows]
    event_claims: dict[int, list[SourcedClaim]] = defaultdict(list)
    event_sources: dict[int, list[EventSource]] = defaultdict(list)
    for chunk in _chunks(ids):
        claim_rows = connection.execute(
            select(*_CLAIM_COLUMNS)
            .select_from(claims_joined())
            .where(claims.c.event_id.in_(chunk))
            .order_by(claims.c.id)
        )
        for row in claim_rows:
            event_claims[row.event_id].append(_claim_from_row(row))
        link_rows = connection.execute(
            select(event_articles.c.event_id, articles.c.uid, event_articles.c.matched)
            .join(articles, event_articles.c.article_id == articles.c.id)
            .where(event_articles.c.event_id.in_(chunk))
            .order_by(articles.c.id)
        )
        for event_id, article_uid, matched in link_rows:
            event_sources[event_id].append(EventSource(article_id=article_uid, matched=matched))
    if orm:
        return [
            event_from_row(
                event,
                event_claims[event.id],
                [source.article_id for source in event_sources[event.id]],
                sources=event_sources[event.id],
                place=place_from_orm(place) if place is not None else None,
                campaign_uid=campaign_uid,
            )
            for event, place, campaign_uid in rows
        ]
    return [
        event_from_row(
            row,
            event_claims[row.id],
            [source.article_id for source in event_sources[row.id]],
            sources=event_sources[row.id],
        )
        for row in rows
    ]


def campaign_claims(connection: Connection | Session, campaign_ids: Sequence[int]) -> dict[int, list[SourcedClaim]]:
    """The campaign-wide claims (held by no event) of each campaign row, in the order they were stored."""
    found: dict[int, list[SourcedClaim]] = defaultdict(list)
    for chunk in _chunks(campaign_ids):
        for row in connection.execute(
            select(*_CLAIM_COLUMNS)
            .select_from(claims_joined())
            .where(claims.c.campaign_id.in_(chunk), claims.c.event_id.is_(None))
            .order_by(claims.c.id)
        ):
            found[row.campaign_id].append(_claim_from_row(row))
    return found


def campaign_from_row(row: Row[Any], own_claims: list[SourcedClaim], **fields: Any) -> DatasetCampaign:
    """A ``DatasetCampaign`` from a ``campaigns`` row with its campaign-wide claims (``fields``: the rest)."""
    return DatasetCampaign(
        id=row.uid,
        name=row.name,
        actor=row.actor,
        named=row.named,
        date_first=row.date_first,
        date_last=row.date_last,
        claims=own_claims,
        claim_ids=[c.id for c in own_claims],
        fatalities=row.fatalities or {},
        injured=row.injured or {},
        abducted=row.abducted or {},
        by_side=row.by_side or {},
        notes=row.notes,
        toll=row.toll,
        **fields,
    )


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
    for chunk in _chunks(wanted):
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
