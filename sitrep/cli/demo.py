"""``sitrep demo``: the whole job on the example articles that ship with sitrep — stored in the event store,
what it now holds and what to run next said, then the dashboard served. Running it again stores nothing twice
(ingest knows the articles it has)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli.common import EXIT_INPUT_PROBLEM, DbOption, error, fail, opened_store
from sitrep.errors import SitrepError

# Packaged with sitrep (the repository's examples/ points here), so an installed wheel has them too.
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def demo_command(
    db: DbOption = None,
    serve: Annotated[
        bool,
        typer.Option("--serve/--no-serve", help="Serve the dashboard after ingesting (--no-serve: stop)."),
    ] = True,
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port of the dashboard.")] = 8000,
) -> None:
    """Ingest the bundled example articles into the store (sitrep.db here by default) and open the dashboard
    on 127.0.0.1. Safe to run again: nothing is stored or counted twice."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.orm import Session

    from sitrep.cli.store import serve_command
    from sitrep.jobs.ingest import IngestSummary, ingest
    from sitrep.store.db import database_url, shown, sqlite_path
    from sitrep.store.totals import stored_rows

    summary = IngestSummary()
    try:
        with opened_store(db) as engine:
            ingest([str(EXAMPLES)], engine, summary=summary, on_failed=error)
            with Session(engine) as session:
                articles, events, claims = (stored_rows(session, t) for t in ("articles", "events", "claims"))
    except SitrepError as problem:
        fail(problem)
    again = f", {summary.already_stored} already stored" if summary.already_stored else ""
    print(f"sitrep demo: read {summary.articles} example articles ({summary.new} new{again}) from {EXAMPLES}")
    url = database_url(db)
    path = sqlite_path(make_url(url))  # a file is shown where it is: the user's next commands find it there
    print(
        f"the store {path.resolve() if path else shown(url)} now holds {articles} articles, {events} events "
        f"and {claims} claims"
    )
    store = f" --db {db}" if db else ""
    steps = [
        (f"sitrep events{store}", "the events, with who claims what"),
        (
            f"sitrep export{store} --format acled --out events.csv",
            "a file for your tools (ucdp, geojson, csv…)",
        ),
        (f"sitrep ingest{store} YOUR_FOLDER/", "your own articles (.txt, .html, .jsonl)"),
        (f"sitrep serve{store}", "the dashboard again"),
    ]
    width = max(len(command) for command, _ in steps)
    print("next:")
    for command, what in steps:
        print(f"  {command:<{width}}  {what}")
    if summary.failed:
        raise typer.Exit(EXIT_INPUT_PROBLEM)
    if serve:
        serve_command(db=db, port=port)
