"""Finding merge candidates: a new event in, the stored events the same-incident rules could accept out (nearest
first), one indexed query per event whatever the size of the store.

The query asks only for what the rules (``sitrep.resolve``) could merge, each condition one they require:
the same country and first-level unit (state, province: ``ix_events_unit_date``); a date within
``MAX_DAYS_APART`` (a week) of the new event's, or in its month when either is dated only to the month; a
place the rules could call the same (one gazetteer entry, or one district when either place is known only
to the district), nested (a place given only as the province) or near (within ``NEAR_KM``: a box of latitude
and longitude that holds the circle). The rules then decide among them as before: leaving out events they
could never accept changes no decision. What one query costs grows with the events stored in that unit and
week (each is read to test its place), not with the size of the store.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Connection, and_, bindparam, func, or_, select

from sitrep.model import DatasetEvent, Figure, Place
from sitrep.resolve import MAX_DAYS_APART, NEAR_KM, distance_km
from sitrep.store.rows import PLACE_COLUMNS, place_from_row
from sitrep.store.tables import event_unit, events, places

_EARTH_KM = 6371.0  # as ``distance_km``
# What the same-incident rules compare (place, date, type, actors, figures): not the notes or toll, which grow
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
# ACLED precisions as the rules read them (``sitrep.resolve.matching``): a date of precision 3 (a month) is
# compared by its month, a place of precision 3 (a district) by its district; a missing one counts as the rules
# count it (a date as a week, a place as a district).
COARSE = 3
_DATE_PRECISION = func.coalesce(events.c.date_precision["acled"].as_integer(), 2)
_PLACE_PRECISION = func.coalesce(places.c.precision["acled"].as_integer(), 3)
# Every event of a unit whose date the rules could accept: within a week of the new event's (``near_first`` to
# ``near_last``; the month when the new event is dated only to the month), or dated only to the month in its
# month. ``earliest``/``latest`` hold both, the range the index is searched in.
_IN_UNIT = (
    select(*(events.c[name] for name in _COMPARED), *PLACE_COLUMNS)
    .select_from(events.join(places, events.c.place_id == places.c.id))
    .where(
        events.c.country_code == bindparam("country_code"),
        event_unit == bindparam("admin1"),
        events.c.date.between(bindparam("earliest"), bindparam("latest")),
        or_(
            events.c.date.between(bindparam("near_first"), bindparam("near_last")),
            and_(
                events.c.date.between(bindparam("month_first"), bindparam("month_last")),
                _DATE_PRECISION >= COARSE,
            ),
        ),
    )
    .order_by(events.c.id)
)
# Of those, the ones at a place the rules could accept for a new event at a town or district: the same gazetteer
# entry, the same district when either place is known only to the district (``coarse``: the new one's), a place
# given only as the province, or one in the box around the new place.
_NEAR_PLACE = _IN_UNIT.where(
    or_(
        places.c.geonameid == bindparam("geonameid"),
        and_(
            places.c.admin2 == bindparam("admin2"),
            or_(bindparam("coarse", type_=Boolean), _PLACE_PRECISION >= COARSE),
        ),
        places.c.kind == "admin1",
        and_(
            places.c.lat.between(bindparam("south"), bindparam("north")),
            places.c.lon.between(bindparam("west"), bindparam("east")),
        ),
    )
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


@dataclass(frozen=True, slots=True, eq=False)
class Candidate:
    """A stored event as the same-incident rules compare it, with what merging into it needs."""

    row: int
    revision: int
    campaign_row: int | None
    event: DatasetEvent  # place, date, types and actors only


def candidates_for(connection: Connection, new: DatasetEvent) -> list[Candidate]:
    """The stored events the same-incident rules could merge ``new`` into (see the module docstring), oldest
    first; none for an event without a date or a place in a country."""
    key = unit_key(new)
    if key is None or new.date is None or new.place is None:
        return []
    country_code, admin1 = key.split("|", 1)
    day = new.date
    first = day.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    week = dt.timedelta(days=MAX_DAYS_APART)
    near = (first, last) if new.date_precision.get("acled", 2) >= COARSE else (day - week, day + week)
    window = {
        "country_code": country_code,
        "admin1": admin1,
        "earliest": min(near[0], first),
        "latest": max(near[1], last),
        "near_first": near[0],
        "near_last": near[1],
        "month_first": first,
        "month_last": last,
    }
    place = new.place
    if place.kind == "admin1":  # it holds every place of its unit
        rows = connection.execute(_IN_UNIT, window)
    else:
        rows = connection.execute(_NEAR_PLACE, {**window, **_place_terms(place)})
    return [Candidate(row.id, row.revision, row.campaign_id, _comparable(row)) for row in rows]


def _place_terms(place: Place) -> dict[str, Any]:
    """The place conditions' parameters: its gazetteer entry, its district and the box around it that holds
    every point within ``NEAR_KM`` (none when it has no coordinates or is a country: nothing is near it then)."""
    terms: dict[str, Any] = {
        "geonameid": place.geonameid or None,
        "admin2": place.admin2,
        "coarse": place.precision.get("acled", COARSE) >= COARSE,
    }
    box = {"south": None, "north": None, "west": None, "east": None}
    if place.lat is not None and place.lon is not None and place.kind != "country":
        # Slightly wider than the circle: rounding must never leave out a place the rules call near.
        reach = NEAR_KM * 1.001 / _EARTH_KM
        south, north = place.lat - math.degrees(reach), place.lat + math.degrees(reach)
        box.update(south=south, north=north, west=-360.0, east=360.0)
        # The narrowest parallel the circle reaches sets how far in longitude it goes (haversine: the
        # longitude term is scaled by the cosines of both latitudes).
        scale = math.cos(math.radians(place.lat)) * math.cos(math.radians(max(abs(south), abs(north))))
        if scale > 0 and math.sin(reach / 2) / math.sqrt(scale) < 1:
            spread = math.degrees(2 * math.asin(math.sin(reach / 2) / math.sqrt(scale)))
            if place.lon - spread >= -180 and place.lon + spread <= 180:  # else the box would cross ±180°
                box.update(west=place.lon - spread, east=place.lon + spread)
    return {**terms, **box}


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
