"""Extraction cost against article length: ms per 1,000 words at 1×, 8× and 64× a base length, for texts of
several shapes, and a hostile 200,000-character text. Linear cost means the three figures of a row stay within
a small factor of each other (issue 15 asks 1.5×); a quadratic step shows as a row that grows with length.

    python bench/bench_length.py [--runs 3] [--words 300]

Every text is made of team-written phrases repeated (no news text): a plain report, one claimant said again
and again ("The BLA said."), one endless sentence, thousands of figures, a long list of place names. Each figure
is the median of ``--runs`` extractions in this process, after a warm-up (the place index is loaded once).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitrep.model import Article  # noqa: E402
from sitrep.pipeline import extract  # noqa: E402

SHAPES = {
    "report": (
        "Militants attacked a Levies post in Turbat on Monday, killing three personnel, police said. "
        "A hospital official in Quetta said 12 people were injured. The BLA claimed responsibility. "
    ),
    "one claimant again and again": "The BLA said. ",
    "one endless sentence": "the BLA said that police confirmed 4 soldiers were killed in Kalat and ",
    "thousands of figures": "Police said 12 soldiers, 7 civilians and 3 militants were killed or 15 injured. ",
    "long list of places": "Quetta, Turbat, Kalat, Gwadar, Panjgur, Kharan and Nushki. ",
}
HOSTILE_CHARS = 200_000
MULTIPLES = (1, 8, 64)


def _text(unit: str, words: int) -> str:
    repeats = max(1, round(words / len(unit.split())))
    return unit * repeats


def _ms_per_1000_words(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        extract(Article(id="bench", text=text))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000 / (len(text.split()) / 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=300, help="The 1× length in words.")
    args = parser.parse_args()
    extract(Article(id="warm-up", text=SHAPES["report"]))
    rows = {}
    for name, unit in SHAPES.items():
        figures = [_ms_per_1000_words(_text(unit, args.words * m), args.runs) for m in MULTIPLES]
        rows[name] = {
            **{f"{m}x_ms_per_1000_words": round(f, 1) for m, f in zip(MULTIPLES, figures, strict=True)},
            "largest_over_smallest": round(max(figures) / min(figures), 2),
        }
    # Hostile: every shape at once, run together into one 200,000-character line with no sentence end.
    mixed = "".join(unit.replace(". ", ", ") for unit in SHAPES.values())
    hostile = (mixed * (HOSTILE_CHARS // len(mixed) + 1))[:HOSTILE_CHARS]
    hostile_figure = _ms_per_1000_words(hostile, 1)
    base = rows["report"]["1x_ms_per_1000_words"]
    rows["hostile 200k characters, one line"] = {
        "ms_per_1000_words": round(hostile_figure, 1),
        "over_report_1x": round(hostile_figure / base, 2),
    }
    print(json.dumps({"runs": args.runs, "base_words": args.words, "shapes": rows}, indent=2))


if __name__ == "__main__":
    main()
