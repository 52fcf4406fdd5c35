"""Scaling of extraction with processes: articles/s with --workers 1 and 2, and the speed-up, same run.

    python bench/bench_scaling.py [--articles 4000] [--runs 3]

Uses the 300 GVA dev articles replicated (falls back to the bundled examples). Each run includes starting
the processes and loading the place index in each, as a real batch does.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from bench_extract import DEFAULT_INPUT, load_articles

from sitrep.jobs.parallel import extract_many


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    articles = load_articles(DEFAULT_INPUT, args.articles)
    rates = {}
    for workers in (1, 2):
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            count = sum(1 for _ in extract_many(articles, workers=workers))
            times.append(time.perf_counter() - start)
        rates[workers] = count / statistics.median(times)
    print(
        json.dumps(
            {
                "articles": len(articles),
                "runs": args.runs,
                "workers_1_articles_per_s": round(rates[1]),
                "workers_2_articles_per_s": round(rates[2]),
                "speedup_2_vs_1": round(rates[2] / rates[1], 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
