"""Rows → the contract's types: ``events``/``places``/``claims``/``campaigns`` rows (Core or ORM) in,
``DatasetEvent``, ``Place``, ``SourcedClaim`` and ``DatasetCampaign`` out, with the columns and joins that read
them (``EVENT_COLUMNS``, ``events_joined``, ``claims_joined``).

Event, claim and place ids are dataset ids, unique across articles: "<article id>#e1", "<article id>#c1",
"<article id>#p6", after the article that first reported them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Row, select
from sqlalchemy.orm import Session

from sitrep.model import (
    Claimant,
    Count,
    DatasetCampaign,
    DatasetEvent,
    EventSource,
    Place,
    SourcedClaim,
)
from sitrep.store.tables import (
    EventRow,
    PlaceRow,
    articles,
    campaigns,
    claims,
    event_articles,
    events,
    places,
)

# Rows per IN (...) list: far below SQLite's and PostgreSQL's bound-parameter limits.
CHUNK = 500

# An event row: the event's columns, its place's as place_<column> (its id is the event's place_id), its
# campaign's dataset id.
PLACE_COLUMNS = tuple(column.label(f"place_{column.name}") for column in places.c if column.name != "id")
EVENT_COLUMNS = (*events.c, *PLACE_COLUMNS, campaigns.c.uid.label("campaign_uid"))


def events_joined() -> Any:
    return events.outerjoin(places, events.c.place_id == places.c.id).outerjoin(
        campaigns, events.c.campaign_id == campaigns.c.id
    )


def chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


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
    for chunk in chunks(ids):
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


def campaign_claims(
    connection: Connection | Session, campaign_ids: Sequence[int]
) -> dict[int, list[SourcedClaim]]:
    """The campaign-wide claims (held by no event) of each campaign row, in the order they were stored."""
    found: dict[int, list[SourcedClaim]] = defaultdict(list)
    for chunk in chunks(campaign_ids):
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
