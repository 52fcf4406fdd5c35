"""Which alerts the rules fire on the store now, read through the review layer (analysts' corrections apply:
a rejected event never fires, an edited toll is the one compared).

- ``event`` rules: every event of the last ``days`` days that passes the rule's filters (area, actors,
  sub-event types) and its minimum toll (``min_best`` or ``min_high``: either suffices). Subject: the event.
  An undated event never fires (it is in no look-back).
- ``campaign`` rules ("new campaign"): every campaign that started in the last ``days`` days whose events pass
  the filters (or, for a rule without a place, whose actor matches), with its campaign-wide toll. Subject: the
  campaign.
- ``spike`` rules: in the rule's area (its filters), the events (``measure = "events"``) or the best fatalities
  (``"fatalities"``) of the last ``window`` days, today included, against the area's own baseline: the median of
  the ``baseline`` windows of the same length just before. The rule fires when the current window reaches
  ``max(at_least, factor × median)`` (defaults: ``max(3, 2 × median)``), so a quiet district fires on 3 events
  and a busy one only on twice its usual level. Subject: the area and the window's block (days since
  0001-01-01 divided by ``window``): a spike that lasts fires once per block, then only as an update.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from sqlalchemy.orm import Session

from sitrep.alerts.rules import Rule, Rules
from sitrep.model import DatasetCampaign, DatasetEvent, Figure, SourcedClaim, TollPoint
from sitrep.store.filters import EventFilter
from sitrep.store.review import Filters, ReviewedReader


@dataclass(slots=True)
class Alert:
    """One alert: what fired, on what, with the figures side by side and where to read more."""

    rule: str
    kind: str  # event | campaign | spike
    subject: str  # event:<id> | campaign:<id> | spike:<area>:<block>
    title: str
    date: dt.date | None
    place: str
    low: int | None
    best: int | None
    high: int | None
    claimants: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    dashboard: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    measure: str = "killed"  # what low/best/high count: "killed", or "events" for an event-count spike
    # Set when sent: 0 the first alert, 1+ an update; the key the receiver dedupes on.
    version: int = 0
    idempotency_key: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "subject": self.subject,
            "update": self.version > 0,
            "version": self.version,
            "idempotency_key": self.idempotency_key,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "place": self.place,
            "measure": self.measure,
            "figures": {"low": self.low, "best": self.best, "high": self.high},
            "claimants": self.claimants,
            "quotes": self.quotes,
            "links": self.links,
            "dashboard": self.dashboard,
            **({"detail": self.detail} if self.detail else {}),
        }

    def line(self) -> str:
        """One line: for standard output and logs."""
        update = " (update)" if self.version > 0 else ""
        figures = f"{_figure(self.low)}/{_figure(self.best)}/{_figure(self.high)}"
        when = self.date.isoformat() if self.date else "undated"
        return f"alert{update}: {self.rule}: {self.title} — {self.place}, {when}, {self.measure} low/best/high {figures}"

    def block(self) -> str:
        """Several lines: the alert in full, for `sitrep alerts test` and e-mail."""
        lines = [self.line(), f"  subject: {self.subject}"]
        for key, value in self.detail.items():
            lines.append(f"  {key}: {value}")
        if self.claimants:
            lines.append("  claimants:")
            width = max(len(c["claimant"]) for c in self.claimants)
            for c in self.claimants:
                figures = _range(c["low"], c["high"])
                published = f" ({c['published']})" if c["published"] else ""
                lines.append(f"    {c['claimant']:<{width}}  {c['outcome']} {figures}{published}")
        for q in self.quotes:
            lines.append(f'  quote ({q["claimant"]}): "{q["quote"]}"')
        lines.extend(f"  link: {link}" for link in self.links)
        lines.append(f"  dashboard: {self.dashboard}")
        return "\n".join(lines)


def _figure(value: int | None) -> str:
    return "?" if value is None else str(value)


def _range(low: int | None, high: int | None) -> str:
    """A claimant's figure: "24", "17-31", "201+" (at least), "?" (none given)."""
    if low == high:
        return _figure(low)
    if high is None:
        return f"{low}+"
    return f"{_figure(low)}-{high}"


def _places(events: Iterable[DatasetEvent], most: int = 3) -> str:
    names = list(dict.fromkeys(_place(e) for e in events))
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return "; ".join(names[:most]) + more or "no place"


def evaluate(session: Session, rules: Rules, today: dt.date) -> list[Alert]:
    """The alerts ``rules`` fire on the store now (``today``: the last day of every look-back)."""
    reader = ReviewedReader(session)
    found: list[Alert] = []
    for rule in rules.rules:
        if rule.kind == "event":
            found.extend(_event_alerts(reader, rule, rules.dashboard, today))
        elif rule.kind == "campaign":
            found.extend(_campaign_alerts(reader, rule, rules.dashboard, today))
        else:
            found.extend(_spike_alerts(reader, rule, rules.dashboard, today))
    return found


def _in_area(reader: ReviewedReader, rule: Rule, since: dt.date, today: dt.date) -> list[DatasetEvent]:
    """The events of ``since``..``today`` that pass the rule's place, actor and type filters (not its toll)."""
    where = EventFilter(
        date_from=since, date_to=today, country=rule.country, admin1=rule.admin1, admin2=rule.admin2
    )
    # Actors and types are lists (any of them): read by place and date in SQL, the rest here.
    return [event for event in reader.stream(Filters(where=where)) if _passes(rule, event)]


def _passes(rule: Rule, event: DatasetEvent) -> bool:
    if rule.area is not None and not rule.area.contains(*_point(event)):
        return False
    if rule.actors:
        names = [(a or "").lower() for a in (event.actor1, event.actor2)]
        if not any(actor.lower() in name for actor in rule.actors for name in names):
            return False
    if rule.sub_event_types:
        types = {event.event_type.lower(), event.sub_event_type.lower()}
        if not any(t.lower() in types for t in rule.sub_event_types):
            return False
    return True


def _point(event: DatasetEvent) -> tuple[float | None, float | None]:
    return (event.place.lat, event.place.lon) if event.place else (None, None)


def _big_enough(rule: Rule, figure: Figure) -> bool:
    if rule.min_best is None and rule.min_high is None:
        return True
    return any(
        wanted is not None and value is not None and value >= wanted
        for wanted, value in ((rule.min_best, figure.best), (rule.min_high, figure.high))
    )


def _place(event: DatasetEvent) -> str:
    place = event.place
    if place is None:
        return "no place"
    parts = [place.name, place.admin2, place.admin1, place.country_code]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _claimants(toll: Iterable[TollPoint]) -> list[dict[str, Any]]:
    """Each claimant's current figures (superseded ones left out), side by side."""
    return [
        {
            "claimant": point.claimant,
            "kind": point.claimant_kind,
            "outcome": point.outcome,
            "low": point.low,
            "high": point.high,
            "published": point.published.isoformat() if point.published else None,
            "article_id": point.article_id,
        }
        for point in toll
        if not point.superseded
    ]


def _quotes(claims: Iterable[SourcedClaim]) -> tuple[list[dict[str, Any]], list[str]]:
    quotes = {
        (claim.claimant.name, claim.quote): {
            "claimant": claim.claimant.name
            or ("the report" if claim.claimant.kind == "none" else claim.claimant.kind),
            "quote": claim.quote,
            "url": claim.url,
            "source": claim.source,
        }
        for claim in claims
        if not claim.background and claim.superseded_by is None
    }  # a sentence with two figures is two claims: quoted once
    links = list(dict.fromkeys(claim.url for claim in claims if claim.url))
    return list(quotes.values()), links


def _link(dashboard: str, event_id: str) -> str:
    return f"{dashboard}#event={quote(event_id, safe='')}"


def _event_alerts(reader: ReviewedReader, rule: Rule, dashboard: str, today: dt.date) -> list[Alert]:
    alerts = []
    for event in _in_area(reader, rule, today - dt.timedelta(days=rule.days - 1), today):
        if not _big_enough(rule, event.fatalities):
            continue
        alerts.append(
            _toll_alert(
                rule,
                f"event:{event.id}",
                _event_title(event),
                event.date,
                _place(event),
                (event.fatalities, event.toll, event.claims),
                _link(dashboard, event.id),
            )
        )
    return alerts


def _toll_alert(
    rule: Rule,
    subject: str,
    title: str,
    date: dt.date | None,
    place: str,
    told: tuple[Figure, Iterable[TollPoint], Iterable[SourcedClaim]],
    dashboard: str,
    detail: dict[str, Any] | None = None,
) -> Alert:
    """The alert of an event or a campaign (``subject`` says which): its killed figures, each claimant's say
    (``told``: the figure, the toll, the claims quoted) and where to read more."""
    figure, toll, claims = told
    quotes, links = _quotes(claims)
    return Alert(
        rule=rule.name,
        kind=subject.split(":", 1)[0],
        subject=subject,
        title=title,
        date=date,
        place=place,
        low=figure.low,
        best=figure.best,
        high=figure.high,
        claimants=_claimants(toll),
        quotes=quotes,
        links=links,
        dashboard=dashboard,
        detail=detail or {},
    )


def _event_title(event: DatasetEvent) -> str:
    actors = " vs ".join(a for a in (event.actor1, event.actor2) if a)
    return f"{event.sub_event_type}" + (f" ({actors})" if actors else "")


def _campaign_alerts(reader: ReviewedReader, rule: Rule, dashboard: str, today: dt.date) -> list[Alert]:
    since = today - dt.timedelta(days=rule.days - 1)
    events = _in_area(reader, rule, since, today)
    by_id = {event.id: event for event in events}
    placeless = rule.country is None and rule.admin1 is None and rule.admin2 is None and rule.area is None
    # A campaign named only with a province has no event: selected by its days (and actor, below).
    where = EventFilter(date_from=since, date_to=today) if placeless else None
    alerts = []
    for campaign in reader.campaigns_of(events, where):
        if campaign.date_first is None or campaign.date_first < since:
            continue  # not new: it started before the look-back
        if not campaign.event_ids and rule.actors and not _actor_matches(rule, campaign):
            continue
        if not _big_enough(rule, campaign.fatalities):
            continue
        own = [by_id[i] for i in campaign.event_ids if i in by_id]
        claims = [*campaign.claims, *(c for e in own for c in e.claims)]
        alerts.append(
            _toll_alert(
                rule,
                f"campaign:{campaign.id}",
                f"new campaign: {campaign.name}" + (f" ({campaign.actor})" if campaign.actor else ""),
                campaign.date_first,
                _places(own),
                (campaign.fatalities, campaign.toll, claims),
                _link(dashboard, own[0].id) if own else dashboard,
                {"events": len(campaign.event_ids), "last day": campaign.date_last},
            )
        )
    return alerts


def _actor_matches(rule: Rule, campaign: DatasetCampaign) -> bool:
    return any(actor.lower() in (campaign.actor or "").lower() for actor in rule.actors)


def spike_threshold(rule: Rule, previous: list[float]) -> tuple[float, float]:
    """The baseline (median of the previous windows) and the threshold a window must reach to fire."""
    median = statistics.median(previous) if previous else 0.0
    return median, max(rule.at_least, rule.factor * median)


def _spike_alerts(reader: ReviewedReader, rule: Rule, dashboard: str, today: dt.date) -> list[Alert]:
    span = rule.window * (rule.baseline + 1)
    events = _in_area(reader, rule, today - dt.timedelta(days=span - 1), today)
    windows: list[list[DatasetEvent]] = [[] for _ in range(rule.baseline + 1)]
    for event in events:
        assert event.date is not None  # a date filter leaves out undated events
        windows[(today - event.date).days // rule.window].append(event)

    def value(window: list[DatasetEvent], part: str = "best") -> int:
        if rule.measure == "events":
            return len(window)
        return sum(getattr(e.fatalities, part) or 0 for e in window)

    current = windows[0]
    median, threshold = spike_threshold(rule, [value(w) for w in windows[1:]])
    if not current or value(current) < threshold:
        return []
    area = "/".join(p for p in (rule.country, rule.admin1, rule.admin2) if p) or "area"
    block = today.toordinal() // rule.window
    quotes, links = _quotes(c for e in current for c in e.claims)
    first = today - dt.timedelta(days=rule.window - 1)
    return [
        Alert(
            rule=rule.name,
            kind="spike",
            subject=f"spike:{area}:{block}",
            title=f"spike: {value(current)} {rule.measure} in {rule.window} days (usual {median:g})",
            date=today,
            place=_places(current),
            low=value(current, "low"),
            best=value(current),
            high=value(current, "high"),
            claimants=[c for e in current for c in _claimants(e.toll)],
            quotes=quotes,
            links=links,
            dashboard=_link(dashboard, current[-1].id),
            measure="events" if rule.measure == "events" else "killed",
            detail={
                "window": f"{first.isoformat()}..{today.isoformat()}",
                "baseline": f"median {median:g} of the {rule.baseline} windows before",
                "threshold": f"{threshold:g} = max({rule.at_least:g}, {rule.factor:g} × {median:g})",
                "events": ", ".join(e.id for e in current[:3])
                + (f" and {len(current) - 3} more" if len(current) > 3 else ""),
            },
        )
    ]
