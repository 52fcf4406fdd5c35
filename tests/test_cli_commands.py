"""The commands of sitrep.cli run in-process (typer's runner): each module's commands over a real SQLite store,
their output, exit codes and one-line errors. The subprocess tests in test_cli.py and test_store_cli.py cover
what only a separate process shows (entry point, signals, stdin, locks)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.model import ExtractResult

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REPORT = "Militants ambushed a Levies patrol in Turbat on Monday, killing three personnel, police said.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "2025-03-11_turbat.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path, runner: CliRunner) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", url])
    assert result.exit_code == 0, result.output
    return url


# --- extract -------------------------------------------------------------------------------------------


def test_extract_jsonl_is_one_valid_result_per_article(runner: CliRunner, report: Path) -> None:
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(report), str(report)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    extracted = ExtractResult.model_validate_json(lines[0])
    assert [(c.outcome, c.count.low, c.claimant.name) for c in extracted.claims] == [("killed", 3, "police")]


def test_extract_reads_the_publication_date_from_the_file_name(runner: CliRunner, report: Path) -> None:
    result = runner.invoke(app, ["extract", "--format", "json", str(report)])
    [extracted] = json.loads(result.stdout)
    [event] = extracted["events"]
    assert event["date"] == "2025-03-10"  # the Monday before the 11th


def test_extract_of_a_missing_file_is_one_line_and_exit_1_with_the_rest_read(
    runner: CliRunner, report: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(tmp_path / "nowhere.txt"), str(report)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    problem, summary = result.stderr.splitlines()
    assert problem == f"sitrep: error: {tmp_path / 'nowhere.txt'}: no such file or directory"
    assert summary == "sitrep: 1 input(s) could not be read; the rest were processed"


def test_an_article_the_pipeline_fails_on_is_one_line_and_the_rest_are_extracted(
    runner: CliRunner, report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault of sitrep's on one article (injected: no real text is known to cause one) is reported with the
    article's id; the other articles are still extracted and the exit code is 1."""
    from sitrep.jobs import parallel

    real_extract = parallel.extract

    def faulty(article):  # type: ignore[no-untyped-def]
        if "faulty" in article.id:
            raise RecursionError("maximum recursion depth exceeded")
        return real_extract(article)

    monkeypatch.setattr(parallel, "extract", faulty)
    bad = tmp_path / "faulty.txt"
    bad.write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(bad), str(report)])
    assert result.exit_code == 1
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()] == [report.name]
    problem, summary = result.stderr.splitlines()
    assert (
        problem
        == "sitrep: error: faulty.txt: extraction failed: RecursionError: maximum recursion depth exceeded"
    )
    assert summary == "sitrep: 1 article(s) could not be extracted; the rest were processed"


def test_schema_is_the_shipped_json_schema(runner: CliRunner) -> None:
    shipped = Path(__file__).resolve().parents[1] / "sitrep" / "schema" / "extract.schema.json"
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout) == json.loads(shipped.read_text(encoding="utf-8"))


# --- store: ingest and db ---------------------------------------------------------------------------------


def test_ingesting_again_adds_nothing(runner: CliRunner, store: str) -> None:
    before = runner.invoke(app, ["events", "--db", store, "--json"])
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", store])
    assert again.exit_code == 0, again.output
    after = runner.invoke(app, ["events", "--db", store, "--json"])
    assert len(json.loads(after.stdout)["events"]) == len(json.loads(before.stdout)["events"])


def test_db_current_names_the_newest_migration(runner: CliRunner, store: str) -> None:
    versions = Path(__file__).resolve().parents[1] / "sitrep" / "store" / "migrations" / "versions"
    newest = max(p.name.split("_")[0] for p in versions.glob("0*.py"))
    result = runner.invoke(app, ["db", "current", "--db", store])
    assert result.exit_code == 0 and newest in result.stdout


def test_a_database_url_sqlalchemy_cannot_read_is_one_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["events", "--db", "nosuchdriver://x/y"])
    assert result.exit_code != 0 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("sitrep: error: ")


# --- dataset: events and export ------------------------------------------------------------------------------


def test_events_filters_narrow_the_dataset(runner: CliRunner, store: str) -> None:
    every = json.loads(runner.invoke(app, ["events", "--db", store, "--json"]).stdout)["events"]
    kech = json.loads(runner.invoke(app, ["events", "--db", store, "--json", "--admin2", "Kech"]).stdout)[
        "events"
    ]
    assert 0 < len(kech) < len(every)
    assert {e["place"]["admin2"] for e in kech} == {"Kech"}


def test_export_acled_to_standard_output_has_one_row_per_event(runner: CliRunner, store: str) -> None:
    count = len(json.loads(runner.invoke(app, ["events", "--db", store, "--json"]).stdout)["events"])
    result = runner.invoke(app, ["export", "--format", "acled", "--db", store])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == count and all(row["event_id_cnty"].startswith("PAK") for row in rows)


def test_export_to_a_file_says_how_many_events_it_wrote(
    runner: CliRunner, store: str, tmp_path: Path
) -> None:
    out = tmp_path / "events.geojson"
    result = runner.invoke(app, ["export", "--format", "geojson", "--db", store, "--out", str(out)])
    assert result.exit_code == 0, result.output
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert f"wrote {len(features)} events" in result.output


def test_export_out_dash_is_standard_output(runner: CliRunner, store: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--db", store, "--out", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout == runner.invoke(app, ["export", "--format", "csv", "--db", store]).stdout
    assert result.stdout.count("\n") > 1 and not Path("-").exists()  # not a file named "-"


@pytest.mark.parametrize("where", ["folder", "missing/events.csv"])
def test_export_to_a_place_that_cannot_be_written_is_one_line(
    runner: CliRunner, store: str, tmp_path: Path, where: str
) -> None:
    (tmp_path / "folder").mkdir()
    out = tmp_path / where
    result = runner.invoke(app, ["export", "--format", "csv", "--db", store, "--out", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"sitrep: error: cannot write {out}: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_export_format_is_refused(runner: CliRunner, store: str) -> None:
    result = runner.invoke(app, ["export", "--format", "xlsx", "--db", store])
    assert result.exit_code == 2 and "xlsx" in result.output
