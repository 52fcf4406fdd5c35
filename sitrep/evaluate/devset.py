"""Scoring claim extraction on the hand-checked dev set; ``python -m sitrep.evaluate`` prints every figure.

ACLED notes carry coder conventions that real news never has; ``strip_coder_notes`` removes them so that a
score measures reading prose, not reading the coder's summary line.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluate.halves import Half, half_of
from sitrep.pipeline import extract_claims

# Each pattern removes one ACLED coder convention; order matters (parentheticals before sentences).
_CODER_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "(coded as Baloch Separatists)", "(suspected Baloch Separatists)" after an actor.
    (re.compile(r"\s*\((?:coded as|suspected|likely|possibly)[^()]*\)", re.I), ""),
    # "... coded as military" inside a phrase without brackets.
    (re.compile(r",?\s*coded (?:as|at) [^.,;]*", re.I), ""),
    (re.compile(r"\s*\[coded [^\]]*\]", re.I), ""),
    # "(Kech, Balochistan)", "(Kech district, Balochistan)", "(Balochistan)".
    (re.compile(r"\s*\((?:[A-Z][\w .'-]*,\s*)?Balochistan\)"), ""),
    (re.compile(r"\s*\([A-Z][\w .'-]*(?:,\s*[A-Z][\w .'-]*)?\)(?=[\s.,;]|$)"), ""),
    # Closing fatality bookkeeping: "3 fatalities.", "Fatalities uncorroborated.", "There were no fatalities."
    (re.compile(r"(?:^|(?<=[.!?]))\s*[^.!?]*\bfatalit(?:y|ies)\b[^.!?]*(?:[.!?]|$)", re.I), " "),
]


def strip_coder_notes(notes: str) -> str:
    """ACLED ``notes`` with the coder's conventions removed, leaving the reported prose."""
    text = notes
    for pattern, replacement in _CODER_PATTERNS:
        text = pattern.sub(replacement, text)
    return re.sub(r"\s{2,}", " ", text).strip()


# -- claim extraction against the hand-checked dev set ------------------------------------------------------

FigureKey = tuple[str, str, int | None, int | None]


@dataclass
class ClaimScore:
    """Counts for one dev set: gold and predicted claims, and matches by figure and by attribution."""

    name: str
    items: int = 0
    gold: int = 0
    predicted: int = 0
    figure_matches: int = 0
    attributed_matches: int = 0
    errors: list[str] = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        def ratio(part: int, whole: int) -> float:
            return part / whole if whole else 0.0

        p, r = ratio(self.figure_matches, self.predicted), ratio(self.figure_matches, self.gold)
        ap, ar = ratio(self.attributed_matches, self.predicted), ratio(self.attributed_matches, self.gold)
        return {
            "precision": p,
            "recall": r,
            "f1": ratio(2 * p * r, p + r) if p + r else 0.0,
            "attributed_precision": ap,
            "attributed_recall": ar,
        }


def _figure_key(outcome: str, victim: str, low: int | None, high: int | None) -> FigureKey:
    return (outcome, victim, low, high)


def score_claims(name: str, items: Iterable[tuple[str, str, list[dict[str, Any]]]]) -> ClaimScore:
    """Score extraction on (item id, text, gold claims) triples; a claim matches on outcome, victim, low, high."""
    score = ClaimScore(name)
    for item_id, text, gold_claims in items:
        predicted = extract_claims(text)
        score.items += 1
        score.gold += len(gold_claims)
        score.predicted += len(predicted)
        unmatched = list(predicted)
        for gold in gold_claims:
            key = _figure_key(gold["outcome"], gold["victim"], gold.get("low"), gold.get("high"))
            match = next(
                (c for c in unmatched if _figure_key(c.outcome, c.victim, c.count.low, c.count.high) == key),
                None,
            )
            if match is None:
                score.errors.append(f"{item_id}: missed {_describe_gold(gold)}")
                continue
            unmatched.remove(match)
            score.figure_matches += 1
            if (match.claimant.kind, match.stance) == (gold["claimant_kind"], gold["stance"]):
                score.attributed_matches += 1
            else:
                score.errors.append(
                    f"{item_id}: {_describe_gold(gold)} attributed to {match.claimant.kind}/{match.stance}"
                )
        for claim in unmatched:
            score.errors.append(
                f"{item_id}: spurious {claim.outcome} {claim.victim} {claim.count.low}-{claim.count.high}"
                f" ({claim.count.text!r})"
            )
    return score


def _describe_gold(gold: dict[str, Any]) -> str:
    return (
        f"{gold['outcome']} {gold['victim']} {gold.get('low')}-{gold.get('high')}"
        f" [{gold['claimant_kind']}/{gold['stance']}]"
    )


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def sentence_items(path: Path, half: Half | None = None) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """The team's annotated sentences, or one fixed half of them (by id)."""
    rows = _read_jsonl(path)
    return [(r["id"], r["text"], r["claims"]) for r in rows if half is None or half_of(r["id"]) == half]


def acled_note_items(
    annotations: Path, acled_csv: Path, half: Half | None = None
) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Gold claims for ACLED notes: the text comes from the (unshipped) ACLED file, matched by key. A note's
    half is drawn from its text, as ``sitrep eval acled`` draws it."""
    with acled_csv.open(encoding="utf-8", newline="") as handle:
        notes = {_note_key(row["notes"]): row["notes"] for row in csv.DictReader(handle)}
    items = []
    for row in _read_jsonl(annotations):
        note = notes.get(row["key"])
        if note is not None and (half is None or half_of(note) == half):
            items.append((f"acled-row-{row['row']}", strip_coder_notes(note), row["claims"]))
    return items


def _note_key(notes: str) -> str:
    return hashlib.sha1(notes.encode("utf-8")).hexdigest()[:12]
