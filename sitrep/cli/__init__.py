"""The ``sitrep`` command line. Thin: parses options, calls the stages, prints.

Exit codes: 0 every input was read; 1 at least one input could not be read (the others were still processed,
each problem printed on one line to standard error); 2 the command line itself was wrong.

URLs (``http(s)://``, pages or RSS/Atom feeds) are inputs like files; a URL that cannot be fetched is one such
line with its reason (HTTP status, timeout, too large, refused address, not HTML) and counts as a failure.

Commands live in this package one module per job (``extract``, ``evaluate``, ``store``, ``dataset``), each a
thin layer over library functions; they are registered here, in the order ``--help`` lists them.
"""

from __future__ import annotations

import typer

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

app = typer.Typer(
    help="sitrep: sourced conflict-event data from news reports, every figure kept with who claims it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _check_data_overlay() -> None:
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


app.command("demo")(demo_command)
app.command("extract")(extract_command)
app.command("eval")(eval_command)
app.command("schema")(schema_command)
app.command("ingest")(ingest_command)
app.command("watch")(watch_command)
db_app = typer.Typer(help="The event store's database: schema version and migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")
db_app.command("upgrade")(db_upgrade_command)
db_app.command("current")(db_current_command)
app.command("serve")(serve_command)
app.command("events")(events_command)
app.command("export")(export_command)


def main() -> None:
    """The console entry point: the commands, with any problem a user can fix said in one line (a data file
    found malformed only when first read, deep in a batch, included) rather than as a traceback."""
    try:
        app(prog_name="sitrep")
    except SitrepError as problem:
        error(problem)
        raise SystemExit(problem.exit_code) from None
