"""The review tables (revision 0002): an event's current review, the audit trail of changes, the events a
change touched, and the API's write token (hashed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    String,
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
