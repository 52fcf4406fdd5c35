"""The tables the commands print (rich): an article's claims and events, and the stored events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from sitrep.model import Claim, Event, ExtractResult, Figure, Place


def figure(claim: Claim) -> str:
    count = claim.count
    if count.low is None and count.high is None:
        bounds = "?"
    elif count.low == count.high:
        bounds = str(count.low)
    elif count.high is None:
        bounds = f"≥{count.low}"
    elif count.low is None:
        bounds = f"≤{count.high}"
    else:
        bounds = f"{count.low}–{count.high}"
    return f"{bounds}{' ~' if count.approximate else ''}"


def print_table(console: Console, result: ExtractResult) -> None:
    article = result.article
    heading = f"{article.id}" + (f" — {article.title}" if article.title else "")
    if article.published:
        heading += f" ({article.published.isoformat()})"
    table = Table(title=heading, title_justify="left", show_lines=False, expand=False)
    for column in ("id", "outcome", "victim", "figure", "as written", "claimant", "stance", "verified"):
        table.add_column(column, overflow="fold")
    for claim in result.claims:
        claimant = claim.claimant.kind
        if claim.claimant.name:
            claimant += f": {claim.claimant.name}"
        verified = {True: "yes", False: "no", None: ""}[claim.verified]
        table.add_row(
            claim.id,
            claim.outcome,
            claim.victim,
            figure(claim),
            claim.count.text,
            claimant,
            claim.stance,
            verified,
        )
    if not result.claims:
        table.add_row("", "(no casualty figures)", "", "", "", "", "", "")
    console.print(table)
    if result.events:
        print_events(console, result)


def bounds(figure: Figure) -> str:
    values = [figure.low, figure.best, figure.high]
    return "" if all(v is None for v in values) else "/".join("–" if v is None else str(v) for v in values)


EVENT_COLUMNS = ("id", "date", "sub-event type", "place", "actor1", "actor2")


def event_table(title: str, more_columns: tuple[str, ...]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in EVENT_COLUMNS + more_columns:
        table.add_column(column, overflow="fold")
    return table


def event_cells(event: Event, place: Place | None) -> list[str]:
    """The cells of ``EVENT_COLUMNS`` for one event."""
    where = f"{place.name} ({place.admin2 or place.admin1 or place.country_code})" if place else ""
    date_text = event.date.isoformat() if event.date else ""
    return [event.id, date_text, event.sub_event_type, where, event.actor1 or "", event.actor2 or ""]


def print_events(console: Console, result: ExtractResult) -> None:
    places = {p.id: p for p in result.places}
    table = event_table("events (fatalities and injured as low/best/high)", ("killed", "injured", "claims"))
    for event in result.events:
        table.add_row(
            *event_cells(event, places.get(event.place_id or "")),
            bounds(event.fatalities),
            bounds(event.injured),
            " ".join(event.claim_ids),
        )
    console.print(table)
    for campaign in result.campaigns:
        console.print(
            f"campaign {campaign.id}: {campaign.name} ({campaign.actor or 'actor unknown'}),"
            f" {len(campaign.event_ids)} events; campaign-wide claims: {' '.join(campaign.claim_ids) or 'none'}"
        )
