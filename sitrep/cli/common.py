"""What the commands share: the one-line error, dates, the options of fetching, the database and the dataset's
filters, and the store opened for one command."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sitrep.sources.inputs import FetchOptions
    from sitrep.store.filters import EventFilter

# Exit codes: 0 every input was read; 1 at least one input could not be read; 2 the command line was wrong;
# 130 interrupted (Ctrl-C: 128 + SIGINT, as shells report it).
EXIT_INPUT_PROBLEM = 1
EXIT_INTERRUPTED = 130


def error(problem: object) -> None:
    """One line on standard error for a user's mistake or an unusable input: never a traceback."""
    error_line(f"sitrep: error: {problem}")


def error_line(line: str) -> None:
    """One line on standard error, as written (no markup)."""
    Console(stderr=True, highlight=False, soft_wrap=True).print(line, markup=False)


def fail(problem: SitrepError) -> NoReturn:
    """Say what the user can fix, in one line, and exit with the code the problem carries."""
    error(problem)
    raise typer.Exit(problem.exit_code) from None


def table_console() -> Console:
    """Standard output for tables: the terminal's width, or $COLUMNS; piped or redirected without $COLUMNS,
    160 columns (a log or a file is not folded to 80)."""
    console = Console(highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(highlight=False, width=160)
    return console


WideOption = Annotated[
    bool, typer.Option("--wide", "-w", help="Every cell in full (ids included), folded where it must be.")
]


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


InputsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files (.txt, .html, .htm, .jsonl), directories, - for standard input, or http(s) URLs of pages "
        "or RSS/Atom feeds."
    ),
]
UrlsOption = Annotated[
    list[Path] | None,
    typer.Option("--urls", metavar="FILE", help="A file of URLs, one per line (# comments)."),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Fetch from loopback, private and link-local addresses (refused by default)."
    ),
]
UserAgentOption = Annotated[str | None, typer.Option(help="User-Agent for fetching (default names sitrep).")]
TimeoutOption = Annotated[
    float,
    typer.Option(min=0.1, help="Seconds to wait for a server per network operation (3x for a whole fetch)."),
]
HostIntervalOption = Annotated[
    float, typer.Option(min=0.0, help="Least seconds between two requests to one host (politeness).")
]


def fetch_options(
    allow_private: bool, user_agent: str | None, timeout: float, host_interval: float, max_bytes: int
) -> FetchOptions:
    from sitrep.sources.inputs import FetchOptions  # fetching (httpx, trafilatura) loads when used

    return FetchOptions(allow_private, user_agent, timeout, host_interval, max_bytes)


def need_inputs(inputs: list[str] | None, urls: list[Path] | None) -> None:
    if not inputs and not urls:
        raise typer.BadParameter("give at least one INPUT or --urls FILE", param_hint="INPUTS")


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $SITREP_DB, else sqlite:///sitrep.db here)."),
]


@contextlib.contextmanager
def opened_store(db: str | None, *, must_exist: bool = False) -> Iterator[Engine]:
    """The database ``--db`` names (else ``$SITREP_DB``, else ``sitrep.db`` here), disposed of afterwards.
    A ``SitrepError`` passes through: each command says what was kept before it exits."""
    from sitrep.store.db import database_url, open_engine

    engine = open_engine(database_url(db), must_exist=must_exist)
    try:
        yield engine
    finally:
        engine.dispose()


FilterFrom = Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")]
FilterTo = Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")]
FilterCountry = Annotated[str | None, typer.Option(help="ISO 3166 alpha-2 code, e.g. PK.")]
FilterAdmin1 = Annotated[str | None, typer.Option(help="Province / first-level unit.")]
FilterAdmin2 = Annotated[str | None, typer.Option(help="District / second-level unit.")]
FilterActor = Annotated[str | None, typer.Option(help="Part of actor1 or actor2, e.g. BLA.")]
FilterType = Annotated[str | None, typer.Option(help="An ACLED event type or sub-event type.")]
FilterCampaign = Annotated[str | None, typer.Option(help="A campaign id or part of its name.")]
FilterDeaths = Annotated[int | None, typer.Option(help="Least best fatality figure.")]


def event_filter(
    date_from: str | None,
    date_to: str | None,
    country: str | None,
    admin1: str | None,
    admin2: str | None,
    actor: str | None,
    event_type: str | None,
    campaign: str | None,
) -> EventFilter:
    """The dataset filters as given on the command line (dates checked)."""
    from sitrep.store.filters import EventFilter

    return EventFilter(
        parse_date(date_from), parse_date(date_to), country, admin1, admin2, actor, event_type, campaign
    )
