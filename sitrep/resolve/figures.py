"""An event's or a campaign's claims from every article → its reconciled figures and toll (the "Reconciled
figures" and "Campaign figures" rules of the package docstring)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sitrep.events.figures import event_figures
from sitrep.model import (
    BySide,
    DatasetCampaign,
    DatasetEvent,
    Figure,
    SourcedClaim,
    TollPoint,
)
from sitrep.resolve.notes import notes


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
        return (
            total if total.low is None else total.model_copy(update={"rule": f"campaign-wide: {total.rule}"})
        )
    low = sum(f.low or 0 for f in counted)
    best = sum(f.best if f.best is not None else f.low or 0 for f in counted)
    high = sum(f.high if f.high is not None else f.low or 0 for f in counted)
    events_text = f"{len(counted)} event{'s' if len(counted) > 1 else ''}"
    if total.low is None or total.best is None or total.high is None:
        return Figure(
            low=low, best=best, high=high, rule=f"the figures of its {events_text} at their places, added"
        )
    if low <= total.low and best <= total.best and high <= total.high:
        return total.model_copy(
            update={"rule": f"campaign-wide: {total.rule}; its {events_text} hold no more"}
        )
    return Figure(
        low=max(low, total.low),
        best=max(best, total.best),
        high=max(high, total.high),
        rule=f"campaign-wide: {total.rule}; raised to what its {events_text} hold at their places "
        f"({low}/{best}/{high})",
    )
