"""``sitrep events`` and ``sitrep export``: the stored dataset, corrections applied, as a table or a file."""

from __future__ import annotations

import heapq
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

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
    WideOption,
    event_filter,
    fail,
    opened_store,
    table_console,
)
from sitrep.cli.tables import EVENT_COLUMNS, bounds, event_cells, print_fitted
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


class EventsFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


# `--sort` keys: the value each event sorts by. None (undated, no figure, no place) sorts last either way.
SORT_KEYS: dict[str, Callable[[DatasetEvent], Any]] = {
    "date": lambda e: e.date,
    "fatalities": lambda e: e.fatalities.best,
    "place": lambda e: e.place.name.casefold() if e.place else None,
    "actor": lambda e: (e.actor1 or "").casefold() or None,
    "type": lambda e: e.sub_event_type.casefold() or None,
}


def sorted_events(events: Iterable[DatasetEvent], sort: str, limit: int | None) -> list[DatasetEvent]:
    """``events`` (in the store's order) by ``sort`` ("fatalities", "-fatalities" descending), the first
    ``limit`` of them. A tie keeps the store's order. With a limit only ``limit`` events are held at once:
    the selection is streamed through a heap, never held whole."""
    descending = sort.startswith("-")
    value = SORT_KEYS[sort.lstrip("-")]
    if descending:  # largest first; an event without the value counts as the smallest, so it comes last

        def key(event: DatasetEvent) -> tuple[bool, Any]:
            v = value(event)
            return (v is not None, v)

        return (
            heapq.nlargest(limit, events, key=key)
            if limit is not None
            else sorted(events, key=key, reverse=True)
        )

    def ascending(event: DatasetEvent) -> tuple[bool, Any]:
        v = value(event)
        return (v is None, v)

    return (
        heapq.nsmallest(limit, events, key=ascending) if limit is not None else sorted(events, key=ascending)
    )


def check_sort(sort: str) -> str:
    if sort.lstrip("-") not in SORT_KEYS:
        keys = ", ".join(SORT_KEYS)
        raise typer.BadParameter(f"{sort!r}: sort by one of {keys} (a leading - for descending)")
    return sort


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
    sort: Annotated[
        str,
        typer.Option(
            callback=check_sort,
            help="date, fatalities, place, actor or type; a leading - sorts descending (-fatalities).",
        ),
    ] = "date",
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N events (after sorting).")] = None,
    output_format: Annotated[
        EventsFormat,
        typer.Option("--format", "-f", help="A table, CSV (the export's columns) or the dataset JSON."),
    ] = EventsFormat.table,
    as_json: Annotated[bool, typer.Option("--json", hidden=True, help="The same as --format json.")] = False,
    wide: WideOption = False,
) -> None:
    """List the stored events (corrections applied): where, when, what, who, and the reconciled figures.

    By date (undated last) unless `--sort` says otherwise; fatalities sort by the best figure, events with
    none last. The table fits the terminal: if it must, ids are shortened in the middle (`2025-04-08_kec…#e1`),
    long cells end in '…'; `--wide` shows every cell in full with the notes, and `-f csv` or `-f json` give
    every column for other tools."""
    where = event_filter(date_from, date_to, country, admin1, admin2, actor, event_type, campaign)
    dataset = read_events(db, where, min_fatalities, sort, limit)
    if as_json or output_format is EventsFormat.json:
        sys.stdout.write(dataset.model_dump_json(indent=2) + "\n")
        return
    if output_format is EventsFormat.csv:
        from sitrep.export import write_dataset

        write_dataset(dataset, "csv", sys.stdout)
        return
    print_dataset(table_console(), dataset, wide=wide)


def read_events(
    db: str | None, where: EventFilter, min_fatalities: int | None, sort: str, limit: int | None
) -> Dataset:
    """The selected events (corrections applied) in ``sort`` order, the first ``limit``, and their campaigns.
    The store's reader gives them by date (its index): that order is read no further than ``limit``; another
    sorts the corrected values as read, holding ``limit`` events at a time."""
    from sqlalchemy.orm import Session

    from sitrep.model import Dataset
    from sitrep.store.db import require_schema
    from sitrep.store.review import Filters, ReviewedReader

    filters = Filters(where=where, min_fatalities=min_fatalities)
    try:
        with opened_store(db, must_exist=True) as engine:
            require_schema(engine, create=False)
            with Session(engine) as session:
                reader = ReviewedReader(session)
                stream = reader.stream(filters)
                # The reader's own order needs no sort: it stops reading at the limit.
                events = list(islice(stream, limit)) if sort == "date" else sorted_events(stream, sort, limit)
                return Dataset(
                    events=events, campaigns=reader.campaigns_of(events, where if limit is None else None)
                )
    except SitrepError as problem:
        fail(problem)


def print_dataset(out: Console, dataset: Dataset, *, wide: bool = False) -> None:
    """The campaigns (their contested range first), then the events, as tables."""
    if dataset.campaigns:
        rows = []
        for found in dataset.campaigns:
            days = " – ".join(dict.fromkeys(d.isoformat() for d in (found.date_first, found.date_last) if d))
            rows.append(
                [
                    found.name,
                    days or "undated",
                    bounds(found.fatalities),
                    bounds(found.injured),
                    str(len(found.event_ids)),
                    str(len(found.article_ids)),
                    found.fatalities.rule,
                ]
            )
        print_fitted(
            out,
            f"{len(dataset.campaigns)} campaigns (killed as low/best/high, from every claim)",
            ("campaign", "days", "killed", "injured", "events", "articles", "rule"),
            rows,
            wide=wide,
        )
    rows, short_rows = [], []
    for event in dataset.events:
        killed = bounds(event.fatalities)
        # The notes and the count of articles do not fit 80 columns: in --wide, csv and json.
        more = [str(len(event.article_ids)), event.notes.split(". Fatalities:")[0]] if wide else []
        rows.append([*event_cells(event, event.place, wide=True), killed, *more])
        short_rows.append([*event_cells(event, event.place), killed])
    columns = (*EVENT_COLUMNS, "killed", *(("articles", "notes") if wide else ()))
    title = f"{len(dataset.events)} events (killed as low/best/high)"
    print_fitted(out, title, columns, rows, wide=wide, short_rows=short_rows)


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
