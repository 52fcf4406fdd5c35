"""The ``sitrep`` command line. Thin: parses options, calls the stages, prints.

Exit codes: 0 every input was read; 1 at least one input could not be read (the others were still processed,
each problem printed on one line to standard error); 2 the command line itself was wrong.

URLs (``http(s)://``, pages or RSS/Atom feeds) are inputs like files; a URL that cannot be fetched is one such
line with its reason (HTTP status, timeout, too large, refused address, not HTML) and counts as a failure.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sitrep.evaluate.records import EvalInputError, evaluate_file
from sitrep.evaluate.report import Report
from sitrep.jobs.parallel import extract_many
from sitrep.model import Article, Claim, Event, ExtractResult, Figure, Place, json_schema
from sitrep.sources.files import DEFAULT_MAX_BYTES, InputProblem
from sitrep.sources.inputs import FetchOptions, parse_interval, read_sources

app = typer.Typer(
    help="sitrep: sourced conflict-event data from news reports, every figure kept with who claims it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_INPUT_PROBLEM = 1


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


def _error(problem: object) -> None:
    """One line on standard error for a user's mistake or an unusable input: never a traceback."""
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"sitrep: error: {problem}", markup=False)


def _parse_date(value: str | None) -> date | None:
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


def _fetch_options(
    allow_private: bool, user_agent: str | None, timeout: float, host_interval: float, max_bytes: int
) -> FetchOptions:
    return FetchOptions(allow_private, user_agent, timeout, host_interval, max_bytes)


def _need_inputs(inputs: list[str] | None, urls: list[Path] | None) -> None:
    if not inputs and not urls:
        raise typer.BadParameter("give at least one INPUT or --urls FILE", param_hint="INPUTS")


@app.command("extract")
def extract_command(
    inputs: InputsArgument = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.table
    ),
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for articles that do not carry one."),
    ] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.")] = DEFAULT_MAX_BYTES,
    workers: Annotated[int, typer.Option(help="Processes to extract with (this machine's cores).")] = 1,
    dask: Annotated[
        str | None,
        typer.Option(help="Address of a dask.distributed scheduler to extract on, e.g. tcp://host:8786."),
    ] = None,
    urls: UrlsOption = None,
    allow_private: AllowPrivateOption = False,
    user_agent: UserAgentOption = None,
    timeout: TimeoutOption = 20.0,
    host_interval: HostIntervalOption = 1.0,
) -> None:
    """Extract every casualty figure with its claimant, stance and verification status."""
    _need_inputs(inputs, urls)
    default_date = _parse_date(published)
    fetching = _fetch_options(allow_private, user_agent, timeout, host_interval, max_bytes)
    not_read = 0
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False)
    if not out.is_terminal:  # piped or redirected: do not fold the table to 80 columns
        out = Console(highlight=False, width=160)
    problems = 0

    def articles() -> Iterator[Article]:
        nonlocal problems
        sources = read_sources(
            inputs or [], [str(u) for u in urls or []], options=fetching, published=default_date
        )
        for item in sources:
            if isinstance(item, InputProblem):
                problems += 1
                _error(item)
            else:
                yield item

    results: list[dict] = []
    for result in extract_many(articles(), workers=workers, dask=dask):
        if result.note:  # e.g. not English: kept in the output, said on stderr, counted
            not_read += 1
            errors.print(
                f"sitrep: note: {result.article.id}: skipped (language {result.article.language})",
                markup=False,
            )
        if output_format is OutputFormat.jsonl:
            sys.stdout.write(result.model_dump_json() + "\n")
        elif output_format is OutputFormat.json:
            results.append(result.model_dump(mode="json"))
        else:
            _print_table(out, result)
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if not_read:
        errors.print(f"sitrep: {not_read} article(s) not read (not English)", markup=False)
    if problems:
        errors.print(f"sitrep: {problems} input(s) could not be read; the rest were processed", markup=False)
        raise typer.Exit(EXIT_INPUT_PROBLEM)


@app.command("eval")
def eval_command(
    fmt: Annotated[
        str, typer.Argument(metavar="FORMAT", help="acled | gtd | ucdp | realnews | gva | multidoc | jsonl")
    ],
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The analysts' export or dev file.")],
    strip_coder_notes: Annotated[
        bool,
        typer.Option(help="Remove ACLED coder conventions ('coded as…', 'N fatalities', '(District, …)')."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object: metric → value.")] = False,
    half: Annotated[
        str,
        typer.Option(help="A or B: one fixed half of the file (by a hash of each id); 'all' both and the whole."),
    ] = "all",
    examples: Annotated[int, typer.Option(help="Error examples to show per field (half A only).")] = 5,
) -> None:
    """How often sitrep agrees with an analysts' dataset: accuracy per field for half A, half B and the whole,
    with error examples from half A (rules are tuned on A; B is the figure that counts)."""
    from sitrep.evaluate.records import evaluate_halves

    try:
        if half.upper() in ("A", "B"):
            chosen = half.upper()
            report = evaluate_file(fmt, path, strip_coder_notes, examples, half=chosen)  # type: ignore[arg-type]
            reports = {chosen: report if chosen == "A" else report.without_examples()}
        elif half == "all":
            reports = evaluate_halves(fmt, path, strip_coder_notes, examples)
        else:
            raise EvalInputError(f"--half {half!r}: use A, B or all")
    except EvalInputError as error:
        _error(error)
        raise typer.Exit(EXIT_INPUT_PROBLEM) from None
    if as_json:
        if len(reports) == 1:
            metrics: dict[str, object] = dict(next(iter(reports.values())).metrics())
        else:
            metrics = {**reports["all"].metrics(), "A": reports["A"].metrics(), "B": reports["B"].metrics()}
        sys.stdout.write(json.dumps(metrics) + "\n")
        return
    _print_eval(fmt, reports)


def _print_eval(fmt: str, reports: dict[str, Report]) -> None:
    out = Console(highlight=False)
    records = ", ".join(f"{name} {report.records}" for name, report in reports.items())
    table = Table(title=f"sitrep vs {fmt} (records: {records})", title_justify="left")
    table.add_column("field")
    for name in reports:
        table.add_column(f"half {name}" if name in ("A", "B") else name, justify="right")
    table.add_column("scored", justify="right")
    names = list(dict.fromkeys(n for report in reports.values() for n, s in report.fields.items() if s.scored))
    for name in names:
        cells = [report.fields.get(name) for report in reports.values()]
        table.add_row(
            name,
            *(f"{c.accuracy:.1%}" if c and c.scored else "" for c in cells),
            " / ".join(str(c.scored) if c else "0" for c in cells),
        )
    extras = list(dict.fromkeys(n for report in reports.values() for n in report.extra))
    for name in extras:
        values = [report.extra.get(name) for report in reports.values()]
        table.add_row(name, *(_extra_cell(name, v) for v in values), "")
    out.print(table)
    for name, score in reports.get("A", Report(fmt)).fields.items():
        for example in score.examples:
            out.print(f"  A {name}: {example}", markup=False)


def _extra_cell(name: str, value: object) -> str:
    if not isinstance(value, float):
        return str(value or "")
    return f"{value:.2f}" if name.endswith("_per_incident") else f"{value:.1%}"


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of one extract result (one line of ``--format jsonl``)."""
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $SITREP_DB, else sqlite:///sitrep.db here)."),
]


@app.command("ingest")
def ingest_command(
    inputs: InputsArgument = None,
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for articles that do not carry one."),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Extraction processes (1: extract in this process).")
    ] = 1,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.")] = DEFAULT_MAX_BYTES,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only the summary and errors, no line per duplicate.")
    ] = False,
    urls: UrlsOption = None,
    allow_private: AllowPrivateOption = False,
    user_agent: UserAgentOption = None,
    timeout: TimeoutOption = 20.0,
    host_interval: HostIntervalOption = 1.0,
) -> None:
    """Extract every article and store it in the event store, merging events across articles.

    Exit code 1 when any input or URL failed (each named on standard error with its reason); the rest are
    stored. A progress bar (articles/s; new, duplicate, failed) shows on a terminal, plain lines otherwise."""
    from sitrep.jobs.ingest import IngestSummary, ingest
    from sitrep.jobs.progress import BatchProgress
    from sitrep.store.db import StoreError, database_url, open_engine

    _need_inputs(inputs, urls)
    default_date = _parse_date(published)
    fetching = _fetch_options(allow_private, user_agent, timeout, host_interval, max_bytes)
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    summary = IngestSummary()
    progress = BatchProgress(summary, console=errors)

    def on_stored(stored) -> None:
        progress.update()
        if quiet or stored.outcome.value == "new":
            return
        if stored.duplicate_of:
            print(
                f"duplicate: {stored.article_id} (of {stored.duplicate_of}, similarity {stored.similarity:.2f})"
            )
        else:
            print(f"already stored: {stored.article_id} (as {stored.uid})")

    def on_failed(failed) -> None:
        progress.message(f"sitrep: error: {failed}")
        progress.update()

    failed_database = False
    try:
        engine = open_engine(database_url(db))
        try:
            ingest(
                [],
                engine,
                published=default_date,
                workers=workers,
                max_bytes=max_bytes,
                summary=summary,
                on_stored=on_stored,
                on_failed=on_failed,
                items=read_sources(
                    inputs or [], [str(u) for u in urls or []], options=fetching, published=default_date
                ),
                on_not_read=lambda article_id, note: progress.message(
                    f"sitrep: note: {article_id}: stored, {note}"
                ),
            )
        finally:
            progress.close()
            engine.dispose()
    except StoreError as error:
        _error(error)
        failed_database = True
    print(summary.line())
    if failed_database or summary.failed:
        raise typer.Exit(EXIT_INPUT_PROBLEM)


@app.command("watch")
def watch_command(
    sources: Annotated[
        list[str], typer.Argument(metavar="FEED_OR_URL...", help="http(s) URLs of RSS/Atom feeds or pages.")
    ],
    every: Annotated[str, typer.Option(help="Poll interval: 30s, 15m, 1h...")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (for cron).")] = False,
    db: DbOption = None,
    allow_private: AllowPrivateOption = False,
    user_agent: UserAgentOption = None,
    timeout: TimeoutOption = 20.0,
    host_interval: HostIntervalOption = 1.0,
    max_bytes: Annotated[
        int, typer.Option(help="Largest page or feed accepted, in bytes.")
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Poll feeds and pages, store what is new; what was seen is remembered in the database.

    Unchanged feeds cost a 304 (ETag / Last-Modified); a failing source is retried later and later (doubling,
    capped at 6 h, never before its Retry-After) while the others go on. Ctrl-C or SIGTERM stops after the
    current article, prints the summary and exits 0. Exit code 1 when a --once round had any failure."""
    from sitrep.jobs.progress import BatchProgress
    from sitrep.jobs.watch import Watcher, WatchReport, stop_on_signals
    from sitrep.sources.fetch import looks_like_url
    from sitrep.store.db import StoreError, database_url, open_engine

    try:
        interval = parse_interval(every)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--every") from None
    for source in sources:
        if not looks_like_url(source):
            raise typer.BadParameter(f"{source!r} is not an http(s) URL", param_hint="FEED_OR_URL")
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    report = WatchReport()
    failed_database = False
    try:
        engine = open_engine(database_url(db))
        try:
            with BatchProgress(report.summary, console=errors, label="watching") as progress:
                fetching = _fetch_options(allow_private, user_agent, timeout, host_interval, max_bytes)
                watcher = Watcher(
                    sources, engine, every=interval, options=fetching, progress=progress, report=report
                )
                restore = stop_on_signals(watcher)
                try:
                    watcher.run(once=once)
                finally:
                    restore()
        finally:
            engine.dispose()
    except StoreError as error:
        _error(error)
        failed_database = True
    print(report.line())
    if failed_database or (report.failed and not report.interrupted):
        raise typer.Exit(EXIT_INPUT_PROBLEM)


db_app = typer.Typer(help="The event store's database: schema version and migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade_command(db: DbOption = None) -> None:
    """Create the database, or bring its schema up to this sitrep's version (data is kept)."""
    from sitrep.store.db import StoreError, database_url, open_engine, shown, upgrade

    url = database_url(db)
    try:
        engine = open_engine(url)
        try:
            before, after = upgrade(engine)
        finally:
            engine.dispose()
    except StoreError as error:
        _error(error)
        raise typer.Exit(EXIT_INPUT_PROBLEM) from None
    if before == after:
        print(f"{shown(url)}: schema already at revision {after}")
    else:
        print(f"{shown(url)}: schema upgraded from {before or 'empty'} to revision {after}")


@db_app.command("current")
def db_current_command(db: DbOption = None) -> None:
    """Print the database's schema revision and this sitrep's newest."""
    from sitrep.store.db import StoreError, current_schema, database_url, open_engine, shown

    url = database_url(db)
    try:
        engine = open_engine(url, must_exist=True)
        try:
            revision, head = current_schema(engine)
        finally:
            engine.dispose()
    except StoreError as error:
        _error(error)
        raise typer.Exit(EXIT_INPUT_PROBLEM) from None
    state = "up to date" if revision == head else f"sitrep's newest is {head}: run `sitrep db upgrade`"
    print(f"{shown(url)}: revision {revision or 'none (empty database)'} ({state})")


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; anything but loopback exposes the API to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    new_token: Annotated[
        bool,
        typer.Option("--new-token", help="Replace the stored write token with a new one (printed once)."),
    ] = False,
) -> None:
    """Serve the REST API (docs at /docs) and the analysts' dashboard from the event store."""
    from sitrep.api.security import TokenError
    from sitrep.api.server import serve
    from sitrep.store.db import StoreError, database_url

    try:
        serve(database_url(db), host, port, new_token=new_token)
    except (StoreError, TokenError) as error:
        _error(error)
        raise typer.Exit(EXIT_INPUT_PROBLEM) from None


_FilterFrom = Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")]
_FilterTo = Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")]
_FilterCountry = Annotated[str | None, typer.Option(help="ISO 3166 alpha-2 code, e.g. PK.")]
_FilterAdmin1 = Annotated[str | None, typer.Option(help="Province / first-level unit.")]
_FilterAdmin2 = Annotated[str | None, typer.Option(help="District / second-level unit.")]
_FilterActor = Annotated[str | None, typer.Option(help="Part of actor1 or actor2, e.g. BLA.")]
_FilterType = Annotated[str | None, typer.Option(help="An ACLED event type or sub-event type.")]
_FilterCampaign = Annotated[str | None, typer.Option(help="A campaign id or part of its name.")]
_FilterDeaths = Annotated[int | None, typer.Option(help="Least best fatality figure.")]


def _read_dataset(db: str | None, filters: dict, min_fatalities: int | None):
    """The selected events with analysts' corrections applied, and their articles; exits on store errors."""
    from sqlalchemy.orm import Session

    from sitrep.store.db import StoreError, database_url, open_engine, require_schema
    from sitrep.store.query import EventFilter
    from sitrep.store.review import Filters, ReviewedReader

    where = EventFilter(
        **{
            **filters,
            "date_from": _parse_date(filters["date_from"]),
            "date_to": _parse_date(filters["date_to"]),
        }
    )
    try:
        engine = open_engine(database_url(db), must_exist=True)
        try:
            require_schema(engine, create=False)
            with Session(engine) as session:
                reader = ReviewedReader(session)
                dataset = reader.dataset(Filters(where=where, min_fatalities=min_fatalities))
                articles = reader.articles_of(a for e in dataset.events for a in e.article_ids)
        finally:
            engine.dispose()
    except StoreError as error:
        _error(error)
        raise typer.Exit(EXIT_INPUT_PROBLEM) from None
    return dataset, articles


@app.command("events")
def events_command(
    db: DbOption = None,
    date_from: _FilterFrom = None,
    date_to: _FilterTo = None,
    country: _FilterCountry = None,
    admin1: _FilterAdmin1 = None,
    admin2: _FilterAdmin2 = None,
    actor: _FilterActor = None,
    event_type: _FilterType = None,
    campaign: _FilterCampaign = None,
    min_fatalities: _FilterDeaths = None,
    as_json: Annotated[bool, typer.Option("--json", help="The dataset JSON instead of a table.")] = False,
) -> None:
    """List the stored events (corrections applied): where, when, what, who, and the reconciled figures."""
    filters = {k: v for k, v in locals().items() if k not in ("db", "min_fatalities", "as_json")}
    dataset, _articles = _read_dataset(db, filters, min_fatalities)
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
                _bounds(found.fatalities),
                _bounds(found.injured),
                str(len(found.event_ids)),
                str(len(found.article_ids)),
                found.fatalities.rule,
            )
        out.print(campaigns)
    table = _event_table(
        f"{len(dataset.events)} events (killed as low/best/high)", ("killed", "articles", "notes")
    )
    for event in dataset.events:
        table.add_row(
            *_event_cells(event, event.place),
            _bounds(event.fatalities),
            str(len(event.article_ids)),
            event.notes.split(". Fatalities:")[0],
        )
    out.print(table)


@app.command("export")
def export_command(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="acled | ucdp | geojson | json | csv | parquet | toll")
    ],
    out: Annotated[Path | None, typer.Option(help="File to write (default: standard output).")] = None,
    db: DbOption = None,
    date_from: _FilterFrom = None,
    date_to: _FilterTo = None,
    country: _FilterCountry = None,
    admin1: _FilterAdmin1 = None,
    admin2: _FilterAdmin2 = None,
    actor: _FilterActor = None,
    event_type: _FilterType = None,
    campaign: _FilterCampaign = None,
    min_fatalities: _FilterDeaths = None,
) -> None:
    """Write the stored events (corrections applied) in the columns analysts' tools read."""
    from sitrep.export import FORMATS, write_dataset

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    filters = {
        k: v
        for k, v in locals().items()
        if k not in ("db", "min_fatalities", "fmt", "out", "FORMATS", "write_dataset")
    }
    dataset, articles = _read_dataset(db, filters, min_fatalities)
    write_dataset(dataset, fmt, out if out is not None else sys.stdout.buffer, articles=articles)
    if out is not None:
        Console(stderr=True, highlight=False).print(
            f"wrote {len(dataset.events)} events to {out}", markup=False
        )


def _figure(claim: Claim) -> str:
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


def _print_table(console: Console, result: ExtractResult) -> None:
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
            _figure(claim),
            claim.count.text,
            claimant,
            claim.stance,
            verified,
        )
    if not result.claims:
        table.add_row("", "(no casualty figures)", "", "", "", "", "", "")
    console.print(table)
    if result.events:
        _print_events(console, result)


def _bounds(figure: Figure) -> str:
    values = [figure.low, figure.best, figure.high]
    return "" if all(v is None for v in values) else "/".join("–" if v is None else str(v) for v in values)


_EVENT_COLUMNS = ("id", "date", "sub-event type", "place", "actor1", "actor2")


def _event_table(title: str, more_columns: tuple[str, ...]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in _EVENT_COLUMNS + more_columns:
        table.add_column(column, overflow="fold")
    return table


def _event_cells(event: Event, place: Place | None) -> list[str]:
    """The cells of ``_EVENT_COLUMNS`` for one event."""
    where = f"{place.name} ({place.admin2 or place.admin1 or place.country_code})" if place else ""
    date_text = event.date.isoformat() if event.date else ""
    return [event.id, date_text, event.sub_event_type, where, event.actor1 or "", event.actor2 or ""]


def _print_events(console: Console, result: ExtractResult) -> None:
    places = {p.id: p for p in result.places}
    table = _event_table("events (fatalities and injured as low/best/high)", ("killed", "injured", "claims"))
    for event in result.events:
        table.add_row(
            *_event_cells(event, places.get(event.place_id or "")),
            _bounds(event.fatalities),
            _bounds(event.injured),
            " ".join(event.claim_ids),
        )
    console.print(table)
    for campaign in result.campaigns:
        console.print(
            f"campaign {campaign.id}: {campaign.name} ({campaign.actor or 'actor unknown'}),"
            f" {len(campaign.event_ids)} events; campaign-wide claims: {' '.join(campaign.claim_ids) or 'none'}"
        )


def main() -> None:  # pragma: no cover - console entry point
    app()
