"""The optional parts (extras) used without their library: one line naming the extra to install, exit code 1,
no traceback, nothing written. Each runs ``sitrep`` in a process of its own where the library cannot be
imported (``sys.modules[name] = None``: Python's import fails there exactly as when it is not installed); the
API's Parquet download does the same in this process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sitrep.api.app import create_app
from sitrep.cli import app
from tests.conftest import EXAMPLES

HIDDEN = """
import sys
sys.modules[{module!r}] = None
from sitrep.cli import main
sys.argv = ["sitrep", *{args!r}]
main()
"""


def _without(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", HIDDEN.format(module=module, args=list(args))],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _one_line(result: subprocess.CompletedProcess[str], extra: str, purpose: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"sitrep: error: {purpose} needs the {extra} extra: pip install 'sitrep[{extra}]'"
    ]


@pytest.fixture
def store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'sitrep.db'}"
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", url])
    assert result.exit_code == 0, result.output
    return url


def test_parquet_export_without_pyarrow(store: str, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    result = _without("pyarrow", "export", "--format", "parquet", "--db", store, "--out", str(out))
    _one_line(result, "parquet", "Parquet export")
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "sitrep.db"], "nothing written"


def test_the_other_exports_need_no_pyarrow(store: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = _without("pyarrow", "export", "--format", "acled", "--db", store, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("event_id_cnty,")


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_dask_without_dask(command: str, store: str) -> None:
    args = [command, "--dask", "tcp://127.0.0.1:9", str(EXAMPLES / "feed.jsonl")]
    result = _without("dask", *args, *(["--db", store] if command == "ingest" else []))
    _one_line(result, "dask", "--dask (extraction on a Dask cluster)")


def test_postgresql_without_psycopg() -> None:
    result = _without("psycopg", "db", "current", "--db", "postgresql+psycopg://sitrep:pw@127.0.0.1:9/sitrep")
    _one_line(result, "postgres", "PostgreSQL (postgresql+psycopg://)")


@pytest.fixture
def api(store: str) -> Iterator[TestClient]:
    with TestClient(create_app(store, token_digests=[])) as client:
        yield client


def test_parquet_download_without_pyarrow(api: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, module, None)
    answer = api.get("/api/export/parquet")
    assert answer.status_code == 501
    assert answer.json() == {
        "detail": "Parquet export needs the parquet extra: pip install 'sitrep[parquet]'"
    }
    assert api.get("/api/export/csv").status_code == 200
