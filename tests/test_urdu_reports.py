"""The team-written Urdu check set (``tests/fixtures/ur_reports/``: fiction with gold, written blind to the
Urdu reader): the figures the README reports for each half, held as floors, so that a rule that helps one report
and harms others shows here. Half A was read for errors; half B never is."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.evaluate.records import evaluate_file

REPORTS = Path(__file__).parent / "fixtures" / "ur_reports" / "reports.jsonl"

# half → (claims precision, claims recall, event district recall), as the README reports them
FLOORS = {"A": (0.94, 0.98, 0.95), "B": (0.80, 0.82, 0.90)}


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_the_readme_figures_hold(half: str) -> None:
    metrics = evaluate_file("realnews", REPORTS, examples=0, half=half).metrics()
    precision, recall, district = FLOORS[half]
    assert metrics["claims_precision_accuracy"] >= precision
    assert metrics["claims_recall_accuracy"] >= recall
    assert metrics["district_recall_accuracy"] >= district
