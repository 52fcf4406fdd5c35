"""The tables the commands print (rich): an article's claims and events, and the stored events.

Tables fit the terminal (80 columns included): no cell wraps; a long one ends in an ellipsis. Where the full
event table does not fit, its short forms are shown: a stored event's id ("2025-04-08_kech-herald_turbat-
ied.txt#e1") shortened in its middle, keeping the file's date and the event's number ("2025-04-08_kec…#e1"),
the place without its district, an actor by its abbreviation. `--wide` prints every cell in full. Claimants and actors
use one name per party: a claimant the actor dictionary knows as one of its event's actors (the "police" of a
police statement, "ISPR" for the army) is shown under that actor's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from sitrep.events.actors import ActorDictionary
    from sitrep.model import Claim, Event, ExtractResult, Figure, Place

# The longest event id shown in a table unless --wide: room for a date, a few letters and "…#e12".
SHORT_ID = 18
# A column this narrow (a date, a figure, "confirmed") is never narrowed: the wider ones give way first.
KEPT_WIDTH = 10
# A column a table names in ``keep`` (the id, the figure as written) gives way only beyond this width.
KEPT_MAX = 20


def short_id(event_id: str, width: int = SHORT_ID) -> str:
    """``event_id`` in at most ``width`` characters: its start, an ellipsis and its "#eN" end, so that the file's
    date and the event's number stay readable."""
    if len(event_id) <= width:
        return event_id
    _head, mark, number = event_id.rpartition("#")
    tail = f"{mark}{number}" if mark and len(number) < width // 3 else ""
    return event_id[: width - len(tail) - 1] + "…" + tail


def print_fitted(
    console: Console,
    title: str,
    columns: tuple[str, ...],
    rows: list[list[str]],
    *,
    wide: bool = False,
    keep: tuple[str, ...] = ("id",),
    short_rows: list[list[str]] | None = None,
) -> None:
    """A table that fits the console: no cell wraps; where the columns do not fit, ``short_rows`` (the same
    rows in short forms, when given) replace ``rows``, then the wide columns are narrowed to a common width
    and their cells end in '…', while the narrow ones (dates, figures) and those in ``keep`` stay whole.
    ``wide``: every cell of ``rows`` in full, folded where the console is too narrow."""
    # No edge and one space between columns: at 80 columns every character counts.
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1, 0, 0),
    )
    widths: list[int | None] = [None] * len(columns)
    room = console.width - 2 * len(columns)
    if not wide:
        natural = _natural(columns, rows)
        if short_rows is not None and sum(natural) > room:
            rows, natural = short_rows, _natural(columns, short_rows)
        least = [
            n if n <= KEPT_WIDTH else min(n, KEPT_MAX) if column in keep else min(n, 3)
            for n, column in zip(natural, columns, strict=True)
        ]
        widths = list(_narrowed(natural, least, room))
    for column, width in zip(columns, widths, strict=True):
        if wide:
            table.add_column(column, overflow="fold")
        else:
            table.add_column(column, width=width, no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(*row)
    console.print(table)


def _natural(columns: tuple[str, ...], rows: list[list[str]]) -> list[int]:
    return [max([len(column), *(len(row[i]) for row in rows)]) for i, column in enumerate(columns)]


def _narrowed(natural: list[int], least: list[int], room: int) -> list[int]:
    """Column widths within ``room``: each its natural width, capped at the highest common width that fits
    (never below its ``least``)."""
    if sum(natural) <= room:
        return natural
    low, high = 0, max(natural)
    while low < high:  # the highest cap at which the columns fit
        cap = (low + high + 1) // 2
        if sum(min(n, max(cap, m)) for n, m in zip(natural, least, strict=True)) <= room:
            low = cap
        else:
            high = cap - 1
    return [min(n, max(low, m)) for n, m in zip(natural, least, strict=True)]


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


def claimant_name(claim: Claim, actors: list[str], dictionary: ActorDictionary) -> str:
    """Who states the figure, as the table shows it: the name of one of ``actors`` (its events' actors) when
    the claimant is that party or its parent ("police" for "Police Forces of Pakistan Frontier Corps"), else
    its kind and name as extracted."""
    claimant = claim.claimant
    for words in (claimant.text, claimant.name):
        for mention in dictionary.find(words or ""):
            for actor in actors:
                known = dictionary.get(actor)
                if actor == mention.actor.name or (known is not None and known.parent == mention.actor.name):
                    return actor
    return claimant.kind + (f": {claimant.name}" if claimant.name else "")


def print_table(console: Console, result: ExtractResult, *, wide: bool = False) -> None:
    from sitrep.events.actors import load_actors  # the dictionary loads with the pipeline, not for --help

    dictionary = load_actors()
    article = result.article
    heading = f"{article.id}" + (f" — {article.title}" if article.title else "")
    if article.published:
        heading += f" ({article.published.isoformat()})"
    rows: list[list[str]] = []
    parties: dict[str, list[str]] = {}
    for event in result.events:
        for claim_id in event.claim_ids:
            parties.setdefault(claim_id, []).extend(a for a in (event.actor1, event.actor2) if a)
    for claim in result.claims:
        verified = {True: ", verified", False: ", unverified", None: ""}[claim.verified]
        rows.append(
            [
                claim.id,
                claim.outcome,
                claim.victim,
                figure(claim),
                claim.count.text,
                claimant_name(claim, parties.get(claim.id, []), dictionary),
                claim.stance + verified,
            ]
        )
    if not result.claims:
        rows.append(["", "(no casualty figures)", "", "", "", "", ""])
    columns = ("id", "outcome", "victim", "figure", "as written", "claimant", "stance")
    print_fitted(console, heading, columns, rows, wide=wide, keep=("id", "as written"))
    if result.events:
        print_events(console, result, wide=wide)


def bounds(figure: Figure) -> str:
    values = [figure.low, figure.best, figure.high]
    return "" if all(v is None for v in values) else "/".join("–" if v is None else str(v) for v in values)


EVENT_COLUMNS = ("id", "date", "sub-event type", "place", "actor1", "actor2")


def event_cells(event: Event, place: Place | None, *, wide: bool = False) -> list[str]:
    """The cells of ``EVENT_COLUMNS`` for one event: ``wide``, in full; else the short forms a narrow table
    shows: the id shortened, the place without its district, an actor by its abbreviation where its name has
    one ("BLA: Baloch Liberation Army" is "BLA")."""
    date_text = event.date.isoformat() if event.date else ""
    if wide:
        where = f"{place.name} ({place.admin2 or place.admin1 or place.country_code})" if place else ""
        return [event.id, date_text, event.sub_event_type, where, event.actor1 or "", event.actor2 or ""]
    actors = [(actor or "").partition(": ")[0] for actor in (event.actor1, event.actor2)]
    return [short_id(event.id), date_text, event.sub_event_type, place.name if place else "", *actors]


def print_events(console: Console, result: ExtractResult, *, wide: bool = False) -> None:
    places = {p.id: p for p in result.places}
    rows, short_rows = [], []
    for event in result.events:
        place = places.get(event.place_id or "")
        figures = [bounds(event.fatalities), bounds(event.injured), " ".join(event.claim_ids)]
        rows.append([*event_cells(event, place, wide=True), *figures])
        short_rows.append([*event_cells(event, place), *figures])
    columns = (*EVENT_COLUMNS, "killed", "injured", "claims")
    title = "events (fatalities and injured as low/best/high)"
    print_fitted(console, title, columns, rows, wide=wide, short_rows=short_rows)
    for campaign in result.campaigns:
        console.print(
            f"campaign {campaign.id}: {campaign.name} ({campaign.actor or 'actor unknown'}),"
            f" {len(campaign.event_ids)} events; campaign-wide claims: {' '.join(campaign.claim_ids) or 'none'}",
            markup=False,
        )
