"""``sitrep eval realnews`` / ``gva`` and the fixed A/B halves: the scorer on hand-built results, the CLI on the
team's fixture, and the dev files when present (half A and B figures side by side)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sitrep.evaluate.halves import half_of
from sitrep.evaluate.realnews import best_pairs, score_realnews
from sitrep.evaluate.records import evaluate_file
from sitrep.evaluate.report import Record, Report
from sitrep.model import ArticleMeta, Claim, Claimant, Count, Event, ExtractResult, Figure, Place
from tests.conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "eval" / "realnews_small.jsonl"


def _claim(cid: str, outcome: str, victim: str, low: int, kind: str) -> Claim:
    return Claim(
        id=cid, outcome=outcome, victim=victim, count=Count(low=low, high=low, text=str(low)),
        claimant=Claimant(kind=kind), stance="reported", quote=f"quote of {cid}", start=0, end=1,
    )  # fmt: skip


def _place(pid: str, name: str, admin2: str | None, kind: str = "town") -> Place:
    return Place(id=pid, name=name, text=name, admin1="Balochistan", admin2=admin2, kind=kind, start=0, end=1)


def _gold_claim(
    outcome: str, victim: str, low: int, kinds: list[str], optional: bool = False
) -> dict[str, Any]:
    gold = {"what": f"{low} {outcome}", "outcome": [outcome], "victim": [victim], "low": [low]}
    return {**gold, "high": [low, None], "kind": kinds, **({"optional": True} if optional else {})}


def _gold_event(
    district: str, low: int | None, official: int | None, actor: str | None = None
) -> dict[str, Any]:
    return {
        "district": district, "province": "Balochistan", "date": None, "actor1": actor, "claimed_by": [],
        "sub_event_type": "Attack", "killed_official": official, "killed_low": low, "killed_high": low,
    }  # fmt: skip


def test_halves_are_fixed_by_id_and_balanced() -> None:
    assert [half_of(i) for i in ("team-rn-1", "team-rn-2")] == ["A", "B"]
    share = sum(half_of(f"item-{n}") == "A" for n in range(2000)) / 2000
    assert 0.45 < share < 0.55


def test_best_pairs_finds_the_maximum_where_greedy_would_not() -> None:
    # Greedy would give left 0 the first right item it fits and leave left 1 with nothing.
    pairs = best_pairs([{"a", "b"}, {"a"}], ["a", "b"], lambda left, right: right in left)
    assert pairs == {0: 1, 1: 0}


def test_claims_optional_gold_excuses_but_is_never_missed() -> None:
    claims = [
        _claim("c1", "killed", "security_forces", 3, "government"),  # required, right claimant
        _claim("c2", "killed", "militants", 9, "armed_group"),  # matches an optional background figure
        _claim("c3", "injured", "civilians", 4, "none"),  # nothing in the gold
        _claim("c4", "injured", "security_forces", 2, "none"),  # right figure, wrong claimant
    ]
    gold = {
        "claims": [
            _gold_claim("killed", "security_forces", 3, ["government"]),
            _gold_claim("injured", "security_forces", 2, ["security_forces"]),
            _gold_claim("killed", "militants", 9, ["armed_group"], optional=True),
            _gold_claim("killed", "civilians", 40, ["none"], optional=True),
        ],
        "events": [],
    }
    result = ExtractResult(article=ArticleMeta(id="x"), claims=claims)
    report = Report("realnews")
    score_realnews(report, Record("x", "", None, gold), result, keep=10)
    assert (report.fields["claims_precision"].correct, report.fields["claims_precision"].scored) == (2, 4)
    assert (report.fields["claims_recall"].correct, report.fields["claims_recall"].scored) == (1, 2)
    # Without the claimant kind the injured figure is right too.
    assert report.fields["figures_recall"].correct == 2
    assert any("missed '2 injured'" in e for e in report.fields["claims_recall"].examples)


def test_events_district_places_and_toll() -> None:
    places = [
        _place("p1", "Quetta", "Quetta"),
        _place("p2", "Turbat", "Kech"),
        _place("p3", "Hoshab", "Kech"),
    ]
    events = [
        Event(id="e1", event_type="Violence against civilians", sub_event_type="Attack", gtd_attack_type="Armed Assault",
              place_id="p2", actor1="Unidentified Armed Group (Pakistan)",
              fatalities=Figure(low=3, best=3, high=5)),
        Event(id="e2", event_type="Violence against civilians", sub_event_type="Attack", gtd_attack_type="Armed Assault",
              place_id="p1", fatalities=Figure(low=1, best=1, high=1)),
        Event(id="e3", event_type="Battles", sub_event_type="Armed clash", gtd_attack_type="Armed Assault",
              place_id="p3"),
    ]  # fmt: skip
    gold = {
        "claims": [],
        "events": [{**_gold_event("Turbat", 3, 3), "district_alt": ["Kech"]}],
        "not_event_places": ["Quetta"],
    }
    result = ExtractResult(article=ArticleMeta(id="x"), places=places, events=events)
    report = Report("realnews")
    score_realnews(report, Record("x", "", None, gold), result, keep=10)
    fields = report.fields
    assert (fields["district_recall"].correct, fields["district_recall"].scored) == (1, 1)
    # One gold event: the second Kech event and the Quetta one are extra.
    assert (fields["district_precision"].correct, fields["district_precision"].scored) == (1, 3)
    assert (fields["event_place_allowed"].correct, fields["event_place_allowed"].scored) == (2, 3)
    assert fields["actor"].correct == 1  # an unidentified group where the gold names none
    assert fields["toll_low"].correct == 1 and fields["toll_best"].correct == 1
    assert fields["toll_high"].correct == 0


def _sitrep_eval(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", "eval", *args], capture_output=True, text=True, timeout=300
    )


def test_cli_reports_both_halves_and_shows_errors_from_half_a_only() -> None:
    result = _sitrep_eval("realnews", str(FIXTURE), "--json")
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)
    assert metrics["records"] == 2 and metrics["A"]["records"] == 1 and metrics["B"]["records"] == 1
    assert metrics["claims_recall_scored"] == 3
    table = _sitrep_eval("realnews", str(FIXTURE), "--examples", "50")
    assert table.returncode == 0, table.stderr
    assert "half A" in table.stdout and "half B" in table.stdout
    example_lines = [line for line in table.stdout.splitlines() if line.startswith("  ")]
    assert not any("team-rn-2" in line for line in example_lines)


def test_cli_one_half_and_bad_half() -> None:
    only_b = json.loads(_sitrep_eval("realnews", str(FIXTURE), "--half", "B", "--json").stdout)
    assert only_b["records"] == 1
    bad = _sitrep_eval("realnews", str(FIXTURE), "--half", "C")
    assert bad.returncode == 1 and "use A, B or all" in bad.stderr and "Traceback" not in bad.stderr


def test_bad_realnews_line_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "x", "gold": {"claims": []}}\n', encoding="utf-8")
    result = _sitrep_eval("realnews", str(broken))
    assert result.returncode == 1
    assert "broken.jsonl:1: missing or bad field 'events'" in result.stderr


@pytest.mark.parametrize("half", ["A", "B"])
def test_dev_files_score_per_half(half: str, shared_dev: Path) -> None:
    dev = shared_dev
    realnews = evaluate_file("realnews", dev / "realnews_dev.jsonl", half=half)  # type: ignore[arg-type]
    assert 35 <= realnews.records <= 57
    assert realnews.fields["claims_recall"].scored > 100
    gva = evaluate_file("gva", dev / "gva_articles_dev.jsonl", half=half)  # type: ignore[arg-type]
    assert gva.records > 100 and gva.fields["killed_exact"].scored == gva.records
