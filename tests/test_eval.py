"""``sitrep eval``: metrics on small fixtures written by the team, and on the dev data when it is present."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.evaluate import evaluate_file
from tests.conftest import DEVSET, REPO

FIXTURES = REPO / "tests" / "fixtures" / "eval"


def sitrep_eval(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", "eval", *args], capture_output=True, text=True, timeout=300
    )


def test_acled_fixture_json_metrics() -> None:
    result = sitrep_eval(
        "acled", str(FIXTURES / "conflict_events_small.csv"), "--strip-coder-notes", "--json"
    )
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)
    assert metrics["records"] == 3
    assert metrics["sub_event_type_accuracy"] == 1.0
    # "dozens" claimed by the attackers alone: ACLED's reading, 12
    assert metrics["fatalities_exact_accuracy"] == 1.0
    assert metrics["admin2_accuracy"] == 1.0
    assert 0.0 <= metrics["named_actor_accuracy"] <= 1.0


def test_coder_notes_matter() -> None:
    stripped = evaluate_file("acled", FIXTURES / "conflict_events_small.csv", strip_coder_notes=True)
    raw = evaluate_file("acled", FIXTURES / "conflict_events_small.csv")
    assert stripped.records == raw.records == 3
    assert stripped.fields["admin2"].accuracy == 1.0


def test_gtd_fixture_skips_unknown_values() -> None:
    metrics = evaluate_file("gtd", FIXTURES / "terrorism_incidents_small.csv").metrics()
    assert metrics["nkill_exact_scored"] == 1  # -9 is unknown, not zero
    assert metrics["nkill_exact_accuracy"] == 1.0
    assert metrics["nhostkid_exact_accuracy"] == 1.0
    assert metrics["attacktype_accuracy"] == 1.0
    assert metrics["claimed_accuracy"] == 1.0
    assert metrics["gname_scored"] == 1


def test_ucdp_fixture() -> None:
    metrics = evaluate_file("ucdp", FIXTURES / "ucdp_small.csv").metrics()
    assert metrics["records"] == 3
    assert metrics["best_exact_accuracy"] == 1.0
    assert metrics["adm_2_accuracy"] == 1.0


def test_jsonl_is_the_devset_format() -> None:
    metrics = evaluate_file("jsonl", DEVSET / "sentences.jsonl").metrics()
    assert metrics["records"] >= 60 and 0.9 <= metrics["precision"] <= 1.0


def test_bad_file_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b\n1,2\n")
    result = sitrep_eval("acled", str(tmp_path / "x.csv"))
    assert result.returncode == 1
    assert result.stderr.strip().startswith("sitrep: error:") and "no 'notes' column" in result.stderr
    assert "Traceback" not in result.stderr
    result = sitrep_eval("nonsense", str(tmp_path / "x.csv"))
    assert result.returncode == 1 and "unknown format" in result.stderr


def test_acled_dev_data(shared_dev: Path) -> None:
    metrics = evaluate_file(
        "acled", shared_dev / "acled_balochistan_2020_2022.csv", strip_coder_notes=True
    ).metrics()
    # the figures the README reports, as floors
    assert metrics["sub_event_type_accuracy"] >= 0.85
    assert metrics["fatalities_exact_accuracy"] >= 0.90
    assert metrics["named_actor_accuracy"] >= 0.93


@pytest.mark.parametrize("fmt", ["acled", "ucdp"])
def test_dev_data_through_the_cli(shared_dev: Path, fmt: str) -> None:
    name = {"acled": "acled_balochistan_2020_2022.csv", "ucdp": "ucdp_ged_pakistan.csv"}[fmt]
    result = sitrep_eval(fmt, str(shared_dev / name), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["records"] > 600
