"""``sitrep ingest``, ``watch``, ``db`` and ``serve``: the commands that write to or serve the event store."""

from __future__ import annotations

import signal
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from sitrep.cli.alerts import AlertsOption, alert_sender, read_rules, send_alerts
from sitrep.cli.common import (
    EXIT_INPUT_PROBLEM,
    EXIT_INTERRUPTED,
    AllowPrivateOption,
    DbOption,
    HostIntervalOption,
    InputsArgument,
    TimeoutOption,
    UrlsOption,
    UserAgentOption,
    error,
    error_line,
    fail,
    fetch_options,
    need_inputs,
    opened_store,
    parse_date,
)
from sitrep.errors import SitrepError
from sitrep.sources import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from sitrep.jobs.ingest import IngestSummary


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
    dask: Annotated[
        str | None,
        typer.Option(
            help="Extract on this dask.distributed scheduler (tcp://host:8786); this process writes."
        ),
    ] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.")] = DEFAULT_MAX_BYTES,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list each duplicate and already stored article.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only the summary and errors: no progress.")
    ] = False,
    urls: UrlsOption = None,
    allow_private: AllowPrivateOption = False,
    user_agent: UserAgentOption = None,
    timeout: TimeoutOption = 20.0,
    host_interval: HostIntervalOption = 1.0,
    alerts: AlertsOption = None,
) -> None:
    """Extract every article and store it in the event store, merging events across articles.

    On a terminal a progress bar shows the articles done of the total, the percentage and the time left;
    piped or redirected, a plain line every 25 articles. Duplicates are counted in the summary (`-v` lists
    them). Each article is stored in its own transaction: Ctrl-C stops at once, says what was stored and
    exits 130; running the same command again skips what is stored and reads the rest.

    Exit code 1 when any input or URL failed (each named on standard error with its reason); the rest are
    stored."""
    from sitrep.jobs.ingest import IngestSummary, ingest
    from sitrep.jobs.progress import BatchProgress
    from sitrep.sources.files import count_articles
    from sitrep.sources.inputs import read_sources
    from sitrep.sources.urls import looks_like_url

    need_inputs(inputs, urls)
    default_date = parse_date(published)
    rules = read_rules(alerts) if alerts else None
    sender = alert_sender(rules, allow_private) if rules else None
    fetching = fetch_options(allow_private, user_agent, timeout, host_interval, max_bytes)
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    summary = IngestSummary()
    # The total is known for files on disk; a URL or a feed says how many articles it holds only when read.
    local = not urls and not any(looks_like_url(name) for name in inputs or [])
    total = count_articles(inputs or []) if local else None
    # --quiet: no bar and a plain line never.
    progress = BatchProgress(
        summary, console=errors, total=total, **({"live": False, "every": sys.maxsize} if quiet else {})
    )

    def on_stored(stored) -> None:
        progress.update()
        if not verbose or stored.outcome.value == "new":
            return
        if stored.duplicate_of:
            progress.message(
                f"duplicate: {stored.article_id} (of {stored.duplicate_of}, similarity {stored.similarity:.2f})"
            )
        else:
            progress.message(f"already stored: {stored.article_id} (as {stored.uid})")

    def on_failed(failed) -> None:
        progress.message(f"sitrep: error: {failed}")
        progress.update()

    failed_database = failed_alerts = False
    try:
        with opened_store(db) as engine:
            try:
                ingest(
                    [],
                    engine,
                    published=default_date,
                    workers=workers,
                    dask=dask,
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
    except SitrepError as problem:
        error(problem)
        failed_database = True
    except KeyboardInterrupt:
        # Ctrl-C waits while an article is written and counted (``jobs.ingest``): every stored one is whole and
        # counted in the summary.
        print(summary.line())
        error_line(interrupted_line(summary, total))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    print(summary.line())
    if rules and sender and not failed_database:
        try:
            with opened_store(db) as engine:
                failed_alerts = send_alerts(engine, rules, sender)
        except SitrepError as problem:
            error(problem)
            failed_alerts = True
    if failed_database or failed_alerts or summary.failed:
        raise typer.Exit(EXIT_INPUT_PROBLEM)


def interrupted_line(summary: IngestSummary, total: int | None) -> str:
    """What an interrupted batch did and kept, and how to finish it."""
    read = f"{summary.articles} of {total}" if total is not None else str(summary.articles)
    return (
        f"sitrep: interrupted: {read} articles read ({summary.new} new, {summary.duplicates + summary.already_stored} "
        f"duplicate, {summary.failed} failed), {summary.new_events} new events stored and "
        f"{summary.merged_events} merged; the store is consistent: run the same command again to continue"
    )


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
    alerts: AlertsOption = None,
) -> None:
    """Poll feeds and pages, store what is new; what was seen is remembered in the database.

    Unchanged feeds cost a 304 (ETag / Last-Modified); a failing source is retried later and later (doubling,
    capped at 6 h, never before its Retry-After) while the others go on. Ctrl-C or SIGTERM stops after the
    current article and prints the summary (a second Ctrl-C stops at once); exit code 130 after Ctrl-C, 0
    after SIGTERM, 1 when a --once round had any failure."""
    from sitrep.jobs.progress import BatchProgress
    from sitrep.jobs.watch import Watcher, WatchReport, stop_on_signals
    from sitrep.sources.inputs import parse_interval
    from sitrep.sources.urls import looks_like_url

    try:
        interval = parse_interval(every)
    except ValueError as problem:
        raise typer.BadParameter(str(problem), param_hint="--every") from None
    for source in sources:
        if not looks_like_url(source):
            raise typer.BadParameter(f"{source!r} is not an http(s) URL", param_hint="FEED_OR_URL")
    rules = read_rules(alerts) if alerts else None
    sender = alert_sender(rules, allow_private) if rules else None
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    report = WatchReport()
    failed_database = interrupted = False
    try:
        with (
            opened_store(db) as engine,
            BatchProgress(report.summary, console=errors, label="watching") as progress,
        ):
            fetching = fetch_options(allow_private, user_agent, timeout, host_interval, max_bytes)
            after_round = (lambda: send_alerts(engine, rules, sender)) if rules and sender else None
            watcher = Watcher(
                sources,
                engine,
                every=interval,
                options=fetching,
                progress=progress,
                report=report,
                after_round=after_round,
            )
            restore = stop_on_signals(watcher)
            try:
                watcher.run(once=once)
            finally:
                restore()
            interrupted = watcher.stopped_by == signal.SIGINT
    except SitrepError as problem:
        error(problem)
        failed_database = True
    except KeyboardInterrupt:  # a second Ctrl-C: the article being written was rolled back
        interrupted = True
    print(report.line())
    if interrupted:
        s = report.summary
        error_line(
            f"sitrep: interrupted: {s.articles} articles read ({s.new} new), {s.new_events} new events stored; "
            "the store is consistent and remembers what was seen: run the same command again to go on"
        )
        raise typer.Exit(EXIT_INTERRUPTED)
    if failed_database or (report.failed and not report.interrupted):
        raise typer.Exit(EXIT_INPUT_PROBLEM)


def db_upgrade_command(db: DbOption = None) -> None:
    """Create the database, or bring its schema up to this sitrep's version (data is kept)."""
    from sitrep.store.db import database_url, shown, upgrade

    url = database_url(db)
    try:
        with opened_store(db) as engine:
            before, after = upgrade(engine)
    except SitrepError as problem:
        fail(problem)
    if before == after:
        print(f"{shown(url)}: schema already at revision {after}")
    else:
        print(f"{shown(url)}: schema upgraded from {before or 'empty'} to revision {after}")


def db_current_command(db: DbOption = None) -> None:
    """Print the database's schema revision and this sitrep's newest."""
    from sitrep.store.db import current_schema, database_url, shown

    url = database_url(db)
    try:
        with opened_store(db, must_exist=True) as engine:
            revision, head = current_schema(engine)
    except SitrepError as problem:
        fail(problem)
    state = "up to date" if revision == head else f"sitrep's newest is {head}: run `sitrep db upgrade`"
    print(f"{shown(url)}: revision {revision or 'none (empty database)'} ({state})")


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
    from sitrep.api.server import serve
    from sitrep.store.db import database_url

    try:
        serve(database_url(db), host, port, new_token=new_token)
    except SitrepError as problem:
        fail(problem)
