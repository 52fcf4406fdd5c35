"""``sitrep ingest`` and ``sitrep db`` as a user runs them: the database problems a user can fix each give one
line on standard error, exit code 1 and no write; an existing database keeps its data through an upgrade."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from sitrep.store import open_engine
from sitrep.store.db import head_revision
from sitrep.store.tables import Base
from tests.commands import sitrep
from tests.conftest import EXAMPLES
from tests.privileges import without_root_powers

MAKRAN = EXAMPLES / "feed.jsonl"
KECH = EXAMPLES / "2025-04-08_kech-herald_turbat-ied.txt"
# The store's own tables (other modules add theirs to the same metadata).
TABLES = ["articles", "places", "campaigns", "events", "claims", "event_articles", "campaign_articles"]


def assert_one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sitrep: error: ") and "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def seed(url: str, *inputs: Path) -> None:
    """Set up a database in this process (quicker than a command); the command under test runs as a user's."""
    from sitrep.jobs.ingest import ingest

    engine = open_engine(url)
    try:
        summary = ingest([str(i) for i in inputs], engine)
        assert summary.new == len(inputs)
    finally:
        engine.dispose()


def snapshot(url: str) -> dict[str, object]:
    """Row counts of every table, the schema revision and the latest event change: what a write would move."""
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            state: dict[str, object] = {
                t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES
            }
            state["revision"] = connection.execute(
                text("SELECT version_num FROM alembic_version")
            ).scalar_one()
            state["updated"] = connection.execute(text("SELECT max(updated_at) FROM events")).scalar_one()
        return state
    finally:
        engine.dispose()


def test_ingest_creates_the_database_and_db_current_reports_it(store_url: str) -> None:
    result = sitrep("ingest", str(MAKRAN), "--db", store_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("ingested 1 articles: 1 new, 0 duplicates")
    current = sitrep("db", "current", "--db", store_url)
    assert current.returncode == 0, current.stderr
    assert f"revision {head_revision()} (up to date)" in current.stdout
    again = sitrep("ingest", "-v", str(MAKRAN), "--db", store_url)  # -v: each one listed, on stderr
    assert "already stored: makran-dispatch-2025-03-15-balochistan-toll" in again.stderr
    assert "0 new, 0 duplicates, 1 already stored, 0 failed" in again.stdout


def test_database_url_from_environment_then_default_file(tmp_path: Path) -> None:
    from_env = tmp_path / "from-env.db"
    result = sitrep("ingest", str(MAKRAN), env={"SITREP_DB": f"sqlite:///{from_env}"})
    assert result.returncode == 0, result.stderr
    assert from_env.is_file()
    result = subprocess.run(
        [sys.executable, "-m", "sitrep", "ingest", str(MAKRAN)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "SITREP_DB"},
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sitrep.db").is_file()


def test_db_upgrade_keeps_the_data(store_url: str) -> None:
    created = sitrep("db", "upgrade", "--db", store_url)
    assert created.returncode == 0, created.stderr
    assert f"upgraded from empty to revision {head_revision()}" in created.stdout
    seed(store_url, MAKRAN, KECH)
    before = snapshot(store_url)
    assert before["articles"] == 2 and before["claims"] > 0
    upgraded = sitrep("db", "upgrade", "--db", store_url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"already at revision {head_revision()}" in upgraded.stdout
    assert snapshot(store_url) == before


def write_at_revision(url: str, revision: str, inputs: list[Path], scratch: Path) -> None:
    """Data as a database at an older schema revision holds it. Today's writer only fits today's tables, so the
    articles are stored in a scratch database at the newest revision and copied, table by table, into ``url``
    upgraded to ``revision`` alone: columns added since are left behind, as the older sitrep never wrote them."""
    from sqlalchemy import MetaData, select

    from sitrep.store.db import upgrade

    source_url = f"sqlite:///{scratch / 'newest.db'}"
    seed(source_url, *inputs)
    target, source = open_engine(url), open_engine(source_url)
    try:
        assert upgrade(target, revision) == (None, revision)
        old = MetaData()
        old.reflect(target)
        with source.connect() as reading, target.begin() as writing:
            for table in old.sorted_tables:
                if table.name not in Base.metadata.tables or table.name == "alembic_version":
                    continue
                newest = Base.metadata.tables[table.name]
                columns = [newest.c[c.name] for c in table.columns]
                rows = [dict(row._mapping) for row in reading.execute(select(*columns))]
                if rows:
                    writing.execute(table.insert(), rows)
                if target.dialect.name == "postgresql" and "id" in table.c:
                    # Rows came with their ids: move the id sequence past them, as the writer's inserts would.
                    writing.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), max(id)) FROM {table.name}"
                        )
                    )
    finally:
        target.dispose()
        source.dispose()


def test_db_upgrade_from_the_first_revision_keeps_the_data(store_url: str, tmp_path: Path) -> None:
    """A database created by the first release, with data, upgraded by the command to the newest schema."""
    write_at_revision(store_url, "0001", [MAKRAN, KECH], tmp_path)
    before = snapshot(store_url)
    result = sitrep("db", "upgrade", "--db", store_url)
    assert result.returncode == 0, result.stderr
    if head_revision() == "0001":
        assert "already at revision 0001" in result.stdout
    else:
        assert f"upgraded from 0001 to revision {head_revision()}" in result.stdout
    after = snapshot(store_url)
    assert after.pop("revision") == head_revision()
    before.pop("revision")
    assert after == before
    assert (
        sitrep(
            "ingest", str(EXAMPLES / "2025-03-13_bolan-ledger_balochistan-toll.html"), "--db", store_url
        ).returncode
        == 0
    )


def test_newer_schema_revision_is_refused_and_nothing_written(store_url: str) -> None:
    seed(store_url, MAKRAN)
    engine = open_engine(store_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_a_newer_sitrep'"))
    engine.dispose()
    before = snapshot(store_url)
    for command in (["ingest", str(KECH)], ["db", "upgrade"], ["db", "current"]):
        result = sitrep(*command, "--db", store_url)
        assert_one_line_error(result, "9999_from_a_newer_sitrep", "newer", "upgrade sitrep")
    assert snapshot(store_url) == before


def test_sitrep_tables_without_a_version_are_not_recreated(store_url: str) -> None:
    engine = open_engine(store_url)
    Base.metadata.create_all(engine)  # tables, but no alembic_version: not a database sitrep set up
    engine.dispose()
    result = sitrep("ingest", str(MAKRAN), "--db", store_url)
    assert_one_line_error(result, "no schema version", "refusing")
    engine = open_engine(store_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM articles")).scalar_one() == 0
    engine.dispose()


def test_locked_database(store_url: str) -> None:
    seed(store_url, MAKRAN)
    before = snapshot(store_url)
    backend = make_url(store_url).get_backend_name()
    if backend == "sqlite":
        path = make_url(store_url).database
        holder_code = (
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({path!r}, isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\nsys.stdin.read()\n"
        )
    else:
        holder_code = (
            "import sys\nfrom sqlalchemy import create_engine, text\n"
            f"c = create_engine({store_url!r}).connect()\n"
            "c.execute(text('SELECT pg_advisory_lock(:k)'), {'k': 0x736974726570})\n"
            "print('locked', flush=True)\nsys.stdin.read()\n"
        )
    holder = subprocess.Popen(
        [sys.executable, "-c", holder_code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        # Held forever by the other process: only the 0.5 s lock timeout can end this (``sitrep``'s own
        # subprocess timeout turns a hang into a failure).
        result = sitrep("ingest", str(KECH), "--db", store_url, env={"SITREP_DB_TIMEOUT": "0.5"})
    finally:
        holder.communicate("")
    assert_one_line_error(result, "locked")
    assert snapshot(store_url) == before


def test_read_only_database_file(tmp_path: Path) -> None:
    directory = tmp_path / "ro"
    directory.mkdir()
    database = directory / "sitrep.db"
    url = f"sqlite:///{database}"
    seed(url, MAKRAN)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    database.chmod(0o444)
    try:
        result = sitrep("ingest", str(KECH), "--db", url, prefix=without_root_powers())
        assert_one_line_error(result, "read-only", str(database))
        directory.chmod(0o555)  # the file writable, its directory (where the WAL goes) not
        database.chmod(0o644)
        result = sitrep("ingest", str(KECH), "--db", url, prefix=without_root_powers())
        assert_one_line_error(result, "read-only", str(directory))
    finally:
        directory.chmod(0o755)
        database.chmod(0o644)
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in directory.iterdir()) == ["sitrep.db"]


def test_database_that_refuses_writes(store_url: str) -> None:
    """Read-only as the database itself reports it: SQLite opened read-only, a read-only PostgreSQL session."""
    seed(store_url, MAKRAN)
    before = snapshot(store_url)
    url = make_url(store_url)
    if url.get_backend_name() == "sqlite":
        read_only = f"sqlite:///file:{url.database}?mode=ro&uri=true"
    else:
        options = url.query["options"] + " -cdefault_transaction_read_only=on"
        read_only = url.update_query_dict({"options": options}).render_as_string(hide_password=False)
    result = sitrep("ingest", str(KECH), "--db", read_only)
    assert_one_line_error(result, "read-only")
    assert snapshot(store_url) == before


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql+psycopg://nobody:secret@127.0.0.1:1/nothing", ("cannot connect", "***")),
        ("not a url", ("not a database URL",)),
        ("nosuchdb://host/db", ("unknown kind of database",)),
        ("sqlite:////no/such/directory/sitrep.db", ("no directory",)),
    ],
)
def test_wrong_or_unreachable_url(url: str, words: tuple[str, ...], tmp_path: Path) -> None:
    result = sitrep("ingest", str(MAKRAN), "--db", url)
    assert_one_line_error(result, *words)
    assert "secret" not in result.stderr, "passwords are never printed"
    assert not Path("/no/such/directory").exists()


def test_db_current_does_not_create_a_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = sitrep("db", "current", "--db", f"sqlite:///{missing}")
    assert_one_line_error(result, "no database at")
    assert not missing.exists()


def test_bad_input_lines_are_reported_and_the_rest_stored(store_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(MAKRAN.read_text() + "{not json\n" + '{"id": "no-text"}\n', encoding="utf-8")
    result = sitrep("ingest", str(feed), str(tmp_path / "missing.txt"), "--db", store_url)
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("sitrep: error: ") for line in errors)
    assert "1 new, 0 duplicates, 0 already stored, 3 failed" in result.stdout
    assert snapshot(store_url)["articles"] == 1
