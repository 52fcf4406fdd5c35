"""``sitrep events`` and ``sitrep export``: the stored dataset, corrections applied, as a table or a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from sitrep.cli.common import (
    DbOption,
    FilterActor,
    FilterAdmin1,
    FilterAdmin2,
    FilterCampaign,
    FilterCountry,
    FilterDeaths,
    FilterFrom,
    FilterTo,
    FilterType,
    event_filter,
    fail,
    opened_store,
)
from sitrep.cli.tables import bounds, event_cells, event_table
from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import BinaryIO

    from sitrep.model import Dataset, DatasetEvent
    from sitrep.store.filters import EventFilter


def read_dataset(db: str | None, where: EventFilter, min_fatalities: int | None) -> tuple[Dataset, dict]:
    """The selected events with analysts' corrections applied, and their articles; exits on store errors."""
    from sqlalchemy.orm import Session

    from sitrep.store.db import require_schema
    from sitrep.store.review import Filters, ReviewedReader

    try:
        with opened_store(db, must_exist=True) as engine:
            require_schema(engine, create=False)
            with Session(engine) as session:
                reader = ReviewedReader(session)
                dataset = reader.dataset(Filters(where=where, min_fatalities=min_fatalities))
                articles = reader.articles_of(a for e in dataset.events for a in e.article_ids)
    except SitrepError as problem:
        fail(problem)
    return dataset, articles


def events_command(
    db: DbOption = None,
    date_from: FilterFrom = None,
    date_to: FilterTo = None,
    country: FilterCountry = None,
    admin1: FilterAdmin1 = None,
    admin2: FilterAdmin2 = None,
    actor: FilterActor = None,
    event_type: FilterType = None,
    campaign: FilterCampaign = None,
    min_fatalities: FilterDeaths = None,
    as_json: Annotated[bool, typer.Option("--json", help="The dataset JSON instead of a table.")] = False,
) -> None:
    """List the stored events (corrections applied): where, when, what, who, and the reconciled figures."""
    where = event_filter(date_from, date_to, country, admin1, admin2, actor, event_type, campaign)
    dataset, _articles = read_dataset(db, where, min_fatalities)
    if as_json:
        sys.stdout.write(dataset.model_dump_json(indent=2) + "\n")
        return
    out = Console(highlight=False)
    if not out.is_terminal:
        out = Console(highlight=False, width=180)
    if dataset.campaigns:  # the contested range of each campaign first, then its events and the others
        campaigns = Table(
            title=f"{len(dataset.campaigns)} campaigns (killed as low/best/high, from every claim)",
            title_justify="left",
        )
        for column in ("campaign", "days", "killed", "injured", "events", "articles", "rule"):
            campaigns.add_column(column, overflow="fold")
        for found in dataset.campaigns:
            days = " – ".join(dict.fromkeys(d.isoformat() for d in (found.date_first, found.date_last) if d))
            campaigns.add_row(
                found.name,
                days or "undated",
                bounds(found.fatalities),
                bounds(found.injured),
                str(len(found.event_ids)),
                str(len(found.article_ids)),
                found.fatalities.rule,
            )
        out.print(campaigns)
    table = event_table(
        f"{len(dataset.events)} events (killed as low/best/high)", ("killed", "articles", "notes")
    )
    for event in dataset.events:
        table.add_row(
            *event_cells(event, event.place),
            bounds(event.fatalities),
            str(len(event.article_ids)),
            event.notes.split(". Fatalities:")[0],
        )
    out.print(table)


def export_command(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="acled | ucdp | geojson | json | csv | parquet | toll")
    ],
    out: Annotated[Path | None, typer.Option(help="File to write (default: standard output).")] = None,
    db: DbOption = None,
    date_from: FilterFrom = None,
    date_to: FilterTo = None,
    country: FilterCountry = None,
    admin1: FilterAdmin1 = None,
    admin2: FilterAdmin2 = None,
    actor: FilterActor = None,
    event_type: FilterType = None,
    campaign: FilterCampaign = None,
    min_fatalities: FilterDeaths = None,
    include_undated: Annotated[
        bool,
        typer.Option(
            "--include-undated",
            help="Keep undated events in the acled and ucdp exports (left out by default: their rows need a "
            "date; the other formats keep them).",
        ),
    ] = False,
) -> None:
    """Write the stored events (corrections applied) in the columns analysts' tools read."""
    from sitrep.export import FORMATS, STREAMED, OutputError, left_out, write_dataset

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    where = event_filter(date_from, date_to, country, admin1, admin2, actor, event_type, campaign)
    to_file = out is not None and str(out) != "-"  # "-": standard output, as for the inputs
    target = out if to_file else sys.stdout.buffer
    if fmt in STREAMED:
        written = stream_export(db, where, min_fatalities, fmt, target)  # type: ignore[arg-type]
    else:
        dataset, articles = read_dataset(db, where, min_fatalities)
        try:
            write_dataset(
                dataset,
                fmt,
                target,  # type: ignore[arg-type]
                articles=articles,
                include_undated=include_undated,
            )
        except OutputError as problem:
            fail(problem)
        missing = left_out(dataset, fmt, include_undated)
        written = len(dataset.events) - missing.undated - missing.not_coded
        # On standard error, never in the file: what the format left out and how to keep it.
        if missing.undated:
            say(f"{_events(missing.undated, 'undated event')} left out; --include-undated to keep them")
        if missing.not_coded:
            say(
                f"{_events(missing.not_coded, 'event')} left out of the UCDP export: not organised violence or "
                "a side unknown (the json and csv exports keep them)"
            )
    if to_file:
        say(f"wrote {written} events to {out}")


def say(line: str) -> None:
    """One plain line on standard error, never wrapped (scripts read it)."""
    typer.echo(line, err=True)


def _events(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def stream_export(
    db: str | None, where: EventFilter, min_fatalities: int | None, fmt: str, out: Path | BinaryIO
) -> int:
    """Write a streamed format as the events are read (memory stays flat); the number of events written."""
    from sqlalchemy.orm import Session

    from sitrep.export import write_events
    from sitrep.store.db import reported, require_schema
    from sitrep.store.review import Filters, ReviewedReader

    written = 0

    def counted(events: Iterator[DatasetEvent]) -> Iterator[DatasetEvent]:
        nonlocal written
        for event in events:
            written += 1
            yield event

    try:
        with opened_store(db, must_exist=True) as engine:
            require_schema(engine, create=False)
            with reported(engine.url), Session(engine) as session:
                reader = ReviewedReader(session)
                events, campaigns = reader.streamed(Filters(where=where, min_fatalities=min_fatalities))
                write_events(counted(events), campaigns, fmt, out)
    except SitrepError as problem:
        fail(problem)
    return written
