"""Analyst review: corrections kept beside the machine's events and applied over them when reading.

Why beside and not in the events rows: ``sitrep ingest`` rewrites an event's row whenever a new article merges
into it. Corrections live in tables of their own, keyed by the event's dataset id (which never changes once
stored), and every read applies them over the machine values. A re-run of ``sitrep ingest`` therefore never
overwrites a correction, and the ingest code needs no hook.

What an analyst can do (each one change in the audit trail, with who, when, a note, the values before and after):

- **accept** / **reject** an event (a rejected event is left out of lists, stats and exports);
- **edit** its type, actors, inter codes, date, place or figures (low/best/high): the edited fields are stored as
  overrides; the machine's values stay in the store and are shown beside the correction;
- **merge** events into one: the others are hidden and their claims and articles join it (figures recomputed
  with ``sitrep.resolve.rules.merge``, as ingest would);
- **split** claims off an event into a new one (figures of both recomputed with ``reconcile``);
- **undo** any change whose events nothing has changed since: the review rows it replaced are restored exactly
  (an undo is itself a change, and undoing it redoes the original).

Tables (revision 0002): ``event_reviews`` (the current review of an event), ``review_changes`` (the audit trail),
``review_change_events`` (which events a change touched: a merge touches several) and ``api_tokens`` (the
SHA-256 of the API's write token).

Reading: events nobody touched (or only accepted) are read and filtered in SQL as the store does. The few that
carry corrections, merges or splits are built in Python, filtered with the same rules and slotted into the SQL
order by rank (one counting query), so paging and totals stay exact whatever an analyst changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    Select,
    String,
    Text,
    and_,
    case,
    delete,
    func,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from sitrep.model import (
    ArticleMeta,
    Claimant,
    Count,
    Dataset,
    DatasetCampaign,
    DatasetEvent,
    Figure,
    Place,
    SourcedClaim,
)
from sitrep.resolve.rules import merge as merge_events
from sitrep.resolve.rules import reconcile
from sitrep.store.query import EventFilter, campaign_key, events_from_rows, load_campaigns
from sitrep.store.tables import (
    ArticleRow,
    Base,
    CampaignRow,
    ClaimRow,
    EventRow,
    PlaceRow,
)

# ACLED's event types and sub-event types (exact strings) and GTD's attack types: an edit must use them.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
GTD_ATTACK_TYPES = (
    "",
    "Assassination",
    "Armed Assault",
    "Bombing/Explosion",
    "Hijacking",
    "Hostage Taking (Barricade Incident)",
    "Hostage Taking (Kidnapping)",
    "Facility/Infrastructure Attack",
    "Unarmed Assault",
    "Unknown",
)
# Fields an analyst may correct, in the order the history shows them.
EDITABLE = (
    "event_type",
    "sub_event_type",
    "gtd_attack_type",
    "actor1",
    "actor2",
    "inter1",
    "inter2",
    "date",
    "date_precision",
    "place",
    "fatalities",
    "injured",
    "abducted",
)
FIGURES = ("fatalities", "injured", "abducted")
ACCEPTED, REJECTED = "accepted", "rejected"
# Rows per IN (...) list and CASE columns per ranking query: far below the databases' parameter limits.
_CHUNK = 200


class ReviewError(ValueError):
    """A review action that cannot be done as asked (unknown event, bad value); the message says why."""


class ReviewNotFound(ReviewError):
    """The event or change named does not exist."""


class ReviewConflict(ReviewError):
    """A review action that conflicts with the events' current review (e.g. undo after a later change)."""


# --- tables -------------------------------------------------------------------------------------------------


class EventReviewRow(Base):
    __tablename__ = "event_reviews"

    event_uid: Mapped[str] = mapped_column(primary_key=True)
    status: Mapped[str | None] = mapped_column(doc="accepted | rejected | null (not judged)")
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


# --- review state -------------------------------------------------------------------------------------------


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
        out = {
            uid
            for uid, state in self.states.items()
            if state.fields or state.status == REJECTED or state.merged_into or state.split_from
        }
        return out | set(self.merged) | set(self.splits)

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


# --- filters ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    """The store's ``EventFilter`` plus what the API adds: a minimum of best fatalities, rejected events."""

    where: EventFilter = EventFilter()
    min_fatalities: int | None = None
    include_rejected: bool = False

    def conditions(self) -> list[Any]:
        conditions = self.where.conditions()
        if self.min_fatalities is not None:
            best = EventRow.fatalities["best"].as_integer()
            conditions.append(and_(best.is_not(None), best >= self.min_fatalities))
        return conditions

    def matches(self, event: DatasetEvent, campaign_names: dict[str, str]) -> bool:
        """The same selection as ``conditions`` for an event built in Python (``EventFilter``'s rules)."""
        w, place = self.where, event.place
        if w.date_from is not None and (event.date is None or event.date < w.date_from):
            return False
        if w.date_to is not None and (event.date is None or event.date > w.date_to):
            return False
        country, admin1, admin2 = (place.country_code, place.admin1, place.admin2) if place else (None,) * 3
        if w.country and (country or "").upper() != w.country.upper():
            return False
        for value, wanted in ((admin1, w.admin1), (admin2, w.admin2)):
            if wanted and (value or "").lower() != wanted.lower():
                return False
        if w.actor:
            actor = w.actor.lower()
            if not any(actor in (a or "").lower() for a in (event.actor1, event.actor2)):
                return False
        if w.event_type and w.event_type.lower() not in (
            event.event_type.lower(),
            event.sub_event_type.lower(),
        ):
            return False
        if w.campaign:
            uid = event.campaign_id
            if uid is None or not (
                uid == w.campaign or campaign_key(w.campaign) in campaign_names.get(uid, "")
            ):
                return False
        if self.min_fatalities is not None:
            best = event.fatalities.best
            if best is None or best < self.min_fatalities:
                return False
        return True


# --- summaries ----------------------------------------------------------------------------------------------


class EventSummary(BaseModel):
    """An event as lists and the map show it: no claims (``GET /api/events/{id}`` has them)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    date: dt.date | None = None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    place: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    fatalities: Figure
    injured: Figure
    campaign_id: str | None = None
    claims: int = 0
    status: str | None = None
    corrected: bool = False

    @classmethod
    def of(cls, event: DatasetEvent, status: str | None, corrected: bool) -> EventSummary:
        place = event.place
        return cls.model_construct(
            id=event.id,
            date=event.date,
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            actor1=event.actor1,
            actor2=event.actor2,
            place=place.name if place else None,
            country_code=place.country_code if place else None,
            admin1=place.admin1 if place else None,
            admin2=place.admin2 if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            fatalities=event.fatalities,
            injured=event.injured,
            campaign_id=event.campaign_id,
            claims=len(event.claims),
            status=status,
            corrected=corrected,
        )


_Key = tuple[bool, dt.date, int, int]


def _key(date: dt.date | None, row_id: int, sub: int = 0) -> _Key:
    """The store's order (by date, undated last, then as stored); ``sub`` orders split-off events after
    their source."""
    return (date is None, date or dt.date.min, row_id, sub)


def _summary_select(where: Any) -> Select[Any]:
    """Summary columns of the events ``where`` selects (unordered)."""
    claim_count = (
        select(func.count()).where(ClaimRow.event_id == EventRow.id).correlate(EventRow).scalar_subquery()
    )
    return (
        select(
            EventRow.id,
            EventRow.uid,
            EventRow.date,
            EventRow.event_type,
            EventRow.sub_event_type,
            EventRow.actor1,
            EventRow.actor2,
            PlaceRow.name,
            EventRow.country_code,
            EventRow.admin1,
            EventRow.admin2,
            PlaceRow.lat,
            PlaceRow.lon,
            EventRow.fatalities,
            EventRow.injured,
            CampaignRow.uid,
            claim_count,
        )
        .outerjoin(PlaceRow, EventRow.place_id == PlaceRow.id)
        .outerjoin(CampaignRow, EventRow.campaign_id == CampaignRow.id)
        .where(where)
    )


def _summary_from_row(row: Any, status: str | None) -> EventSummary:
    (_id, uid, date, event_type, sub_type, actor1, actor2, place, country, admin1, admin2, lat, lon) = row[
        :13
    ]
    fatalities, injured, campaign, claims = row[13:]
    return EventSummary.model_construct(
        id=uid,
        date=date,
        event_type=event_type,
        sub_event_type=sub_type,
        actor1=actor1,
        actor2=actor2,
        place=place,
        country_code=country,
        admin1=admin1,
        admin2=admin2,
        lat=lat,
        lon=lon,
        fatalities=Figure.model_construct(**fatalities),
        injured=Figure.model_construct(**injured),
        campaign_id=campaign,
        claims=claims,
        status=status,
        corrected=False,
    )


# --- reading ------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Built:
    """An event built in Python with the review applied, and where it sorts."""

    event: DatasetEvent
    key: _Key
    machine: DatasetEvent | None  # the machine's event before field overrides (None: no overrides)


class ReviewedReader:
    """Reads events with every review applied, for one session (one request)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.reviews = Reviews(session)
        self._store: dict[str, tuple[DatasetEvent, int]] = {}
        self._built: dict[str, Built] = {}
        self._campaign_names: dict[str, str] | None = None

    # -- store events --

    def _load(self, uids: Iterable[str]) -> None:
        wanted = [uid for uid in dict.fromkeys(uids) if uid not in self._store]
        for start in range(0, len(wanted), _CHUNK):
            rows = self.session.execute(
                select(EventRow, PlaceRow, CampaignRow.uid)
                .outerjoin(PlaceRow, EventRow.place_id == PlaceRow.id)
                .outerjoin(CampaignRow, EventRow.campaign_id == CampaignRow.id)
                .where(EventRow.uid.in_(wanted[start : start + _CHUNK]))
            ).all()
            for row, event in zip(rows, events_from_rows(self.session, rows), strict=True):
                self._store[event.id] = (event, row[0].id)

    def campaign_names(self) -> dict[str, str]:
        if self._campaign_names is None:
            self._campaign_names = dict(
                self.session.execute(select(CampaignRow.uid, CampaignRow.name_key)).all()
            )
        return self._campaign_names

    # -- building --

    def _unsplit(self, uid: str, seen: frozenset[str]) -> tuple[DatasetEvent, _Key] | None:
        """The event with what was merged into it, before claims are split off it and before overrides."""
        if uid in seen:  # a cycle cannot be written through this module; refuse to loop on a hand-made one
            return None
        seen = seen | {uid}
        state = self.reviews.states.get(uid)
        if state is not None and state.split_from:
            source = self._unsplit(state.split_from, seen)
            if source is None:
                return None
            event, source_key = source
            taken = set(state.claim_ids)
            claims = [c for c in event.claims if c.id in taken]
            event = event.model_copy(
                update={
                    "id": uid,
                    "claims": claims,
                    "claim_ids": [c.id for c in claims],
                    "article_ids": list(dict.fromkeys(c.article_id for c in claims)),
                    "sources": [s for s in event.sources if s.article_id in {c.article_id for c in claims}],
                }
            )
            event = reconcile(event)
            number = uid.rsplit("~split-", 1)[-1]
            key = _key(event.date, source_key[2], int(number) if number.isdigit() else 1)
        else:
            self._load([uid])
            if uid not in self._store:
                return None
            event, row_id = self._store[uid]
            key = _key(event.date, row_id)
        for other in self.reviews.merged.get(uid, ()):
            merged = self.build(other, seen)
            if merged is not None:
                event = merge_events(event, merged.event)
        return event, key

    def build(self, uid: str, seen: frozenset[str] = frozenset()) -> Built | None:
        """The event ``uid`` as an analyst left it (merges, splits, overrides); None for an unknown id."""
        if uid in self._built:
            return self._built[uid]
        unsplit = self._unsplit(uid, seen)
        if unsplit is None:
            return None
        event, key = unsplit
        taken = {
            c for child in self.reviews.splits.get(uid, ()) for c in self.reviews.states[child].claim_ids
        }
        if taken:
            claims = [c for c in event.claims if c.id not in taken]
            event = reconcile(
                event.model_copy(update={"claims": claims, "claim_ids": [c.id for c in claims]})
            )
        state = self.reviews.states.get(uid)
        machine = None
        if state is not None and state.fields:
            machine = event
            event = apply_fields(event, state.fields)
            key = _key(event.date, key[2], key[3])
        built = Built(event, key, machine)
        self._built[uid] = built
        return built

    def summary(self, built: Built) -> EventSummary:
        uid = built.event.id
        return EventSummary.of(built.event, self.reviews.status(uid), self.reviews.corrected(uid))

    def _python_part(self, filters: Filters) -> list[Built]:
        """The touched events that are visible and pass the filters, in order."""
        names = self.campaign_names() if filters.where.campaign else {}
        out = []
        for uid in sorted(self.reviews.touched()):
            if self.reviews.hidden(uid, filters.include_rejected):
                continue
            built = self.build(uid)
            if built is not None and filters.matches(built.event, names):
                out.append(built)
        return sorted(out, key=lambda b: b.key)

    # -- lists --

    def sql_where(self, filters: Filters) -> Any:
        """The SQL path's selection: the filters, minus the touched events (by row id, so that an index on
        the date alone covers the query; left out entirely when no event is touched)."""
        conditions = filters.conditions()
        if self.reviews.touched():
            events = aliased(EventRow)
            touched = select(events.id).where(events.uid.in_(touched_uids_sql()))
            conditions.append(EventRow.id.not_in(touched))
        return and_(True, *conditions)

    def count(self, filters: Filters) -> int:
        return self._counts(filters)[0] + len(self._python_part(filters))

    def _counts(self, filters: Filters) -> tuple[int, int]:
        """How many SQL-path events the filters select, and how many of them are dated."""
        query = (
            select(func.count(), func.count(EventRow.date))
            .select_from(EventRow)
            .where(self.sql_where(filters))
        )
        total, dated = self.session.execute(query).one()
        return total, dated

    def _page_ids(self, filters: Filters, dated: int, offset: int, limit: int) -> list[int]:
        """Row ids of one page of the SQL path in the store's order. Dated and undated events are read apart:
        ``ORDER BY date, id`` walks the date index, where ``date IS NULL`` first would sort every row."""
        where = self.sql_where(filters)
        ids: list[int] = []
        if offset < dated:
            ids += self.session.execute(
                select(EventRow.id)
                .where(where, EventRow.date.is_not(None))
                .order_by(EventRow.date, EventRow.id)
                .offset(offset)
                .limit(limit)
            ).scalars()
        if len(ids) < limit:
            ids += self.session.execute(
                select(EventRow.id)
                .where(where, EventRow.date.is_(None))
                .order_by(EventRow.id)
                .offset(max(0, offset - dated))
                .limit(limit - len(ids))
            ).scalars()
        return ids

    def _sql_page(
        self, filters: Filters, dated: int, offset: int, limit: int
    ) -> list[tuple[_Key, EventSummary]]:
        if limit <= 0:
            return []
        ids = self._page_ids(filters, dated, offset, limit)
        if not ids:
            return []
        rows = {row[0]: row for row in self.session.execute(_summary_select(EventRow.id.in_(ids)))}
        statuses = self.reviews
        return [(_key(rows[i][2], i), _summary_from_row(rows[i], statuses.status(rows[i][1]))) for i in ids]

    def _ranks(self, filters: Filters, built: list[Built]) -> list[int]:
        """For each Python-built event: how many SQL-path events sort before it (one query per chunk)."""
        ranks: list[int] = []
        where = self.sql_where(filters)
        for start in range(0, len(built), _CHUNK):
            columns = []
            for item in built[start : start + _CHUNK]:
                undated, date, row_id, _sub = item.key
                if undated:
                    before = or_(EventRow.date.is_not(None), EventRow.id < row_id)
                else:
                    before = and_(
                        EventRow.date.is_not(None),
                        or_(EventRow.date < date, and_(EventRow.date == date, EventRow.id < row_id)),
                    )
                columns.append(func.coalesce(func.sum(case((before, 1), else_=0)), 0))
            ranks.extend(self.session.execute(select(*columns).select_from(EventRow).where(where)).one())
        return ranks

    def page(self, filters: Filters, offset: int, limit: int) -> tuple[int, list[EventSummary]]:
        """The total and one page of summaries, in the store's order, with the review applied."""
        python_part = self._python_part(filters)
        sql_total, dated = self._counts(filters)
        total = sql_total + len(python_part)
        if not python_part:
            return total, [summary for _key_, summary in self._sql_page(filters, dated, offset, limit)]
        # Python-built event i sits at merged position rank_i + i; the SQL rows fill the other positions.
        positions = [rank + index for index, rank in enumerate(self._ranks(filters, python_part))]
        before_page = sum(1 for p in positions if p < offset)
        in_page = [b for b, p in zip(python_part, positions, strict=True) if offset <= p < offset + limit]
        items = self._sql_page(filters, dated, offset - before_page, limit - len(in_page))
        items += [(b.key, self.summary(b)) for b in in_page]
        items.sort(key=lambda item: item[0])
        return total, [summary for _key_, summary in items[:limit]]

    def summaries(self, filters: Filters) -> Iterator[EventSummary]:
        """Every selected event's summary (for stats, places and the map), unordered."""
        statuses = self.reviews
        for row in self.session.execute(_summary_select(self.sql_where(filters))):
            yield _summary_from_row(row, statuses.status(row[1]))
        for built in self._python_part(filters):
            yield self.summary(built)

    def dataset(self, filters: Filters) -> Dataset:
        """The selected events in full (every claim), review applied, and their campaigns: for exports."""
        rows = self.session.execute(
            select(EventRow, PlaceRow, CampaignRow.uid)
            .outerjoin(PlaceRow, EventRow.place_id == PlaceRow.id)
            .outerjoin(CampaignRow, EventRow.campaign_id == CampaignRow.id)
            .where(self.sql_where(filters))
            .order_by(EventRow.date.is_(None), EventRow.date, EventRow.id)
        ).all()
        keyed = [
            (_key(row[0].date, row[0].id), event)
            for row, event in zip(rows, events_from_rows(self.session, rows), strict=True)
        ]
        keyed += [(b.key, b.event) for b in self._python_part(filters)]
        keyed.sort(key=lambda item: item[0])
        events = [event for _key_, event in keyed]
        return Dataset(events=events, campaigns=self.campaigns_of(events, filters.where))

    def campaigns_of(
        self, events: Sequence[DatasetEvent], where: EventFilter | None = None
    ) -> list[DatasetCampaign]:
        """The campaigns of these events, with those of no event that ``where`` selects."""
        event_ids: dict[str, list[str]] = defaultdict(list)
        for event in events:
            if event.campaign_id:
                event_ids[event.campaign_id].append(event.id)
        return load_campaigns(self.session, event_ids, where)

    def campaign_claims(self, campaign_uid: str) -> list[SourcedClaim]:
        """A campaign's own claims: the figures no single event holds ("200 killed across eleven towns")."""
        revision = aliased(ArticleRow)
        rows = self.session.execute(
            select(ClaimRow, ArticleRow, revision.uid)
            .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
            .outerjoin(revision, ArticleRow.superseded_by == revision.id)
            .join(CampaignRow, ClaimRow.campaign_id == CampaignRow.id)
            .where(CampaignRow.uid == campaign_uid, ClaimRow.event_id.is_(None))
            .order_by(ClaimRow.id)
        ).all()
        return [claim_from_rows(claim, article, superseded_by) for claim, article, superseded_by in rows]

    def articles_of(self, article_uids: Iterable[str]) -> dict[str, ArticleMeta]:
        wanted = list(dict.fromkeys(article_uids))
        out: dict[str, ArticleMeta] = {}
        for start in range(0, len(wanted), _CHUNK):
            for row in self.session.execute(
                select(ArticleRow).where(ArticleRow.uid.in_(wanted[start : start + _CHUNK]))
            ).scalars():
                out[row.uid] = ArticleMeta(
                    id=row.uid, title=row.title, published=row.published, url=row.url, source=row.source
                )
        return out

    def history(self, uid: str) -> list[ReviewChangeRow]:
        return list(
            self.session.execute(
                select(ReviewChangeRow)
                .join(ReviewChangeEventRow, ReviewChangeEventRow.change_id == ReviewChangeRow.id)
                .where(ReviewChangeEventRow.event_uid == uid)
                .order_by(ReviewChangeRow.id)
            ).scalars()
        )


def claim_from_rows(claim: ClaimRow, article: ArticleRow, superseded_by: str | None = None) -> SourcedClaim:
    """A stored claim; ``superseded_by``: the uid of the revision that replaced its article, if one did."""
    return SourcedClaim(
        id=claim.uid,
        outcome=claim.outcome,
        victim=claim.victim,
        victim_text=claim.victim_text,
        count=Count(
            low=claim.count_low,
            high=claim.count_high,
            text=claim.count_text,
            approximate=claim.count_approximate,
        ),
        claimant=Claimant(name=claim.claimant_name, kind=claim.claimant_kind, text=claim.claimant_text),
        stance=claim.stance,
        verified=claim.verified,
        quote=claim.quote,
        start=claim.start,
        end=claim.end,
        place_ids=claim.place_ids,
        part_of=claim.part_of,
        background=claim.background,
        article_id=article.uid,
        published=article.published,
        source=article.source,
        url=article.url,
        superseded_by=superseded_by,
    )


# --- applying overrides -------------------------------------------------------------------------------------


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return int(f"{codes[0]}{codes[1] if len(codes) > 1 else 0}")


def apply_fields(event: DatasetEvent, fields: dict[str, Any]) -> DatasetEvent:
    """``event`` with an analyst's overrides (as stored, JSON values) in place of the machine's."""
    update: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "date":
            update["date"] = dt.date.fromisoformat(value) if value else None
        elif name in FIGURES:
            update[name] = Figure(**value)
        elif name == "place":
            base = event.place
            place = {
                "id": base.id if base else f"{event.id}#analyst-place",
                "text": base.text if base else value["name"],
                "kind": base.kind if base else "town",
                "precision": base.precision if base else {},
                "start": base.start if base else 0,
                "end": base.end if base else 0,
                **value,
            }
            update["place"] = Place(**place)
            update["place_id"] = place["id"]
        else:
            update[name] = value
    if "inter1" in fields or "inter2" in fields:
        update["interaction"] = _interaction(
            update.get("inter1", event.inter1), update.get("inter2", event.inter2)
        )
    return event.model_copy(update=update)


def shown(event: DatasetEvent, name: str) -> Any:
    """A field's value as the history shows it (JSON)."""
    if name == "place":
        place = event.place
        if place is None:
            return None
        return {k: getattr(place, k) for k in ("name", "country_code", "admin1", "admin2", "lat", "lon")}
    value = getattr(event, name)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validate_fields(event: DatasetEvent, fields: dict[str, Any], who: str) -> dict[str, Any]:
    """The edit as stored: checked against ACLED's taxonomy and the figure rules, figures given their rule."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ReviewError(f"not an editable field: {', '.join(sorted(unknown))}")
    event_type = fields.get("event_type", event.event_type)
    sub_type = fields.get("sub_event_type", event.sub_event_type)
    if ("event_type" in fields or "sub_event_type" in fields) and sub_type not in ACLED_TYPES.get(
        event_type, ()
    ):
        raise ReviewError(f"{sub_type!r} is not an ACLED sub-event type of {event_type!r}")
    if "gtd_attack_type" in fields and fields["gtd_attack_type"] not in GTD_ATTACK_TYPES:
        raise ReviewError(f"{fields['gtd_attack_type']!r} is not a GTD attack type")
    for name in ("inter1", "inter2"):
        if name in fields and fields[name] is not None and not 1 <= fields[name] <= 8:
            raise ReviewError(f"{name} must be an ACLED inter code 1-8")
    stored = dict(fields)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    for name in FIGURES:
        if name not in fields:
            continue
        value = fields[name] or {}
        low, best, high = (value.get(k) for k in ("low", "best", "high"))
        numbers = [n for n in (low, best, high) if n is not None]
        if any(n < 0 for n in numbers) or numbers != sorted(numbers):
            raise ReviewError(f"{name}: low ≤ best ≤ high, none negative")
        stored[name] = {"low": low, "best": best, "high": high, "rule": f"set by analyst {who} on {today}"}
    if "place" in fields and fields["place"] is not None:
        place = fields["place"]
        if not (place.get("name") or "").strip():
            raise ReviewError("place: a name is required")
        stored["place"] = {
            k: place.get(k) for k in ("name", "country_code", "admin1", "admin2", "lat", "lon") if k in place
        }
    elif "place" in fields:
        raise ReviewError("place: an event keeps a place; give one to replace it")
    if "date" in fields:
        day = fields["date"]
        stored["date"] = day.isoformat() if isinstance(day, dt.date) else day
        # An analyst typing a date means that day, unless a precision comes with it.
        if day is not None and "date_precision" not in fields:
            stored["date_precision"] = {"acled": 1, "ucdp": 1}
    if "date_precision" in fields:
        precision = fields["date_precision"] or {}
        if not (1 <= precision.get("acled", 1) <= 3 and 1 <= precision.get("ucdp", 1) <= 5):
            raise ReviewError("date_precision: acled 1-3, ucdp 1-5")
        stored["date_precision"] = {k: precision[k] for k in ("acled", "ucdp") if k in precision}
    return stored


# --- writing ------------------------------------------------------------------------------------------------

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


# --- the API token ------------------------------------------------------------------------------------------


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def stored_token_digests(session: Session) -> list[str]:
    return list(session.execute(select(ApiTokenRow.sha256).order_by(ApiTokenRow.id)).scalars())


def replace_token(session: Session, token: str) -> None:
    """Keep only ``token`` (as its SHA-256: the token itself is never stored)."""
    session.execute(delete(ApiTokenRow))
    session.add(ApiTokenRow(sha256=token_digest(token), created_at=dt.datetime.now(dt.UTC)))
