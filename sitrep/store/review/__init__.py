"""Analyst review: corrections kept beside the machine's events and applied over them when reading.

Why beside and not in the events rows: ``sitrep ingest`` rewrites an event's row whenever a new article merges
into it. Corrections live in tables of their own, keyed by the event's dataset id (which never changes once
stored), and every read applies them over the machine values. A re-run of ``sitrep ingest`` therefore never
overwrites a correction. Its one hook: an article changing a reviewed event rewrites that event's row behind
the store views (``current``), in the same transaction.

What an analyst can do (each one change in the audit trail, with who, when, a note, the values before and after):

- **accept** / **reject** an event (a rejected event is left out of lists, stats and exports);
- **edit** its type, actors, inter codes, date, place or figures (low/best/high): the edited fields are stored as
  overrides; the machine's values stay in the store and are shown beside the correction;
- **merge** events into one: the others are hidden and their claims and articles join it (figures recomputed
  with ``sitrep.resolve.merge``, as ingest would);
- **split** claims off an event into a new one (figures of both recomputed with ``reconcile``);
- **undo** any change whose events nothing has changed since: the review rows it replaced are restored exactly
  (an undo is itself a change, and undoing it redoes the original).

Tables (revision 0002): ``event_reviews`` (the current review of an event), ``review_changes`` (the audit trail),
``review_change_events`` (which events a change touched: a merge touches several) and ``api_tokens`` (the
SHA-256 of the API's write token); (revision 0012) ``reviewed_events`` and ``reviewed_claims``, the reviewed
events as the reader builds them, behind the views ``events_current`` and ``claims_current`` (``current``).

Reading: events nobody touched (or only accepted) are read and filtered in SQL as the store does. The few that
carry corrections, merges or splits are built in Python, filtered with the same rules and slotted into the SQL
order by rank (one counting query), so paging and totals stay exact whatever an analyst changed.

The package, one module per job: ``corrections`` (what may be edited and how an edit is checked and applied),
``tables``, ``state`` (the analysts' decisions per event), ``reader`` (reading through the review), ``changes``
(writing reviews: the audit trail), ``current`` (the rows behind the store views) and ``tokens`` (the API's
write token).
"""

from sitrep.store.review.changes import ReviewWriter
from sitrep.store.review.corrections import (
    ACCEPTED,
    ACLED_TYPES,
    EDITABLE,
    FIGURES,
    GTD_ATTACK_TYPES,
    REJECTED,
    ReviewConflict,
    ReviewError,
    ReviewNotFound,
    apply_fields,
    shown,
    validate_fields,
)
from sitrep.store.review.reader import (
    EventSummary,
    Filters,
    ReviewedReader,
    ReviewSnapshots,
    SharedReview,
    Tally,
    claim_from_rows,
)
from sitrep.store.review.state import Reviews, ReviewState
from sitrep.store.review.tables import ApiTokenRow, EventReviewRow, ReviewChangeEventRow, ReviewChangeRow
from sitrep.store.review.tokens import replace_token, stored_token_digests, token_digest

__all__ = [
    "ACCEPTED",
    "ACLED_TYPES",
    "EDITABLE",
    "FIGURES",
    "GTD_ATTACK_TYPES",
    "REJECTED",
    "ApiTokenRow",
    "EventReviewRow",
    "EventSummary",
    "Filters",
    "ReviewChangeEventRow",
    "ReviewChangeRow",
    "ReviewConflict",
    "ReviewError",
    "ReviewNotFound",
    "ReviewState",
    "ReviewWriter",
    "ReviewSnapshots",
    "ReviewedReader",
    "SharedReview",
    "Tally",
    "Reviews",
    "apply_fields",
    "claim_from_rows",
    "replace_token",
    "shown",
    "stored_token_digests",
    "token_digest",
    "validate_fields",
]
