"""Scoring claim extraction on the hand-checked dev set; ``python -m sitrep.evaluate`` prints every figure.

ACLED notes carry coder conventions that real news never has; ``strip_coder_notes`` removes them so that a
score measures reading prose, not reading the coder's summary line.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluate.halves import HALVES, Half, half_of
from sitrep.nlp.pipeline import extract_claims

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Claim precision and recall on the hand-checked dev set.")
    parser.add_argument("--devset", type=Path, default=Path("tests/devset"), help="folder of the annotations")
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared/data/dev"), help="folder of the dev data"
    )
    parser.add_argument("--errors", action="store_true", help="list every miss and spurious claim")
    args = parser.parse_args(argv)
    acled_csv = args.shared / "acled_balochistan_2020_2022.csv"
    scores = []
    for half in HALVES:
        scores.append(score_claims(f"own sentences {half}", sentence_items(args.devset / "sentences.jsonl", half)))
    if acled_csv.exists():
        for half in HALVES:
            notes = acled_note_items(args.devset / "coder_notes_gold.jsonl", acled_csv, half)
            scores.append(score_claims(f"ACLED notes {half}", notes))
    else:
        print(f"(ACLED notes skipped: {acled_csv} not found)")
    header = f"{'set':<16} {'items':>5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'attrP':>6} {'attrR':>6}"
    print(header)
    for score in scores:
        r = score.ratios()
        print(
            f"{score.name:<16} {score.items:>5} {score.gold:>5} {score.predicted:>5} {r['precision']:>6.1%}"
            f" {r['recall']:>6.1%} {r['f1']:>6.1%} {r['attributed_precision']:>6.1%} {r['attributed_recall']:>6.1%}"
        )
    reports = []
    if acled_csv.exists():
        from sitrep.evaluate.records import evaluate_halves  # imported here: it imports this module

        reports.append(("ACLED notes", evaluate_halves("acled", acled_csv, strip_coder_notes=True)))
        ucdp_csv = args.shared / "ucdp_ged_pakistan.csv"
        if ucdp_csv.exists():
            reports.append(("UCDP headlines", evaluate_halves("ucdp", ucdp_csv)))
    for name, halves in reports:
        print(f"\n{name} (records: A {halves['A'].records}, B {halves['B'].records})  half A / half B")
        for field_name, field_score in halves["A"].fields.items():
            other = halves["B"].fields.get(field_name)
            b_figure = f"{other.accuracy:>7.1%}" if other else "      -"
            print(f"  {field_name:<18} {field_score.accuracy:>7.1%} / {b_figure}  of {field_score.scored}")
    if args.errors:  # half A only: rules are tuned there, half B's errors are not read
        for score in scores:
            if score.name.endswith(" A"):
                print(f"\n{score.name}:")
                for error in score.errors:
                    print(f"  {error}")
        for name, halves in reports:
            for field_name, field_score in halves["A"].fields.items():
                for example in field_score.examples:
                    print(f"  {name} {field_name}: {example}")
    return 0
