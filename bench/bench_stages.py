"""Where one article's extraction time goes: milliseconds per article for each stage of ``extract``.

    python bench/bench_stages.py [--articles 1000] [--runs 5] [--input FILE.jsonl]

Each stage is timed alone over the same articles, with its inputs made beforehand exactly as ``extract`` makes
them (sentence units, places, claims). Units are made afresh for every pass of the claims stage, so the token
index a pass builds is not reused by the next. Medians over ``--runs``; the whole ``extract`` is timed in the
same run, so the stages can be compared with it. A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench_extract import DEFAULT_INPUT, load_articles

from sitrep.events.build import build_events
from sitrep.geo.resolve import find_places
from sitrep.model import Article
from sitrep.nlp.claims import assign_places, read_units
from sitrep.nlp.language import detect_language
from sitrep.pipeline import extract, extract_claims


def median_ms(
    step: Callable[[int, Article], object], articles: list[Article], runs: int, setup=None
) -> float:
    times = []
    for _ in range(runs):
        prepared = setup() if setup else None
        start = time.perf_counter()
        for index, article in enumerate(articles):
            step(index, article) if prepared is None else step(index, article, prepared)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) / len(articles) * 1000, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    args = parser.parse_args()

    articles = load_articles(args.input, args.articles)
    for article in articles[:50]:  # every index, table and grammar loaded, as in a long run
        extract(article)
    units = [read_units(a.text) for a in articles]
    places = [find_places(a.text) for a in articles]
    claims = [
        assign_places(extract_claims(a.text, u), p, u)
        for a, u, p in zip(articles, units, places, strict=True)
    ]
    sentences = [[(u.start, u.end, u.tokens) for u in article_units] for article_units in units]

    def fresh_units() -> list:
        return [read_units(a.text) for a in articles]

    result = {
        "articles": len(articles),
        "runs": args.runs,
        "ms_per_article": {
            "language": median_ms(lambda i, a: detect_language(a.text), articles, args.runs),
            "sentences_and_tokens": median_ms(lambda i, a: read_units(a.text), articles, args.runs),
            "claims": median_ms(
                lambda i, a, u: extract_claims(a.text, u[i]), articles, args.runs, fresh_units
            ),
            "places": median_ms(lambda i, a: find_places(a.text), articles, args.runs),
            "events": median_ms(
                lambda i, a: build_events(a.text, a.published, sentences[i], claims[i], places[i]),
                articles,
                args.runs,
            ),
            "whole_extract": median_ms(lambda i, a: extract(a), articles, args.runs),
        },
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
