"""Benchmark of ``sitrep ingest`` into SQLite: articles/s with 1 and 2 extraction processes, and database size.

    python bench/bench_ingest.py [--copies 34] [--runs 3] [--workers 1 2] [--dates same shifted]
                                 [--noise 1.5] [--input FILE.jsonl]

The 300 GVA dev articles (../shared/data/dev/gva_articles_dev.jsonl) are replicated ``--copies`` times
(34: 10,200 articles). Each copy is made unique so it is neither an exact nor a near-duplicate of another: a
paragraph of random non-words ("zqhkwmdo the zqpvbnse of …", fillers kept so it still reads as English)
``--noise`` times the article's length (default 1.5) is appended; two copies then share about a quarter of
their 3-word shingles, under the 0.5 threshold (the summary line of each run shows no near-duplicates; at 1.0,
a third shared, an occasional copy is still taken for one). The padded texts are 2.5 times as long as the
originals, so extraction, signatures and place matching cost more than on the originals.

``--dates same``: the copies keep their publication date, so the 34 copies of an article report the same
events: every event is merged into 33 times and ends with the claims of 34 articles or more (the worst case:
a real feed merges a few reports per incident). ``--dates shifted``: copy k is published k × 400 days later,
so its relatively dated events ("on Tuesday") are other incidents and only events with a full date in the
text still merge. Each run is the real command line (``python -m sitrep ingest``, start-up included) on a fresh
database; the figure is the median over ``--runs``. A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO.parent / "shared" / "data" / "dev" / "gva_articles_dev.jsonl"
FILLERS = ("the", "of", "and")


def unique_copies(
    records: list[dict], copies: int, seed: int = 11, shift_days: int = 0, noise: float = 1.5
) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for number in range(copies):
        for record in records:
            pairs = round(len(record["text"].split()) * noise / 2)  # two words a pair
            padding = " ".join(
                f"zq{''.join(rng.choices(string.ascii_lowercase, k=6))} {FILLERS[i % 3]}"
                for i in range(pairs)
            )
            copy = {
                **{k: record[k] for k in ("title", "published", "source") if record.get(k)},
                "id": f"{record['id']}~{number}",
                "text": f"{record['text']}\n\n{padding}.",
            }
            if shift_days and copy.get("published"):
                published = dt.date.fromisoformat(copy["published"][:10])
                copy["published"] = str(published + dt.timedelta(days=shift_days * number))
            out.append(copy)
    return out


def database_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def run_once(batch: Path, workers: int, directory: Path) -> tuple[float, str, int]:
    database = directory / f"bench-{workers}-{time.monotonic_ns()}.db"
    command = [sys.executable, "-m", "sitrep", "ingest", str(batch), "--db", f"sqlite:///{database}"]
    command += ["--workers", str(workers), "--quiet"]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"ingest failed ({result.returncode}): {result.stderr.strip()}")
    size = database_bytes(database)
    for path in database.parent.glob(database.name + "*"):
        path.unlink()
    return elapsed, result.stdout.strip().splitlines()[-1], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=34)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dates", nargs="+", choices=["same", "shifted"], default=["same", "shifted"])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--noise", type=float, default=1.5, help="padding per copy, × the article's words")
    args = parser.parse_args()
    if not args.input.exists():
        raise SystemExit(f"no input at {args.input}: pass --input FILE.jsonl")

    records = [
        json.loads(line) for line in args.input.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as temporary:
        directory = Path(temporary)
        for dates in args.dates:
            shift_days = 400 if dates == "shifted" else 0
            batch_records = unique_copies(records, args.copies, shift_days=shift_days, noise=args.noise)
            batch = directory / f"batch-{dates}.jsonl"
            batch.write_text("".join(json.dumps(r) + "\n" for r in batch_records), encoding="utf-8")
            count = len(batch_records)
            print(
                f"\n{count} articles ({len(records)} × {args.copies} unique copies, dates {dates}), {args.runs} runs"
            )
            print(f"{'workers':>7}  {'articles/s':>10}  {'runs (s)':<24}  {'database':>9}  summary")
            for workers in args.workers:
                times, summary, size = [], "", 0
                for _ in range(args.runs):
                    elapsed, summary, size = run_once(batch, workers, directory)
                    times.append(elapsed)
                rate = count / statistics.median(times)
                runs = ", ".join(f"{t:.1f}" for t in times)
                print(
                    f"{workers:>7}  {rate:>10.0f}  {runs:<24}  {size / 1e6:>7.1f} MB  {summary}", flush=True
                )


if __name__ == "__main__":
    main()
