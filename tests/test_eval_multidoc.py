"""The multi-article check (`sitrep eval multidoc`): B-cubed over articles, events per incident, articles in an
event. The clustering scores are tested on hand-made clusterings; the whole path on four short reports written
for the test (two outlets for each of two shootings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.evaluate.multidoc import score_clusters, score_multidoc
from sitrep.evaluate.records import EvalInputError, evaluate_file
from sitrep.evaluate.report import Report

GOLD = {"a1": "x", "a2": "x", "a3": "x", "b1": "y"}


def _scored(main_event: dict[str, str]) -> Report:
    report = Report("multidoc")
    score_clusters(report, GOLD, main_event, examples=5)
    return report


def test_one_event_per_incident_scores_one() -> None:
    report = _scored({"a1": "e1", "a2": "e1", "a3": "e1", "b1": "e2"})
    assert report.field("bcubed_precision").accuracy == report.field("bcubed_recall").accuracy == 1.0
    assert report.field("one_event_per_incident").accuracy == 1.0
    assert report.extra["events_per_incident"] == 1.0


def test_an_incident_split_in_two_events_costs_recall_not_precision() -> None:
    report = _scored({"a1": "e1", "a2": "e1", "a3": "e3", "b1": "e2"})
    assert report.field("bcubed_precision").accuracy == 1.0
    # a1 and a2 find 2 of their incident's 3 articles, a3 finds 1, b1 all of its 1.
    assert report.field("bcubed_recall").accuracy == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert report.extra["events_per_incident"] == 1.5
    assert report.field("one_event_per_incident").examples == [
        "incident x: 3 articles, 3 in an event, 2 distinct events"
    ]


def test_two_incidents_in_one_event_cost_precision() -> None:
    report = _scored({"a1": "e1", "a2": "e1", "a3": "e1", "b1": "e1"})
    assert report.field("bcubed_recall").accuracy == 1.0
    assert report.field("bcubed_precision").accuracy == pytest.approx((3 / 4 * 3 + 1 / 4) / 4)


def test_an_article_in_no_event_is_a_cluster_of_its_own() -> None:
    report = _scored({"a1": "e1", "a2": "e1", "b1": "e2"})
    assert report.field("in_an_event").accuracy == 0.75
    assert report.field("in_an_event").examples == ["a3: in no event (incident x)"]
    assert report.field("one_event_per_incident").accuracy == 0.5


REPORTS = [
    (
        "k1",
        "fire-1",
        "2024-03-11",
        "Two men were shot dead outside a bar on Main Street in Dayton, Ohio, late on "
        "Saturday, police said. A third man was wounded and taken to hospital.",
    ),
    (
        "k2",
        "fire-1",
        "2024-03-12",
        "DAYTON, Ohio — Police in Dayton are looking for the gunman who killed two men "
        "and wounded another outside a Main Street bar on Saturday night.",
    ),
    (
        "k3",
        "fire-2",
        "2024-06-02",
        "A woman was shot and wounded in her car in Tacoma, Washington, on Friday "
        "afternoon, police said. No arrests have been made.",
    ),
    (
        "k4",
        "fire-2",
        "2024-06-03",
        "TACOMA, Wash. — A woman driving home on Friday was hit by gunfire and wounded, Tacoma police said.",
    ),
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "multidoc.jsonl"
    rows = [
        {"id": key, "published": day, "title": None, "text": text, "gold": {"incident": incident}}
        for key, incident, day, text in REPORTS
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_articles_are_ingested_into_a_store_of_their_own_and_scored(tmp_path: Path) -> None:
    report = score_multidoc(_write(tmp_path))
    assert report.records == 4
    assert report.field("in_an_event").accuracy == 1.0
    # Shootings in two states months apart are never one event.
    assert report.field("bcubed_precision").accuracy == 1.0
    assert 1.0 <= report.extra["events_per_incident"] <= 2.0
    assert not list(tmp_path.glob("*.db"))  # the store was temporary


def test_two_outlets_a_day_apart_with_the_same_toll_end_as_one_event(tmp_path: Path) -> None:
    path = tmp_path / "night.jsonl"
    rows = [
        {
            "id": "n1",
            "published": "2024-09-16",
            "title": None,
            "gold": {"incident": "night"},
            "text": "Three men were killed and two others wounded in a shooting at a party in Dayton, Ohio, late on "
            "Saturday, police said.",
        },
        {
            "id": "n2",
            "published": "2024-09-16",
            "title": None,
            "gold": {"incident": "night"},
            "text": "DAYTON, Ohio — Gunfire at a house party early on Sunday killed three men and wounded two, the "
            "Dayton police said.",
        },
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    report = score_multidoc(path)
    assert report.field("in_an_event").accuracy == 1.0
    assert report.field("one_event_per_incident").accuracy == 1.0, report.field(
        "one_event_per_incident"
    ).examples


def test_a_line_without_an_incident_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps({"id": "z", "text": "Two men were shot.", "gold": {}}) + "\n", encoding="utf-8"
    )
    with pytest.raises(EvalInputError, match=r"bad\.jsonl:1: missing or bad field 'incident'"):
        evaluate_file("multidoc", path)
