"""The ``sitrep`` command line. Thin: parses options, calls the stages, prints.

Exit codes: 0 every input was read; 1 at least one input could not be read (the others were still processed,
each problem printed on one line to standard error); 2 the command line itself was wrong.
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
from sitrep.ingest.files import DEFAULT_MAX_BYTES, InputProblem, read_inputs
from sitrep.model import Article, Claim, ExtractResult, Figure, json_schema
from sitrep.parallel import extract_many

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


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@app.command("extract")
def extract_command(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files (.txt, .html, .htm, .jsonl), directories, or - for standard input."),
    ],
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
) -> None:
    """Extract every casualty figure with its claimant, stance and verification status."""
    default_date = _parse_date(published)
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False)
    if not out.is_terminal:  # piped or redirected: do not fold the table to 80 columns
        out = Console(highlight=False, width=160)
    problems = 0

    def articles() -> Iterator[Article]:
        nonlocal problems
        for item in read_inputs(inputs, published=default_date, max_bytes=max_bytes):
            if isinstance(item, InputProblem):
                problems += 1
                errors.print(f"sitrep: error: {item}", markup=False)
            else:
                yield item

    results: list[dict] = []
    for result in extract_many(articles(), workers=workers, dask=dask):
        if output_format is OutputFormat.jsonl:
            sys.stdout.write(result.model_dump_json() + "\n")
        elif output_format is OutputFormat.json:
            results.append(result.model_dump(mode="json"))
        else:
            _print_table(out, result)
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if problems:
        errors.print(f"sitrep: {problems} input(s) could not be read; the rest were processed", markup=False)
        raise typer.Exit(EXIT_INPUT_PROBLEM)


@app.command("eval")
def eval_command(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="acled | gtd | ucdp | jsonl")],
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The analysts' export (CSV; GTD also .xlsx).")],
    strip_coder_notes: Annotated[
        bool,
        typer.Option(help="Remove ACLED coder conventions ('coded as…', 'N fatalities', '(District, …)')."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object: metric → value.")] = False,
    examples: Annotated[int, typer.Option(help="Error examples to show per field.")] = 5,
) -> None:
    """How often sitrep agrees with an analysts' dataset: accuracy per field, with error examples."""
    try:
        report = evaluate_file(fmt, path, strip_coder_notes=strip_coder_notes, examples=examples)
    except EvalInputError as error:
        Console(stderr=True, soft_wrap=True).print(f"sitrep: error: {error}", markup=False, highlight=False)
        raise typer.Exit(EXIT_INPUT_PROBLEM) from None
    if as_json:
        sys.stdout.write(json.dumps(report.metrics()) + "\n")
        return
    out = Console(highlight=False)
    table = Table(title=f"sitrep vs {fmt} ({report.records} records)", title_justify="left")
    for column in ("field", "accuracy", "scored"):
        table.add_column(column)
    for name, score in report.fields.items():
        if score.scored:
            table.add_row(name, f"{score.accuracy:.1%}", str(score.scored))
    for name, value in report.extra.items():
        table.add_row(name, f"{value:.1%}" if isinstance(value, float) else str(value), "")
    out.print(table)
    for name, score in report.fields.items():
        for example in score.examples:
            out.print(f"  {name}: {example}", markup=False)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of one extract result (one line of ``--format jsonl``)."""
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


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


def _print_events(console: Console, result: ExtractResult) -> None:
    places = {p.id: p for p in result.places}
    campaigns = {c.id: c.name for c in result.campaigns}
    table = Table(title="events (fatalities and injured as low/best/high)", title_justify="left")
    for column in (
        "id",
        "date",
        "sub-event type",
        "place",
        "actor1",
        "actor2",
        "killed",
        "injured",
        "claims",
    ):
        table.add_column(column, overflow="fold")
    for event in result.events:
        place = places.get(event.place_id or "")
        where = f"{place.name} ({place.admin2 or place.admin1 or place.country_code})" if place else ""
        table.add_row(
            event.id,
            event.date.isoformat() if event.date else "",
            event.sub_event_type,
            where,
            event.actor1 or "",
            event.actor2 or "",
            _bounds(event.fatalities),
            _bounds(event.injured),
            " ".join(event.claim_ids),
        )
    console.print(table)
    for event_ids in {e.campaign_id for e in result.events if e.campaign_id}:
        campaign = next(c for c in result.campaigns if c.id == event_ids)
        console.print(
            f"campaign {campaign.id}: {campaigns[campaign.id]} ({campaign.actor or 'actor unknown'}),"
            f" {len(campaign.event_ids)} events; campaign-wide claims: {' '.join(campaign.claim_ids) or 'none'}"
        )


def main() -> None:  # pragma: no cover - console entry point
    app()
