"""Writing reviews: each analyst's change (accept, reject, edit, merge, split, undo) as one entry of the
audit trail, with the review rows before and after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    func,
    select,
)
from sqlalchemy.orm import Session

from sitrep.store.review.corrections import (
    ACCEPTED,
    EDITABLE,
    FIGURES,
    REJECTED,
    ReviewConflict,
    ReviewError,
    ReviewNotFound,
    apply_fields,
    shown,
    validate_fields,
)
from sitrep.store.review.current import refresh
from sitrep.store.review.reader import Built, ReviewedReader
from sitrep.store.review.state import ReviewState
from sitrep.store.review.tables import EventReviewRow, ReviewChangeEventRow, ReviewChangeRow

_States = dict[str, tuple["ReviewState | None", "ReviewState | None"]]


class ReviewWriter:
    """Review actions on one write session (the caller commits): each records one change."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.reader = ReviewedReader(session)

    def _state(self, uid: str) -> ReviewState | None:
        state = self.reader.reviews.states.get(uid)
        return state.copy() if state is not None else None

    def _require(self, uid: str) -> Built:
        built = self.reader.build(uid)
        if built is None:
            raise ReviewNotFound(f"no event {uid!r}")
        state = self.reader.reviews.states.get(uid)
        if state is not None and state.merged_into:
            raise ReviewConflict(f"event {uid!r} was merged into {state.merged_into!r}: review that one")
        return built

    def _lineage(self, uid: str) -> set[str]:
        """The event and the events it was split off, up to a stored one."""
        out: set[str] = set()
        while uid and uid not in out:
            out.add(uid)
            state = self.reader.reviews.states.get(uid)
            uid = state.split_from if state and state.split_from else ""
        return out

    def _new_change(
        self, uid: str, action: str, who: str, note: str | None, undoes: int | None = None
    ) -> ReviewChangeRow:
        change = ReviewChangeRow(
            event_uid=uid,
            action=action,
            who=who,
            at=dt.datetime.now(dt.UTC),
            note=note,
            before={},
            after={},
            review_before={},
            review_after={},
            undoes=undoes,
        )
        self.session.add(change)
        self.session.flush()  # its id names split-off events
        return change

    def _finish(
        self, change: ReviewChangeRow, before: dict[str, Any], after: dict[str, Any], states: _States
    ) -> ReviewChangeRow:
        change.before, change.after = before, after
        change.review_before = {u: s.to_json() if s else None for u, (s, _a) in states.items()}
        change.review_after = {u: a.to_json() if a else None for u, (_s, a) in states.items()}
        for event_uid, (_before, state) in states.items():
            self.session.add(ReviewChangeEventRow(change_id=change.id, event_uid=event_uid))
            self._write_state(event_uid, state, change.who, change.at)
        self.session.flush()
        # The views' rows of the events the change touched, in the same transaction (``current``).
        refresh(self.session, states, before=self.reader.reviews)
        return change

    def _record(
        self,
        uid: str,
        action: str,
        who: str,
        note: str | None,
        before: dict[str, Any],
        after: dict[str, Any],
        states: _States,
    ) -> ReviewChangeRow:
        return self._finish(self._new_change(uid, action, who, note), before, after, states)

    def _write_state(self, uid: str, state: ReviewState | None, who: str, now: dt.datetime) -> None:
        row = self.session.get(EventReviewRow, uid)
        if state is None or state.empty:
            if row is not None:
                self.session.delete(row)
            return
        if row is None:
            row = EventReviewRow(event_uid=uid)
            self.session.add(row)
        row.status, row.fields, row.edited = state.status, state.fields, bool(state.fields)
        row.merged_into, row.split_from, row.claim_ids = state.merged_into, state.split_from, state.claim_ids
        row.updated_at, row.updated_by = now, who

    def judge(self, uid: str, status: str | None, who: str, note: str | None = None) -> ReviewChangeRow:
        """Accept (``accepted``), reject (``rejected``) or clear the judgement (None) of an event."""
        if status not in (ACCEPTED, REJECTED, None):
            raise ReviewError(f"unknown status {status!r}")
        self._require(uid)
        before = self._state(uid)
        old = before.status if before else None
        if old == status:
            raise ReviewError(f"event {uid!r} is already {status or 'not judged'}")
        after = (before or ReviewState()).copy()
        after.status = status
        action = {ACCEPTED: "accept", REJECTED: "reject", None: "reopen"}[status]
        return self._record(
            uid, action, who, note, {"status": old}, {"status": status}, {uid: (before, after)}
        )

    def edit(self, uid: str, fields: dict[str, Any], who: str, note: str | None = None) -> ReviewChangeRow:
        """Correct fields of an event (``EDITABLE``); the machine's values stay in the store."""
        if not fields:
            raise ReviewError("nothing to change: give at least one field")
        built = self._require(uid)
        stored = validate_fields(built.event, fields, who)
        before_state = self._state(uid)
        after_state = (before_state or ReviewState()).copy()
        after_state.fields = {**after_state.fields, **stored}
        edited = apply_fields(built.event, stored)
        names = [name for name in EDITABLE if name in stored]
        shown_before = {name: shown(built.event, name) for name in names}
        shown_after = {name: shown(edited, name) for name in names}
        if shown_before == shown_after:
            raise ReviewError("nothing to change: the event already has these values")
        return self._record(
            uid, "edit", who, note, shown_before, shown_after, {uid: (before_state, after_state)}
        )

    def revert_fields(
        self, uid: str, names: Sequence[str], who: str, note: str | None = None
    ) -> ReviewChangeRow:
        """Drop the corrections of some fields: the machine's values show again."""
        built = self._require(uid)
        before_state = self._state(uid)
        if before_state is None or not set(names) & set(before_state.fields):
            raise ReviewError("none of these fields is corrected")
        after_state = before_state.copy()
        for name in names:
            after_state.fields.pop(name, None)
        restored = apply_fields(built.machine or built.event, after_state.fields)
        changed = [n for n in EDITABLE if n in before_state.fields and n not in after_state.fields]
        return self._record(
            uid,
            "revert",
            who,
            note,
            {n: shown(built.event, n) for n in changed},
            {n: shown(restored, n) for n in changed},
            {uid: (before_state, after_state)},
        )

    def merge(
        self, target: str, sources: Sequence[str], who: str, note: str | None = None
    ) -> ReviewChangeRow:
        """Merge ``sources`` into ``target``: their claims and articles join it, and they are hidden."""
        sources = list(dict.fromkeys(sources))
        if not sources:
            raise ReviewError("merge: name at least one event to merge into the target")
        if target in sources:
            raise ReviewError("merge: an event cannot be merged into itself")
        self._require(target)
        lineage = self._lineage(target)
        states: _States = {target: (self._state(target), self._state(target))}
        for uid in sources:
            self._require(uid)
            if uid in lineage or target in self._lineage(uid):
                raise ReviewError(
                    f"merge: {uid!r} was split off {target!r} or the reverse: undo the split instead"
                )
            before = self._state(uid)
            after = (before or ReviewState()).copy()
            after.merged_into = target
            states[uid] = (before, after)
        already = list(self.reader.reviews.merged.get(target, []))
        return self._record(
            target, "merge", who, note, {"merged": already}, {"merged": already + sources}, states
        )

    def split(
        self, uid: str, claim_ids: Sequence[str], who: str, note: str | None = None
    ) -> tuple[ReviewChangeRow, str]:
        """Move some claims of ``uid`` into a new event, which starts with its type, actors, place and date."""
        built = self._require(uid)
        wanted = list(dict.fromkeys(claim_ids))
        held = [c.id for c in built.event.claims]
        if not wanted:
            raise ReviewError("split: name the claims to move into the new event")
        missing = [c for c in wanted if c not in held]
        if missing:
            raise ReviewError(f"split: not claims of {uid!r}: {', '.join(missing)}")
        if set(wanted) == set(held):
            raise ReviewError("split: leave at least one claim in the event")
        change = self._new_change(uid, "split", who, note)
        # The new event's id carries the change's number, which is unique: ids in old histories never repeat.
        child = f"{uid}~split-{change.id}"
        parent_state = self._state(uid)
        overrides = {
            k: v for k, v in (parent_state.fields if parent_state else {}).items() if k not in FIGURES
        }
        child_state = ReviewState(fields=overrides, split_from=uid, claim_ids=wanted)
        kept = [c for c in held if c not in wanted]
        self._finish(
            change,
            {"claims": held},
            {"claims": kept, "new_event": child, "moved": wanted},
            {uid: (parent_state, parent_state), child: (None, child_state)},
        )
        return change, child

    def undo(self, change_id: int, who: str, note: str | None = None) -> ReviewChangeRow:
        """Restore the review rows a change replaced, if nothing changed them since."""
        change = self.session.get(ReviewChangeRow, change_id)
        if change is None:
            raise ReviewNotFound(f"no change #{change_id}")
        if change.undone_by is not None:
            raise ReviewConflict(f"change #{change_id} was already undone by #{change.undone_by}")
        states: _States = {}
        for uid, after in change.review_after.items():
            current = self._state(uid)
            if (current or ReviewState()) != (ReviewState.from_json(after) or ReviewState()):
                later = self.session.execute(
                    select(func.max(ReviewChangeEventRow.change_id)).where(
                        ReviewChangeEventRow.event_uid == uid
                    )
                ).scalar()
                raise ReviewConflict(
                    f"event {uid!r} was changed after change #{change_id} (by #{later}): undo that first"
                )
            states[uid] = (current, ReviewState.from_json(change.review_before[uid]))
        undo = self._new_change(change.event_uid, "undo", who, note, undoes=change.id)
        self._finish(undo, dict(change.after), dict(change.before), states)
        change.undone_by = undo.id
        self.session.flush()
        return undo
