"""Opening the database, its schema version, and one-line errors.

The URL comes from ``--db``, else ``SITREP_DB``, else ``sqlite:///sitrep.db`` in the working directory; any
SQLAlchemy URL works (``postgresql+psycopg://user:password@host/db`` for a team database). ``postgres://`` and
``postgresql://`` (the forms libpq, Heroku-style ``DATABASE_URL`` and most tools print) mean the same: sitrep
reads them with psycopg 3, its one PostgreSQL driver (``parse_url``).

SQLite runs in WAL mode (readers never block the writer) with ``synchronous=NORMAL`` (a committed transaction
survives a crash or kill of the process; only a power cut can lose the last ones) and a busy timeout
(``SITREP_DB_TIMEOUT`` seconds, default 10) before "database is locked" is reported. Write transactions take
the write lock when they begin (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so two ``sitrep
ingest`` runs on one database take turns article by article and each sees the other's events when merging.

Every failure the user can fix (locked, read-only, unreachable, wrong URL, schema from a newer sitrep) becomes
a ``StoreError`` whose message is one line.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from sitrep.errors import UnavailableError, optional_module
from sitrep.store.tables import Base

if TYPE_CHECKING:
    from alembic.config import Config

DEFAULT_URL = "sqlite:///sitrep.db"
DEFAULT_TIMEOUT_SECONDS = 10.0
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Execution option marking a connection whose transactions write (see the module docstring).
WRITE = "sitrep_write"
# Key of the PostgreSQL advisory lock that serialises writers (any fixed number; "sitrep" in ASCII).
_PG_WRITE_LOCK = 0x736974726570


class StoreError(UnavailableError):
    """A database problem the user can fix, described in one line."""


def database_url(option: str | None = None) -> str:
    """The URL to use: the ``--db`` option, else ``SITREP_DB``, else a ``sitrep.db`` file here."""
    return option or os.environ.get("SITREP_DB") or DEFAULT_URL


# The schemes PostgreSQL's own tools write, without a driver: SQLAlchemy 2 refuses "postgres" and reads
# "postgresql" with psycopg2, which sitrep does not install.
_POSTGRES_SCHEMES = ("postgres", "postgresql")


def parse_url(url: str) -> URL:
    """``url`` parsed, with ``postgres://`` and ``postgresql://`` given sitrep's driver (psycopg 3); a driver
    named explicitly (``postgresql+psycopg2://``) is kept. Raises ``StoreError`` when it is not a URL."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {url!r} (e.g. sqlite:///sitrep.db)") from None
    if parsed.drivername in _POSTGRES_SCHEMES:
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif parsed.drivername.startswith("postgres+"):
        parsed = parsed.set(drivername="postgresql" + parsed.drivername[len("postgres") :])
    return parsed


def shown(url: URL | str) -> str:
    """A URL as it may be printed: without its password."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except ArgumentError:
            return url
    return url.render_as_string(hide_password=True)


def timeout_seconds() -> float:
    value = os.environ.get("SITREP_DB_TIMEOUT")
    try:
        return float(value) if value else DEFAULT_TIMEOUT_SECONDS
    except ValueError:
        raise StoreError(f"SITREP_DB_TIMEOUT={value!r} is not a number of seconds") from None


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.database.startswith("file:"):  # URI form: the path up to the query
        return Path(url.database[5:].split("?", 1)[0])
    return Path(url.database)


def open_engine(url: str, *, must_exist: bool = False, connections: int | None = None) -> Engine:
    """An engine for ``url``. ``must_exist``: refuse a SQLite file that is not there (readers must not create
    an empty database by looking at it). ``connections``: how many it may hold open at once (a server gives
    one to each request thread; default SQLAlchemy's 5 + 10)."""
    parsed = parse_url(url)
    timeout = timeout_seconds()
    path = sqlite_path(parsed)
    if path is not None and must_exist and not path.is_file():
        raise StoreError(f"no database at {path}: create it with `sitrep ingest` or `sitrep db upgrade`")
    connect_args: dict[str, object] = {}
    if parsed.get_backend_name() == "sqlite":
        connect_args["timeout"] = timeout
    elif parsed.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = max(1, round(timeout))
    # The driver the postgres extra installs (read from the URL's name: asking SQLAlchemy would load the dialect).
    if parsed.drivername.partition("+")[2] == "psycopg":
        optional_module("psycopg", "postgres", "PostgreSQL (postgresql+psycopg://)")
    try:
        pool = (
            {} if connections is None else {"pool_size": connections // 2, "max_overflow": connections // 2}
        )
        engine = create_engine(parsed, connect_args=connect_args, **pool)
    except NoSuchModuleError:
        raise StoreError(f"unknown kind of database in URL {shown(parsed)!r}") from None
    except (ArgumentError, ImportError) as error:
        raise StoreError(f"cannot use database URL {shown(parsed)!r}: {_first_line(error)}") from None
    if engine.dialect.name == "sqlite":
        _set_up_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        _set_up_postgresql(engine, timeout)
    return engine


def _set_up_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # pysqlite's own transaction handling starts transactions late and never for DDL; sitrep emits BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        with contextlib.suppress(
            sqlite3.OperationalError
        ):  # a read-only file keeps its mode; reads still work
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        writes = connection.get_execution_options().get(WRITE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _set_up_postgresql(engine: Engine, timeout: float) -> None:
    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE):
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {round(timeout * 1000)}")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")


def writing(connection: Connection) -> Connection:
    """``connection`` with its transactions taking the write lock when they begin."""
    return connection.execution_options(**{WRITE: True})


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0].strip() if text else type(error).__name__


def describe_error(error: BaseException, url: URL) -> str:
    """One line saying what went wrong with the database at ``url``."""
    message = _first_line(error)
    lowered = message.lower()
    where = str(sqlite_path(url) or shown(url))
    if "database is locked" in lowered or "lock timeout" in lowered or "database table is locked" in lowered:
        return f"database is locked by another process (waited {timeout_seconds():g} s): {where}"
    if "readonly" in lowered or "read-only" in lowered:
        return f"database is read-only: {where}"
    if "unable to open database file" in lowered:
        return f"cannot open database file {where} (missing directory or no permission)"
    if "file is not a database" in lowered:
        return f"not a SQLite database: {where}"
    if isinstance(error, DBAPIError) and error.connection_invalidated or "connection" in lowered:
        return f"cannot connect to the database at {shown(url)}: {message}"
    return f"database error at {where}: {message}"


@contextlib.contextmanager
def reported(url: URL) -> Iterator[None]:
    """Turns database exceptions inside the block into a one-line ``StoreError``."""
    try:
        yield
    except StoreError:
        raise
    except (SQLAlchemyError, sqlite3.Error, OSError) as error:
        raise StoreError(describe_error(error, url)) from error


def ensure_writable(engine: Engine) -> None:
    """Refuse a SQLite file (or its directory, where the WAL lives) the user cannot write, before any work."""
    path = sqlite_path(engine.url)
    if path is None:
        return
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(f"database is read-only: {path}")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise StoreError(f"cannot create database {path}: no directory {directory}")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise StoreError(f"database directory is read-only: {directory}")


# --- schema version -----------------------------------------------------------------------------------------


# The migrations' revisions, oldest first. Reading a store's schema version needs only these, not Alembic
# (whose import is most of a light command's start-up); Alembic runs the migrations. A new migration adds its
# revision here: tests/test_store.py checks this list against the migration scripts.
REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
)


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config  # only to migrate: see REVISIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this sitrep knows."""
    return REVISIONS[-1]


def current_revision(connection: Connection) -> str | None:
    """The database's schema revision; None where sitrep has never set one up."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _check_revision(revision: str | None, connection: Connection, url: URL) -> None:
    where = str(sqlite_path(url) or shown(url))
    if revision is None:
        ours = set(Base.metadata.tables) & set(inspect(connection).get_table_names())
        if ours:
            raise StoreError(
                f"{where} has sitrep tables ({', '.join(sorted(ours))}) but no schema version: "
                "refusing to touch it"
            )
        return
    if revision not in REVISIONS:
        raise StoreError(
            f"{where} has schema revision {revision!r}, newer than this sitrep knows (newest: "
            f"{head_revision()!r}): upgrade sitrep"
        )


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Apply the migrations the database lacks, up to ``revision`` (default: the newest); returns the revisions
    before and after. Existing data is kept: migrations only ever alter; a database from a newer sitrep is
    refused."""
    target = head_revision() if revision == "head" else revision
    # The write lock is taken before looking, so two upgrades never race.
    with reported(engine.url), writing(engine.connect()) as connection, connection.begin():
        before = current_revision(connection)
        _check_revision(before, connection, engine.url)
        if before != target:
            from alembic import command

            command.upgrade(_alembic_config(connection), target)
        after = current_revision(connection)
    assert after is not None
    return before, after


def current_schema(engine: Engine) -> tuple[str | None, str]:
    """The database's schema revision (None: no sitrep schema yet) and the newest this sitrep knows; refuses
    a database with sitrep tables but no revision, or a revision from a newer sitrep."""
    with reported(engine.url), engine.connect() as connection:
        revision = current_revision(connection)
        _check_revision(revision, connection, engine.url)
    return revision, head_revision()


def require_schema(engine: Engine, *, create: bool) -> None:
    """Check the database is at this sitrep's schema revision. ``create``: set up a database that has no sitrep
    schema yet (an empty file, a new PostgreSQL database). Never recreates or upgrades an existing one."""
    with reported(engine.url), engine.connect() as connection:
        revision = current_revision(connection)
        _check_revision(revision, connection, engine.url)
    if revision is None and create:
        upgrade(engine)
        return
    where = str(sqlite_path(engine.url) or shown(engine.url))
    if revision is None:
        raise StoreError(f"{where} is not a sitrep database yet: run `sitrep db upgrade` or `sitrep ingest`")
    if revision != head_revision():
        raise StoreError(
            f"{where} has schema revision {revision!r}, older than this sitrep's {head_revision()!r}: "
            "run `sitrep db upgrade`"
        )
