"""Benchmark the place stage: index load time, find_places throughput and peak memory.

    python bench/bench_geo.py [--articles PATH] [--copies 1000] [--runs 5]

Reads full news articles (default: ../shared/data/dev/gva_articles_dev.jsonl, replicated to at least
``--copies`` articles); without that file it uses a built-in set of short synthetic reports. Prints the median
of ``--runs`` runs. Peak RSS is the whole process (index, automaton, caches), as the issue budgets it.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitrep.geo.gazetteer import Gazetteer, get_gazetteer  # noqa: E402
from sitrep.geo.resolve import find_places  # noqa: E402

DEFAULT_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "gva_articles_dev.jsonl"

SYNTHETIC = [
    "QUETTA, March 12 — Militants attacked a checkpost in Mastung and two soldiers were killed, officials said. "
    "Pakistani security forces later cordoned off the area near Kalat. Islamabad's narrative was disputed.",
    "Gunmen opened fire on a convoy near Turbat in Kech district. The Balochistan Liberation Front claimed the "
    "attack in a statement sent to The Balochistan Post. Kabul said it had no role.",
    "An IED exploded in Hub town on Sunday, injuring four. Police said the device was planted near Sariab road "
    "in Quetta. Separately, an attack was reported in Tump tehsil and in Naseerabad.",
]


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in bytes on macOS and in kilobytes on Linux.
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def load_articles(path: Path, copies: int) -> tuple[list[str], str]:
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
        source = str(path)
    else:
        texts, source = list(SYNTHETIC), "built-in synthetic reports"
    replicated = (texts * (copies // len(texts) + 1))[: max(copies, len(texts))]
    return replicated, source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    loads = []
    for _ in range(args.runs):
        started = time.perf_counter()
        Gazetteer()
        loads.append(time.perf_counter() - started)
    get_gazetteer()  # the shared instance the resolver uses

    texts, source = load_articles(args.articles, args.copies)
    words = sum(len(t.split()) for t in texts)
    find_places(texts[0])  # warm the lexicon and caches once, as a long-running process would be

    rates, places = [], 0
    for _ in range(args.runs):
        started = time.perf_counter()
        places = sum(len(find_places(t)) for t in texts)
        rates.append(len(texts) / (time.perf_counter() - started))
    rate = statistics.median(rates)
    print(f"articles: {len(texts)} from {source} (median {words / len(texts):.0f} words/article)")
    print(f"index load: median {statistics.median(loads):.3f} s over {args.runs} loads")
    print(
        f"find_places: median {rate:,.0f} articles/s, {1000 / rate:.3f} ms/article, "
        f"{rate * words / len(texts):,.0f} words/s over {args.runs} runs ({places / len(texts):.1f} places/article)"
    )
    print(f"peak RSS (whole process): {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
