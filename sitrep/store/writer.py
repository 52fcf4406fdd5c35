"""Storing one extracted article: one transaction, merged into the events already stored.

``ArticleWriter.store`` decides, in this order: the article is already stored (same URL or same normalised
text: nothing is written); it is a near-duplicate of a stored article (its row is stored pointing at the
original, and nothing else: its claims are the original's claims again); or it is new. A new article's places,
campaigns, events and claims are written in the same transaction as the article row, so a crash leaves either
all of it or none of it.

Each event of a new article is merged into the first stored event that ``sitrep.resolve.rules.same_incident``
accepts (``merge`` then recomputes its figures, notes and toll), else inserted. Candidates are the stored
events in the same country/admin1/admin2 dated within a month of it (the widest window the rules allow),
oldest first. Two events of one article are never merged with each other: the extractor already decided they
differ. Undated events are never merged: nothing says they happened on the same day. Campaigns merge on their
normalised name and actor.

The statements are built once (SQLAlchemy Core with bound parameters): building them per article cost more
than running them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, exists, func, insert, or_, select, update

from sitrep.model import Article, DatasetEvent, ExtractResult
from sitrep.resolve.rules import claim_id, merge, same_incident, to_dataset_event
from sitrep.store.db import WRITE
from sitrep.store.dedup import NearDuplicateIndex
from sitrep.store.query import (
    EVENT_COLUMNS,
    PLACE_COLUMNS,
    articles,
    campaign_articles,
    campaign_key,
    campaigns,
    claims,
    event_articles,
    events,
    events_from_rows,
    events_joined,
    place_from_row,
    places,
)

# Stored events this many days either side of a new event's date are merge candidates: the rules' widest
# window is "the same month" (ACLED time precision 3).
CANDIDATE_DAYS = 31

# Articles with this text or URL (the same article), or with the id the new one wants: one query.
_FIND_STORED = (
    select(articles.c.uid, articles.c.text_sha256, articles.c.url_sha256)
    .where(
        or_(
            articles.c.text_sha256 == bindparam("text_hash"),
            articles.c.url_sha256 == bindparam("url_hash"),
            articles.c.uid == bindparam("uid"),
        )
    )
    .order_by(articles.c.id)
)
_UID_TAKEN = select(exists().where(articles.c.uid == bindparam("uid")))
_ARTICLE = select(articles.c.id, articles.c.uid, articles.c.duplicate_of).where(
    articles.c.id == bindparam("row")
)
_INSERT_ARTICLE = insert(articles).returning(articles.c.id)
_INSERT_PLACES = insert(places)
_PLACE_ROWS = select(places.c.uid, places.c.id).where(places.c.article_id == bindparam("article_row"))
_FIND_CAMPAIGN = select(campaigns.c.id, campaigns.c.uid).where(
    campaigns.c.name_key == bindparam("name_key"), campaigns.c.actor_key == bindparam("actor_key")
)
_INSERT_CAMPAIGN = insert(campaigns).returning(campaigns.c.id)
# What the same-incident rules compare (place, date, type, actors): not the figures, notes or toll, which grow
# with every article and would be decoded from JSON for nothing.
_COMPARED = (
    "id",
    "uid",
    "event_type",
    "sub_event_type",
    "gtd_attack_type",
    "date",
    "date_precision",
    "actor1",
    "actor2",
    "campaign_id",
    "revision",
    "place_id",
)
_CANDIDATES = (
    select(*(events.c[name] for name in _COMPARED), *PLACE_COLUMNS)
    .select_from(events_joined())
    .where(
        events.c.place_key == bindparam("place_key"),
        events.c.date.between(bindparam("earliest"), bindparam("latest")),
        events.c.place_id.is_not(None),
    )
    .order_by(events.c.id)
)
_EVENT_BY_ROW = select(*EVENT_COLUMNS).select_from(events_joined()).where(events.c.id == bindparam("row"))
_INSERT_EVENT = insert(events).returning(events.c.id)
_UPDATE_EVENT = update(events).where(events.c.id == bindparam("row"))
_INSERT_EVENT_ARTICLES = insert(event_articles)
_INSERT_CAMPAIGN_ARTICLE = insert(campaign_articles)
_INSERT_CLAIMS = insert(claims)
# Full events kept in memory after a write (row id → event, at its revision): a merge into a recently stored
# event, the common case, then needs no reload of its claims.
CACHED_EVENTS = 1000


class Outcome(enum.StrEnum):
    new = "new"
    duplicate = "duplicate"
    already_stored = "already stored"


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article with what the pipeline found in it and its fingerprints (computed by an extraction worker)."""

    article: Article
    result: ExtractResult
    text_sha256: str
    url_sha256: str | None
    signature: bytes | None


@dataclass(slots=True)
class Stored:
    """What ``store`` did with one article."""

    outcome: Outcome
    article_id: str  # the input's id
    uid: str  # the dataset id it is stored under (already stored: of the stored article it matched)
    duplicate_of: str | None = None  # a duplicate: the dataset id of the original
    similarity: float | None = None
    new_events: int = 0
    merged_events: int = 0


@dataclass(slots=True)
class _Ids:
    """An article's local ids ("p6", "k1") and the rows they became; the event row each claim went to."""

    place_rows: dict[str, int] = field(default_factory=dict)
    campaign_rows: dict[str, int] = field(default_factory=dict)
    campaign_uids: dict[str, str] = field(default_factory=dict)
    claim_events: dict[str, int] = field(default_factory=dict)  # dataset claim id → event row


def place_key(country_code: str | None, admin1: str | None, admin2: str | None) -> str | None:
    """Where merge candidates are looked up: country|admin1|admin2."""
    if not country_code:
        return None
    return f"{country_code}|{admin1 or ''}|{admin2 or ''}"


class ArticleWriter:
    """Writes articles into the database at ``engine``, one transaction each, from a single process."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine.execution_options(**{WRITE: True})
        self._near = NearDuplicateIndex()
        # Fingerprint → the stored article's uid, for skipping known articles before extracting them.
        self._known_texts: dict[str, str] = {}
        self._known_urls: dict[str, str] = {}
        self._events: OrderedDict[int, tuple[int, DatasetEvent]] = OrderedDict()
        # One connection for the writer's life: checking one out of the pool per article costs time for nothing.
        self._connection = self._engine.connect()
        columns = (articles.c.id, articles.c.uid, articles.c.text_sha256, articles.c.url_sha256)
        with self._connection.begin():
            for row in self._connection.execute(select(*columns, articles.c.minhash)):
                self._remember(*row)

    def _remember(
        self, article_row: int, uid: str, text_hash: str, url_hash: str | None, signature: bytes | None
    ) -> None:
        self._near.add(article_row, signature)
        self._known_texts[text_hash] = uid
        if url_hash:
            self._known_urls[url_hash] = uid

    def known_as(self, text_sha256: str, url_sha256: str | None) -> str | None:
        """The uid of the stored article with this text or URL, if this writer has seen one: a cheap check that
        spares extracting it again. ``store`` checks the database itself in any case."""
        return self._known_texts.get(text_sha256) or (
            self._known_urls.get(url_sha256) if url_sha256 else None
        )

    def close(self) -> None:
        self._connection.close()

    def count_events(self) -> int:
        with self._connection.begin():
            return self._connection.execute(select(func.count()).select_from(events)).scalar_one()

    def store(self, item: Extracted) -> Stored:
        """Store one article in one transaction (see the module docstring)."""
        try:
            with self._connection.begin():
                stored, article_row = _Transaction(self._connection, self._near, self._events).store(item)
        except BaseException:
            self._events.clear()  # it may hold states the rollback undid
            raise
        while len(self._events) > CACHED_EVENTS:
            self._events.popitem(last=False)
        # Only once committed: a rolled-back article must not be found as a duplicate later.
        if article_row is not None:
            self._remember(article_row, stored.uid, item.text_sha256, item.url_sha256, item.signature)
        return stored


class _Transaction:
    """The writes of one article, on one connection inside its transaction."""

    def __init__(
        self,
        connection: Connection,
        near: NearDuplicateIndex,
        cached: OrderedDict[int, tuple[int, DatasetEvent]],
    ) -> None:
        self.connection = connection
        self.near = near
        self.cached = cached
        self.links: list[dict[str, int]] = []  # event_articles rows, written together at the end

    def store(self, item: Extracted) -> tuple[Stored, int | None]:
        execute, article = self.connection.execute, item.article
        found = execute(
            _FIND_STORED, {"text_hash": item.text_sha256, "url_hash": item.url_sha256, "uid": article.id}
        ).all()
        existing = next(
            (
                r
                for r in found
                if r.text_sha256 == item.text_sha256 or (item.url_sha256 and r.url_sha256 == item.url_sha256)
            ),
            None,
        )
        if existing is not None:
            return Stored(Outcome.already_stored, article.id, existing.uid), None

        uid = self._free_uid(article.id) if found else article.id
        near = self.near.find(item.signature)
        original = execute(_ARTICLE, {"row": near.article_id}).first() if near else None
        if original is not None and original.duplicate_of is not None:  # point at the first, never at a copy
            original = execute(_ARTICLE, {"row": original.duplicate_of}).first()
        meta = item.result.article
        article_row = execute(
            _INSERT_ARTICLE,
            {
                "uid": uid,
                "source_id": article.id,
                "url": article.url,
                "url_sha256": item.url_sha256,
                "text_sha256": item.text_sha256,
                "title": article.title,
                "published": article.published,
                "source": article.source,
                "author": article.author,
                "language": meta.language,
                "note": item.result.note,
                "text": article.text,
                "minhash": item.signature,
                "duplicate_of": original.id if original is not None else None,
                "similarity": near.similarity if near is not None and original is not None else None,
                "ingested_at": dt.datetime.now(dt.UTC),
            },
        ).scalar_one()
        if original is not None:
            similarity = near.similarity if near is not None else None
            return Stored(Outcome.duplicate, article.id, uid, original.uid, similarity), article_row

        stored = Stored(Outcome.new, article.id, uid)
        meta = meta.model_copy(update={"id": uid})
        ids = _Ids()
        self._insert_places(article_row, uid, item.result, ids)
        self._upsert_campaigns(article_row, uid, item.result, ids)
        for event in item.result.events:
            dataset_event = _scoped(to_dataset_event(event, item.result, meta), uid, ids)
            campaign_row = ids.campaign_rows.get(event.campaign_id) if event.campaign_id else None
            if self._merge_into_stored(article_row, dataset_event, campaign_row, ids):
                stored.merged_events += 1
            else:
                place_row = ids.place_rows.get(event.place_id) if event.place_id else None
                self._insert_event(article_row, dataset_event, place_row, campaign_row, ids)
                stored.new_events += 1
        if self.links:
            execute(_INSERT_EVENT_ARTICLES, self.links)
        self._insert_claims(article_row, uid, item.result, ids)
        return stored, article_row

    def _free_uid(self, wanted: str) -> str:
        """``wanted``, or ``wanted~2``, ``~3``… when another article already has that id (two files of one
        name in different folders): dataset ids must be unique."""
        candidate, number = wanted, 1
        while self.connection.execute(_UID_TAKEN, {"uid": candidate}).scalar():
            number += 1
            candidate = f"{wanted}~{number}"
        return candidate

    def _insert_places(self, article_row: int, uid: str, result: ExtractResult, ids: _Ids) -> None:
        if not result.places:
            return
        rows = [
            {
                **place.model_dump(exclude={"id", "start", "end"}),
                "uid": f"{uid}#{place.id}",
                "article_id": article_row,
                "start_char": place.start,
                "end_char": place.end,
            }
            for place in result.places
        ]
        # A plain insert and one select of the ids: cheaper than RETURNING rows in parameter order.
        self.connection.execute(_INSERT_PLACES, rows)
        row_ids = dict(self.connection.execute(_PLACE_ROWS, {"article_row": article_row}).all())
        ids.place_rows = {place.id: row_ids[f"{uid}#{place.id}"] for place in result.places}

    def _upsert_campaigns(self, article_row: int, uid: str, result: ExtractResult, ids: _Ids) -> None:
        execute = self.connection.execute
        for campaign in result.campaigns:
            keys = {"name_key": campaign_key(campaign.name), "actor_key": campaign.actor or ""}
            found = execute(_FIND_CAMPAIGN, keys).first()
            if found is None:
                new_uid = f"{uid}#{campaign.id}"
                row = execute(
                    _INSERT_CAMPAIGN, {**keys, "uid": new_uid, "name": campaign.name, "actor": campaign.actor}
                ).scalar_one()
                found = (row, new_uid)
            ids.campaign_rows[campaign.id], ids.campaign_uids[campaign.id] = found
            execute(_INSERT_CAMPAIGN_ARTICLE, {"campaign_id": found[0], "article_id": article_row})

    def _merge_into_stored(
        self, article_row: int, new: DatasetEvent, new_campaign: int | None, ids: _Ids
    ) -> bool:
        key = place_key(*_district(new))
        if key is None or new.date is None or new.place is None:
            return False
        window = dt.timedelta(days=CANDIDATE_DAYS)
        candidates = self.connection.execute(
            _CANDIDATES,
            {
                "place_key": key,
                "earliest": new.date - window,
                "latest": new.date + window,
            },
        )
        for row in candidates:
            if any(link["event_id"] == row.id for link in self.links):
                continue  # an event of this same article: the extractor already told them apart
            same_campaign = new_campaign is not None and row.campaign_id == new_campaign
            if same_incident(_comparable(row), new, same_campaign=same_campaign):
                break
        else:
            return False
        revision, stored = self.cached.pop(row.id, (None, None))
        if revision != row.revision or stored is None:  # not cached, or changed by another writer since
            full_row = self.connection.execute(_EVENT_BY_ROW, {"row": row.id}).one()
            [stored] = events_from_rows(self.connection, [full_row])
        merged = merge(stored, new)
        values = _event_values(merged)
        if row.campaign_id is None and new_campaign is not None:
            values["campaign_id"] = new_campaign  # a later article named the operation this event belongs to
            merged = merged.model_copy(update={"campaign_id": new.campaign_id})
        self.connection.execute(_UPDATE_EVENT, {**values, "revision": row.revision + 1, "row": row.id})
        self.cached[row.id] = (row.revision + 1, merged)
        self.links.append({"event_id": row.id, "article_id": article_row})
        for claim in new.claims:
            ids.claim_events[claim.id] = row.id
        return True

    def _insert_event(
        self,
        article_row: int,
        event: DatasetEvent,
        place_row: int | None,
        campaign_row: int | None,
        ids: _Ids,
    ) -> None:
        country_code, admin1, admin2 = _district(event)
        row = self.connection.execute(
            _INSERT_EVENT,
            {
                "uid": event.id,
                **_event_values(event),
                "place_id": place_row,
                "country_code": country_code,
                "admin1": admin1,
                "admin2": admin2,
                "place_key": place_key(country_code, admin1, admin2),
                "campaign_id": campaign_row,
                "revision": 0,
            },
        ).scalar_one()
        self.cached[row] = (0, event)
        self.links.append({"event_id": row, "article_id": article_row})
        for claim in event.claims:
            ids.claim_events[claim.id] = row

    def _insert_claims(self, article_row: int, uid: str, result: ExtractResult, ids: _Ids) -> None:
        if not result.claims:
            return
        claim_campaigns = {
            claim: ids.campaign_rows[campaign.id]
            for campaign in result.campaigns
            for claim in campaign.claim_ids
        }
        rows = []
        for claim in result.claims:
            dataset_id = claim_id(uid, claim.id)
            rows.append(
                {
                    "uid": dataset_id,
                    "article_id": article_row,
                    "event_id": ids.claim_events.get(dataset_id),
                    "campaign_id": claim_campaigns.get(claim.id),
                    "outcome": claim.outcome,
                    "victim": claim.victim,
                    "victim_text": claim.victim_text,
                    "count_low": claim.count.low,
                    "count_high": claim.count.high,
                    "count_text": claim.count.text,
                    "count_approximate": claim.count.approximate,
                    "claimant_name": claim.claimant.name,
                    "claimant_kind": claim.claimant.kind,
                    "claimant_text": claim.claimant.text,
                    "stance": claim.stance,
                    "verified": claim.verified,
                    "quote": claim.quote,
                    "start_char": claim.start,
                    "end_char": claim.end,
                    "place_ids": [f"{uid}#{p}" for p in claim.place_ids],
                    "part_of": claim_id(uid, claim.part_of) if claim.part_of else None,
                }
            )
        self.connection.execute(_INSERT_CLAIMS, rows)


def _comparable(row: Any) -> DatasetEvent:
    """A candidate as the same-incident rules see it: place, date, type and actors; no claims or figures."""
    return DatasetEvent(
        id=row.uid,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        gtd_attack_type=row.gtd_attack_type,
        date=row.date,
        date_precision=row.date_precision,
        actor1=row.actor1,
        actor2=row.actor2,
        place=place_from_row(row),
    )


def _district(event: DatasetEvent) -> tuple[str | None, str | None, str | None]:
    place = event.place
    return (place.country_code, place.admin1, place.admin2) if place is not None else (None, None, None)


def _scoped(event: DatasetEvent, uid: str, ids: _Ids) -> DatasetEvent:
    """``to_dataset_event``'s event with dataset-wide ids: its own, its place's and its claims' place ids, and
    its campaign's (the stored campaign it merged into). Claim ids are scoped by ``to_dataset_event`` itself."""
    place = event.place
    if place is not None:
        place = place.model_copy(update={"id": f"{uid}#{place.id}"})
    event_claims = [
        c.model_copy(update={"place_ids": [f"{uid}#{p}" for p in c.place_ids]}) for c in event.claims
    ]
    return event.model_copy(
        update={
            "id": f"{uid}#{event.id}",
            "place": place,
            "place_id": place.id if place is not None else None,
            "claims": event_claims,
            "campaign_id": ids.campaign_uids.get(event.campaign_id) if event.campaign_id else None,
        }
    )


def _event_values(event: DatasetEvent) -> dict[str, Any]:
    """The columns of an events row that ``merge``/``reconcile`` may change."""
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "gtd_attack_type": event.gtd_attack_type,
        "date": event.date,
        "date_precision": event.date_precision,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "inter1": event.inter1,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "claimed_by": event.claimed_by,
        "denied_by": event.denied_by,
        "fatalities": event.fatalities.model_dump(),
        "injured": event.injured.model_dump(),
        "abducted": event.abducted.model_dump(),
        "by_side": event.by_side.model_dump(),
        "tactics": event.tactics,
        "notes": event.notes,
        "toll": [point.model_dump(mode="json") for point in event.toll],
        "updated_at": dt.datetime.now(dt.UTC),
    }
