"""Review state: what the analysts decided about each event, read in one pass, and the events it touches."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session

from sitrep.store.review.corrections import REJECTED
from sitrep.store.review.tables import EventReviewRow

# Rows per IN (...) list and CASE columns per ranking query: far below the databases' parameter limits.
CHUNK = 200


@dataclass(slots=True)
class ReviewState:
    """One event's review as a plain value: what ``review_before``/``review_after`` hold and undo restores."""

    status: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    merged_into: str | None = None
    split_from: str | None = None
    claim_ids: list[str] = field(default_factory=list)

    @classmethod
    def from_row(cls, row: EventReviewRow) -> ReviewState:
        return cls(row.status, dict(row.fields), row.merged_into, row.split_from, list(row.claim_ids))

    @classmethod
    def from_json(cls, value: dict[str, Any] | None) -> ReviewState | None:
        return None if value is None else cls(**value)

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "fields": self.fields,
            "merged_into": self.merged_into,
            "split_from": self.split_from,
            "claim_ids": self.claim_ids,
        }

    def copy(self) -> ReviewState:
        return ReviewState.from_json(self.to_json())  # type: ignore[return-value]

    @property
    def empty(self) -> bool:
        return self == ReviewState()


class Reviews:
    """Every event's review, read in one query: few events carry one, so they are kept in memory."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(select(EventReviewRow)).scalars()
        self.states: dict[str, ReviewState] = {row.event_uid: ReviewState.from_row(row) for row in rows}
        self.merged: dict[str, list[str]] = defaultdict(list)  # target → events merged into it
        self.splits: dict[str, list[str]] = defaultdict(list)  # source → events split off it
        self._touched: set[str] | None = None
        for uid, state in sorted(self.states.items()):
            if state.merged_into:
                self.merged[state.merged_into].append(uid)
            if state.split_from:
                self.splits[state.split_from].append(uid)

    def status(self, uid: str) -> str | None:
        state = self.states.get(uid)
        return state.status if state else None

    def hidden(self, uid: str, include_rejected: bool = False) -> bool:
        state = self.states.get(uid)
        if state is None:
            return False
        return state.merged_into is not None or (state.status == REJECTED and not include_rejected)

    def touched(self) -> set[str]:
        """Events whose content or visibility differs from the machine's (the SQL path leaves them out)."""
        if self._touched is None:  # asked for every event built: worked out once
            out = {
                uid
                for uid, state in self.states.items()
                if state.fields or state.status == REJECTED or state.merged_into or state.split_from
            }
            self._touched = out | set(self.merged) | set(self.splits)
        return self._touched

    def corrected(self, uid: str) -> bool:
        state = self.states.get(uid)
        return bool(state and (state.fields or state.split_from)) or uid in self.merged or uid in self.splits


def touched_uids_sql() -> Any:
    """The SQL twin of ``Reviews.touched``: a subquery of event ids the SQL path must leave out."""
    review = EventReviewRow
    return union(
        select(review.event_uid).where(
            or_(
                review.edited,
                review.status == REJECTED,
                review.merged_into.is_not(None),
                review.split_from.is_not(None),
            )
        ),
        select(review.merged_into).where(review.merged_into.is_not(None)),
        select(review.split_from).where(review.split_from.is_not(None)),
    )
