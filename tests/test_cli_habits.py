"""The command line's habits, as a user meets them: `-h`, `--version`, examples in every help, help and tables
that fit 80 columns, progress on a terminal and in a log, Ctrl-C during `ingest`, a busy port for `serve`,
`events --limit/--sort/--format`, `postgres://` URLs and pipes closed early (`| head`)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import typer
from rich.console import Console
from typer.core import TyperOption
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.cli.tables import short_id
from sitrep.jobs.ingest import IngestSummary
from sitrep.jobs.progress import BatchProgress
from sitrep.store.db import parse_url
from tests.commands import sitrep
from tests.conftest import EXAMPLES

REPO = Path(__file__).resolve().parent.parent
KECH = EXAMPLES / "2025-04-08_kech-herald_turbat-ied.txt"


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group of the app, as the words that reach it (the app itself is ())."""
    found: list[tuple[str, ...]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        found.append(path)
        if hasattr(command, "commands"):  # a group (typer carries its own click)
            for name, sub in command.commands.items():
                walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


COMMANDS = command_paths()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('habits') / 'ex.db'}"
    result = CliRunner().invoke(app, ["ingest", "--db", url, str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    return url


def narrow() -> CliRunner:
    return CliRunner(env={"COLUMNS": "80"})


# --- help, -h, --version ---------------------------------------------------------------------------------


def test_every_command_lists_commands_or_options() -> None:
    assert ("ingest",) in COMMANDS and ("db", "current") in COMMANDS and len(COMMANDS) >= 12


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "sitrep")
def test_dash_h_is_help_fitting_80_columns_with_examples_and_no_markup(path: tuple[str, ...]) -> None:
    short = narrow().invoke(app, [*path, "-h"])
    long = narrow().invoke(app, [*path, "--help"])
    assert short.exit_code == long.exit_code == 0, short.output
    assert short.output == long.output
    text = short.output
    assert "Usage: " in text
    if path:  # the top level says where the examples are instead
        assert "Examples" in text and "sitrep " + " ".join(path) in text.split("Examples", 1)[1]
    assert all(len(line) <= 80 for line in text.splitlines()), max(text.splitlines(), key=len)
    for markup in ("``", ":func:", ":class:", ":meth:", "**"):
        assert markup not in text, (markup, text)
    # Every option's names whole: none cut off with an ellipsis at 80 columns.
    command = typer.main.get_command(app)
    for word in path:
        command = command.commands[word]  # type: ignore[attr-defined]
    for param in command.params:
        if isinstance(param, TyperOption) and not param.hidden:
            for name in param.opts + param.secondary_opts:
                assert re.search(rf"{re.escape(name)}(?![\w-])", text), (name, text)


def test_version_comes_from_the_package_metadata() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"sitrep {version('sitrep')}"


# --- pipes closed early ------------------------------------------------------------------------------------


def read_one_line_then_close(*args: str) -> tuple[int, str, str]:
    """``sitrep ARGS | head -1``: a real pipe whose reader leaves after the first line."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sitrep", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline().decode()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    return process.wait(timeout=300), first, stderr


def test_extract_into_a_pipe_closed_early_exits_quietly_with_0() -> None:
    # 40 times the examples: far more than a pipe's buffer, so the writer meets the closed pipe.
    code, first, stderr = read_one_line_then_close("extract", "-f", "jsonl", *[str(EXAMPLES)] * 40)
    assert first.startswith("{")
    assert code == 0, stderr
    assert stderr == ""


def test_events_into_a_pipe_closed_early_exits_quietly_with_0(store: str) -> None:
    json_size = len(CliRunner().invoke(app, ["events", "--db", store, "-f", "json"]).stdout)
    assert json_size > 70_000  # more than a pipe holds: the writer must meet the closed pipe
    code, first, stderr = read_one_line_then_close("events", "--db", store, "-f", "json")
    assert first.startswith("{")
    assert code == 0, stderr
    assert stderr == ""


# --- postgres:// -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u:pw@db.example:5433/sitrep", "postgresql+psycopg://u:pw@db.example:5433/sitrep"),
        ("postgresql://u@db.example/sitrep", "postgresql+psycopg://u@db.example/sitrep"),
        ("postgres+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg2://u@h/db", "postgresql+psycopg2://u@h/db"),  # a driver named is kept
        ("postgresql+psycopg://u@h/db?sslmode=require", "postgresql+psycopg://u@h/db?sslmode=require"),
        ("sqlite:///sitrep.db", "sqlite:///sitrep.db"),
    ],
)
def test_postgres_urls_are_read_with_psycopg(given: str, used: str) -> None:
    assert parse_url(given).render_as_string(hide_password=False) == used


def test_a_postgres_url_reaches_the_server_rather_than_being_refused(tmp_path: Path) -> None:
    # Nothing listens on port 9 here: the error is about reaching the server, not about the URL's scheme.
    result = sitrep("db", "current", "--db", "postgres://nobody@127.0.0.1:9/none")
    assert result.returncode == 1
    assert "unknown kind of database" not in result.stderr and "psycopg2" not in result.stderr
    assert result.stderr.startswith("sitrep: error: ") and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not os.environ.get("SITREP_TEST_PG_URL"), reason="needs SITREP_TEST_PG_URL (PostgreSQL)")
def test_a_real_postgresql_server_by_its_postgres_url() -> None:
    url = os.environ["SITREP_TEST_PG_URL"]
    plain = "postgres://" + url.split("://", 1)[1]
    result = sitrep("db", "upgrade", "--db", plain)
    assert result.returncode == 0, result.stderr
    assert "revision" in result.stdout


# --- serve on a busy port ----------------------------------------------------------------------------------


def test_serve_on_a_busy_port_says_so_in_one_line_before_announcing_anything(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = sitrep("serve", "--db", f"sqlite:///{tmp_path / 's.db'}", "--port", str(port))
    assert result.returncode == 1
    assert result.stdout == ""  # no "serving on", no token made for a server that never ran
    assert (
        result.stderr.strip()
        == f"sitrep: error: port {port} is in use on 127.0.0.1: choose another with --port"
    )
    assert not (tmp_path / "s.db").exists()


# --- ingest: progress, duplicates, Ctrl-C ------------------------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """114 one-sentence articles, one file each (the dev set's sentences)."""
    folder = tmp_path_factory.mktemp("many")
    lines = (REPO / "tests" / "devset" / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        (folder / f"{number:03d}.txt").write_text(json.loads(line)["text"] + "\n", encoding="utf-8")
    return folder


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = connection.execute("SELECT count(*) FROM events").fetchone()[0]
    return articles, events


def test_progress_in_a_log_is_plain_lines_with_the_total_and_no_control_codes(
    many: Path, tmp_path: Path
) -> None:
    result = sitrep("ingest", "--db", f"sqlite:///{tmp_path / 'p.db'}", str(many))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("sitrep: progress: 25 of 114 articles (22%)")
    assert [line.split(" of ")[0] for line in lines] == [f"sitrep: progress: {n}" for n in (25, 50, 75, 100)]
    assert "\x1b" not in result.stderr + result.stdout and "\r" not in result.stderr
    assert result.stdout.startswith("ingested 114 articles: 114 new")


def test_progress_on_a_terminal_shows_done_of_total_percentage_and_time_left() -> None:
    out = io.StringIO()
    summary = IngestSummary()
    progress = BatchProgress(summary, console=Console(file=out, force_terminal=True, width=150), total=40)
    assert progress.live
    for _ in range(10):
        summary.new += 1
        progress.update()
    progress.close()
    shown = out.getvalue()
    assert "10/40" in shown and "25%" in shown and "left" in shown
    assert "10 new, 0 duplicate, 0 failed" in shown


def test_duplicates_are_counted_and_listed_only_with_verbose(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'd.db'}"
    assert sitrep("ingest", "--db", db, str(KECH)).returncode == 0
    again = sitrep("ingest", "--db", db, str(KECH))
    assert again.returncode == 0
    assert "1 already stored" in again.stdout
    assert "already stored:" not in again.stdout + again.stderr  # counted, not listed
    verbose = sitrep("ingest", "-v", "--db", db, str(KECH))
    assert f"already stored: {KECH.name}" in verbose.stderr


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_during_ingest_says_what_was_kept_and_a_rerun_completes(
    many: Path, tmp_path: Path, workers: str
) -> None:
    interrupted_db, clean_db = tmp_path / "i.db", tmp_path / "c.db"
    command = [sys.executable, "-m", "sitrep", "ingest", "--workers", workers, str(many), "--db"]
    process = subprocess.Popen(
        [*command, f"sqlite:///{interrupted_db}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, signalled whole as a terminal's Ctrl-C is
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
        assert first.startswith("sitrep: progress: 25 of 114"), first
        os.killpg(process.pid, signal.SIGINT)
        stdout, stderr = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    match = re.search(r"sitrep: interrupted: (\d+) of 114 articles read \((\d+) new, ", stderr)
    assert match, stderr
    assert "the store is consistent: run the same command again to continue" in stderr
    read, new = int(match.group(1)), int(match.group(2))
    assert 25 <= read < 114
    stored_articles, _events = counts(interrupted_db)  # the store opens; every stored article is whole
    assert stored_articles == new
    assert stdout.startswith(f"ingested {read} articles")

    rerun = subprocess.run(
        [*command, f"sqlite:///{interrupted_db}"], capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{114 - new} new, 0 duplicates, {new} already stored" in rerun.stdout
    clean = subprocess.run([*command, f"sqlite:///{clean_db}"], capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    assert counts(interrupted_db) == counts(clean_db)  # nothing counted twice, nothing lost


# --- events: --limit, --sort, --format; tables at 80 columns ------------------------------------------------


def events_json(store: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["events", "--db", store, "-f", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["events"]


def test_events_sort_by_fatalities_descending_with_a_limit(store: str) -> None:
    every = events_json(store)
    best = [e["fatalities"]["best"] for e in events_json(store, "--sort", "-fatalities")]
    known = [b for b in best if b is not None]
    assert known == sorted(known, reverse=True) and best[: len(known)] == known  # no figure: last
    top = events_json(store, "--sort", "-fatalities", "--limit", "2")
    assert [e["fatalities"]["best"] for e in top] == best[:2]
    assert len(every) > 2


def test_events_sort_by_place_and_by_date_with_a_limit(store: str) -> None:
    places = [(e["place"] or {}).get("name") for e in events_json(store, "--sort", "place")]
    named = [p for p in places if p]
    assert named == sorted(named, key=str.casefold) and places[: len(named)] == named
    every = events_json(store)
    assert [e["id"] for e in events_json(store, "--limit", "3")] == [e["id"] for e in every[:3]]
    dates = [e["date"] for e in events_json(store, "--sort=-date") if e["date"]]
    assert dates == sorted(dates, reverse=True)


def test_events_as_csv_has_the_export_columns(store: str) -> None:
    result = CliRunner().invoke(
        app, ["events", "--db", store, "-f", "csv", "--limit", "4", "--sort", "-fatalities"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4
    assert {"id", "date", "actor1", "fatalities_best", "notes"} <= set(rows[0])
    assert rows[0]["id"] == events_json(store, "--sort", "-fatalities")[0]["id"]


def test_an_unknown_sort_key_is_a_usage_error(store: str) -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["events", "--db", store, "--sort", "size"])
    assert result.exit_code == 2
    assert "'size': sort by one of date, fatalities, place, actor, type" in result.output


def test_events_and_extract_tables_fit_80_columns_with_short_ids(store: str) -> None:
    every = events_json(store)
    table = narrow().invoke(app, ["events", "--db", store])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    long_id = next(e["id"] for e in every if len(e["id"]) > 18)
    assert short_id(long_id) in table.stdout and long_id not in table.stdout
    assert "…" in table.stdout
    wide = CliRunner(env={"COLUMNS": "1000"}).invoke(app, ["events", "--db", store, "--wide"])
    assert all(e["id"] in wide.stdout for e in every)  # --wide: every cell in full, the notes too
    assert "notes" in wide.stdout and "…" not in wide.stdout
    roomy = CliRunner(env={"COLUMNS": "400"}).invoke(app, ["events", "--db", store])
    assert all(e["id"] in roomy.stdout for e in every)  # where the full table fits, the full ids
    extract = narrow().invoke(app, ["extract", str(EXAMPLES)])
    assert extract.exit_code == 0
    assert all(len(line) <= 80 for line in extract.stdout.splitlines())


def test_a_short_id_keeps_the_date_and_the_event_number() -> None:
    assert short_id("2025-04-08_kech-herald_turbat-ied.txt#e1") == "2025-04-08_kec…#e1"
    assert len(short_id("2025-04-08_kech-herald_turbat-ied.txt#e12")) == 18
    assert short_id("feed-1#e2") == "feed-1#e2"


def test_claimant_and_actor_share_one_name_for_one_party() -> None:
    # The Kech report: "police" state the toll of an attack on the Frontier Corps, which the actor
    # dictionary files under the police forces: one party, shown by the actor's name in both tables.
    result = CliRunner(env={"COLUMNS": "250"}).invoke(app, ["extract", str(KECH)])
    assert result.exit_code == 0, result.output
    claims = [line for line in result.stdout.splitlines() if line.startswith(("c1 ", "c2 "))]
    assert claims and all("Police Forces of Pakistan Frontier Corps" in line for line in claims)
    assert "security_forces: police" not in result.stdout
    # The verification note shares the stance's cell (a column of its own did not fit 80 columns).
    assert "reported" in claims[0] and claims[0].rstrip().endswith("reported")
    meridian = CliRunner(env={"COLUMNS": "250"}).invoke(
        app, ["extract", str(EXAMPLES / "2025-03-12_meridian-wire_balochistan-attacks.txt")]
    )
    c1 = next(line for line in meridian.stdout.splitlines() if line.startswith("c1 "))
    assert c1.rstrip().endswith("reported, unverified")
    # A claimant who is no party to the events keeps its kind and name.
    other = CliRunner(env={"COLUMNS": "250"}).invoke(
        app, ["extract", str(EXAMPLES / "2025-03-13_bolan-ledger_balochistan-toll.html")]
    )
    assert "medical: hospital sources" in other.stdout
