"""Reading through the review: the stored events with every correction, merge and split applied, filtered
and paged exactly as the store would."""

from __future__ import annotations

import datetime as dt
import heapq
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import (
    Select,
    and_,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from sitrep.model import (
    ArticleMeta,
    Claimant,
    Count,
    Dataset,
    DatasetCampaign,
    DatasetEvent,
    Figure,
    SourcedClaim,
)
from sitrep.resolve import merge as merge_events
from sitrep.resolve import reconcile
from sitrep.store.filters import EventFilter, campaign_key
from sitrep.store.query import load_campaigns
from sitrep.store.review.corrections import ACCEPTED, REJECTED, apply_fields
from sitrep.store.review.state import CHUNK, Reviews, touched_uids_sql
from sitrep.store.review.tables import EventReviewRow, ReviewChangeEventRow, ReviewChangeRow
from sitrep.store.rows import events_from_rows
from sitrep.store.tables import (
    ArticleRow,
    CampaignRow,
    ClaimRow,
    EventRow,
    PlaceRow,
)
from sitrep.store.totals import (
    PLACE_KEYS,
    TOTAL_KEYS,
    counted_place_totals,
    counted_totals,
    grouped_place_totals,
    grouped_totals,
    place_totals_serve,
    totals_condition,
)


@dataclass(frozen=True, slots=True)
class Filters:
    """The store's ``EventFilter`` plus what the API adds: a minimum of best fatalities, rejected events."""

    where: EventFilter = EventFilter()
    min_fatalities: int | None = None
    include_rejected: bool = False

    def conditions(self, bounds: bool = True) -> list[Any]:
        """SQL conditions on the events table (``bounds``: as ``EventFilter.conditions``)."""
        conditions = self.where.conditions(bounds)
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
        if w.bbox is not None and not w.bbox.contains(*((place.lat, place.lon) if place else (None, None))):
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
        if w.q:
            text = w.q.lower()
            if not any(text in claim.quote.lower() for claim in event.claims):
                return False
        if self.min_fatalities is not None:
            best = event.fatalities.best
            if best is None or best < self.min_fatalities:
                return False
        return True


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


@dataclass(slots=True)
class Tally:
    """A group of events: how many, their best fatalities added, their first and last day."""

    events: int = 0
    fatalities_best: int = 0
    first: dt.date | None = None
    last: dt.date | None = None

    def add(self, date: dt.date | None, best: int) -> None:
        self.events += 1
        self.fatalities_best += best
        if date is not None:
            self.first = date if self.first is None else min(self.first, date)
            self.last = date if self.last is None else max(self.last, date)


# ``EventSummary`` fields as columns of the summary query (``_summary_select``), for grouping in SQL.
_TALLY_COLUMNS: dict[str, Any] = {
    "date": EventRow.date,
    "event_type": EventRow.event_type,
    "place": PlaceRow.name,
    "country_code": EventRow.country_code,
    "admin1": EventRow.admin1,
    "admin2": EventRow.admin2,
    "lat": PlaceRow.lat,
    "lon": PlaceRow.lon,
    "campaign_id": CampaignRow.uid,
}


_Key = tuple[bool, dt.date, int, int]


def _key(date: dt.date | None, row_id: int, sub: int = 0) -> _Key:
    """The store's order (by date, undated last, then as stored); ``sub`` orders split-off events after
    their source."""
    return (date is None, date or dt.date.min, row_id, sub)


def _before(key: _Key) -> Any:
    """SQL: the event row sorts before ``key`` in the store's order (dated by date then id, undated last)."""
    undated, date, row_id, _sub = key
    if undated:
        return or_(EventRow.date.is_not(None), EventRow.id < row_id)
    return and_(
        EventRow.date.is_not(None),
        or_(EventRow.date < date, and_(EventRow.date == date, EventRow.id < row_id)),
    )


_MOST_BOUND_IDS = 20_000


def _touched_row_ids() -> Select[Any]:
    """Row ids of the events a review touched (``touched_uids_sql``)."""
    events = aliased(EventRow)
    return select(events.id).where(events.uid.in_(touched_uids_sql()))


def _summary_select() -> Select[Any]:
    """Summary columns of events (unordered; the caller says which)."""
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


@dataclass(slots=True)
class Built:
    """An event built in Python with the review applied, and where it sorts."""

    event: DatasetEvent
    key: _Key
    machine: DatasetEvent | None  # the machine's event before field overrides (None: no overrides)


@dataclass(slots=True)
class SharedReview:
    """The review at one data version: its rows, the events it touches as analysts left them, and which of those
    each filter selects. Built by one request and read by the next ones at that version; it holds at most the
    few thousand touched events, never an answer."""

    reviews: Reviews
    built: dict[str, Built] = field(default_factory=dict)
    parts: dict[Filters, list[Built]] = field(default_factory=dict)
    # One request builds a part while the others asking for it wait: 50 requests arriving together must not
    # each build the same thousand events.
    lock: threading.Lock = field(default_factory=threading.Lock)

    _row_ids: tuple[int, ...] | None = None

    def touched_row_ids(self, session: Session) -> tuple[int, ...]:
        """Row ids of the events a review touched, read once per data version: the SQL path's queries name
        them instead of working them out from ``event_reviews`` each time (a scan and a union per query)."""
        if self._row_ids is None:
            with self.lock:
                if self._row_ids is None:
                    self._row_ids = tuple(session.execute(_touched_row_ids()).scalars())
        return self._row_ids

    def keep_part(self, filters: Filters, part: list[Built], most: int = 256) -> None:
        if len(self.parts) >= most:  # many distinct filters: start over rather than grow
            self.parts.clear()
        self.parts[filters] = part


class ReviewSnapshots:
    """The ``SharedReview`` of the newest data version a request asked for (one per API process)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reading = threading.Lock()
        self._current: tuple[Any, SharedReview] | None = None

    def at(self, version: Any, session: Session) -> SharedReview:
        with self._lock:
            current = self._current
        if current is not None and current[0] == version:
            return current[1]
        # One request reads the new version's review while the others asking for it wait: 50 requests arriving
        # at a fresh server each read every review and built every touched event (minutes at a million events).
        with self._reading:
            with self._lock:
                current = self._current
            if current is not None and current[0] == version:
                return current[1]
            shared = SharedReview(Reviews(session))
            with self._lock:
                self._current = (version, shared)
            return shared

    def clear(self) -> None:
        with self._lock:
            self._current = None


class ReviewedReader:
    """Reads events with every review applied, for one session (one request)."""

    def __init__(self, session: Session, shared: SharedReview | None = None) -> None:
        """``shared``: the review as read by an earlier request at the same data version (``ReviewSnapshots``)."""
        self.session = session
        self.shared = shared if shared is not None else SharedReview(Reviews(session))
        self.reviews = self.shared.reviews
        self._store: dict[str, tuple[DatasetEvent, int]] = {}
        self._built: dict[str, Built] = {}
        self._campaign_names: dict[str, str] | None = None

    # -- store events --

    def _load(self, uids: Iterable[str]) -> None:
        wanted = [uid for uid in dict.fromkeys(uids) if uid not in self._store]
        for start in range(0, len(wanted), CHUNK):
            rows = self.session.execute(
                select(EventRow, PlaceRow, CampaignRow.uid)
                .outerjoin(PlaceRow, EventRow.place_id == PlaceRow.id)
                .outerjoin(CampaignRow, EventRow.campaign_id == CampaignRow.id)
                .where(EventRow.uid.in_(wanted[start : start + CHUNK]))
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
        found = self._built.get(uid) or self.shared.built.get(uid)
        if found is not None:
            return found
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
        # Touched events are shared with later requests at this version; any other stays with this one.
        (self.shared.built if uid in self.reviews.touched() else self._built)[uid] = built
        return built

    def summary(self, built: Built) -> EventSummary:
        uid = built.event.id
        return EventSummary.of(built.event, self.reviews.status(uid), self.reviews.corrected(uid))

    def _python_part(self, filters: Filters) -> list[Built]:
        """The touched events that are visible and pass the filters, in order (kept for later requests)."""
        found = self.shared.parts.get(filters)
        if found is None:
            with self.shared.lock:
                found = self.shared.parts.get(filters)
                if found is None:
                    found = self._select_touched(filters)
                    self.shared.keep_part(filters, found)
        return found

    def _select_touched(self, filters: Filters) -> list[Built]:
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

    def sql_path(self, query: Select[Any], filters: Filters, by_date: bool = False) -> Select[Any]:
        """``query`` (of the events table) narrowed to the SQL path's selection: the filters, minus the touched
        events (by row id, so that an index on the date alone covers the query; left out entirely when no
        event is touched). Map bounds join the event's place, so the planner starts from the smaller side;
        ``by_date``: never from the places' coordinates (see ``_walk_dates``)."""
        conditions = filters.conditions(bounds=False)
        if self.reviews.touched():
            conditions.append(EventRow.id.not_in(self._touched_ids()))
        box = filters.where.bbox
        if box is not None:
            inside = aliased(PlaceRow)
            query = query.join(inside, EventRow.place_id == inside.id)
            lat, lon = inside.lat, inside.lon
            if by_date:  # the same test, but no index serves ``lat + 0``: the planner reads the events first
                lat, lon = lat + 0, lon + 0
            conditions.append(box.condition(lat, lon))
        return query.where(and_(True, *conditions))

    def _touched_ids(self) -> Any:
        """The touched events' row ids, as values in the query, or as a subquery when there are too many to
        bind (SQLite takes at most 32,766 values in one statement)."""
        ids = self.shared.touched_row_ids(self.session)
        return ids if len(ids) <= _MOST_BOUND_IDS else _touched_row_ids()

    def _touched_stored(self, filters: Filters) -> Any | None:
        """The stored rows of the touched events the filters select: counted in the maintained totals, on
        neither path here (their reviewed versions are the Python part). None when no event is touched. Map
        bounds test the joined ``places`` row (the callers group by place and join it): listing every place
        row inside a country's box first cost seconds."""
        if not self.reviews.touched():
            return None
        conditions = filters.conditions(bounds=False)
        if filters.where.bbox is not None:
            conditions.append(filters.where.bbox.condition(PlaceRow.lat, PlaceRow.lon))
        return and_(True, *conditions, EventRow.id.in_(self._touched_ids()))

    def _totals_condition(self, filters: Filters) -> Any | None:
        """``event_totals``' condition for the filters; None when the totals cannot answer them."""
        return None if filters.min_fatalities is not None else totals_condition(filters.where)

    def count(self, filters: Filters) -> int:
        return self._counts(filters)[0] + len(self._python_part(filters))

    def _counts(self, filters: Filters) -> tuple[int, int]:
        """How many SQL-path events the filters select, and how many of them are dated: added up from the
        maintained totals where they hold the filters (less the touched events' stored rows), else counted as
        all and undated apart: ``count(*)`` can be answered from indexes alone (inside map bounds, ``places (lat,
        lon)`` then ``events (place_id)``), where ``count(date)`` reads every event's row; the undated are few
        and found by the date index."""
        counted = self.sql_path(select(func.count()).select_from(EventRow), filters)
        undated = counted.where(EventRow.date.is_(None))
        if filters.min_fatalities is None and place_totals_serve(filters.where):
            # The map's bounds alone: the points in the box, less the touched events' stored rows; the undated
            # (few, by the date index) from the SQL path, which leaves the touched events out already.
            total = counted_place_totals(self.session, filters.where) - self._touched_count(filters)[0]
            return total, total - self.session.execute(undated).scalar_one()
        if self._totals_condition(filters) is None:
            total = self.session.execute(counted).scalar_one()
            return total, total - self.session.execute(undated).scalar_one()
        total, dated = counted_totals(self.session, filters.where)
        touched_total, touched_dated = self._touched_count(filters)
        return total - touched_total, dated - touched_dated

    def _touched_count(self, filters: Filters) -> tuple[int, int]:
        """How many stored rows of touched events the filters select (``_touched_stored``), and how many of
        them are dated."""
        touched = self._touched_stored(filters)
        if touched is None:
            return 0, 0
        query = (
            select(func.count(), func.count(EventRow.date))
            .select_from(EventRow)
            .outerjoin(PlaceRow, EventRow.place_id == PlaceRow.id)  # the bounds test the event's place
            .where(touched)
        )
        total, dated = self.session.execute(query).one()
        return total, dated

    def _page_ids(
        self, filters: Filters, dated: int, offset: int, limit: int, by_date: bool = False
    ) -> list[int]:
        """Row ids of one page of the SQL path in the store's order. Dated and undated events are read apart:
        ``ORDER BY date, id`` walks the date index, where ``date IS NULL`` first would sort every row."""
        ids: list[int] = []
        if offset < dated:
            ids += self.session.execute(
                self.sql_path(select(EventRow.id), filters, by_date)
                .where(EventRow.date.is_not(None))
                .order_by(EventRow.date, EventRow.id)
                .offset(offset)
                .limit(limit)
            ).scalars()
        if len(ids) < limit:
            ids += self.session.execute(
                self.sql_path(select(EventRow.id), filters)
                .where(EventRow.date.is_(None))
                .order_by(EventRow.id)
                .offset(max(0, offset - dated))
                .limit(limit - len(ids))
            ).scalars()
        return ids

    def _walk_dates(self, filters: Filters, selected: int, wanted: int) -> bool:
        """Whether the first ``wanted`` events inside map bounds come sooner by walking the events in date
        order and looking up each one's place (about ``wanted`` × store ÷ ``selected`` rows read: a box
        holding much of the store) than by reading every event of the box's places and sorting them
        (``selected`` rows: a small box). SQLite's planner cannot tell the two apart (it knows no spread of
        coordinates); the count just made can."""
        if filters.where.bbox is None:
            return False
        store = self.session.execute(select(func.max(EventRow.id))).scalar_one() or 0
        return wanted * store < selected * selected

    def _sql_page(
        self, filters: Filters, dated: int, offset: int, limit: int, by_date: bool = False
    ) -> list[tuple[_Key, EventSummary]]:
        if limit <= 0:
            return []
        ids = self._page_ids(filters, dated, offset, limit, by_date)
        if not ids:
            return []
        rows = {row[0]: row for row in self.session.execute(_summary_select().where(EventRow.id.in_(ids)))}
        statuses = self.reviews
        return [(_key(rows[i][2], i), _summary_from_row(rows[i], statuses.status(rows[i][1]))) for i in ids]

    def _ranks(self, filters: Filters, built: list[Built], end: int, by_date: bool = False) -> Iterator[int]:
        """For each Python-built event in order: how many SQL-path events sort before it, or ``end`` when at
        least that many do (past the page's end the exact figure changes nothing). Each count covers only the
        stretch since the previous built event (by the date index) and stops at ``end`` rows, and the caller
        stops at its page's end: a first page costs a few small counts, however large the store."""
        selected = self.sql_path(select(EventRow.id), filters, by_date)
        rank = 0
        previous: _Key | None = None
        for item in built:
            stretch = [_before(item.key)]
            if previous is not None:
                stretch.append(~_before(previous))
                if not previous[0]:  # from a dated key on: the date index narrows the count to the stretch
                    stretch.append(or_(EventRow.date.is_(None), EventRow.date >= previous[1]))
            if not item.key[0]:
                stretch.append(EventRow.date <= item.key[1])
            rows = selected.where(*stretch).limit(max(0, end - rank)).subquery()
            rank += self.session.execute(select(func.count()).select_from(rows)).scalar_one()
            previous = item.key
            yield rank

    def page(self, filters: Filters, offset: int, limit: int) -> tuple[int, list[EventSummary]]:
        """The total and one page of summaries, in the store's order, with the review applied."""
        python_part = self._python_part(filters)
        sql_total, dated = self._counts(filters)
        total = sql_total + len(python_part)
        by_date = self._walk_dates(filters, dated, offset + limit)
        if not python_part:
            page = self._sql_page(filters, dated, offset, limit, by_date)
            return total, [summary for _key_, summary in page]
        # Python-built event i sits at merged position rank_i + i; the SQL rows fill the other positions. Built
        # events past the page's end change nothing on it: their positions are not worked out.
        positions = []
        for index, rank in enumerate(self._ranks(filters, python_part, offset + limit, by_date)):
            if rank + index >= offset + limit:
                break
            positions.append(rank + index)
        before_page = sum(1 for p in positions if p < offset)
        in_page = [b for b, p in zip(python_part, positions, strict=False) if offset <= p]
        items = self._sql_page(filters, dated, offset - before_page, limit - len(in_page), by_date)
        items += [(b.key, self.summary(b)) for b in in_page]
        items.sort(key=lambda item: item[0])
        return total, [summary for _key_, summary in items[:limit]]

    def summaries(self, filters: Filters) -> Iterator[EventSummary]:
        """Every selected event's summary (for stats, places and the map), unordered."""
        statuses = self.reviews
        for row in self.session.execute(self.sql_path(_summary_select(), filters)):
            yield _summary_from_row(row, statuses.status(row[1]))
        for built in self._python_part(filters):
            yield self.summary(built)

    def tallies(self, filters: Filters, *keys: str) -> dict[tuple[Any, ...], Tally]:
        """The selected events counted by ``keys`` (``EventSummary`` fields: "place", "date", "event_type",
        "admin1", ...): how many, their best fatalities added, their first and last day.

        Groups by day, district and type are added up from the maintained totals (``sitrep.store.totals``) when
        they hold the filters, less the stored rows of the events a review touched; their first and last day
        are known only when "date" is a key. Other groups are counted by the database (one GROUP BY); events
        with no campaign are not counted under "campaign_id". The events the review touched are then added as
        reviewed."""
        condition = self._totals_condition(filters)
        if set(keys) <= TOTAL_KEYS and condition is not None:
            found = self._tallies_from_totals(filters, condition, keys)
        elif keys == PLACE_KEYS and filters.min_fatalities is None and place_totals_serve(filters.where):
            totals = grouped_place_totals(self.session, filters.where)
            found = self._less_touched(filters, keys, {key: Tally(n, best) for key, n, best in totals})
        else:
            found = self._grouped(keys, filters=filters)
        for built in self._python_part(filters):
            summary = self.summary(built)
            key = tuple(getattr(summary, name) for name in keys)
            if "campaign_id" in keys and summary.campaign_id is None:
                continue
            tally = found.setdefault(key, Tally())
            tally.add(summary.date, summary.fatalities.best or 0)
        return found

    def _tallies_from_totals(
        self, filters: Filters, condition: Any, keys: tuple[str, ...]
    ) -> dict[tuple[Any, ...], Tally]:
        day = keys.index("date") if "date" in keys else None
        found: dict[tuple[Any, ...], Tally] = {}
        for key, events, best in grouped_totals(self.session, condition, keys):
            date = key[day] if day is not None else None
            found[key] = Tally(events, best, date, date)
        return self._less_touched(filters, keys, found)

    def _less_touched(
        self, filters: Filters, keys: tuple[str, ...], found: dict[tuple[Any, ...], Tally]
    ) -> dict[tuple[Any, ...], Tally]:
        """Totals less the stored rows of the touched events the filters select (added back as reviewed)."""
        touched = self._touched_stored(filters)
        if touched is not None:
            for stored_key, stored in self._grouped(keys, where=touched).items():
                key = tuple(None if value == "" else value for value in stored_key)  # as the totals write
                tally = found[key]
                tally.events -= stored.events
                tally.fatalities_best -= stored.fatalities_best
                if not tally.events:
                    del found[key]
        return found

    def _grouped(
        self, keys: tuple[str, ...], filters: Filters | None = None, where: Any = None
    ) -> dict[tuple[Any, ...], Tally]:
        """The stored events grouped by ``keys`` in the database: those of the SQL path for ``filters``, or
        those ``where`` selects."""
        columns = [_TALLY_COLUMNS[key] for key in keys]
        best = func.coalesce(EventRow.fatalities["best"].as_integer(), 0)
        query = (
            select(*columns, func.count(), func.sum(best), func.min(EventRow.date), func.max(EventRow.date))
            .select_from(EventRow)
            .group_by(*columns)
        )
        query = self.sql_path(query, filters) if filters is not None else query.where(where)
        if "place" in keys or "lat" in keys or "lon" in keys:
            query = query.outerjoin(PlaceRow, EventRow.place_id == PlaceRow.id)
        if "campaign_id" in keys:  # through the campaign index: only the events of a campaign are read
            query = query.join(CampaignRow, EventRow.campaign_id == CampaignRow.id)
        found: dict[tuple[Any, ...], Tally] = {}
        n = len(keys)
        for row in self.session.execute(query):
            found[tuple(row[:n])] = Tally(row[n], int(row[n + 1] or 0), row[n + 2], row[n + 3])
        return found

    def review_counts(self, filters: Filters) -> tuple[int, int, int]:
        """How many selected events an analyst accepted, rejected and corrected."""
        accepted_uids = select(EventReviewRow.event_uid).where(EventReviewRow.status == ACCEPTED)
        accepted = self.session.execute(
            self.sql_path(select(func.count()).select_from(EventRow), filters).where(
                EventRow.uid.in_(accepted_uids)
            )
        ).scalar_one()
        rejected = corrected = 0
        for built in self._python_part(filters):  # accepted events are on the SQL path unless touched
            uid = built.event.id
            status = self.reviews.status(uid)
            accepted += status == ACCEPTED
            rejected += status == REJECTED
            corrected += self.reviews.corrected(uid)
        return accepted, rejected, corrected

    def dataset(self, filters: Filters) -> Dataset:
        """The selected events in full (every claim), review applied, and their campaigns: for exports."""
        events = list(self.stream(filters))
        return Dataset(events=events, campaigns=self.campaigns_of(events, filters.where))

    def stream(self, filters: Filters, chunk: int = CHUNK) -> Iterator[DatasetEvent]:
        """The selected events in full, review applied, in the dataset's order, read ``chunk`` at a time as
        they are consumed: memory stays flat whatever the store's size. Dated events are read by (date, id) and
        undated ones by id apart, so that the date index gives the order (no sort of the whole selection)."""
        joined = self.sql_path(
            select(EventRow, PlaceRow, CampaignRow.uid)
            .outerjoin(PlaceRow, EventRow.place_id == PlaceRow.id)
            .outerjoin(CampaignRow, EventRow.campaign_id == CampaignRow.id),
            filters,
        )
        parts = (
            joined.where(EventRow.date.is_not(None)).order_by(EventRow.date, EventRow.id),
            joined.where(EventRow.date.is_(None)).order_by(EventRow.id),
        )

        def stored() -> Iterator[tuple[_Key, DatasetEvent]]:
            for query in parts:
                result = self.session.execute(query.execution_options(yield_per=chunk))
                for rows in result.partitions():
                    for row, event in zip(rows, events_from_rows(self.session, rows), strict=True):
                        yield _key(row[0].date, row[0].id), event

        touched = ((b.key, b.event) for b in self._python_part(filters))
        yield from (event for _k, event in heapq.merge(stored(), touched, key=lambda item: item[0]))

    def streamed(
        self, filters: Filters
    ) -> tuple[Iterator[DatasetEvent], Callable[[], list[DatasetCampaign]]]:
        """``stream(filters)``, and the campaigns of the events it gave, to ask for once it is read."""
        event_ids: dict[str, list[str]] = defaultdict(list)

        def events() -> Iterator[DatasetEvent]:
            for event in self.stream(filters):
                if event.campaign_id:
                    event_ids[event.campaign_id].append(event.id)
                yield event

        return events(), lambda: load_campaigns(self.session, event_ids, filters.where)

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
        for start in range(0, len(wanted), CHUNK):
            for row in self.session.execute(
                select(ArticleRow).where(ArticleRow.uid.in_(wanted[start : start + CHUNK]))
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
