"""How soon the fetcher gives up: a server that answers late, one that trickles its body, one that trickles its
headers (never finishing them), and a body far over the size cap, each fetched several times on loopback; the
median seconds of each are printed.

    python bench/bench_fetch_deadlines.py [--runs 5]

The tests check that each deadline or cap fires (the fetch fails with the reason); this measures how long it
takes, which depends on the machine and its load, so it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitrep.sources.fetch import Fetcher  # noqa: E402
from tests.web_server import start  # noqa: E402

CASES = {
    "read deadline 0.3 s, server answers after 3 s": ("/slow", {"read_timeout": 0.3}),
    "total deadline 0.5 s, body trickles for 5 s": ("/drip", {"read_timeout": 1.0, "total_timeout": 0.5}),
    "total deadline 1 s, headers trickle for 60 s": (
        "/trickle-headers?seconds=60",
        {"read_timeout": 2.0, "total_timeout": 1.0},
    ),
    "5 MB cap, 50 MB body": ("/huge", {}),
    "5 MB cap, gzip bomb": ("/gzip-bomb", {}),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    server = start("127.0.0.1")
    try:
        for label, (path, options) in CASES.items():
            seconds = []
            for _ in range(args.runs):
                settings = {"allow_private": True, "connect_timeout": 2.0, "read_timeout": 2.0}
                settings |= {"total_timeout": 5.0, "min_interval": 0.0, **options}
                with Fetcher(**settings) as fetcher:  # type: ignore[arg-type]
                    started = time.perf_counter()
                    fetcher.fetch(server.base + path)
                    seconds.append(time.perf_counter() - started)
            print(f"{label:<46} median {statistics.median(seconds):.2f} s (max {max(seconds):.2f} s)")
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
