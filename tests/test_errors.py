"""One error base: every problem a user can fix carries its exit code and HTTP status, and each surface
translates it in one place."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sitrep.api.security import TokenError
from sitrep.errors import SitrepError
from sitrep.evaluate.realnews import RealNewsInputError
from sitrep.evaluate.records import EvalInputError
from sitrep.store.db import StoreError
from sitrep.store.review import ReviewConflict, ReviewError, ReviewNotFound


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (StoreError, 503),
        (ReviewNotFound, 404),
        (ReviewConflict, 409),
        (ReviewError, 422),
        (EvalInputError, 422),
        (RealNewsInputError, 422),
        (TokenError, 422),
    ],
)
def test_each_problem_carries_its_status_and_exit_code(error: type[SitrepError], status: int) -> None:
    problem = error("what was wrong")
    assert isinstance(problem, SitrepError)
    assert (problem.http_status, problem.exit_code) == (status, 1)


def test_the_command_line_says_a_store_problem_in_one_line(tmp_path) -> None:
    missing = tmp_path / "nowhere" / "sitrep.db"
    result = subprocess.run(
        [sys.executable, "-m", "sitrep", "events", "--db", f"sqlite:///{missing}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("sitrep: error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
