"""Which events to read: filter values in (dates, place, actor, type, campaign), SQL conditions on the events
and campaigns tables out; and ``campaign_key``, a campaign name as matched."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, or_, select

from sitrep.store.tables import campaigns, events

_WORDS = re.compile(r"\w+")


def campaign_key(name: str) -> str:
    """A campaign name as matched: case-folded words ("Operation Sandwall, Phase II" → "operation sandwall
    phase ii")."""
    return " ".join(_WORDS.findall(name.casefold()))


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read. Text filters ignore case; ``actor`` matches part of actor1 or actor2 ("BLA");
    ``event_type`` an event type or a sub-event type; ``campaign`` a campaign id or part of its name; ``country``
    an ISO 3166 alpha-2 code. Dates are inclusive; a date filter leaves out undated events."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    actor: str | None = None
    event_type: str | None = None
    campaign: str | None = None

    def conditions(self, table: Table = events) -> list[Any]:
        """The SQL conditions on ``events``, or on another table with its columns of the same names (the
        ``event_totals`` rows, which have no actors: ``totals_serve`` says when they can answer)."""
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
        return conditions

    @property
    def totals_serve(self) -> bool:
        """Whether the ``event_totals`` rows hold what this filter selects by: all but the actors."""
        return not self.actor

    def _campaign_named(self) -> Any:
        """The campaign filter: its id, or part of its name."""
        assert self.campaign is not None
        return or_(
            campaigns.c.uid == self.campaign,
            campaigns.c.name_key.contains(campaign_key(self.campaign), autoescape=True),
        )

    def campaign_conditions(self) -> list[Any] | None:
        """What selects a campaign with no event (its claims name only a province): its days, actor and name;
        None when a filter on place or type leaves such campaigns out (they have neither)."""
        if self.country or self.admin1 or self.admin2 or self.event_type:
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
