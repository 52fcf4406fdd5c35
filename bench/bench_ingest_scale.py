"""Benchmark: ingesting one batch into an empty store and into a store of a million events, on SQLite and
PostgreSQL: articles/s and CPU per article (medians of ``--runs``), and the ingest process's peak RSS.

    python bench/bench_ingest_scale.py --big sqlite:///bench/store-1m.db \\
        [--big postgresql+psycopg://user:pw@host:port/bench_1m] [--runs 3] [--articles 200] [--copies 5] \\
        [--batch meeting|apart|both]

``--big``: a store made by ``bench/generate_store.py`` (rows written directly: 1,000,000 events by default). Its
articles carry MinHash signatures but no LSH bands (the generator writes rows, not through the writer): when
``article_bands`` is empty the store is migrated down to the revision before ``article_bands`` and up again, so
the migration computes them — its time is printed too.

The batch: the real-news dev articles that carry a date (Pakistan, 2013-2025: inside the generated store's
years and its busiest country) and GVA dev articles (United States) with their publication dates moved eight
years later (2013-2017 → 2021-2025), so relative dates ("on Tuesday") fall in the generated years and their
events meet the generated ones as merge candidates; ``--articles`` of them, replicated ``--copies`` times, each
copy made unique as ``bench/bench_ingest.py`` does (a paragraph of random non-words), so a copy is neither a
duplicate nor a near-duplicate and its events merge into the first copy's. That batch (``meeting``) measures
what a store dense with events at the batch's places and weeks costs: each new event is compared with every
stored one the same-incident rules could accept, and the generated store packs far more events into a
province and week (Punjab: ~140 a day) than any real source reports. ``apart`` is the same articles with their
dates moved back as many whole years as puts them all before the big store's first event: their events meet no
generated one, so what remains is what the store's size alone costs (deeper indexes, larger writes). The
summary lines say how many events merged into stored ones: equal on both stores for ``apart``.

Each run is a child process (this script with ``--child``) on a fresh copy of the store (SQLite: a copy of the
file; PostgreSQL: ``CREATE DATABASE … TEMPLATE``) or a fresh empty store at the current schema: it loads the
pipeline (one article extracted), then times ``sitrep.jobs.ingest.ingest`` over the batch (``sitrep ingest
--workers 1``: extraction and writing in one process) — start-up is left out, being the same for both stores.
It reports wall-clock articles/s, CPU milliseconds per article of the process (steadier on a busy machine; on
PostgreSQL the server's own work is not in it) and its peak RSS (``getrusage``). A benchmark, not a test:
nothing here asserts a time or a size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bench_ingest import unique_copies  # noqa: E402
from sitrep.store.db import _alembic_config, current_revision, open_engine, upgrade, writing  # noqa: E402
from sitrep.store.tables import article_bands  # noqa: E402

DEV = REPO.parent / "shared" / "data" / "dev"
YEARS_LATER = 8


def batch(articles: int, copies: int, before: dt.date | None = None) -> list[dict]:
    """The articles ingested (see the module docstring); ``before``: all dated as many whole years earlier as
    puts every one before this day (the ``apart`` batch)."""
    dated = []
    for line in (DEV / "realnews_dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("published"):
            dated.append({k: record[k] for k in ("id", "text", "title", "published") if record.get(k)})
    for line in (DEV / "gva_articles_dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("published"):
            later = _years_later(dt.date.fromisoformat(record["published"][:10]), YEARS_LATER)
            dated.append({"id": record["id"], "text": record["text"], "published": later.isoformat()})
    dated = dated[:articles]
    if before is not None:  # all moved back alike: the batch's own events meet as in the other batch
        latest = max(dt.date.fromisoformat(record["published"][:10]) for record in dated)
        for record in dated:
            day = _years_later(dt.date.fromisoformat(record["published"][:10]), before.year - latest.year - 1)
            record["published"] = day.isoformat()
    return unique_copies(dated, copies)


def _years_later(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def fill_bands(url: str) -> float | None:
    """Seconds to compute a generated store's LSH bands through the migration; None when it has them."""
    from alembic import command
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config())
    [bands] = [s for s in scripts.walk_revisions() if s.path.endswith("_lsh_bands.py")]
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            before = current_revision(connection) == bands.down_revision
            if not before and connection.execute(select(func.count()).select_from(article_bands)).scalar():
                return None
        start = time.perf_counter()
        if not before:  # the generator wrote articles after the migration had run on an empty store
            with writing(engine.connect()) as connection, connection.begin():
                command.downgrade(_alembic_config(connection), bands.down_revision)
        upgrade(engine)
        return time.perf_counter() - start
    finally:
        engine.dispose()


class Store:
    """Fresh copies of one store (or of an empty one) for each run."""

    def __init__(self, big: str | None, server: str, scratch: Path) -> None:
        """``big``: the store copied (None: an empty one); ``server``: a URL on the same database server."""
        self.big, self.server, self.scratch = big, server, scratch
        self.kind = make_url(server).get_backend_name()
        if big and self.kind == "sqlite":  # everything in the main file, which is what gets copied
            engine = open_engine(big)
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            engine.dispose()

    def fresh(self, run: int) -> str:
        name = f"run_{'big' if self.big else 'empty'}_{run}"
        if self.kind == "sqlite":
            path = self.scratch / f"{name}.db"
            if self.big:
                source = Path(make_url(self.big).database)
                shutil.copyfile(source, path)
            url = f"sqlite:///{path}"
        else:
            admin = create_engine(
                make_url(self.server).set(database="postgres"), isolation_level="AUTOCOMMIT"
            )
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                template = f' TEMPLATE "{make_url(self.big).database}"' if self.big else ""
                connection.execute(text(f'CREATE DATABASE "{name}"{template}'))
            admin.dispose()
            url = make_url(self.server).set(database=name).render_as_string(hide_password=False)
        if not self.big:  # the schema made beforehand: the empty store's run must not pay for its migrations
            engine = open_engine(url)
            upgrade(engine)
            engine.dispose()
        return url

    def drop(self, url: str) -> None:
        if self.kind == "sqlite":
            for path in self.scratch.glob(Path(make_url(url).database).name + "*"):
                path.unlink()
        else:
            admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}"'))
            admin.dispose()


def run_once(batch_file: Path, url: str) -> dict:
    """One child's figures (``child``)."""
    command = [sys.executable, __file__, "--child", url, str(batch_file)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if result.returncode != 0:
        raise SystemExit(f"ingest failed on {url}: {result.stderr.strip()}")
    return json.loads(result.stdout.splitlines()[-1])


def child(url: str, batch_file: str) -> None:
    """Load the pipeline, then ingest the batch into ``url``: print seconds, CPU seconds, peak RSS and the
    summary as one JSON line."""
    from sitrep.jobs.ingest import ingest
    from sitrep.model import Article
    from sitrep.pipeline import extract

    extract(Article(id="warm-up", text="Gunmen killed two policemen in Quetta on Monday, officials said."))
    engine = open_engine(url)
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    summary = ingest([batch_file], engine, workers=1)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    engine.dispose()
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(
        json.dumps({"seconds": seconds, "cpu": cpu, "rss": after.ru_maxrss * 1024, "summary": summary.line()})
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", action="append", help="a generated store's URL (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument(
        "--batch",
        choices=("meeting", "apart", "both"),
        default="both",
        help="dated among the big store's events, before them, or each in turn (see the module docstring)",
    )
    parser.add_argument("--child", nargs=2, metavar=("URL", "BATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if not args.big:
        parser.error("give at least one --big store")
    for big in args.big:
        seconds = fill_bands(big)
        if seconds is not None:
            print(f"(LSH bands of {big} computed by the migration in {seconds:.0f} s)")
        engine = open_engine(big)
        with engine.connect() as connection:
            events, first = connection.execute(text("SELECT count(*), min(date) FROM events")).one()
        engine.dispose()
        first = dt.date.fromisoformat(str(first)[:10])
        kinds = ("meeting", "apart") if args.batch == "both" else (args.batch,)
        for kind in kinds:
            records = batch(args.articles, args.copies, first if kind == "apart" else None)
            compare(big, events, kind, records, args.runs, f"({args.articles} × {args.copies} copies)")


def compare(big: str, events: int, kind: str, records: list[dict], runs: int, made: str) -> None:
    """Ingest ``records`` ``runs`` times into an empty store and into copies of ``big``; print the figures."""
    backend = make_url(big).get_backend_name()
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-scale-") as temporary:
        scratch = Path(temporary)
        batch_file = scratch / "batch.jsonl"
        batch_file.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        print(f"\n{backend}, batch {kind}: {len(records)} articles {made}, {runs} runs each, 1 process")
        print(f"{'store':<34} {'articles/s':>10} {'CPU ms/a':>10}  {'runs (s)':<22} {'peak RSS':>9}")
        rates = {}
        for label, source in ((f"{backend}, empty", None), (f"{backend}, {events:,} events", big)):
            store = Store(source, big, scratch)
            times, cpus, peak = [], [], 0
            for run in range(runs):
                url = store.fresh(run)
                try:
                    figures = run_once(batch_file, url)
                finally:
                    store.drop(url)
                times.append(figures["seconds"])
                cpus.append(figures["cpu"])
                peak = max(peak, figures["rss"])
                summary = figures["summary"]
            rates[label] = (
                len(records) / statistics.median(times),
                1000 * statistics.median(cpus) / len(records),
            )
            rate, cpu_ms = rates[label]
            runs_text = ", ".join(f"{t:.1f}" for t in times)
            print(
                f"{label:<34} {rate:>10.1f} {cpu_ms:>10.1f}  {runs_text:<22} {peak / 2**20:>6.0f} MB\n    {summary}",
                flush=True,
            )
        (empty, empty_cpu), (full, full_cpu) = rates.values()
        print(
            f"{backend}, batch {kind}: the big store's rate is {full / empty:.0%} of the empty store's; "
            f"its ingest CPU per article {full_cpu / empty_cpu:.0%}"
        )


if __name__ == "__main__":
    main()
