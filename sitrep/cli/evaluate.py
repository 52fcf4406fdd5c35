"""``sitrep eval``: how often sitrep agrees with an analysts' dataset, per field and per half."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from sitrep.cli.common import fail
from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sitrep.evaluate.report import Report


def eval_command(
    fmt: Annotated[
        str, typer.Argument(metavar="FORMAT", help="acled | gtd | ucdp | realnews | gva | multidoc | jsonl")
    ],
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The analysts' export or dev file.")],
    strip_coder_notes: Annotated[
        bool,
        typer.Option(
            "--strip-coder-notes",
            help="Remove ACLED coder conventions ('coded as…', 'N fatalities', '(District, …)').",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object: metric → value.")] = False,
    half: Annotated[
        str,
        typer.Option(
            help="A or B: one fixed half of the file (by a hash of each id); 'all' both and the whole."
        ),
    ] = "all",
    examples: Annotated[int, typer.Option(help="Error examples to show per field (half A only).")] = 5,
) -> None:
    """How often sitrep agrees with an analysts' dataset: accuracy per field for half A, half B and the whole,
    with error examples from half A (rules are tuned on A; B is the figure that counts)."""
    # The evaluation runs the whole pipeline (spaCy and all): imported when asked for, not for --help.
    from sitrep.evaluate.records import EvalInputError, evaluate_file, evaluate_halves

    try:
        if half.upper() in ("A", "B"):
            chosen = half.upper()
            report = evaluate_file(fmt, path, strip_coder_notes, examples, half=chosen)  # type: ignore[arg-type]
            reports = {chosen: report if chosen == "A" else report.without_examples()}
        elif half == "all":
            reports = evaluate_halves(fmt, path, strip_coder_notes, examples)
        else:
            raise EvalInputError(f"--half {half!r}: use A, B or all")
    except SitrepError as problem:
        fail(problem)
    if as_json:
        if len(reports) == 1:
            metrics: dict[str, object] = dict(next(iter(reports.values())).metrics())
        else:
            metrics = {**reports["all"].metrics(), "A": reports["A"].metrics(), "B": reports["B"].metrics()}
        sys.stdout.write(json.dumps(metrics) + "\n")
        return
    print_eval(fmt, reports)


def print_eval(fmt: str, reports: dict[str, Report]) -> None:
    from sitrep.evaluate.report import Report

    out = Console(highlight=False)
    records = ", ".join(f"{name} {report.records}" for name, report in reports.items())
    table = Table(title=f"sitrep vs {fmt} (records: {records})", title_justify="left")
    table.add_column("field")
    for name in reports:
        table.add_column(f"half {name}" if name in ("A", "B") else name, justify="right")
    table.add_column("scored", justify="right")
    names = list(
        dict.fromkeys(n for report in reports.values() for n, s in report.fields.items() if s.scored)
    )
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
