"""``sitrep extract`` and ``sitrep schema``: read articles and print what the pipeline finds, without storing."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from sitrep.cli.common import (
    EXIT_INPUT_PROBLEM,
    AllowPrivateOption,
    HostIntervalOption,
    InputsArgument,
    TimeoutOption,
    UrlsOption,
    UserAgentOption,
    WideOption,
    error,
    fetch_options,
    need_inputs,
    parse_date,
    table_console,
)
from sitrep.cli.tables import print_table
from sitrep.sources import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from sitrep.model import Article


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


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
    wide: WideOption = False,
) -> None:
    """Extract every casualty figure with its claimant, stance and verification status, and the events they
    make, without storing them.

    The table fits the terminal (`--wide`: every cell in full); `-f jsonl` and `-f json` give the whole
    result (see `sitrep schema`)."""
    # The pipeline (spaCy, the place index) and fetching load here, not when the command line starts.
    from sitrep.jobs.parallel import Failed, extract_many
    from sitrep.sources.files import InputProblem
    from sitrep.sources.inputs import read_sources

    need_inputs(inputs, urls)
    default_date = parse_date(published)
    fetching = fetch_options(allow_private, user_agent, timeout, host_interval, max_bytes)
    not_read = 0
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    out = table_console()
    problems = failed = 0

    def articles() -> Iterator[Article]:
        nonlocal problems
        sources = read_sources(
            inputs or [], [str(u) for u in urls or []], options=fetching, published=default_date
        )
        for item in sources:
            if isinstance(item, InputProblem):
                problems += 1
                error(item)
            else:
                yield item

    results: list[dict] = []
    for result in extract_many(articles(), workers=workers, dask=dask):
        if isinstance(result, Failed):  # a fault of ours on one article: said, counted, the rest still read
            failed += 1
            error(result)
            continue
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
            print_table(out, result, wide=wide)
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if not_read:
        errors.print(f"sitrep: {not_read} article(s) not read (not English)", markup=False)
    if failed:
        errors.print(
            f"sitrep: {failed} article(s) could not be extracted; the rest were processed", markup=False
        )
    if problems:
        errors.print(f"sitrep: {problems} input(s) could not be read; the rest were processed", markup=False)
    if problems or failed:
        raise typer.Exit(EXIT_INPUT_PROBLEM)


def schema_command() -> None:
    """Print the JSON Schema of one extract result (one line of `sitrep extract -f jsonl`)."""
    from sitrep.model import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
