"""``sitrep alerts test`` and ``sitrep alerts run``: evaluate an analyst's rules file on the event store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sitrep.cli.common import (
    EXIT_INPUT_PROBLEM,
    DbOption,
    error,
    fail,
    opened_store,
    parse_date,
)
from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sitrep.alerts import Rules, Sender

RulesArgument = Annotated[Path, typer.Argument(metavar="RULES", help="The rules file (TOML).")]
TodayOption = Annotated[
    str | None,
    typer.Option("--today", help="Evaluate as on this day (YYYY-MM-DD; default: today, UTC)."),
]
AlertsOption = Annotated[
    Path | None,
    typer.Option(
        "--alerts", metavar="RULES", help="Evaluate this rules file and send its alerts after each run."
    ),
]


def read_rules(path: Path) -> Rules:
    """The rules file, or exit 2 with one line naming the file, rule and key."""
    from sitrep.alerts import load_rules

    try:
        return load_rules(path)
    except SitrepError as problem:
        fail(problem)


def alerts_test_command(rules: RulesArgument, db: DbOption = None, today: TodayOption = None) -> None:
    """Print what the rules would fire on the store now, one block per alert, without sending or recording.

    Each block: the rule, the event or campaign (or the spike's window and baseline), its place and date, the
    low/best/high toll with each claimant's figures side by side, the quotes, the articles' links and a link
    into the dashboard."""
    from sqlalchemy.orm import Session

    from sitrep.alerts import evaluate
    from sitrep.store.db import require_schema

    loaded = read_rules(rules)
    day = parse_date(today)
    try:
        with opened_store(db, must_exist=True) as engine:
            require_schema(engine, create=False)
            with Session(engine) as session:
                alerts = evaluate(session, loaded, day or _today())
    except SitrepError as problem:
        fail(problem)
    for alert in alerts:
        print(alert.block())
        print()
    print(f"{len(alerts)} alert(s) would fire ({len(loaded.rules)} rule(s) in {rules})")


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def alerts_run_command(
    rules: RulesArgument,
    db: DbOption = None,
    today: TodayOption = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Post the webhook to loopback, private and link-local addresses (refused by default).",
        ),
    ] = False,
) -> None:
    """Evaluate the rules and send what fires and was not sent before (or changed beyond the threshold: an
    update), to the deliveries of the rules file; the state is kept in the database.

    Exit code 1 when a delivery failed (the alert is sent again, with the same idempotency key, next run)."""
    loaded = read_rules(rules)
    day = parse_date(today)
    sender = alert_sender(loaded, allow_private)
    try:
        with opened_store(db, must_exist=True) as engine:
            failed = send_alerts(engine, loaded, sender, day)
    except SitrepError as problem:
        fail(problem)
    if failed:
        raise typer.Exit(EXIT_INPUT_PROBLEM)


def alert_sender(rules: Rules, allow_private: bool) -> Sender:
    """The rules' deliveries, checked before any work (a webhook's key must be in the environment)."""
    from sitrep.alerts import Sender

    try:
        return Sender(rules.deliver, allow_private=allow_private)
    except SitrepError as problem:
        fail(problem)


def send_alerts(engine: Engine, rules: Rules, sender: Sender, day: dt.date | None = None) -> bool:
    """Runs the rules once, prints the summary and any failure; True when a delivery failed."""
    from sitrep.alerts import run_alerts

    report = run_alerts(engine, rules, sender, day)
    for problem in report.failed:
        error(problem)
    print(report.line(), flush=True)
    return bool(report.failed)
