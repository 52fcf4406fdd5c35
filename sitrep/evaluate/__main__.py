"""``python -m sitrep.evaluate``: claim precision and recall on the team's own passages and on ACLED notes, each
half apart, then the ACLED and UCDP place and type scores (half A's errors only with ``--errors``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sitrep.evaluate.devset import acled_note_items, score_claims, sentence_items
from sitrep.evaluate.halves import HALVES
from sitrep.evaluate.records import evaluate_halves


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
        scores.append(
            score_claims(f"own sentences {half}", sentence_items(args.devset / "sentences.jsonl", half))
        )
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


if __name__ == "__main__":
    raise SystemExit(main())
