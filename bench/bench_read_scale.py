"""Benchmark of the read API on a large store: latency at concurrent clients, uncached, and export memory.

    python bench/bench_read_scale.py --db URL [--clients 50] [--requests 500] [--seconds 60] [--workers 1]
                                     [--think 0] [--cache] [--export] [--export-query "date_from=2025-01-01"]

The store comes from ``bench/generate_store.py`` (SQLite or PostgreSQL, at this sitrep's schema revision:
``sitrep db upgrade --db URL`` first). A real uvicorn server runs in a child process on 127.0.0.1, as ``sitrep
serve`` runs it, with ``--workers`` processes (``uvicorn --factory sitrep.api.server:app_from_environment``)
and its answer cache off unless ``--cache``. For each question below, ``--clients`` concurrent keep-alive
clients (``bench_api.Connection``) ask it until ``--requests`` answers or ``--seconds`` have passed, after a
tenth as many uncounted warm-up requests; median, p95 and throughput are printed. ``--think S``: each client
waits a random time (exponential, mean S seconds) after each answer before asking again, as a person reading
the dashboard does; 0 (the default) asks again at once, which measures the server saturated: then latency is
about clients ÷ throughput whatever each request costs.

  events            GET /api/events?limit=100                       (the first page)
  events-filtered   GET /api/events?country=PK&date_from=…&date_to=…&offset=…  (a quarter, a random page)
  event             GET /api/events/{id}                            (a random event in full)
  places-month      GET /api/places?date_from=…&date_to=…           (one month, as the dashboard asks)
  stats-month       GET /api/stats?date_from=…&date_to=…
  places            GET /api/places                                 (every event in the store)
  stats             GET /api/stats
  events-view       GET /api/events?bbox=…&limit=50                 (the dashboard's list: a random view of
                                                                     1.5 × 1 degrees in Pakistan, zoomed in)
  places-view       GET /api/places?bbox=…&limit=2000               (the dashboard's map, the same views)
  events-view-month GET /api/events?bbox=<Pakistan>&date_from=…&date_to=…&limit=50  (zoomed out, a month)
  places-view-month GET /api/places?bbox=<Pakistan>&date_from=…&date_to=…&limit=2000

``--export``: one GET /api/export/geojson (``--export-query`` narrows it), read as it arrives, while the
server's resident memory (all its processes) is sampled every 0.1 s: peak RSS, bytes and seconds are printed.
Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO.parent))

from bench_api import Connection, free_port, wait_until_up  # noqa: E402

TOKEN = "bench-token-0123456789abcdef"


def sample_event_ids(url: str, count: int, seed: int = 7) -> list[str]:
    """``count`` event ids spread over the store (by row id), for the one-event question."""
    from sqlalchemy import func, select

    from sitrep.store.db import open_engine
    from sitrep.store.tables import events

    engine = open_engine(url, must_exist=True)
    try:
        with engine.connect() as connection:
            top = connection.execute(select(func.max(events.c.id))).scalar_one() or 0
            rng = random.Random(seed)
            wanted = sorted({rng.randint(1, top) for _ in range(count)})
            return list(connection.execute(select(events.c.uid).where(events.c.id.in_(wanted))).scalars())
    finally:
        engine.dispose()


def questions(ids: list[str], seed: int = 11) -> dict[str, Callable[[random.Random], str]]:
    from urllib.parse import quote

    def quarter(rng: random.Random) -> str:
        year, q = rng.randint(2019, 2025), rng.randint(0, 3)
        end = ("03-31", "06-30", "09-30", "12-31")[q]
        start = ("01-01", "04-01", "07-01", "10-01")[q]
        offset = rng.randint(0, 9) * 100
        return (
            f"/api/events?country=PK&date_from={year}-{start}&date_to={year}-{end}&limit=100&offset={offset}"
        )

    def month(rng: random.Random) -> str:
        year, m = rng.randint(2019, 2025), rng.randint(1, 12)
        last = 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31
        return f"date_from={year}-{m:02d}-01&date_to={year}-{m:02d}-{last}"

    def view(rng: random.Random) -> str:
        west, south = rng.uniform(61, 73.5), rng.uniform(24, 35)
        return f"bbox={west:.3f},{south:.3f},{west + 1.5:.3f},{south + 1:.3f}"

    pakistan = "bbox=56.6,21,76.4,38"  # the dashboard's first view
    return {
        "events": lambda rng: "/api/events?limit=100",
        "events-filtered": quarter,
        "event": lambda rng: "/api/events/" + quote(rng.choice(ids), safe=""),
        "places-month": lambda rng: "/api/places?" + month(rng),
        "stats-month": lambda rng: "/api/stats?" + month(rng),
        "places": lambda rng: "/api/places",
        "stats": lambda rng: "/api/stats",
        "events-view": lambda rng: f"/api/events?{view(rng)}&limit=50",
        "places-view": lambda rng: f"/api/places?{view(rng)}&limit=2000",
        "events-view-month": lambda rng: f"/api/events?{pakistan}&{month(rng)}&limit=50",
        "places-view-month": lambda rng: f"/api/places?{pakistan}&{month(rng)}&limit=2000",
    }


async def load(
    port: int,
    clients: int,
    requests: int,
    seconds: float,
    target: Callable[[random.Random], str],
    think: float = 0.0,
) -> dict:
    warmup = max(1, requests // 10)
    latencies: list[float] = []
    errors: list[str] = []
    sent = 0
    deadline = time.monotonic() + seconds
    rng = random.Random(3)

    async def client() -> None:
        nonlocal sent
        connection = await Connection.open(port)
        try:
            while sent < warmup + requests and time.monotonic() < deadline:
                number = sent
                sent += 1
                path = target(rng)
                start = time.perf_counter()
                try:
                    status, body = await connection.get(path)
                except (
                    ConnectionError,
                    asyncio.IncompleteReadError,
                ) as error:  # counted, then a new connection
                    status, body = 0, repr(error).encode()
                    connection.close()
                    connection = await Connection.open(port)
                elapsed = time.perf_counter() - start
                if status != 200:
                    errors.append(f"{status} {path}: {body[:200]!r}")
                elif number % 50 == 0:
                    json.loads(body)  # a whole answer, now and then
                if status == 200 and number >= warmup:
                    latencies.append(elapsed)
                if think > 0:
                    await asyncio.sleep(rng.expovariate(1 / think))
        finally:
            connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - started
    latencies.sort()
    if errors:
        print(f"  {len(errors)} errors, the first: {errors[0]}")
    if not latencies:
        return {"requests": 0}
    return {
        "requests": len(latencies),
        "throughput": sent / wall,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))] * 1000,
        "max_ms": latencies[-1] * 1000,
    }


def start_server(url: str, port: int, workers: int, cache: bool) -> subprocess.Popen:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO.parent),
        "SITREP_DB": url,
        "SITREP_TOKEN": TOKEN,
        "SITREP_API_CACHE": "512" if cache else "0",
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", "sitrep.api.server:app_from_environment"]
    command += [
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    command += ["--no-access-log"]
    return subprocess.Popen(command, env=env)


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and its children (uvicorn's workers)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def export(port: int, pid: int, query: str) -> dict:
    import httpx

    peak = rss_bytes(pid)
    before = peak
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, rss_bytes(pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    size = 0
    started = time.perf_counter()
    first_byte = None
    with httpx.stream("GET", f"http://127.0.0.1:{port}/api/export/geojson?{query}", timeout=None) as answer:
        for chunk in answer.iter_bytes():
            if first_byte is None:
                first_byte = time.perf_counter() - started
            size += len(chunk)
        status = answer.status_code
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return {
        "status": status,
        "bytes": size,
        "seconds": seconds,
        "first_byte_s": first_byte,
        "rss_before": before,
        "rss_peak": peak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a store made by bench/generate_store.py")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=500, help="counted requests per question")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per question")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--think", type=float, default=0.0, help="mean seconds a client waits between requests"
    )
    parser.add_argument("--cache", action="store_true", help="keep the server's answer cache on")
    parser.add_argument("--only", nargs="*", help="questions to ask (default: all)")
    parser.add_argument("--export", action="store_true", help="also measure a GeoJSON export's memory")
    parser.add_argument("--export-query", default="", help="filters of the export (default: every event)")
    args = parser.parse_args()

    ids = sample_event_ids(args.db, 2000)
    port = free_port()
    server = start_server(args.db, port, args.workers, args.cache)
    try:  # the server is stopped whatever happens here
        wait_until_up(f"http://127.0.0.1:{port}", server, timeout=120)
        print(
            f"{args.db}: {args.workers} worker(s), answer cache {'on' if args.cache else 'off'}, "
            f"{args.clients} clients (think {args.think:g} s), {os.cpu_count()} CPUs, "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        for name, target in questions(ids).items():
            if args.only and name not in args.only:
                continue
            result = asyncio.run(load(port, args.clients, args.requests, args.seconds, target, args.think))
            if not result["requests"]:
                print(f"{name:>16}: no answer")
                continue
            print(
                f"{name:>16}: {result['requests']:>5} answers, {result['throughput']:7.1f} req/s, median "
                f"{result['median_ms']:8.1f} ms, p95 {result['p95_ms']:8.1f} ms, max {result['max_ms']:8.1f} ms",
                flush=True,
            )
        if args.export:
            found = export(port, server.pid, args.export_query)
            print(
                f"export geojson {args.export_query or '(every event)'}: status {found['status']}, "
                f"{found['bytes'] / 1e6:.1f} MB in {found['seconds']:.1f} s (first byte {found['first_byte_s']:.2f} s); "
                f"server RSS {found['rss_before'] / 1e6:.0f} MB before, peak {found['rss_peak'] / 1e6:.0f} MB"
            )
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # still finishing requests the clients gave up on
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
