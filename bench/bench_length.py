"""Extraction cost against article length: ms per 1,000 words at 1×, 8× and 64× a base length, for texts of
several shapes, and hostile 200,000-character lines. Linear cost means the three figures of a row stay within
a small factor of each other (issue 15 asks 1.5×); a quadratic step shows as a row that grows with length.

    python bench/bench_length.py [--runs 3] [--words 300]

Every text is made of team-written phrases repeated (no news text): a plain report, one claimant said again
and again ("The BLA said."), one endless sentence, thousands of figures, a long list of place names. Each figure
is the median of ``--runs`` extractions in this process, after a warm-up (the place index is loaded once), in
CPU seconds of this process (``time.process_time``): other work on a busy machine does not count, and nothing
is subtracted. The 1× figure holds an article's fixed cost (a few ms whatever its length), so each row gives
64×/8× (the growth with length alone) beside 64×/1×.

The hostile lines, each 200,000 characters with no line break: every shape at once run together with no
sentence end; after a short report, a run of letters with no space ("QuettaQuetta…") and digits and commas
("1,234,1,234…"). Each is given as ms per 1,000 words and over the report's 8× figure (a rate free of the
fixed cost); the words of a line with no space are counted as 1,000 per 6,000 characters (an average English
word and its space).
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


def _hostile() -> dict[str, str]:
    mixed = "".join(unit.replace(". ", ", ") for unit in SHAPES.values())
    return {
        "every shape in one sentence": mixed,
        "letters, no space": "Quetta",
        "digits and commas, no space": "1,234,",
    }


def _words(text: str) -> float:
    return max(len(text.split()), len(text) / 6)


def _ms_per_1000_words(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        extract(Article(id="bench", text=text))
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000 / (_words(text) / 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=300, help="The 1× length in words.")
    args = parser.parse_args()
    extract(Article(id="warm-up", text=SHAPES["report"]))
    rows: dict[str, dict[str, float]] = {}
    for name, unit in SHAPES.items():
        one, eight, sixty_four = (
            _ms_per_1000_words(_text(unit, args.words * m), args.runs) for m in MULTIPLES
        )
        rows[name] = {
            "1x_ms_per_1000_words": round(one, 1),
            "8x_ms_per_1000_words": round(eight, 1),
            "64x_ms_per_1000_words": round(sixty_four, 1),
            "64x_over_8x": round(sixty_four / eight, 2),
            "64x_over_1x": round(sixty_four / one, 2),
        }
    base = rows["report"]["8x_ms_per_1000_words"]
    for name, unit in _hostile().items():
        # After a report's first sentence, so that the text reads as English news and every stage runs.
        line = (SHAPES["report"] + unit * (HOSTILE_CHARS // len(unit) + 1))[:HOSTILE_CHARS]
        figure = _ms_per_1000_words(line, args.runs)
        rows[f"hostile 200k characters, one line: {name}"] = {
            "ms_per_1000_words": round(figure, 1),
            "over_report_8x": round(figure / base, 2),
        }
    print(
        json.dumps({"runs": args.runs, "base_words": args.words, "cpu_time": True, "shapes": rows}, indent=2)
    )


if __name__ == "__main__":
    main()
