"""Agreement and speed of sitrep's sentence splitter against spaCy's tokenizer + sentencizer.

    python bench/bench_sentences.py [--input FILE.jsonl]

Agreement = the share of spaCy's sentences (per paragraph) that sitrep's splitter returns with exactly the
same span. Speed is measured on the same texts in the same run; medians of 5 runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import spacy

from sitrep.nlp.sentences import paragraphs, split_sentences

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO.parent / "shared" / "data" / "dev" / "gva_articles_dev.jsonl"


def spacy_sentences(nlp: spacy.language.Language, text: str) -> list[tuple[int, int]]:
    spans = []
    for start, end in paragraphs(text):
        for sentence in nlp(text[start:end]).sents:
            stripped = sentence.text.strip()
            if stripped:
                offset = start + sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
                spans.append((offset, offset + len(stripped)))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.input.open(encoding="utf-8")]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    reference = [spacy_sentences(nlp, t) for t in texts]
    ours = [split_sentences(t) for t in texts]
    total = sum(len(r) for r in reference)
    same = sum(len(set(r) & set(o)) for r, o in zip(reference, ours, strict=True))
    disagreements = [
        (t, sorted(set(r) ^ set(o)))
        for t, r, o in zip(texts, reference, ours, strict=True)
        if set(r) != set(o)
    ]

    def median_time(function) -> float:
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            for text in texts:
                function(text)
            runs.append(time.perf_counter() - start)
        return statistics.median(runs)

    ours_s = median_time(split_sentences)
    spacy_s = median_time(lambda t: spacy_sentences(nlp, t))
    print(
        json.dumps(
            {
                "articles": len(texts),
                "spacy_sentences": total,
                "same_span": same,
                "agreement": round(same / total, 4),
                "articles_that_differ": len(disagreements),
                "sitrep_articles_per_s": round(len(texts) / ours_s),
                "spacy_articles_per_s": round(len(texts) / spacy_s),
                "speedup": round(spacy_s / ours_s, 1),
            },
            indent=2,
        )
    )
    for text, spans in disagreements[:5]:
        print("---")
        for start, end in spans[:4]:
            print(repr(text[start:end][:160]))


if __name__ == "__main__":
    main()
