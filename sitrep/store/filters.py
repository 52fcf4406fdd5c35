"""Which events to read: filter values in (dates, place, map bounds, actor, type, campaign, words of a quote),
SQL conditions on the events and campaigns tables out; ``BBox``, the map's bounds; and ``campaign_key``, a
campaign name as matched."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, exists, func, or_, select

from sitrep.store.tables import campaigns, claims, events, places

_WORDS = re.compile(r"\w+")


def campaign_key(name: str) -> str:
    """A campaign name as matched: case-folded words ("Operation Sandwall, Phase II" → "operation sandwall
    phase ii")."""
    return " ".join(_WORDS.findall(name.casefold()))


@dataclass(frozen=True, slots=True)
class BBox:
    """Map bounds in degrees: ``west`` ≤ longitude ≤ ``east`` and ``south`` ≤ latitude ≤ ``north``, edges
    included. A box with ``west`` > ``east`` crosses the antimeridian (170,-10,-170,10 spans 20 degrees of
    longitude around ±180)."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``"west,south,east,north"`` in degrees; ValueError with one line saying what is wrong."""
        parts = text.split(",")
        if len(parts) != 4:
            raise ValueError(f"bbox must be west,south,east,north (4 numbers), got {len(parts)} value(s)")
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError:
            raise ValueError(f"bbox must be 4 numbers (west,south,east,north), got {text[:100]!r}") from None
        if not all(math.isfinite(v) for v in (west, south, east, north)):
            raise ValueError("bbox values must be finite numbers")
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            raise ValueError(
                "bbox longitudes (west, east) must be within -180..180; across ±180, west > east"
            )
        if not (-90 <= south <= north <= 90):
            raise ValueError("bbox latitudes must satisfy -90 <= south <= north <= 90")
        return cls(west, south, east, north)

    @property
    def crosses_antimeridian(self) -> bool:
        return self.west > self.east

    def contains(self, lat: float | None, lon: float | None) -> bool:
        """The point is inside (a place with no coordinates never is)."""
        if lat is None or lon is None or not self.south <= lat <= self.north:
            return False
        if self.crosses_antimeridian:
            return lon >= self.west or lon <= self.east
        return self.west <= lon <= self.east

    def condition(self, lat: Any, lon: Any) -> Any:
        """SQL: the point (``lat``, ``lon`` columns of a places table) is inside; a range on the ``places
        (lat, lon)`` index."""
        across = (
            or_(lon >= self.west, lon <= self.east)
            if self.crosses_antimeridian
            else lon.between(self.west, self.east)
        )
        return and_(lat.between(self.south, self.north), across)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read. Text filters ignore case; ``actor`` matches part of actor1 or actor2 ("BLA");
    ``event_type`` an event type or a sub-event type; ``campaign`` a campaign id or part of its name; ``country``
    an ISO 3166 alpha-2 code; ``bbox`` the map's bounds (an event whose place has no coordinates is outside);
    ``q`` text that a quote of one of the event's claims holds (any case; ``%`` and ``_`` are plain
    characters). Dates are inclusive; a date filter leaves out undated events."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    actor: str | None = None
    event_type: str | None = None
    campaign: str | None = None
    bbox: BBox | None = None
    q: str | None = None

    def conditions(self, bounds: bool = True, table: Table = events) -> list[Any]:
        """SQL conditions on the events table. ``bounds=False`` leaves out the map bounds, for a caller that
        joins the places itself (``BBox.condition``): a join lets the planner start from whichever side is
        smaller (a small box's places, or a month's events), where ``place_id IN (…)`` first lists every
        place inside the box. ``table``: another table with the events' columns of the same names (the
        ``event_totals`` rows, which have no actors and no places: ``sitrep.store.totals`` says when they can
        answer)."""
        c = table.c
        conditions: list[Any] = []
        if self.date_from is not None:
            conditions.append(c.date >= self.date_from)
        if self.date_to is not None:
            conditions.append(c.date <= self.date_to)
        if self.country:
            conditions.append(func.upper(c.country_code) == self.country.upper())
        for column, value in ((c.admin1, self.admin1), (c.admin2, self.admin2)):
            if value:
                conditions.append(func.lower(column) == value.lower())
        if self.actor:
            conditions.append(
                or_(
                    c.actor1.icontains(self.actor, autoescape=True),
                    c.actor2.icontains(self.actor, autoescape=True),
                )
            )
        if self.event_type:
            wanted = self.event_type.lower()
            conditions.append(or_(func.lower(c.event_type) == wanted, func.lower(c.sub_event_type) == wanted))
        if self.campaign:
            conditions.append(c.campaign_id.in_(select(campaigns.c.id).where(self._campaign_named())))
        if self.q:
            # LIKE (ILIKE on PostgreSQL) with the pattern's wildcards escaped; the claims' event_id index.
            quoted = claims.c.quote.icontains(self.q, autoescape=True)
            conditions.append(exists().where(claims.c.event_id == c.id, quoted))
        if self.bbox is not None and bounds:
            inside = select(places.c.id).where(self.bbox.condition(places.c.lat, places.c.lon))
            conditions.append(c.place_id.in_(inside))
        return conditions

    def _campaign_named(self) -> Any:
        """The campaign filter: its id, or part of its name."""
        assert self.campaign is not None
        return or_(
            campaigns.c.uid == self.campaign,
            campaigns.c.name_key.contains(campaign_key(self.campaign), autoescape=True),
        )

    def campaign_conditions(self) -> list[Any] | None:
        """What selects a campaign with no event (its claims name only a province): its days, actor and name;
        None when a filter on place, bounds, type or quote leaves such campaigns out (they have none)."""
        if self.country or self.admin1 or self.admin2 or self.event_type or self.bbox is not None or self.q:
            return None
        conditions: list[Any] = []
        if self.date_from is not None:
            conditions.append(campaigns.c.date_last >= self.date_from)
        if self.date_to is not None:
            conditions.append(campaigns.c.date_first <= self.date_to)
        if self.actor:
            conditions.append(campaigns.c.actor.icontains(self.actor, autoescape=True))
        if self.campaign:
            conditions.append(self._campaign_named())
        return conditions
