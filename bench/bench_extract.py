"""Benchmark of extraction: articles/s on one core for the claims stage and for the whole pipeline (claims,
places, events), peak memory, and cost against spaCy's tokenizer.

    python bench/bench_extract.py [--articles 2000] [--runs 5] [--input FILE.jsonl]

Reads ../shared/data/dev/gva_articles_dev.jsonl (falls back to the bundled examples) replicated to
``--articles`` articles. Reports medians over ``--runs`` and the ratio to a bare spaCy tokenizer pass over the
same texts, measured in the same run. When a statistical English pipeline is installed (``--spacy-model``,
default en_core_web_sm; sitrep never installs one), the ratio to running it over the same texts is reported
too, from one pass (it is about 40× slower than the tokenizer). A benchmark, not a test: nothing here asserts
a time.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

import spacy

from sitrep.model import Article
from sitrep.pipeline import extract, extract_claims
from sitrep.sources.files import read_inputs

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO.parent / "shared" / "data" / "dev" / "gva_articles_dev.jsonl"


def load_articles(path: Path, count: int) -> list[Article]:
    source = path if path.exists() else REPO / "examples"
    base = [item for item in read_inputs([str(source)]) if isinstance(item, Article)]
    return [base[i % len(base)].model_copy(update={"id": f"{i}"}) for i in range(count)]


def timed(function, articles: list[Article]) -> float:
    start = time.perf_counter()
    for article in articles:
        function(article)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--spacy-model", default="en_core_web_sm")
    args = parser.parse_args()

    articles = load_articles(args.input, args.articles)
    words = sum(len(a.text.split()) for a in articles)
    tokenizer = spacy.blank("en").tokenizer
    extract(articles[0])  # load lexicons and build the grammar once, as a long run would

    extract_times, claims_times, tokenizer_times = [], [], []
    for _ in range(args.runs):
        extract_times.append(timed(extract, articles))
        claims_times.append(timed(lambda a: extract_claims(a.text), articles))
        tokenizer_times.append(timed(lambda a: tokenizer(a.text), articles))
    extract_s, tokenizer_s = statistics.median(extract_times), statistics.median(tokenizer_times)
    claims_s = statistics.median(claims_times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    claims = sum(len(extract(a).claims) for a in articles[: min(len(articles), 300)])
    result = {
        "articles": len(articles),
        "words_per_article": round(words / len(articles)),
        "runs": args.runs,
        "claims_stage_articles_per_s": round(len(articles) / claims_s),
        "extract_articles_per_s": round(len(articles) / extract_s),
        "extract_words_per_s": round(words / extract_s),
        "spacy_tokenizer_articles_per_s": round(len(articles) / tokenizer_s),
        "claims_stage_cost_vs_tokenizer": round(claims_s / tokenizer_s, 2),
        "extract_cost_vs_tokenizer": round(extract_s / tokenizer_s, 2),
        "peak_rss_mb": round(peak_mb),
        "claims_in_first_300": claims,
        "python": sys.version.split()[0],
    }
    if spacy.util.is_package(args.spacy_model):
        nlp = spacy.load(args.spacy_model)
        model_s = timed(nlp, articles)
        result[f"{args.spacy_model}_articles_per_s"] = round(len(articles) / model_s, 1)
        result[f"extract_cost_vs_{args.spacy_model}"] = round(extract_s / model_s, 3)
    else:
        result[f"{args.spacy_model}_articles_per_s"] = "not installed"
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
