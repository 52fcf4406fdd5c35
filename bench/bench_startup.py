"""How long the command line takes to start: ``sitrep --help`` and the light commands against a bare
``python -c pass``, each run as a fresh process, in turn, several times; prints each command's median
wall-clock seconds and its median ratio to ``python -c pass`` (ratios taken run by run, so a machine that
speeds up or slows down during the benchmark does not skew them). The target is 10x or less.

    python bench/bench_startup.py [--runs 15]

tests/test_startup.py checks which libraries these commands import (none of the heavy ones); this measures
the time, which depends on the machine and its load, so it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    # Run from the repository: ``-m`` puts the working folder first on the path, so this tree's sitrep runs.
    subprocess.run(
        command, env=env, cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    sitrep = [sys.executable, "-m", "sitrep"]
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{Path(folder) / 'fresh.db'}"
        subprocess.run(
            [*sitrep, "db", "upgrade", "--db", db], env=env, cwd=REPO, check=True, capture_output=True
        )
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "sitrep --help": [*sitrep, "--help"],
            "sitrep events --help": [*sitrep, "events", "--help"],
            "sitrep db current (fresh SQLite)": [*sitrep, "db", "current", "--db", db],
            "sitrep events (fresh SQLite)": [*sitrep, "events", "--db", db],
            "sitrep export -f csv (fresh SQLite)": [*sitrep, "export", "--format", "csv", "--db", db],
        }
        for command in commands.values():  # warm the file cache
            seconds(command, env)
        times: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, command in commands.items():
                times[label].append(seconds(command, env))
    base = times["python -c pass"]
    for label, runs in times.items():
        ratio = statistics.median(run / bare for run, bare in zip(runs, base, strict=True))
        print(f"{label:<38} median {statistics.median(runs) * 1000:6.0f} ms   {ratio:5.1f}x python -c pass")


if __name__ == "__main__":
    main()
