from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.events.actors import ActorDictionary, load_actors
from tests.web_server import FixtureServer
from tests.web_server import start as start_web_server

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
EXAMPLE_ARTICLES = 5  # four in English, one in Urdu (examples/README.md)
DEVSET = REPO / "tests" / "devset"
SHARED_DEV = REPO.parent / "shared" / "data" / "dev"


def _every_test_must_run() -> bool:
    """``.ci/run`` sets SITREP_TEST_ALL (and CI systems set CI): there a skipped test is a missing part of the
    machine (PostgreSQL, Chromium, ../shared, a capability), which must fail the run rather than pass quietly."""
    return bool(os.environ.get("SITREP_TEST_ALL") or os.environ.get("CI"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") and _every_test_must_run():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped where every test must run (SITREP_TEST_ALL or CI is set): {reason}"


@pytest.fixture(autouse=True)
def _no_user_actor_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped actor dictionary only: an analyst's ``SITREP_ACTORS`` in the environment changes no test."""
    monkeypatch.delenv("SITREP_ACTORS", raising=False)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actors()


@pytest.fixture
def shared_dev() -> Path:
    """The shared dev data folder; tests that need it skip where it is absent (a user's machine)."""
    if not SHARED_DEV.is_dir():
        pytest.skip(f"dev data not available at {SHARED_DEV}")
    return SHARED_DEV


# --- event store: every store test runs on SQLite and on PostgreSQL, each on a database of its own ----------


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database. PostgreSQL: a fresh schema in the database at ``SITREP_TEST_PG_URL``
    (``.ci/run`` starts one); skipped where that is unset (a failure where every test must run)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'sitrep.db'}"
        return
    base = os.environ.get("SITREP_TEST_PG_URL")
    if not base:
        pytest.skip(
            "PostgreSQL store tests: set SITREP_TEST_PG_URL=postgresql+psycopg://user:pw@host:port/db"
        )
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"sitrep_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


# --- a real HTTP server on loopback (tests/web_server.py), one per test module --------------------------------


@pytest.fixture(scope="module")
def _web_server() -> Iterator[FixtureServer]:
    server = start_web_server("127.0.0.1")
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def server(_web_server: FixtureServer) -> Iterator[FixtureServer]:
    """The loopback server, its request log empty and its extra routes reset after the test."""
    _web_server.seen.clear()
    yield _web_server
    _web_server.routes.clear()
