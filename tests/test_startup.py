"""Start-up: ``sitrep --help`` and the light commands load only what they need.

Each command runs in a fresh process under ``python -X importtime``, which lists every module the process
imported; the heavy libraries (spaCy, numpy, pandas, pyarrow, dask, scipy) must not be among them. This
asserts what is imported, not how long it takes: the time is measured in bench/bench_startup.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = frozenset({"spacy", "numpy", "pandas", "pyarrow", "dask", "scipy"})


def imported(*args: str) -> set[str]:
    """The top-level packages ``python -m sitrep ARGS`` imported (it must succeed)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "sitrep", *args],
        capture_output=True,
        text=True,
        timeout=300,  # a safety against a hang only: the command takes a fraction of a second
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # Lines read "import time: <self us> | <cumulative us> | <indent><module>".
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    modules.discard("imported package")  # the header line
    assert "sitrep.cli" in modules  # the listing is real: the command line itself is in it
    return {name.split(".")[0] for name in modules}


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('startup')) / 'fresh.db'}"
    subprocess.run([sys.executable, "-m", "sitrep", "db", "upgrade", "--db", url], check=True, timeout=300)
    return url


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["events", "--help"],
        ["export", "--help"],
        ["extract", "--help"],
        ["ingest", "--help"],
        ["db", "--help"],
    ],
    ids=" ".join,
)
def test_help_imports_no_heavy_library(args: list[str]) -> None:
    assert imported(*args) & HEAVY == set()


@pytest.mark.parametrize(
    "args",
    [["db", "current"], ["events"], ["events", "--json"], ["export", "--format", "csv"]],
    ids=" ".join,
)
def test_light_commands_import_no_heavy_library(args: list[str], fresh_db: str) -> None:
    assert imported(*args, "--db", fresh_db) & HEAVY == set()


def test_the_heavy_libraries_are_still_there_when_needed(fresh_db: str, tmp_path: Path) -> None:
    # The check can fail: a Parquet export does load pyarrow, and it shows in the listing.
    out = tmp_path / "events.parquet"
    assert "pyarrow" in imported("export", "--format", "parquet", "--db", fresh_db, "--out", str(out))
    assert out.stat().st_size > 0
