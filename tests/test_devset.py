"""Claim precision/recall on the hand-checked dev set must not fall below what the README reports."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.evaluate import acled_note_items, score_claims, sentence_items
from sitrep.model import Claim
from tests.conftest import DEVSET

ALLOWED = {
    "outcome": set(Claim.model_fields["outcome"].annotation.__args__),
    "victim": set(Claim.model_fields["victim"].annotation.__args__),
    "stance": set(Claim.model_fields["stance"].annotation.__args__),
}


def test_devset_files_are_well_formed() -> None:
    rows = [
        json.loads(line) for line in (DEVSET / "sentences.jsonl").read_text().splitlines() if line.strip()
    ]
    assert len(rows) >= 60
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        for claim in row["claims"]:
            for field, allowed in ALLOWED.items():
                assert claim[field] in allowed, (row["id"], field, claim[field])
    notes = (DEVSET / "coder_notes_gold.jsonl").read_text()
    assert len(notes.splitlines()) >= 40
    assert '"text"' not in notes, "ACLED notes must not be copied into the repository"


def test_own_sentences_precision_and_recall() -> None:
    ratios = score_claims("own", sentence_items(DEVSET / "sentences.jsonl")).ratios()
    assert ratios["precision"] >= 0.92
    assert ratios["recall"] >= 0.85
    assert ratios["attributed_recall"] >= 0.74


def test_acled_notes_precision_and_recall(shared_dev: Path) -> None:
    items = acled_note_items(
        DEVSET / "coder_notes_gold.jsonl", shared_dev / "acled_balochistan_2020_2022.csv"
    )
    assert len(items) >= 40
    ratios = score_claims("acled", items).ratios()
    assert ratios["precision"] >= 0.92
    assert ratios["recall"] >= 0.77
