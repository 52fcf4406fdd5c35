"""Benchmark of the API: latency of the events list under concurrent clients, on loopback.

    python bench/bench_api.py [--events 10000] [--clients 50] [--requests 6000] [--seconds 60] [--page 100]
                              [--mode both|cached|uncached] [--db PATH]

1. A SQLite database with ``--events`` events (kept at ``--db`` if given, reused when it already has enough).
   The bundled examples are extracted once; copies of their results are then stored through the store's own
   writer (``ArticleWriter.store``), each copy with its own article id and text and its events' dates moved by
   a week per copy, so no copy is a duplicate of another and no event merges into another copy's. The NLP
   pipeline is not re-run for each copy: this measures the API, not extraction.
2. A real uvicorn server in a child process on 127.0.0.1 (a free port), one worker, as ``sitrep serve`` runs it.
3. ``--clients`` concurrent clients (asyncio, one keep-alive connection each) in this process, each asking for
   random pages of ``--page`` events (``GET /api/events?limit=100&offset=…``) one after the other, until
   ``--requests`` answers or ``--seconds`` have passed. 10% more requests first warm up and are not counted.

``cached``: the server as shipped (answers kept while the data version is unchanged; after the warm-up every
page is cached). ``uncached``: the same server with its read cache off, every request reading SQLite and
serialising 100 events. Reports median, p95, p99 and max latency and throughput. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
TOKEN = "bench-token-0123456789abcdef"


def build_database(url: str, wanted: int) -> int:
    """Fill the database at ``url`` up to ``wanted`` events (see the module docstring); returns the count."""
    from sitrep.model import Article
    from sitrep.pipeline import extract
    from sitrep.sources.files import read_inputs
    from sitrep.store.db import open_engine, require_schema
    from sitrep.store.dedup import text_sha256, url_sha256
    from sitrep.store.writer import ArticleWriter, Extracted

    engine = open_engine(url)
    require_schema(engine, create=True)
    writer = ArticleWriter(engine)
    try:
        have = writer.count_events()
        if have >= wanted:
            return have
        bases = []
        for item in read_inputs([str(EXAMPLES)]):
            if not isinstance(item, Article):
                continue
            if item.published is None:  # the .txt examples carry their date in the file name only
                item = item.model_copy(update={"published": dt.date.fromisoformat(item.id[:10])})
            bases.append((item, extract(item)))
        copy = have  # continue numbering where an earlier run stopped
        while have < wanted:
            copy += 1
            shift = dt.timedelta(days=7 * copy)
            for article, result in bases:
                new_id = f"bench-{copy:05d}-{article.id}"
                text = f"{article.text}\n\n[benchmark copy {copy}]"
                events = [
                    e.model_copy(update={"date": e.date + shift if e.date else None}) for e in result.events
                ]
                copied = result.model_copy(
                    update={"events": events, "article": result.article.model_copy(update={"id": new_id})}
                )
                copied_article = article.model_copy(
                    update={
                        "id": new_id,
                        "text": text,
                        "url": f"https://example.org/bench/{copy}/{article.id}",
                        "published": article.published + shift if article.published else None,
                    }
                )
                # No MinHash signature: the copies are near-duplicates by design, and must be stored as new.
                stored = writer.store(
                    Extracted(copied_article, copied, text_sha256(text), url_sha256(copied_article.url), None)
                )
                have += stored.new_events
        return writer.count_events()
    finally:
        writer.close()
        engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(url: str, port: int, cache: bool) -> None:
    """The child process: one uvicorn worker serving the app (``--serve``)."""
    import uvicorn

    from sitrep.api.app import create_app
    from sitrep.store.review import token_digest

    app = create_app(url, token_digests=[token_digest(TOKEN)], cache_entries=512 if cache else 0)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def wait_until_up(base: str, child: subprocess.Popen, timeout: float = 30) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise SystemExit(f"the server exited with {child.returncode}")
        try:
            if httpx.get(f"{base}/api/meta", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the server did not start in time")


class Connection:
    """One keep-alive HTTP/1.1 connection to the server, lean on purpose: httpx spends about 0.8 ms of CPU per
    request, which on a 2-core machine shared with the server would make the clients, not the server, the
    bottleneck being measured. Answers must carry a Content-Length (uvicorn's do)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        return cls(*await asyncio.open_connection("127.0.0.1", port))

    async def get(self, target: str) -> tuple[int, bytes]:
        self.writer.write(
            f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode()
        )
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(
            int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:")
        )
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


async def load(port: int, clients: int, requests: int, seconds: float, page: int, total: int) -> dict:
    warmup = requests // 10
    latencies: list[float] = []
    errors = 0
    sent = 0
    pages = max(1, total // page)
    deadline = time.monotonic() + seconds
    rng = random.Random(7)
    expected = min(page, total)

    async def client() -> None:
        nonlocal sent, errors
        connection = await Connection.open(port)
        try:
            while sent < warmup + requests and time.monotonic() < deadline:
                number = sent
                sent += 1
                offset = rng.randrange(pages) * page
                start = time.perf_counter()
                status, body = await connection.get(f"/api/events?limit={page}&offset={offset}")
                elapsed = time.perf_counter() - start
                # Every 50th answer is parsed and checked in full; the others by status and size.
                ok = status == 200 and len(body) > 1000
                if ok and number % 50 == 0:
                    ok = len(json.loads(body)["events"]) == expected
                if not ok:
                    errors += 1
                elif number >= warmup:
                    latencies.append(elapsed)
        finally:
            connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - started
    latencies.sort()
    if not latencies:
        raise SystemExit("no request completed")

    def percentile(q: float) -> float:
        return latencies[min(len(latencies) - 1, round(q * (len(latencies) - 1)))] * 1000

    return {
        "requests": len(latencies),
        "errors": errors,
        "throughput": sent / wall,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": percentile(0.95),
        "p99_ms": percentile(0.99),
        "max_ms": latencies[-1] * 1000,
    }


def run(url: str, args: argparse.Namespace, cache: bool, total: int) -> dict:
    port = free_port()
    command = [sys.executable, __file__, "--serve", url, str(port), "1" if cache else "0"]
    child = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, child)
        return asyncio.run(load(port, args.clients, args.requests, args.seconds, args.page, total))
    finally:
        child.terminate()
        child.wait(timeout=10)


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--serve":
        serve(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1")
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=6000, help="counted requests per mode")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per mode")
    parser.add_argument("--page", type=int, default=100)
    parser.add_argument("--mode", choices=["both", "cached", "uncached"], default="both")
    parser.add_argument("--db", type=Path, help="SQLite file to build or reuse (default: a temporary one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "bench.db"
        url = f"sqlite:///{path}"
        started = time.perf_counter()
        total = build_database(url, args.events)
        print(f"database: {total} events in {path} ({time.perf_counter() - started:.1f} s to build or check)")
        modes = ["cached", "uncached"] if args.mode == "both" else [args.mode]
        for mode in modes:
            result = run(url, args, mode == "cached", total)
            print(
                f"{mode:>8}: {args.clients} clients, {result['requests']} requests of {args.page} events, "
                f"{result['errors']} errors, {result['throughput']:.0f} req/s; latency median "
                f"{result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, "
                f"max {result['max_ms']:.1f} ms"
            )


if __name__ == "__main__":
    main()
