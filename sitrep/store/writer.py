"""Storing one extracted article: one transaction, merged into the events already stored.

``ArticleWriter.store`` decides, in this order: the article is already stored (same normalised text: nothing
is written); it is a newer revision of a stored article (same URL, other text: see below); it is a
near-duplicate of a stored article (its row is stored pointing at the original and linked as a source to every
event and campaign the original is linked to, ``matched`` saying so; its claims are not stored: they are the
original's claims again); or it is new. A new article's places, campaigns, events and claims are written in the
same transaction as the article row, so a crash leaves either all of it or none of it.

A revision (a publisher updated the page: the toll rose) is stored as an article of its own, ``<old uid>~rev2``
(``~rev3``…): the old article's claims keep their ids, which exports and analysts' reviews refer to. The old
row gives up its URL to the revision and points at it (``superseded_by``); its claims stay with their events,
shown in the toll but counted in no figure (``reconcile`` skips superseded claims), and the events they fed are
recomputed. Then the revision is stored like any article: its events merge into the stored ones (usually those
its old version fed), its claims come in.

Each event of a new article is merged into the first stored event that ``sitrep.resolve.rules.same_incident``
accepts (``merge`` then recomputes its figures, notes and toll), else inserted. Candidates are the stored
events in the same country and first-level unit (state, province) dated within a month of it (the widest
window the rules allow), the nearest first, then the oldest. Two events of one article are never merged with
each other: the extractor already decided they differ. Undated events are never merged: nothing says they happened on the same day. Each merge stores why
(``event_articles.matched``). Campaigns merge on their normalised name and actor; one group's coordinated attacks
told without a name join the campaign of that actor within ``CAMPAIGN_DAYS`` (in the same province when neither
is named), and a named operation adopts such a campaign stored before. Every campaign the article touched is
then reconciled again (``sitrep.resolve.rules.reconcile_campaign``) from its own claims and its events.

The statements are built once (SQLAlchemy Core with bound parameters): building them per article cost more
than running them. The writer keeps in memory what it needs to decide (the merge candidates, the full events it
merged into lately) instead of reading them back for every article; it trusts that memory only while no other
process has written since its last transaction (see ``_Memory``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Executable,
    Insert,
    bindparam,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from sitrep.model import Article, Campaign, DatasetEvent, Event, ExtractResult, Figure, Place
from sitrep.resolve.rules import (
    claim_id,
    distance_km,
    match_rank,
    match_reasons,
    merge,
    reconcile,
    reconcile_campaign,
    same_gazetteer_place,
    to_dataset_event,
)
from sitrep.store.db import WRITE
from sitrep.store.dedup import NearDuplicate, NearDuplicateIndex
from sitrep.store.query import (
    EVENT_COLUMNS,
    PLACE_COLUMNS,
    articles,
    campaign_articles,
    campaign_claims,
    campaign_from_row,
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
    select(articles.c.id, articles.c.uid, articles.c.text_sha256, articles.c.url_sha256)
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
_LAST_ARTICLE = select(func.max(articles.c.id))
_INSERT_ARTICLE = insert(articles).returning(articles.c.id)
# Where the database has INSERT … ON CONFLICT DO NOTHING: an article whose uid, text or URL is taken is not
# inserted (and nothing is returned), so the common case, a new article, needs no lookup first.
_INSERT_ARTICLE_UNLESS_TAKEN: dict[str, Insert] = {
    "sqlite": sqlite.insert(articles).on_conflict_do_nothing().returning(articles.c.id),
    "postgresql": postgresql.insert(articles).on_conflict_do_nothing().returning(articles.c.id),
}
_INSERT_PLACES = insert(places)
# Rows come back in any order, hence the uid.
_INSERT_PLACES_RETURNING = insert(places).returning(places.c.uid, places.c.id)
_PLACE_ROWS = select(places.c.uid, places.c.id).where(places.c.article_id == bindparam("article_row"))
_FIND_CAMPAIGN = select(campaigns.c.id, campaigns.c.uid, campaigns.c.date_first, campaigns.c.date_last).where(
    campaigns.c.name_key == bindparam("name_key"), campaigns.c.actor_key == bindparam("actor_key")
)
# One actor's campaign whose days come within ``CAMPAIGN_DAYS`` of another's: coordinated attacks told without a
# name, or the named operation they belong to.
_CAMPAIGN_NEAR = (
    select(
        campaigns.c.id,
        campaigns.c.uid,
        campaigns.c.date_first,
        campaigns.c.date_last,
        campaigns.c.named,
        campaigns.c.name_key,
    )
    .where(
        campaigns.c.actor_key == bindparam("actor_key"),
        campaigns.c.date_first <= bindparam("latest"),
        campaigns.c.date_last >= bindparam("earliest"),
    )
    .order_by(campaigns.c.named.desc(), campaigns.c.id)
)
_INSERT_CAMPAIGN = insert(campaigns).returning(campaigns.c.id)
_UPDATE_CAMPAIGN = update(campaigns).where(campaigns.c.id == bindparam("row"))
_CAMPAIGN_BY_ROW = select(campaigns).where(campaigns.c.id == bindparam("row"))
_CAMPAIGN_EVENTS = select(
    *(events.c[name] for name in ("uid", "event_type", "sub_event_type", "gtd_attack_type", "date")),
    *(events.c[name] for name in ("fatalities", "injured", "abducted", "by_side")),
).where(events.c.campaign_id == bindparam("row"))
# How many days apart two reports of one group's coordinated attacks may date them and still be one campaign.
CAMPAIGN_DAYS = 3
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
    "fatalities",
    "injured",
    "campaign_id",
    "revision",
    "place_id",
)
_CANDIDATES = (
    select(*(events.c[name] for name in _COMPARED), *PLACE_COLUMNS)
    .select_from(events_joined())
    .where(
        events.c.country_code == bindparam("country_code"),
        func.coalesce(events.c.admin1, "") == bindparam("admin1"),
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
# What a near-duplicate becomes a source of: the original's events and campaigns.
_EVENTS_OF_ARTICLE = select(event_articles.c.event_id).where(event_articles.c.article_id == bindparam("row"))
_CAMPAIGNS_OF_ARTICLE = select(campaign_articles.c.campaign_id).where(
    campaign_articles.c.article_id == bindparam("row")
)
_GIVE_UP_URL = update(articles).where(articles.c.id == bindparam("row")).values(url_sha256=None)
_SUPERSEDE = update(articles).where(articles.c.id == bindparam("row"))
# The events an article's claims feed.
_EVENTS_FED = (
    select(*EVENT_COLUMNS)
    .select_from(events_joined())
    .where(
        events.c.id.in_(
            select(claims.c.event_id).where(
                claims.c.article_id == bindparam("row"), claims.c.event_id.is_not(None)
            )
        )
    )
    .order_by(events.c.id)
)
_REVISION_UID = re.compile(r"(.*)~rev(\d+)")
_INSERT_CLAIMS = insert(claims)
# Full events kept in memory after a write (row id → event, at its revision): a merge into a recently stored
# event, the common case, then needs no reload of its claims.
CACHED_EVENTS = 1000
# Merge candidates kept in memory (events, by district and month): enough for the districts and months a feed
# reports at the moment; others are read again when needed.
CACHED_CANDIDATES = 20_000


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
    # A newer revision (same URL, new text): the dataset id of the article it replaced.
    revision_of: str | None = None
    new_events: int = 0
    merged_events: int = 0


@dataclass(frozen=True, slots=True)
class _Replaces:
    """The stored article at an article's URL whose text differs: the new one is its newer revision."""

    row: int
    uid: str


@dataclass(slots=True)
class _Ids:
    """An article's local ids ("p6", "k1") and the rows they became; the event row each claim went to."""

    place_rows: dict[str, int] = field(default_factory=dict)
    campaign_rows: dict[str, int] = field(default_factory=dict)
    campaign_uids: dict[str, str] = field(default_factory=dict)
    claim_events: dict[str, int] = field(default_factory=dict)  # dataset claim id → event row
    merged_campaigns: set[int] = field(default_factory=set)  # campaigns of the stored events merged into


def place_key(country_code: str | None, admin1: str | None, admin2: str | None) -> str | None:
    """An event's district as stored: country|admin1|admin2."""
    if not country_code:
        return None
    return f"{country_code}|{admin1 or ''}|{admin2 or ''}"


def _unit_key(event: DatasetEvent) -> str | None:
    """Where merge candidates are looked up: country|admin1. The rules merge across districts of one state or
    province (a town and the state it is in, towns either side of a county line), never across them."""
    country_code, admin1, _admin2 = _district(event)
    return f"{country_code}|{admin1 or ''}" if country_code else None


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _months_span(first: int, last: int) -> tuple[dt.date, dt.date]:
    """The first day of month ``first`` and the last day of month ``last`` (as ``_month`` numbers them)."""
    after = last + 1
    return (
        dt.date(first // 12, first % 12 + 1, 1),
        dt.date(after // 12, after % 12 + 1, 1) - dt.timedelta(days=1),
    )


@dataclass(frozen=True, slots=True, eq=False)
class _Candidate:
    """A stored event as the same-incident rules compare it, with what merging into it needs."""

    row: int
    revision: int
    campaign_row: int | None
    date: dt.date  # the event's (candidates always have one)
    event: DatasetEvent  # place, date, types and actors only


class _Candidates:
    """The merge candidates in memory: stored events with a place and a date, by first-level unit (state,
    province) and month.

    A unit's month is read from the database the first time a new event falls near it, then kept current
    with the writer's own inserts and merges; beyond ``CACHED_CANDIDATES`` events the months least recently
    used are dropped (and read again when needed)."""

    def __init__(self) -> None:
        self._months: OrderedDict[tuple[str, int], list[_Candidate]] = OrderedDict()
        self._size = 0

    def clear(self) -> None:
        self._months.clear()
        self._size = 0

    def near(self, connection: Connection, key: str, day: dt.date) -> list[_Candidate]:
        """The stored events of unit ``key`` (``_unit_key``) dated within ``CANDIDATE_DAYS`` of ``day``, oldest
        first (what ``_CANDIDATES`` selects)."""
        window = dt.timedelta(days=CANDIDATE_DAYS)
        earliest, latest = day - window, day + window
        months = range(_month(earliest), _month(latest) + 1)
        missing = [month for month in months if (key, month) not in self._months]
        if missing:
            self._read(connection, key, missing)
        found: list[_Candidate] = []
        for month in months:
            self._months.move_to_end((key, month))
            found.extend(c for c in self._months[key, month] if earliest <= c.date <= latest)
        found.sort(key=lambda candidate: candidate.row)
        return found

    def _read(self, connection: Connection, key: str, missing: list[int]) -> None:
        earliest, latest = _months_span(missing[0], missing[-1])
        read: dict[int, list[_Candidate]] = {month: [] for month in missing}
        country_code, admin1 = key.split("|", 1)
        parameters = {"country_code": country_code, "admin1": admin1, "earliest": earliest, "latest": latest}
        for row in connection.execute(_CANDIDATES, parameters):
            month = read.get(_month(row.date))
            if month is not None:  # a month already in memory is already current
                month.append(_Candidate(row.id, row.revision, row.campaign_id, row.date, _comparable(row)))
        for month, candidates in read.items():
            self._months[key, month] = candidates
            self._size += len(candidates)

    def add(self, key: str, candidate: _Candidate) -> None:
        """A new event, or the new state of one: kept if its month is in memory (else it is read with it)."""
        month = self._months.get((key, _month(candidate.date)))
        if month is not None:
            month.append(candidate)
            self._size += 1

    def replace(self, key: str, old: _Candidate, new: _Candidate) -> None:
        month = self._months.get((key, _month(old.date)))
        if month is not None:
            month.remove(old)
            self._size -= 1
        self.add(key, new)  # a merge can move the event's date to another month

    def trim(self) -> None:
        while self._size > CACHED_CANDIDATES and self._months:
            self._size -= len(self._months.popitem(last=False)[1])


class _Writes:
    """Runs the writer's frequent INSERTs and UPDATEs: on SQLite straight on its DBAPI cursor, elsewhere through
    SQLAlchemy.

    SQLAlchemy's work per execution (30 µs and more, per row with many parameters) costs several times what
    SQLite takes to run these small statements. Here each statement is compiled once by SQLAlchemy (for the
    columns given) and its parameters converted by SQLAlchemy's own type processors (JSON, dates, booleans), so
    the rows written are the same; the statements run inside the connection's transaction all the same. Over a
    network (PostgreSQL) the round trip dwarfs that overhead, and SQLAlchemy batches many rows into one."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._sqlite = connection.dialect.name == "sqlite"
        self._compiled: dict[tuple[Executable, tuple[str, ...]], tuple[str, list[tuple[str, Any]]]] = {}

    def _prepared(self, statement: Executable, keys: tuple[str, ...]) -> tuple[str, list[tuple[str, Any]]]:
        found = self._compiled.get((statement, keys))
        if found is None:
            dialect = self.connection.dialect
            compiled = statement.compile(dialect=dialect, column_keys=list(keys))
            assert compiled.positiontup is not None  # SQLite's "?" parameters
            processors = [
                (name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect))
                for name in compiled.positiontup
            ]
            found = self._compiled[statement, keys] = (compiled.string, processors)
        return found

    def _run(self, statement: Executable, rows: list[dict[str, Any]], many: bool) -> Any:
        sql, processors = self._prepared(statement, tuple(rows[0]))
        values = [
            tuple(row[name] if process is None else process(row[name]) for name, process in processors)
            for row in rows
        ]
        cursor = self.connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        if many:
            cursor.executemany(sql, values)
            return None
        return cursor.execute(sql, values[0]).fetchall()

    def scalar(self, statement: Executable, row: dict[str, Any]) -> Any:
        """The first value the statement returns (its RETURNING), None if it returns no row."""
        if not self._sqlite:
            return self.connection.execute(statement, row).scalar()
        returned = self._run(statement, [row], many=False)
        return returned[0][0] if returned else None

    def execute(self, statement: Executable, row: dict[str, Any]) -> None:
        if not self._sqlite:
            self.connection.execute(statement, row)
        else:
            self._run(statement, [row], many=False)

    def execute_many(self, statement: Executable, rows: list[dict[str, Any]]) -> None:
        if not self._sqlite:
            self.connection.execute(statement, rows)
        elif rows:
            self._run(statement, rows, many=True)

    def places(self, rows: list[dict[str, Any]], article_row: int) -> dict[str, int]:
        """Inserts an article's places: their row ids by uid."""
        if not self._sqlite:  # one multi-row INSERT … RETURNING (SQLAlchemy's "insertmanyvalues")
            return dict(self.connection.execute(_INSERT_PLACES_RETURNING, rows).all())
        self._run(_INSERT_PLACES, rows, many=True)
        return dict(self._run(_PLACE_ROWS, [{"article_row": article_row}], many=False))


class _Memory:
    """What the writer remembers between articles instead of reading it back from the database.

    The near-duplicate index only ever grows with committed articles. The events (full events lately merged
    into, and the merge candidates) are trusted only while no other process has written: every write to the
    events happens in a transaction that inserts an article row, and article row ids are handed out in order
    (SQLite: one past the largest; PostgreSQL: a sequence), so an article row one past this writer's previous
    one proves nobody else stored an article in between. Anything else — another writer, a rolled-back or
    skipped row — and the events are forgotten and read again."""

    def __init__(self) -> None:
        self.near = NearDuplicateIndex()
        self.events: OrderedDict[int, tuple[int, DatasetEvent]] = OrderedDict()  # row → (revision, event)
        self.candidates = _Candidates()
        self.last_article_row: int | None = None

    def forget_events(self) -> None:
        self.events.clear()
        self.candidates.clear()

    def trim(self) -> None:
        while len(self.events) > CACHED_EVENTS:
            self.events.popitem(last=False)
        self.candidates.trim()


class ArticleWriter:
    """Writes articles into the database at ``engine``, one transaction each, from a single process."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine.execution_options(**{WRITE: True})
        self._memory = _Memory()
        # Text fingerprint → the stored article's uid, for skipping known articles before extracting them. Not
        # the URL: a page at a known URL with new text is a revision, to be read.
        self._known_texts: dict[str, str] = {}
        # One connection for the writer's life: checking one out of the pool per article costs time for nothing.
        self._connection = self._engine.connect()
        self._writes = _Writes(self._connection)
        columns = (articles.c.id, articles.c.uid, articles.c.text_sha256, articles.c.minhash)
        with self._connection.begin():
            for row in self._connection.execute(select(*columns, articles.c.superseded_by)):
                # A replaced revision is nothing's original: its newer text is.
                self._remember(*row[:4], superseded=row.superseded_by is not None)
            self._memory.last_article_row = self._connection.execute(_LAST_ARTICLE).scalar() or 0

    def _remember(
        self, article_row: int, uid: str, text_hash: str, signature: bytes | None, superseded: bool = False
    ) -> None:
        if not superseded:
            self._memory.near.add(article_row, signature)
        self._known_texts[text_hash] = uid

    def known_as(self, text_sha256: str, url_sha256: str | None) -> str | None:
        """The uid of the stored article with this text, if this writer has seen one: a cheap check that spares
        extracting it again. ``store`` checks the database itself in any case. A known URL alone is not
        enough: the page may have changed since (a revision). ``url_sha256`` is accepted for the callers."""
        return self._known_texts.get(text_sha256)

    def close(self) -> None:
        self._connection.close()

    def count_events(self) -> int:
        with self._connection.begin():
            return self._connection.execute(select(func.count()).select_from(events)).scalar_one()

    def store(self, item: Extracted) -> Stored:
        """Store one article in one transaction (see the module docstring)."""
        memory = self._memory
        try:
            with self._connection.begin():
                transaction = _Transaction(self._writes, memory)
                stored, article_row = transaction.store(item)
        except BaseException:
            memory.forget_events()  # it may hold states the rollback undid
            memory.last_article_row = None
            raise
        memory.trim()
        # Only once committed: a rolled-back article must not be found as a duplicate later.
        if article_row is not None:
            memory.last_article_row = article_row
            self._remember(article_row, stored.uid, item.text_sha256, item.signature)
            if transaction.replaced is not None:
                memory.near.discard(transaction.replaced.row)
        return stored


class _Transaction:
    """The writes of one article, on one connection inside its transaction."""

    def __init__(self, writes: _Writes, memory: _Memory) -> None:
        self.writes = writes
        self.connection = writes.connection
        self.memory = memory
        self.links: list[dict[str, Any]] = []  # event_articles rows, written together at the end
        self.replaced: _Replaces | None = None  # the stored article this one is a newer revision of

    def store(self, item: Extracted) -> tuple[Stored, int | None]:
        article = item.article
        near = self.memory.near.find(item.signature)
        original = self._original(near)
        meta = item.result.article
        values = {
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
        }
        inserted = self._insert_article(item, values)
        if isinstance(inserted, Stored):
            return inserted, None
        if isinstance(inserted, _Replaces):
            self.replaced = inserted
            # Its old version is not its original: another article may still be.
            near = self.memory.near.find(item.signature, exclude={inserted.row})
            original = self._original(near)
            if original is not None and original.id == inserted.row:  # via a copy of its old version
                near = original = None
            values["duplicate_of"] = original.id if original is not None else None
            values["similarity"] = near.similarity if near is not None and original is not None else None
            inserted = self._insert_revision(inserted, values)
        uid, article_row = inserted
        last = self.memory.last_article_row
        if last is None or article_row != last + 1:  # someone else wrote since (see ``_Memory``)
            self.memory.forget_events()
        revision_of = None
        if self.replaced is not None:
            revision_of = self.replaced.uid
            self._supersede(self.replaced, article_row)
        if original is not None:
            assert near is not None
            self._link_duplicate(original.id, original.uid, article_row, near.similarity)
            stored = Stored(Outcome.duplicate, article.id, uid, original.uid, near.similarity, revision_of)
            return stored, article_row

        stored = Stored(Outcome.new, article.id, uid, revision_of=revision_of)
        meta = meta.model_copy(update={"id": uid})
        ids = _Ids()
        self._insert_places(article_row, uid, item.result, ids)
        self._upsert_campaigns(article_row, uid, item.result, ids)
        for event in item.result.events:
            # Not reconciled yet: merging recomputes the figures from all the claims anyway.
            dataset_event = _scoped(to_dataset_event(event, item.result, meta, reconciled=False), uid, ids)
            campaign_row = ids.campaign_rows.get(event.campaign_id) if event.campaign_id else None
            if self._merge_into_stored(article_row, dataset_event, campaign_row, ids):
                stored.merged_events += 1
            else:
                place_row = ids.place_rows.get(event.place_id) if event.place_id else None
                self._insert_event(article_row, reconcile(dataset_event), place_row, campaign_row, ids)
                stored.new_events += 1
        if self.links:
            self.writes.execute_many(_INSERT_EVENT_ARTICLES, self.links)
        self._insert_claims(article_row, uid, item.result, ids)
        touched = set(ids.campaign_rows.values()) | ids.merged_campaigns
        if touched:
            self.reconcile_campaigns(touched)
        return stored, article_row

    def _original(self, near: NearDuplicate | None) -> Any:
        """The stored article ``near`` points at (its id, uid): the first, never a copy."""
        execute = self.connection.execute
        original = execute(_ARTICLE, {"row": near.article_id}).first() if near else None
        if original is not None and original.duplicate_of is not None:
            original = execute(_ARTICLE, {"row": original.duplicate_of}).first()
        return original

    def _insert_article(
        self, item: Extracted, values: dict[str, Any]
    ) -> Stored | _Replaces | tuple[str, int]:
        """The article's row: its uid and row id; or, when its text is stored already, ``Stored``; or, when
        another text is stored at its URL, what it replaces (nothing is inserted then)."""
        insert_unless_taken = _INSERT_ARTICLE_UNLESS_TAKEN.get(self.connection.dialect.name)
        if insert_unless_taken is None:  # no INSERT … ON CONFLICT on this database: look first
            uid = self._stored_or_free_uid(item)
            if isinstance(uid, Stored | _Replaces):
                return uid
            return uid, self.connection.execute(_INSERT_ARTICLE, {**values, "uid": uid}).scalar_one()
        # Insert first, look only when a unique key (uid, text or URL) was taken: the rare case.
        row = self.writes.scalar(insert_unless_taken, {**values, "uid": item.article.id})
        if row is not None:
            return item.article.id, row
        uid = self._stored_or_free_uid(item)
        if isinstance(uid, Stored | _Replaces):
            return uid
        return uid, self.writes.scalar(insert_unless_taken, {**values, "uid": uid})

    def _stored_or_free_uid(self, item: Extracted) -> Stored | _Replaces | str:
        """``Stored`` if an article with this text is stored, ``_Replaces`` if one with this URL (and other
        text) is, else the uid this one can take."""
        article = item.article
        found = self.connection.execute(
            _FIND_STORED, {"text_hash": item.text_sha256, "url_hash": item.url_sha256, "uid": article.id}
        ).all()
        same_text = next((r for r in found if r.text_sha256 == item.text_sha256), None)
        if same_text is not None:
            return Stored(Outcome.already_stored, article.id, same_text.uid)
        same_url = next((r for r in found if item.url_sha256 and r.url_sha256 == item.url_sha256), None)
        if same_url is not None:
            return _Replaces(same_url.id, same_url.uid)
        return self._free_uid(article.id) if found else article.id

    def _insert_revision(self, old: _Replaces, values: dict[str, Any]) -> tuple[str, int]:
        """A newer revision's row, under ``<old uid>~rev<n>``; the old row gives its URL up to it (the URL is
        unique: it names the current text)."""
        self.connection.execute(_GIVE_UP_URL, {"row": old.row})
        numbered = _REVISION_UID.fullmatch(old.uid)
        root, number = (numbered[1], int(numbered[2]) + 1) if numbered else (old.uid, 2)
        uid = self._free_uid(f"{root}~rev{number}")
        return uid, self.writes.scalar(_INSERT_ARTICLE, {**values, "uid": uid})

    def _supersede(self, old: _Replaces, new_row: int) -> None:
        """The old revision points at the new one; its claims leave the figures of the events and campaigns they
        fed (they stay in the toll) and those are recomputed. The events in memory are forgotten: their figures
        changed, and revisions are rare."""
        self.connection.execute(_SUPERSEDE, {"superseded_by": new_row, "row": old.row})
        rows = self.connection.execute(_EVENTS_FED, {"row": old.row}).all()
        for row, event in zip(rows, events_from_rows(self.connection, rows), strict=True):
            values = _event_values(reconcile(event))
            self.writes.execute(_UPDATE_EVENT, {**values, "revision": row.revision + 1, "row": row.id})
        fed = set(self.connection.execute(_CAMPAIGNS_OF_ARTICLE, {"row": old.row}).scalars())
        if fed:  # their campaign-wide figures and their events' changed too
            self.reconcile_campaigns(fed)
        self.memory.forget_events()

    def _link_duplicate(
        self, original_row: int, original_uid: str, article_row: int, similarity: float
    ) -> None:
        """A near-duplicate becomes a source of every event and campaign its original is linked to (its claims
        are the original's: none is stored again)."""
        execute = self.connection.execute
        matched = [f"near-duplicate of {original_uid} (similarity {similarity:.2f})"]
        event_rows = execute(_EVENTS_OF_ARTICLE, {"row": original_row}).scalars().all()
        self.writes.execute_many(
            _INSERT_EVENT_ARTICLES,
            [{"event_id": row, "article_id": article_row, "matched": matched} for row in event_rows],
        )
        for campaign_row in execute(_CAMPAIGNS_OF_ARTICLE, {"row": original_row}).scalars().all():
            execute(_INSERT_CAMPAIGN_ARTICLE, {"campaign_id": campaign_row, "article_id": article_row})
        for row in event_rows:  # their article ids changed
            self.memory.events.pop(row, None)

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
        row_ids = self.writes.places(rows, article_row)
        ids.place_rows = {place.id: row_ids[f"{uid}#{place.id}"] for place in result.places}

    def _upsert_campaigns(self, article_row: int, uid: str, result: ExtractResult, ids: _Ids) -> None:
        """Each campaign of the article joins the stored one it continues, else is inserted: a named one by its
        name and actor; coordinated attacks without a name by actor, province and days (``CAMPAIGN_DAYS``),
        also joining the named operation of those days — which in turn adopts such a campaign stored before
        anyone named it."""
        execute = self.connection.execute
        for campaign in result.campaigns:
            name_key = campaign_key(campaign.name)
            actor_key = campaign.actor or ""
            found = execute(_FIND_CAMPAIGN, {"name_key": name_key, "actor_key": actor_key}).first()
            if found is None:
                found = self._campaign_near(campaign, name_key, actor_key)
                if found is not None and campaign.named and not found.named:
                    execute(
                        _UPDATE_CAMPAIGN,
                        {"row": found.id, "name": campaign.name, "name_key": name_key, "named": True},
                    )
            if found is not None:
                days = [d for d in (found.date_first, found.date_last, campaign.date_first, campaign.date_last) if d]
                if days and (min(days), max(days)) != (found.date_first, found.date_last):
                    execute(_UPDATE_CAMPAIGN, {"row": found.id, "date_first": min(days), "date_last": max(days)})
                found = (found.id, found.uid)
            else:
                new_uid = f"{uid}#{campaign.id}"
                if not campaign.named:  # unique per province and first day: the same words recur yearly
                    name_key = f"{name_key} {campaign.date_first or new_uid}"
                row = execute(
                    _INSERT_CAMPAIGN,
                    {
                        "name_key": name_key,
                        "actor_key": actor_key,
                        "uid": new_uid,
                        "name": campaign.name,
                        "actor": campaign.actor,
                        "named": campaign.named,
                        "date_first": campaign.date_first,
                        "date_last": campaign.date_last,
                    },
                ).scalar_one()
                found = (row, new_uid)
            ids.campaign_rows[campaign.id], ids.campaign_uids[campaign.id] = found
            execute(_INSERT_CAMPAIGN_ARTICLE, {"campaign_id": found[0], "article_id": article_row})

    def _campaign_near(self, campaign: Campaign, name_key: str, actor_key: str) -> Any:
        """The stored campaign of the same actor within ``CAMPAIGN_DAYS`` of this one that it continues: for
        unnamed attacks, a named operation or unnamed attacks in the same province; for a named operation,
        unnamed attacks only (another name is another operation)."""
        if not actor_key or campaign.date_first is None or campaign.date_last is None:
            return None
        window = dt.timedelta(days=CAMPAIGN_DAYS)
        for near in self.connection.execute(
            _CAMPAIGN_NEAR,
            {
                "actor_key": actor_key,
                "earliest": campaign.date_first - window,
                "latest": campaign.date_last + window,
            },
        ):
            if campaign.named and near.named:
                continue  # another name is another operation
            if not (campaign.named or near.named or near.name_key.startswith(name_key)):
                continue  # unnamed attacks in another province
            return near
        return None

    def reconcile_campaigns(self, rows: set[int]) -> None:
        """Recompute the figures, notes, toll and days of these campaigns from their claims and events."""
        execute = self.connection.execute
        own_claims = campaign_claims(self.connection, sorted(rows))
        for row in sorted(rows):
            stored = execute(_CAMPAIGN_BY_ROW, {"row": row}).one()
            campaign_events = [
                Event(
                    id=e.uid,
                    event_type=e.event_type,
                    sub_event_type=e.sub_event_type,
                    gtd_attack_type=e.gtd_attack_type,
                    date=e.date,
                    fatalities=e.fatalities,
                    injured=e.injured,
                    abducted=e.abducted,
                    by_side=e.by_side,
                )
                for e in execute(_CAMPAIGN_EVENTS, {"row": row})
            ]
            campaign = reconcile_campaign(campaign_from_row(stored, own_claims[row]), campaign_events)
            self.writes.execute(
                _UPDATE_CAMPAIGN,
                {
                    "row": row,
                    **{
                        name: getattr(campaign, name).model_dump()
                        for name in ("fatalities", "injured", "abducted", "by_side")
                    },
                    "notes": campaign.notes,
                    "toll": [point.model_dump(mode="json") for point in campaign.toll],
                    "date_first": campaign.date_first,
                    "date_last": campaign.date_last,
                    "revision": stored.revision + 1,
                },
            )

    def _merge_into_stored(
        self, article_row: int, new: DatasetEvent, new_campaign: int | None, ids: _Ids
    ) -> bool:
        key = _unit_key(new)
        if key is None or new.date is None or new.place is None:
            return False
        linked = {link["event_id"] for link in self.links}
        candidates = self.memory.candidates.near(self.connection, key, new.date)
        matches = []
        for order, candidate in enumerate(_nearest_first(candidates, new.place)):
            if candidate.row in linked:
                continue  # an event of this same article: the extractor already told them apart
            same_campaign = new_campaign is not None and candidate.campaign_row == new_campaign
            reasons = match_reasons(candidate.event, new, same_campaign=same_campaign)
            if reasons is not None:
                matches.append((order, candidate, reasons))
        if not matches:
            return False
        # Of several events at the first one's very place and day (two attacks in one town on one day), the
        # one its toll and type tell; else the nearest, then the oldest.
        first = matches[0][1].event
        _order, candidate, reasons = min(
            (m for m in matches if m is matches[0] or _same_spot(m[1].event, first)),
            key=lambda match: (match_rank(match[1].event, new), match[0]),
        )
        row, revision = candidate.row, candidate.revision
        cached_revision, stored = self.memory.events.pop(row, (None, None))
        if cached_revision != revision or stored is None:  # not in memory, or out of date
            full_row = self.connection.execute(_EVENT_BY_ROW, {"row": row}).one()
            [stored] = events_from_rows(self.connection, [full_row])
        merged = merge(stored, new)
        values = _event_values(merged)
        campaign_row = candidate.campaign_row
        if campaign_row is None and new_campaign is not None:
            values["campaign_id"] = campaign_row = new_campaign  # a later article named the operation
            merged = merged.model_copy(update={"campaign_id": new.campaign_id})
        if campaign_row is not None:
            ids.merged_campaigns.add(campaign_row)
        self.writes.execute(_UPDATE_EVENT, {**values, "revision": revision + 1, "row": row})
        self.memory.events[row] = (revision + 1, merged)
        now = _candidate(row, revision + 1, campaign_row, merged, candidate.event.place)
        self.memory.candidates.replace(key, candidate, now)
        self.links.append({"event_id": row, "article_id": article_row, "matched": reasons})
        for claim in new.claims:
            ids.claim_events[claim.id] = row
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
        key = place_key(country_code, admin1, admin2)
        row = self.writes.scalar(
            _INSERT_EVENT,
            {
                "uid": event.id,
                **_event_values(event),
                "place_id": place_row,
                "country_code": country_code,
                "admin1": admin1,
                "admin2": admin2,
                "place_key": key,
                "campaign_id": campaign_row,
                "revision": 0,
            },
        )
        self.memory.events[row] = (0, event)
        unit = _unit_key(event)
        if unit is not None and place_row is not None and event.date is not None:  # a candidate from now on
            self.memory.candidates.add(unit, _candidate(row, 0, campaign_row, event, event.place))
        self.links.append({"event_id": row, "article_id": article_row, "matched": None})
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
                    "background": claim.background,
                }
            )
        self.writes.execute_many(_INSERT_CLAIMS, rows)


def _same_spot(one: DatasetEvent, other: DatasetEvent) -> bool:
    """One gazetteer place and one day."""
    return same_gazetteer_place(one, other) and one.date == other.date


def _nearest_first(candidates: list[_Candidate], place: Place) -> list[_Candidate]:
    """Candidates from a whole state or province, the nearest to ``place`` first (the oldest first at one
    distance): a report merges into the event at its own town before one the rules accept farther away."""

    def distance(candidate: _Candidate) -> float:
        km = distance_km(candidate.event.place, place) if candidate.event.place is not None else None
        return km if km is not None else float("inf")

    return sorted(candidates, key=lambda candidate: (distance(candidate), candidate.row))


def _comparable(row: Any) -> DatasetEvent:
    """A candidate as the same-incident rules see it: place, date, type, actors and figures; no claims."""
    return DatasetEvent(
        id=row.uid,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        gtd_attack_type=row.gtd_attack_type,
        date=row.date,
        date_precision=row.date_precision,
        actor1=row.actor1,
        actor2=row.actor2,
        fatalities=Figure(**row.fatalities),
        injured=Figure(**row.injured),
        place=place_from_row(row),
    )


def _candidate(
    row: int, revision: int, campaign_row: int | None, event: DatasetEvent, place: Place | None
) -> _Candidate:
    """An event the writer holds in full as a merge candidate (what ``_comparable`` reads of it), at ``place``
    (as stored)."""
    assert event.date is not None, "only dated events are merge candidates"
    compared = DatasetEvent(
        id=event.id,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        gtd_attack_type=event.gtd_attack_type,
        date=event.date,
        date_precision=event.date_precision,
        actor1=event.actor1,
        actor2=event.actor2,
        fatalities=event.fatalities,
        injured=event.injured,
        place=place,
    )
    return _Candidate(row, revision, campaign_row, event.date, compared)


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
