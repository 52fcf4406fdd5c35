"""Finding merge candidates: a new event's first-level unit and date in, the stored events it may be the same
incident as out (nearest first), kept in memory by unit and month.

Candidates are the stored events with a place and a date in the same country and first-level unit (state,
province) dated within ``CANDIDATE_DAYS`` of the new event (the widest window the same-incident rules allow).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select

from sitrep.model import DatasetEvent, Figure, Place
from sitrep.resolve.rules import distance_km
from sitrep.store.rows import PLACE_COLUMNS, events_joined, place_from_row
from sitrep.store.tables import event_unit, events

# Stored events this many days either side of a new event's date are merge candidates: the rules' widest
# window is "the same month" (ACLED time precision 3).
CANDIDATE_DAYS = 31
# Merge candidates kept in memory (events, by district and month): enough for the districts and months a feed
# reports at the moment; others are read again when needed.
CACHED_CANDIDATES = 20_000
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
        event_unit == bindparam("admin1"),
        events.c.date.between(bindparam("earliest"), bindparam("latest")),
        events.c.place_id.is_not(None),
    )
    .order_by(events.c.id)
)


def district(event: DatasetEvent) -> tuple[str | None, str | None, str | None]:
    place = event.place
    return (place.country_code, place.admin1, place.admin2) if place is not None else (None, None, None)


def place_key(country_code: str | None, admin1: str | None, admin2: str | None) -> str | None:
    """An event's district as stored: country|admin1|admin2."""
    if not country_code:
        return None
    return f"{country_code}|{admin1 or ''}|{admin2 or ''}"


def unit_key(event: DatasetEvent) -> str | None:
    """Where merge candidates are looked up: country|admin1. The rules merge across districts of one state or
    province (a town and the state it is in, towns either side of a county line), never across them."""
    country_code, admin1, _admin2 = district(event)
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
class Candidate:
    """A stored event as the same-incident rules compare it, with what merging into it needs."""

    row: int
    revision: int
    campaign_row: int | None
    date: dt.date  # the event's (candidates always have one)
    event: DatasetEvent  # place, date, types and actors only


class Candidates:
    """The merge candidates in memory: stored events with a place and a date, by first-level unit (state,
    province) and month.

    A unit's month is read from the database the first time a new event falls near it, then kept current
    with the writer's own inserts and merges; beyond ``CACHED_CANDIDATES`` events the months least recently
    used are dropped (and read again when needed)."""

    def __init__(self) -> None:
        self._months: OrderedDict[tuple[str, int], list[Candidate]] = OrderedDict()
        self._size = 0

    def clear(self) -> None:
        self._months.clear()
        self._size = 0

    def near(self, connection: Connection, key: str, day: dt.date) -> list[Candidate]:
        """The stored events of unit ``key`` (``unit_key``) dated within ``CANDIDATE_DAYS`` of ``day``, oldest
        first (what ``_CANDIDATES`` selects)."""
        window = dt.timedelta(days=CANDIDATE_DAYS)
        earliest, latest = day - window, day + window
        months = range(_month(earliest), _month(latest) + 1)
        missing = [month for month in months if (key, month) not in self._months]
        if missing:
            self._read(connection, key, missing)
        found: list[Candidate] = []
        for month in months:
            self._months.move_to_end((key, month))
            found.extend(c for c in self._months[key, month] if earliest <= c.date <= latest)
        found.sort(key=lambda candidate: candidate.row)
        return found

    def _read(self, connection: Connection, key: str, missing: list[int]) -> None:
        earliest, latest = _months_span(missing[0], missing[-1])
        read: dict[int, list[Candidate]] = {month: [] for month in missing}
        country_code, admin1 = key.split("|", 1)
        parameters = {"country_code": country_code, "admin1": admin1, "earliest": earliest, "latest": latest}
        for row in connection.execute(_CANDIDATES, parameters):
            month = read.get(_month(row.date))
            if month is not None:  # a month already in memory is already current
                month.append(Candidate(row.id, row.revision, row.campaign_id, row.date, _comparable(row)))
        for month, candidates in read.items():
            self._months[key, month] = candidates
            self._size += len(candidates)

    def add(self, key: str, candidate: Candidate) -> None:
        """A new event, or the new state of one: kept if its month is in memory (else it is read with it)."""
        month = self._months.get((key, _month(candidate.date)))
        if month is not None:
            month.append(candidate)
            self._size += 1

    def replace(self, key: str, old: Candidate, new: Candidate) -> None:
        month = self._months.get((key, _month(old.date)))
        if month is not None:
            month.remove(old)
            self._size -= 1
        self.add(key, new)  # a merge can move the event's date to another month

    def trim(self) -> None:
        while self._size > CACHED_CANDIDATES and self._months:
            self._size -= len(self._months.popitem(last=False)[1])


def nearest_first(candidates: list[Candidate], place: Place) -> list[Candidate]:
    """Candidates from a whole state or province, the nearest to ``place`` first (the oldest first at one
    distance): a report merges into the event at its own town before one the rules accept farther away."""

    def distance(candidate: Candidate) -> float:
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


def as_candidate(
    row: int, revision: int, campaign_row: int | None, event: DatasetEvent, place: Place | None
) -> Candidate:
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
    return Candidate(row, revision, campaign_row, event.date, compared)
