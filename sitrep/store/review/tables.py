"""The review tables (revision 0002): an event's current review, the audit trail of changes, the events a
change touched, and the API's write token (hashed); and (revision 0012) the reviewed events as the analyst
sees them, in plain columns, for the views ``events_current`` and ``claims_current`` (``current``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from sitrep.store.tables import (
    Base,
)


class EventReviewRow(Base):
    __tablename__ = "event_reviews"

    event_uid: Mapped[str] = mapped_column(primary_key=True)
    status: Mapped[str | None] = mapped_column(index=True, doc="accepted | rejected | null (not judged)")
    # Whether ``fields`` holds anything: lets SQL tell corrected events from merely accepted ones.
    edited: Mapped[bool]
    fields: Mapped[dict[str, Any]] = mapped_column(doc="Overrides: field name → the analyst's value (JSON).")
    merged_into: Mapped[str | None] = mapped_column(index=True)
    split_from: Mapped[str | None] = mapped_column(index=True)
    claim_ids: Mapped[list[Any]] = mapped_column(doc="A split-off event: the claims it took.")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str]


class ReviewChangeRow(Base):
    __tablename__ = "review_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_uid: Mapped[str] = mapped_column(index=True, doc="The event the analyst acted on.")
    action: Mapped[str]
    who: Mapped[str]
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(Text)
    before: Mapped[dict[str, Any]] = mapped_column(doc="What changed, as it was: field → value.")
    after: Mapped[dict[str, Any]] = mapped_column(doc="What changed, as it became.")
    review_before: Mapped[dict[str, Any]] = mapped_column(doc="event id → its review row before (or null).")
    review_after: Mapped[dict[str, Any]] = mapped_column(doc="event id → its review row after (or null).")
    undoes: Mapped[int | None] = mapped_column(ForeignKey("review_changes.id"))
    undone_by: Mapped[int | None] = mapped_column(ForeignKey("review_changes.id"))


class ReviewChangeEventRow(Base):
    __tablename__ = "review_change_events"

    change_id: Mapped[int] = mapped_column(ForeignKey("review_changes.id"), primary_key=True)
    event_uid: Mapped[str] = mapped_column(primary_key=True, index=True)


class ApiTokenRow(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


# The plain columns of ``events_current`` after its id (``sitrep.store.review.current`` fills them), with their
# types: ``reviewed_events`` has them all, and the view reads the events nobody touched into the same ones.
CURRENT_COLUMNS: tuple[tuple[str, type], ...] = (
    ("date", dt.date),
    ("date_precision_acled", int),
    ("date_precision_ucdp", int),
    ("event_type", str),
    ("sub_event_type", str),
    ("gtd_attack_type", str),
    ("actor1", str),
    ("actor2", str),
    ("inter1", int),
    ("inter2", int),
    ("interaction", int),
    ("campaign_id", str),
    ("place_name", str),
    ("country_code", str),
    ("admin1", str),
    ("admin2", str),
    ("latitude", float),
    ("longitude", float),
    ("geonameid", str),
    *(
        (f"{figure}_{part}", int)
        for figure in ("fatalities", "injured", "abducted")
        for part in ("low", "best", "high")
    ),
    ("fatalities_rule", str),
    ("claim_count", int),
    ("notes", str),
    ("review_status", str),
    ("corrected", bool),
)
_SQL_TYPES = {dt.date: Date, int: Integer, float: Float, str: String, bool: Boolean}

# An event a review touched (``Reviews.touched``) as the reader builds it, in ``events_current``'s plain
# columns; ``visible`` false for one merged into another or rejected (the view leaves those out). Rewritten in
# the transaction that changes the event: an analyst's change, or an article merging into it.
reviewed_events = Table(
    "reviewed_events",
    Base.metadata,
    Column("event_uid", String, primary_key=True),
    Column("visible", Boolean, nullable=False),
    *(Column(name, Text if name == "notes" else _SQL_TYPES[kind]) for name, kind in CURRENT_COLUMNS),
)
# Which visible reviewed event holds each of their claims (its own, merged in or split off).
reviewed_claims = Table(
    "reviewed_claims",
    Base.metadata,
    Column("claim_uid", String, primary_key=True),
    Column("event_uid", String, nullable=False, index=True),
)
