"""The database schema: SQLAlchemy 2 declarative models. Alembic migrations (``migrations/``) create and change it.

Every row has an integer primary key for joins and, where the dataset shows it, a ``uid``: the dataset id,
unique across articles ("<article uid>#c1" for a claim, "<article uid>#e1" for the event an article first
reported). JSON columns use SQLAlchemy's portable ``JSON`` type (TEXT on SQLite, JSON on PostgreSQL).

- ``articles``: every article read, with its normalised-text SHA-256 and MinHash signature (near-duplicate
  detection across runs); a near-duplicate keeps only its row, pointing at the original (``duplicate_of``),
  and is linked to the original's events and campaigns as a source. A newer revision of an article (same URL,
  new text) is an article of its own; the old one points at it (``superseded_by``) and gives up its URL hash.
- ``article_bands``: each article's MinHash LSH bands, indexed: where near-duplicate candidates are found.
- ``places``: every place an article names (event places and mentions), as extracted.
- ``campaigns``: named operations, one row per normalised name and actor, linked to their articles, with
  their reconciled figures, notes and toll.
- ``events``: the reconciled events: the event fields, the place's country/admin1/admin2 copied for filtering
  and candidate lookup, figures, ``notes`` and ``toll`` as ``sitrep.resolve.reconcile`` left them.
- ``claims``: every claim of every original article, pointing at the event or campaign that holds it. The toll
  evolution is these claims ordered by their article's publication date (``events.toll`` keeps it ready).
- ``event_articles`` / ``campaign_articles``: which articles report an event / a campaign (``matched``: why an
  article joined an event).
- ``event_totals``: how many events and how many best fatalities per day, district, type and campaign, kept by
  database triggers on ``events`` (migration 0009): counts, timelines and district shading read these rows
  instead of every event; ``table_rows`` how many articles, claims and events there are; ``place_totals`` the
  same per map point (migration 0011), for the map.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    literal_column,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Explicit constraint names: migrations can then drop or alter them the same way on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, str: String}


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(unique=True)
    source_id: Mapped[str] = mapped_column(doc="The id the input gave (JSONL id or file name).")
    url: Mapped[str | None]
    # Uniqueness through hashes: PostgreSQL cannot index arbitrarily long values such as tracking-laden URLs.
    url_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    text_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None]
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    source: Mapped[str | None]
    author: Mapped[str | None]
    language: Mapped[str | None] = mapped_column(doc="ISO 639-1, as given or detected; 'und' when unknown.")
    note: Mapped[str | None] = mapped_column(doc="Why the pipeline did not read it (e.g. not English).")
    text: Mapped[str] = mapped_column(Text)
    minhash: Mapped[bytes | None] = mapped_column(
        LargeBinary, doc="MinHash signature, little-endian uint32s."
    )
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    similarity: Mapped[float | None] = mapped_column(
        Float, doc="Estimated Jaccard similarity to the original."
    )
    superseded_by: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id"),
        index=True,
        doc="The newer revision (same URL, new text) that replaced this article's claims in the figures.",
    )
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ArticleBandRow(Base):
    """An article's MinHash LSH bands (``sitrep.store.dedup.band_keys``): a new article's near-duplicate
    candidates are the articles sharing one of its bands, found through the primary key's index (band first)."""

    __tablename__ = "article_bands"
    # SQLite: the rows are the index (no separate rowid table), half the space of 25 rows per article.
    __table_args__ = {"sqlite_with_rowid": False}

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True, autoincrement=False)


class PlaceRow(Base):
    __tablename__ = "places"
    __table_args__ = (Index("ix_places_lat_lon", "lat", "lon"),)  # the map's bounds

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    name: Mapped[str]
    text: Mapped[str]
    country_code: Mapped[str | None]
    admin1: Mapped[str | None]
    admin2: Mapped[str | None]
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonameid: Mapped[str | None]
    kind: Mapped[str]
    precision: Mapped[dict[str, Any]]
    role: Mapped[str]
    start: Mapped[int] = mapped_column("start_char")
    end: Mapped[int] = mapped_column("end_char")


class CampaignRow(Base):
    __tablename__ = "campaigns"
    __table_args__ = (
        UniqueConstraint("name_key", "actor_key", name="uq_campaigns_name_key_actor_key"),
        # One actor's campaigns near some days (the writer joining coordinated attacks to a campaign).
        Index("ix_campaigns_actor_key_date_last", "actor_key", "date_last"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    actor: Mapped[str | None]
    # Matching keys: the normalised name, and the actor with '' for none (NULLs never collide in a unique key).
    name_key: Mapped[str]
    actor_key: Mapped[str]
    # Reconciled from every claim of every article about the campaign (``sitrep.resolve``).
    fatalities: Mapped[dict[str, Any]] = mapped_column(server_default="{}")
    injured: Mapped[dict[str, Any]] = mapped_column(server_default="{}")
    abducted: Mapped[dict[str, Any]] = mapped_column(server_default="{}")
    by_side: Mapped[dict[str, Any]] = mapped_column(server_default="{}")
    toll: Mapped[list[Any]] = mapped_column(server_default="[]")
    notes: Mapped[str] = mapped_column(Text, server_default="")
    date_first: Mapped[dt.date | None] = mapped_column(Date)
    date_last: Mapped[dt.date | None] = mapped_column(Date)
    revision: Mapped[int] = mapped_column(server_default="0")
    named: Mapped[bool] = mapped_column(
        Boolean, server_default=true(), doc="False: coordinated attacks the text describes but does not name."
    )


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_place_key_date", "place_key", "date"),
        Index("ix_events_country_admin", "country_code", "admin1", "admin2"),
        # The reader's filters compare case-folded values (``sitrep.store.filters``); migration 0007.
        Index("ix_events_country_upper_date", func.upper(text("country_code")), "date"),
        Index("ix_events_admin1_lower_date", func.lower(text("admin1")), "date"),
        Index("ix_events_admin2_lower_date", func.lower(text("admin2")), "date"),
        Index("ix_events_event_type_lower_date", func.lower(text("event_type")), "date"),
        Index("ix_events_sub_event_type_lower_date", func.lower(text("sub_event_type")), "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(unique=True)
    event_type: Mapped[str] = mapped_column(index=True)
    sub_event_type: Mapped[str] = mapped_column(index=True)
    gtd_attack_type: Mapped[str]
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[dict[str, Any]]
    actor1: Mapped[str | None] = mapped_column(index=True)
    actor2: Mapped[str | None]
    inter1: Mapped[int | None]
    inter2: Mapped[int | None]
    interaction: Mapped[int | None]
    claimed_by: Mapped[list[Any]]
    denied_by: Mapped[list[Any]]
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), index=True)
    # The place's district copied here: filters and merge candidates need no join.
    country_code: Mapped[str | None]
    admin1: Mapped[str | None]
    admin2: Mapped[str | None]
    place_key: Mapped[str | None] = mapped_column(doc="country|admin1|admin2: where merge candidates are.")
    fatalities: Mapped[dict[str, Any]]
    injured: Mapped[dict[str, Any]]
    abducted: Mapped[dict[str, Any]]
    by_side: Mapped[dict[str, Any]]
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"), index=True)
    tactics: Mapped[list[Any]]
    notes: Mapped[str] = mapped_column(Text)
    toll: Mapped[list[Any]]
    revision: Mapped[int] = mapped_column(doc="Times merged into: tells a writer its cached copy is current.")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


# ``event_totals`` rows of undated events: the key's columns are NOT NULL so that one row per key is kept
# with an upsert on both databases (NULLs never collide in a unique key); text keys use '' and campaign 0.
UNDATED_DAY = dt.date(1, 1, 1)


class EventTotalRow(Base):
    """Events and best fatalities added up per day, district, type and campaign. Triggers on ``events``
    (migration 0009) keep them: each inserted, deleted or changed event adds or takes away its row's share, in
    the same transaction, so the totals always equal a count of the events."""

    __tablename__ = "event_totals"

    date: Mapped[dt.date] = mapped_column(Date, primary_key=True, doc="UNDATED_DAY for undated events.")
    country_code: Mapped[str] = mapped_column(primary_key=True)
    admin1: Mapped[str] = mapped_column(primary_key=True)
    admin2: Mapped[str] = mapped_column(primary_key=True)
    event_type: Mapped[str] = mapped_column(primary_key=True)
    sub_event_type: Mapped[str] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False, doc="0: none.")
    events: Mapped[int]
    fatalities_best: Mapped[int] = mapped_column(BigInteger)


class PlaceTotalRow(Base):
    """Events and best fatalities per map point — a place's coordinates and name with the event's district, as
    ``/api/places`` groups them — for places with coordinates. Triggers on ``events`` keep them (migration
    0011); the coordinates lead the key, so the map's bounds are a range of it."""

    __tablename__ = "place_totals"

    lat: Mapped[float] = mapped_column(Float, primary_key=True, autoincrement=False)
    lon: Mapped[float] = mapped_column(Float, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(primary_key=True)
    country_code: Mapped[str] = mapped_column(primary_key=True, doc="'' for none, as admin1 and admin2.")
    admin1: Mapped[str] = mapped_column(primary_key=True)
    admin2: Mapped[str] = mapped_column(primary_key=True)
    events: Mapped[int]
    fatalities_best: Mapped[int] = mapped_column(BigInteger)


class TableRowsRow(Base):
    """How many rows a large table holds (``articles``, ``claims``, ``events``), kept by triggers (migration
    0009)."""

    __tablename__ = "table_rows"

    name: Mapped[str] = mapped_column(primary_key=True)
    rows: Mapped[int] = mapped_column(BigInteger)


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"), index=True)
    outcome: Mapped[str]
    victim: Mapped[str]
    victim_text: Mapped[str]
    count_low: Mapped[int | None]
    count_high: Mapped[int | None]
    count_text: Mapped[str]
    count_approximate: Mapped[bool] = mapped_column(Boolean)
    claimant_name: Mapped[str | None]
    claimant_kind: Mapped[str]
    claimant_text: Mapped[str | None]
    stance: Mapped[str]
    verified: Mapped[bool | None] = mapped_column(Boolean)
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column("start_char")
    end: Mapped[int] = mapped_column("end_char")
    place_ids: Mapped[list[Any]]
    part_of: Mapped[str | None]
    background: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class EventArticleRow(Base):
    __tablename__ = "event_articles"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True, index=True)
    matched: Mapped[list[Any] | None] = mapped_column(
        JSON, doc="Why the article joined the event: the features that matched; null where it began it."
    )


class CampaignArticleRow(Base):
    __tablename__ = "campaign_articles"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True, index=True)


# The Core tables, for SQLAlchemy Core statements (the reader and the writer build theirs once).
articles = ArticleRow.__table__
article_bands = ArticleBandRow.__table__
places = PlaceRow.__table__
campaigns = CampaignRow.__table__
events = EventRow.__table__
# An event's first-level unit as merge candidates are looked up: '' for none. The literal is written out (not a
# bound parameter) so that queries match the expression index below, on SQLite and PostgreSQL alike.
event_unit = func.coalesce(events.c.admin1, literal_column("''"))
# Merge candidates: one unit's events within a date window, through one index whatever the size of the store.
Index("ix_events_unit_date", events.c.country_code, event_unit, events.c.date)
claims = ClaimRow.__table__
event_totals = EventTotalRow.__table__
table_rows = TableRowsRow.__table__
place_totals = PlaceTotalRow.__table__
event_articles = EventArticleRow.__table__
campaign_articles = CampaignArticleRow.__table__
