"""The `sitrep` command line. Thin: parses options, calls the stages, prints.

Exit codes: 0 every input was read; 1 at least one input could not be read (the others were still processed,
each problem printed on one line to standard error); 2 the command line itself was wrong; 130 interrupted
(Ctrl-C), after saying what was done and kept.

URLs (`http(s)://`, pages or RSS/Atom feeds) are inputs like files; a URL that cannot be fetched is one such
line with its reason (HTTP status, timeout, too large, refused address, not HTML) and counts as a failure.

Commands live in this package one module per job (`extract`, `evaluate`, `store`, `dataset`), each a thin
layer over library functions; they are registered here, in the order `--help` lists them, each with its
examples. Help is written in Markdown (typer's "markdown" mode): paragraphs are rewrapped to the terminal, so
the docstrings may wrap as the code does; `-h` is `--help` everywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from sitrep.cli.alerts import alerts_run_command, alerts_test_command
from sitrep.cli.common import error, fail
from sitrep.cli.dataset import events_command, export_command
from sitrep.cli.demo import demo_command
from sitrep.cli.evaluate import eval_command
from sitrep.cli.extract import extract_command, schema_command
from sitrep.cli.store import (
    db_current_command,
    db_upgrade_command,
    ingest_command,
    serve_command,
    watch_command,
)
from sitrep.data import DataFileError, check_overlay
from sitrep.errors import SitrepError

HELP = {"rich_markup_mode": "markdown", "context_settings": {"help_option_names": ["-h", "--help"]}}

app = typer.Typer(
    help="sitrep: sourced conflict-event data from news reports, every figure kept with who claims it.",
    epilog="Run `sitrep COMMAND -h` for a command's options and examples.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    **HELP,  # type: ignore[arg-type]
)


def version() -> str:
    """This sitrep's version, from the installed package's metadata."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("sitrep")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def _print_version(asked: bool) -> None:
    if asked:
        print(f"sitrep {version()}")
        raise typer.Exit()


@app.callback()
def _check_data_overlay(
    _version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print sitrep's version and exit."
        ),
    ] = False,
) -> None:
    # An analyst's data files (SITREP_DATA) are checked before any command runs, so that a malformed one is
    # one line, not a failure of every article of a batch: their columns, then the values of the tables whose
    # readers check them (the actors and the place weights).
    try:
        if check_overlay():
            from sitrep.events.actors import load_actors
            from sitrep.geo.weights import place_weights

            load_actors()
            place_weights()
    except (DataFileError, ValueError) as problem:
        fail(DataFileError(str(problem)))


def examples(*lines: str) -> str:
    """A command's epilog: its example command lines, shown as written (a Markdown code block)."""
    return "**Examples**\n\n```\n" + "\n".join(lines) + "\n```"


def register(group: typer.Typer, name: str, command: Callable[..., Any], *lines: str) -> None:
    group.command(name, epilog=examples(*lines))(command)


def group(name: str, summary: str, *lines: str) -> typer.Typer:
    """A command group under ``sitrep`` (``sitrep NAME …``) with its help and examples."""
    commands = typer.Typer(help=summary, no_args_is_help=True, epilog=examples(*lines), **HELP)  # type: ignore[arg-type]
    app.add_typer(commands, name=name)
    return commands


register(
    app,
    "demo",
    demo_command,
    "sitrep demo                   # ingest the examples, then open the dashboard",
    "sitrep demo --no-serve --db sqlite:///demo.db",
)
register(
    app,
    "extract",
    extract_command,
    "sitrep extract examples/",
    "sitrep extract -f jsonl report.txt > claims.jsonl",
    "curl -s https://example.org/story | sitrep extract -",
)
register(
    app,
    "eval",
    eval_command,
    "sitrep eval acled acled_export.csv --strip-coder-notes",
    "sitrep eval realnews tests/devset/realnews.jsonl --half B --json",
)
register(app, "schema", schema_command, "sitrep schema > extract.schema.json")
register(
    app,
    "ingest",
    ingest_command,
    "sitrep ingest examples/",
    "sitrep ingest --db postgres://user@host/sitrep --workers 4 archive/",
    "sitrep ingest --urls urls.txt -v",
)
register(
    app,
    "watch",
    watch_command,
    "sitrep watch --every 15m https://example.org/feed.rss",
    "sitrep watch --once https://example.org/feed.rss   # from cron",
)
db_app = group(
    "db",
    "The event store's database: schema version and migrations.",
    "sitrep db current",
    "sitrep db upgrade --db postgres://user@host/sitrep",
)
register(
    db_app,
    "upgrade",
    db_upgrade_command,
    "sitrep db upgrade",
    "SITREP_DB=sqlite:///other.db sitrep db upgrade",
)
register(db_app, "current", db_current_command, "sitrep db current --db postgres://user@host/sitrep")
alerts_app = group(
    "alerts",
    "Alerts: an analyst's rules file evaluated on the event store, sent once and only once.",
    "sitrep alerts test rules.toml",
    "sitrep alerts run rules.toml --db postgres://user@host/sitrep",
)
register(
    alerts_app,
    "test",
    alerts_test_command,
    "sitrep alerts test rules.toml",
    "sitrep alerts test rules.toml --today 2025-04-10 --db sqlite:///demo.db",
)
register(
    alerts_app, "run", alerts_run_command, "sitrep alerts run rules.toml   # from cron, or see watch --alerts"
)
register(
    app,
    "serve",
    serve_command,
    "sitrep serve                  # http://127.0.0.1:8000/",
    "sitrep serve --port 8080 --db postgres://user@host/sitrep",
)
register(
    app,
    "events",
    events_command,
    "sitrep events --country PK --from 2025-03-01 --sort -fatalities --limit 10",
    "sitrep events --actor BLA --format csv > bla.csv",
    "sitrep events --wide             # full ids and every column",
)
register(
    app,
    "export",
    export_command,
    "sitrep export -f acled --out acled.csv",
    "sitrep export -f geojson --country PK --from 2025-03-01 > pk.geojson",
)


def main() -> None:
    """The console entry point: the commands, with any problem a user can fix said in one line (a data file
    found malformed only when first read, deep in a batch, included) rather than as a traceback. A reader that
    closes the pipe early (`sitrep events | head -1`) ends the command quietly with 0, as other tools do."""
    try:
        app(prog_name="sitrep")
    except SitrepError as problem:
        error(problem)
        raise SystemExit(problem.exit_code) from None
    except BrokenPipeError:
        _quiet_after_broken_pipe()
    except SystemExit as exit:
        # typer ends a closed pipe (EPIPE) with exit code 1: the reader only wanted the first lines.
        if isinstance(exit.__context__, BrokenPipeError):
            _quiet_after_broken_pipe()
        raise


def _quiet_after_broken_pipe() -> None:
    # Python flushes stdout again at exit: pointing it at devnull keeps that flush from raising a second
    # BrokenPipeError (and printing "Exception ignored ...").
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(0) from None
