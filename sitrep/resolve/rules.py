"""Cross-article resolution: when two articles describe the same incident, and how figures are reconciled.

All the rules are here, stated once.

**Same incident** (``same_incident``): two events are merged when

1. they are at the same place — the same gazetteer place, or the same district when either is placed only at
   district level or coarser — or at nested or near places whose tolls agree (no outcome given by both
   differs, one is the same non-zero figure in both): one placed only at a state or province holding the
   other's place (on the same day, or with the same toll), or two places within ``NEAR_KM`` (a neighbourhood
   and its city, towns either side of a county line); and
2. their dates are compatible: equal when both are known to the day (ACLED time precision 1), otherwise
   within the wider one's window (a week: ±3 days; a month: same month); a day apart when both tell the same
   toll (the same dead and wounded, or the same figure of two or more: outlets date a night's attack to the
   evening or to the next morning); up to ``_FULL_TOLL_DAYS`` apart at the very same place when both tell the
   same dead and the same wounded, three people or more (a follow-up dated to its funeral or arrest). Otherwise
   two events dated to different days in the same town are never merged, nor is an undated one;
3. their types are compatible: the same sub-event type, or the same event type, or one of them is a plain
   armed clash / attack and both are violent (a report that only says "attack" does not contradict one that
   says "IED"; it does contradict a protest or a looting); and
4. their actors do not contradict: the same actor1, or either is unidentified or unknown.
   Events of the same named campaign at the same place and day are merged whatever their types.

**Reconciled figures** (``reconcile``): every claim from every article is kept. When one claimant gives
figures in several articles (tolls rise as bodies are counted), only its latest figures count — latest by
publication date, the later article on a tie. Then the per-event rules of ``sitrep.events.figures`` apply:
low from non-perpetrators, high including the perpetrator, best by the named rule in force (``official`` by
default: the officials' total; ``SITREP_BEST_RULE`` switches it); background claims count in no figure, nor
do the claims of an article a newer revision replaced (``superseded_by``: they stay in the toll). The
``notes`` say, per claimant, what it claims, and end with the rules' reading. The ``toll`` keeps every
figure, the superseded ones marked.

**Campaign figures** (``reconcile_campaign``): the same rules read a campaign's own claims — the figures no
single place holds, including those of a report that names only the province — and the campaign keeps, per
outcome and side, that range raised where its events' placed figures add up to more (a total covers its
parts: the two are never added). Events keep the figures tied to their place.

**Why merged** (``match_reasons``): every merge is stored with the features that matched (place, date, type,
actors, toll), so a reviewer can judge it and split it again.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence

from sitrep.events.figures import event_figures
from sitrep.model import (
    ArticleMeta,
    BySide,
    DatasetCampaign,
    DatasetEvent,
    Event,
    ExtractResult,
    Figure,
    Place,
    SourcedClaim,
    TollPoint,
)

_UNKNOWN_ACTORS = ("Unidentified Armed Group",)
_GENERIC_TYPES = {"Armed clash", "Attack"}
_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_WINDOW_DAYS = {1: 0, 2: 3, 3: 15}  # ACLED time precision → how far apart two dates may be
# Two places this close may hold one incident (UCDP's "within about 25 km"): a neighbourhood and its city, towns
# either side of a county line.
NEAR_KM = 25.0


def claim_id(article_id: str, local_id: str) -> str:
    """A claim's dataset id: unique across articles."""
    return f"{article_id}#{local_id}"


def to_dataset_event(
    event: Event, result: ExtractResult, article: ArticleMeta, *, reconciled: bool = True
) -> DatasetEvent:
    """One article's event as a dataset event: its claims with their source, its place inline. ``reconciled``:
    with its figures, notes and toll (without: for merging into another event, which recomputes them)."""
    claims_by_id = {c.id: c for c in result.claims}
    places = {p.id: p for p in result.places}
    claims = [
        SourcedClaim(
            **claims_by_id[local].model_dump(exclude={"id", "part_of"}),
            id=claim_id(article.id, local),
            part_of=claim_id(article.id, claims_by_id[local].part_of)
            if claims_by_id[local].part_of
            else None,
            article_id=article.id,
            published=article.published,
            source=article.source,
            url=article.url,
        )
        for local in event.claim_ids
        if local in claims_by_id
    ]
    dataset_event = DatasetEvent(
        **event.model_dump(exclude={"claim_ids"}),
        claim_ids=[c.id for c in claims],
        article_ids=[article.id],
        claims=claims,
        place=places.get(event.place_id) if event.place_id else None,
    )
    return reconcile(dataset_event) if reconciled else dataset_event


def _district(place: Place | None) -> tuple[str | None, str | None, str | None]:
    if place is None:
        return (None, None, None)
    return (place.country_code, place.admin1, place.admin2)


def same_gazetteer_place(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether both events are placed at one gazetteer entry (not merely in one district)."""
    if a.place is None or b.place is None or not a.place.geonameid:
        return False
    return a.place.geonameid == b.place.geonameid


def _same_place(a: DatasetEvent, b: DatasetEvent) -> bool:
    if a.place is None or b.place is None:
        return False
    if same_gazetteer_place(a, b):
        return True
    coarse = max(a.place.precision.get("acled", 3), b.place.precision.get("acled", 3)) >= 3
    return coarse and _district(a.place) == _district(b.place) and a.place.admin2 is not None


def _dates_compatible(a: DatasetEvent, b: DatasetEvent) -> bool:
    if a.date is None or b.date is None:
        return False  # an undated report cannot be placed on any one day: never merged
    precision = max(a.date_precision.get("acled", 2), b.date_precision.get("acled", 2))
    if precision >= 3:
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    window = _WINDOW_DAYS[precision]
    if _same_figures(a, b):
        # Outlets date a night's shooting to the evening or to the next day ("late Saturday", "early Sunday"),
        # and a follow-up may count from its own day: the same toll a day apart is the same incident.
        window = max(window, 1)
    if _same_full_toll(a, b):
        # A follow-up dated to its own news (a funeral, an arrest) tells the same dead and wounded at the
        # same place: a full toll of three people or more recurring there within the week is one incident.
        window = max(window, _FULL_TOLL_DAYS)
    return abs((a.date - b.date).days) <= window


_FULL_TOLL_DAYS = 7
# The most days apart two events may be and still be one incident when neither is dated only to the month
# (``_dates_compatible``): stored events this far from a new one's date, or in its month, are all the merge
# candidates there can be.
MAX_DAYS_APART = max(*(days for precision, days in _WINDOW_DAYS.items() if precision < 3), 1, _FULL_TOLL_DAYS)


def _same_full_toll(a: DatasetEvent, b: DatasetEvent) -> bool:
    """The same place (one gazetteer entry) and the same dead and the same wounded, both told, three people or
    more in all: rare enough together to tell one incident from another."""
    if not same_gazetteer_place(a, b):
        return False
    dead, wounded = a.fatalities.best, a.injured.best
    if dead is None or wounded is None or (dead, wounded) != (b.fatalities.best, b.injured.best):
        return False
    return dead + wounded >= 3


def _same_figures(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether both events tell the same toll: the same dead and the same wounded, or the same figure of two
    or more for one of them (one person killed is too common to tell two incidents apart)."""
    pairs = [(x.best, y.best) for x, y in ((a.fatalities, b.fatalities), (a.injured, b.injured))]
    if all(x is not None and x == y for x, y in pairs) and any(x for x, _ in pairs):
        return True
    return any(x is not None and x == y and x > 1 for x, y in pairs)


def _types_compatible(a: DatasetEvent, b: DatasetEvent) -> bool:
    if a.sub_event_type == b.sub_event_type or a.event_type == b.event_type:
        return True
    # A plain clash or attack report fits any violent event, not a protest, riot or strategic development.
    violent = a.event_type in _VIOLENT_TYPES and b.event_type in _VIOLENT_TYPES
    return violent and (a.sub_event_type in _GENERIC_TYPES or b.sub_event_type in _GENERIC_TYPES)


def _known(actor: str | None) -> bool:
    return bool(actor) and not actor.startswith(_UNKNOWN_ACTORS)


def _actors_compatible(a: DatasetEvent, b: DatasetEvent) -> bool:
    if not (_known(a.actor1) and _known(b.actor1)):
        return True
    return a.actor1 == b.actor1 or a.actor1 in (b.actor2,) or b.actor1 in (a.actor2,)


def distance_km(a: Place, b: Place) -> float | None:
    """The great-circle distance between two places, None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlmb = phi2 - phi1, math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_contains(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether one event is placed only at a first-level unit (a state, a province) that holds the other's
    place: a report that names only "Virginia" and one that names the town in it."""
    if a.place is None or b.place is None or a.place.country_code != b.place.country_code:
        return False
    for unit, inner in ((a.place, b.place), (b.place, a.place)):
        if unit.kind == "admin1" and unit.admin1 and unit.admin1 == inner.admin1 and inner.kind != "admin1":
            return True
    return False


def _near_places(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether two different places are within ``NEAR_KM`` of each other: a city's neighbourhood and the city,
    or towns either side of a county line."""
    if a.place is None or b.place is None or a.place.country_code != b.place.country_code:
        return False
    if "admin1" in (a.place.kind, b.place.kind) or "country" in (a.place.kind, b.place.kind):
        return False  # a unit's coordinates are its seat's: no distance to speak of
    km = distance_km(a.place, b.place)
    return km is not None and km <= NEAR_KM


def _figures_agree(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether the two tolls tell one story: no outcome given by both differs, and one of them is the same
    non-zero figure in both (the same three dead; one dead in both when one report also counts the wounded)."""
    shared = False
    for x, y in ((a.fatalities.best, b.fatalities.best), (a.injured.best, b.injured.best)):
        if x is None or y is None:
            continue
        if x != y:
            return False
        shared = shared or x > 0
    return shared


def _places_match(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Same place (``_same_place``), or nested or near places when the tolls agree as well: a different but
    compatible place is one more coincidence to ask for."""
    if _same_place(a, b):
        return True
    if _place_contains(a, b):
        return _same_figures(a, b) or (_figures_agree(a, b) and a.date == b.date)
    return _near_places(a, b) and _figures_agree(a, b)


def same_incident(a: DatasetEvent, b: DatasetEvent, same_campaign: bool = False) -> bool:
    """Whether two events describe one incident (the rules in the module docstring)."""
    return match_reasons(a, b, same_campaign) is not None


def match_reasons(a: DatasetEvent, b: DatasetEvent, same_campaign: bool = False) -> list[str] | None:
    """Why two events are one incident — the features that matched, in words ("same place: Quetta") — or None
    when they are not (the rules in the module docstring). Stored with every merge so a reviewer can judge it."""
    if not (_places_match(a, b) and _dates_compatible(a, b)):
        return None
    reasons = [_place_reason(a, b), _date_reason(a, b)]
    if same_campaign:
        return [*reasons, "same campaign"]
    if not (_types_compatible(a, b) and _actors_compatible(a, b)):
        return None
    reasons.append(
        f"same type: {a.sub_event_type}"
        if a.sub_event_type == b.sub_event_type
        else f"compatible types: {a.sub_event_type} / {b.sub_event_type}"
    )
    reasons.append(
        f"same actor: {a.actor1}" if _known(a.actor1) and _known(b.actor1) else "actors not contradicting"
    )
    if _same_figures(a, b):
        reasons.append("same toll")
    return reasons


def match_rank(a: DatasetEvent, b: DatasetEvent) -> tuple[int, int]:
    """How closely two events the rules call one incident agree, lower first: the same toll, then tolls that
    agree, then neither; the same sub-event type first. Of several stored events a report could join (two
    attacks in one town on one day), it joins the one its figures and type tell."""
    toll = 0 if _same_figures(a, b) else 1 if _figures_agree(a, b) else 2
    return toll, 0 if a.sub_event_type == b.sub_event_type else 1


def _place_reason(a: DatasetEvent, b: DatasetEvent) -> str:
    assert a.place is not None and b.place is not None
    if same_gazetteer_place(a, b):
        return f"same place: {a.place.name}"
    if _same_place(a, b):
        return f"same district: {a.place.admin2} ({a.place.name} / {b.place.name})"
    if _place_contains(a, b):
        return f"one place holds the other: {a.place.name} / {b.place.name}"
    distance = distance_km(a.place, b.place) or 0.0
    return f"places {distance:.0f} km apart: {a.place.name} / {b.place.name}"


def _date_reason(a: DatasetEvent, b: DatasetEvent) -> str:
    assert a.date is not None and b.date is not None
    if a.date == b.date:
        return f"same date: {a.date.isoformat()}"
    return f"dates within the window: {a.date.isoformat()} / {b.date.isoformat()}"


def merge(into: DatasetEvent, new: DatasetEvent) -> DatasetEvent:
    """``into`` with ``new``'s claims and articles added (nothing counted twice), figures recomputed."""
    known = {c.id for c in into.claims}
    claims = into.claims + [c for c in new.claims if c.id not in known]
    articles = into.article_ids + [a for a in new.article_ids if a not in into.article_ids]
    sources = into.sources + [s for s in new.sources if s.article_id not in into.article_ids]
    more_precise = new if _precision(new) < _precision(into) else into
    merged = into.model_copy(
        update={
            "claims": claims,
            "claim_ids": [c.id for c in claims],
            "article_ids": articles,
            "sources": sources,
            "claimed_by": sorted(set(into.claimed_by) | set(new.claimed_by)),
            "denied_by": sorted(set(into.denied_by) | set(new.denied_by)),
            "tactics": sorted(set(into.tactics) | set(new.tactics)),
            "date": more_precise.date,
            "date_precision": more_precise.date_precision,
            **_actors_after_merge(into, new),
        }
    )
    return reconcile(merged)


def _actors_after_merge(into: DatasetEvent, new: DatasetEvent) -> dict[str, object]:
    """A known actor replaces an unidentified one, with its inter code; the interaction follows."""
    fields: dict[str, object] = {}
    if not _known(into.actor1) and _known(new.actor1):
        fields.update(actor1=new.actor1, inter1=new.inter1)
    if not into.actor2 and new.actor2:
        fields.update(actor2=new.actor2, inter2=new.inter2)
    if fields:
        inter1 = fields.get("inter1", into.inter1)
        inter2 = fields.get("inter2", into.inter2)
        if inter1 is not None:
            fields["interaction"] = (
                inter1 * 10 if inter2 is None else min(inter1, inter2) * 10 + max(inter1, inter2)
            )
    return fields


def _precision(event: DatasetEvent) -> int:
    return event.date_precision.get("acled", 9) if event.date else 9


def latest_figures(claims: Sequence[SourcedClaim]) -> list[SourcedClaim]:
    """Each claimant's figures from its latest article only: a later toll supersedes an earlier one. A claim
    whose article a newer revision replaced is never current (it stays in the toll)."""
    claims = [c for c in claims if c.superseded_by is None]
    latest: dict[tuple[str, str], tuple[dt.date, int]] = {}
    order = {article: index for index, article in enumerate(dict.fromkeys(c.article_id for c in claims))}
    for claim in claims:
        key = (claim.claimant.kind, (claim.claimant.name or "").lower())
        stamp = (claim.published or dt.date.min, order[claim.article_id])
        if key not in latest or stamp > latest[key]:
            latest[key] = stamp
    return [
        c
        for c in claims
        if (c.published or dt.date.min, order[c.article_id])
        == latest[(c.claimant.kind, (c.claimant.name or "").lower())]
    ]


def reconcile(event: DatasetEvent) -> DatasetEvent:
    """Figures, notes and toll evolution recomputed from all of the event's claims."""
    current = latest_figures(event.claims)
    figures = event_figures(current)
    updated = event.model_copy(update={**figures, "toll": _toll(event.claims, current)})
    return updated.model_copy(update={"notes": notes(updated, current)})


def _toll(claims: list[SourcedClaim], current: list[SourcedClaim]) -> list[TollPoint]:
    """Every figure over publication time; those a later article of the same claimant replaced are marked."""
    counted = {id(c) for c in current}
    return sorted(
        (
            TollPoint(
                published=c.published,
                article_id=c.article_id,
                claimant=c.claimant.name or c.claimant.kind,
                claimant_kind=c.claimant.kind,
                outcome=c.outcome,
                low=c.count.low,
                high=c.count.high,
                text=c.count.text,
                stance=c.stance,
                superseded=id(c) not in counted,
            )
            for c in claims
        ),
        key=lambda p: (p.published or dt.date.min, p.article_id, p.claimant),
    )


_OUTCOMES = ("fatalities", "injured", "abducted")
_SIDES = ("security_forces", "civilians", "militants", "unspecified")


def reconcile_campaign(campaign: DatasetCampaign, events: Sequence[DatasetEvent]) -> DatasetCampaign:
    """A campaign's figures, notes, toll and days from its campaign-wide claims and its events.

    The campaign-wide claims (figures no single place holds: "more than 200 killed across the province") are
    reconciled by the events' own rules — each claimant's latest figures, low / best / high as
    ``sitrep.events.figures`` reads them. Its events' figures, each tied to its place, add up to what the
    places show. Per outcome and per side, the campaign keeps the campaign-wide figure, raised where its
    placed events add up to more (a total covers its parts: the two are never added); with no campaign-wide
    figure, the events' sum. The rule says which."""
    current = latest_figures(campaign.claims)
    own = event_figures(current)
    figures: dict[str, object] = {
        name: _with_places(own[name], [getattr(e, name) for e in events]) for name in _OUTCOMES
    }
    own_sides = own["by_side"]
    assert isinstance(own_sides, BySide)
    figures["by_side"] = BySide(
        **{
            side: _with_places(getattr(own_sides, side), [getattr(e.by_side, side) for e in events])
            for side in _SIDES
        }
    )
    days = [d for d in (campaign.date_first, campaign.date_last, *(e.date for e in events)) if d is not None]
    updated = campaign.model_copy(
        update={
            **figures,
            "toll": _toll(campaign.claims, current),
            "date_first": min(days, default=None),
            "date_last": max(days, default=None),
        }
    )
    placed = sum(1 for e in events if e.fatalities.best)
    reading = f" Events with dead at {placed} of {len(events)} places." if events else ""
    return updated.model_copy(update={"notes": notes(updated, current) + reading})


def _with_places(total: Figure, placed: list[Figure]) -> Figure:
    """A campaign-wide figure beside its events' placed figures (``reconcile_campaign``'s rule)."""
    counted = [f for f in placed if f.low is not None]
    if not counted:
        return total if total.low is None else total.model_copy(update={"rule": f"campaign-wide: {total.rule}"})
    low = sum(f.low or 0 for f in counted)
    best = sum(f.best if f.best is not None else f.low or 0 for f in counted)
    high = sum(f.high if f.high is not None else f.low or 0 for f in counted)
    events_text = f"{len(counted)} event{'s' if len(counted) > 1 else ''}"
    if total.low is None or total.best is None or total.high is None:
        return Figure(low=low, best=best, high=high, rule=f"the figures of its {events_text} at their places, added")
    if low <= total.low and best <= total.best and high <= total.high:
        return total.model_copy(update={"rule": f"campaign-wide: {total.rule}; its {events_text} hold no more"})
    return Figure(
        low=max(low, total.low),
        best=max(best, total.best),
        high=max(high, total.high),
        rule=f"campaign-wide: {total.rule}; raised to what its {events_text} hold at their places "
        f"({low}/{best}/{high})",
    )


_LABELS = {
    "armed_group": "Armed group",
    "government": "Officials",
    "security_forces": "Security forces",
    "local_source": "Local sources",
    "medical": "Medical sources",
    "media": "Media",
    "unofficial": "Unofficial sources",
    "rights_group": "Rights group",
    "other": "Others",
    "none": "Reported",
}
_VERBS = {
    "claimed": "claims",
    "confirmed": "confirms",
    "reported": "reports",
    "alleged": "alleges",
    "estimated": "estimates",
    "denied": "denies",
}


def _figure_text(claim: SourcedClaim) -> str:
    low, high = claim.count.low, claim.count.high
    if low is None and high is None:
        number = claim.count.text
    elif low == high:
        number = str(low)
    elif high is None:
        number = f"{low - 1}+" if claim.count.text.lower().startswith(("more than", "over")) else f"{low}+"
    elif low is None:
        number = f"up to {high}"
    else:
        number = f"{low}–{high}"
    victim = {"security_forces": "security personnel", "unspecified": "people"}.get(
        claim.victim, claim.victim
    )
    return f"{number} {victim} {claim.outcome}"


def notes(event: DatasetEvent | DatasetCampaign, current: list[SourcedClaim] | None = None) -> str:
    """'Armed group (BLA) claims 200+ security personnel killed; Officials confirm 15 …' and the reading."""
    current = event.claims if current is None else current
    by_claimant: dict[tuple[str, str, str], list[SourcedClaim]] = defaultdict(list)
    for claim in current:
        if claim.part_of is None:
            name = claim.claimant.name if claim.claimant.kind != "none" else ""
            by_claimant[(claim.claimant.kind, name or "", claim.stance)].append(claim)
    parts = []
    for (kind, name, stance), claims in by_claimant.items():
        label = _LABELS.get(kind, kind) + (f" ({name})" if name and name.lower() != kind else "")
        figures = " and ".join(_figure_text(c) for c in claims)
        unverified = " (not independently verified)" if any(c.verified is False for c in claims) else ""
        parts.append(f"{label} {_VERBS.get(stance, stance)} {figures}{unverified}")
    reading = f"Fatalities: {event.fatalities.rule}." if event.fatalities.rule else ""
    return "; ".join(parts) + (". " if parts else "") + reading
