"""``sitrep demo`` (the README's first command) and the serving it ends with: the examples ingested into a real
SQLite store, counted once however often it runs; the server announces its URL only once the port is its own,
and says in one line when the dashboard's libraries are missing."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.api import server
from sitrep.cli import app
from sitrep.cli.demo import EXAMPLES
from tests.conftest import EXAMPLE_ARTICLES, REPO


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A loopback port another server listens on."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


def _holds(output: str) -> tuple[int, int, int]:
    found = re.search(r"now holds (\d+) articles, (\d+) events and (\d+) claims", output)
    assert found, output
    articles, events, claims = map(int, found.groups())
    return articles, events, claims


def test_demo_ingests_the_examples_once_however_often_it_runs(tmp_path: Path) -> None:
    runner = CliRunner()
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    first = runner.invoke(app, ["demo", "--no-serve", "--db", url])
    assert first.exit_code == 0, first.output
    articles, events, claims = _holds(first.stdout)
    assert articles == EXAMPLE_ARTICLES and events > 0 and claims > events // 2
    assert f"read {EXAMPLE_ARTICLES} example articles ({EXAMPLE_ARTICLES} new)" in first.stdout
    assert str(tmp_path / "demo.db") in first.stdout, "where the store is"
    assert f"sitrep events --db {url}" in first.stdout and f"sitrep serve --db {url}" in first.stdout
    assert "serving" not in first.stdout

    again = runner.invoke(app, ["demo", "--no-serve", "--db", url])
    assert again.exit_code == 0, again.output
    assert f"(0 new, {EXAMPLE_ARTICLES} already stored)" in again.stdout
    assert _holds(again.stdout) == (articles, events, claims)


def test_the_examples_are_packaged_and_the_repository_path_points_at_them() -> None:
    assert (EXAMPLES / "README.md").is_file() and EXAMPLES.parent.name == "sitrep"
    assert (REPO / "examples").resolve() == EXAMPLES.resolve()


def test_demo_on_a_busy_port_says_so_after_ingesting(tmp_path: Path, busy_port: int) -> None:
    result = CliRunner().invoke(
        app, ["demo", "--db", f"sqlite:///{tmp_path / 'd.db'}", "--port", str(busy_port)]
    )
    assert result.exit_code == 1
    assert f"now holds {EXAMPLE_ARTICLES} articles" in result.stdout and "serving" not in result.stdout
    assert (
        f"sitrep: error: port {busy_port} is in use on 127.0.0.1: choose another with --port" in result.stderr
    )


def test_serve_warns_in_one_line_when_the_dashboard_libraries_are_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A web folder without static/vendor, as in a source tree that skipped the build.
    monkeypatch.setattr(server, "WEB_DIR", tmp_path / "web")
    warning = server.missing_libraries_warning()
    assert warning is not None and warning.startswith("warning: the dashboard's libraries are missing")
    assert "\n" not in warning and "python sitrep/web/vendor.py" in warning


def test_serve_says_nothing_of_the_libraries_when_they_are_there() -> None:
    if not (server.WEB_DIR / "static" / "vendor" / "versions.json").is_file():
        pytest.skip("the dashboard's libraries are not built here (pip install -e . builds them)")
    assert server.missing_libraries_warning() is None
