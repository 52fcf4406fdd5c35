"""Benchmark of what the dashboard asks for a map view, read in-process (no server, one request at a time).

    python bench/bench_views.py --db URL [--runs 3]

For three views of a store made by ``bench/generate_store.py`` (a city, a province and all of Pakistan, the
dashboard's first view), over all dates and over one month: the list's first and third page of 50
(``ReviewedReader.page``, as ``/api/events?bbox=…&limit=50&offset=…``) and the places with their counts
(``ReviewedReader.tallies``, as ``/api/places?bbox=…``); the median of ``--runs`` runs each. The review is read
and its touched events built once first, as the API does once per data version. Nothing is written: a SQLite
store can be opened read-only (``sqlite:///file:PATH?immutable=1&uri=true``), so the schema revision does not
matter. ``bench_read_scale.py`` asks the same questions (``events-view``, ``places-view``, …) of a server at
50 concurrent clients.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

VIEWS = {
    "city (Quetta, 1 x 0.6 deg)": "66.5,29.9,67.5,30.5",
    "province (10 x 7 deg)": "60,24,70,31",
    "Pakistan, the first view (20 x 17 deg)": "56.6,21,76.4,38",
}
MONTH = (dt.date(2024, 5, 1), dt.date(2024, 5, 31))
PLACE_FIELDS = ("place", "country_code", "admin1", "admin2", "lat", "lon")


def questions(filters: Any) -> dict[str, Callable[[Any], Any]]:
    """What the dashboard asks for one view, each of a new ``ReviewedReader`` (one request)."""
    return {
        "list, page 1": lambda reader: reader.page(filters, 0, 50)[0],
        "list, page 3": lambda reader: reader.page(filters, 100, 50)[0],
        "places": lambda reader: len(reader.tallies(filters, *PLACE_FIELDS)),
    }


def main() -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from sitrep.store.filters import BBox, EventFilter
    from sitrep.store.review import Filters, ReviewedReader
    from sitrep.store.review.reader import SharedReview
    from sitrep.store.review.state import Reviews

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a store made by bench/generate_store.py")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    engine = create_engine(args.db)
    with Session(engine) as session:
        started = time.perf_counter()
        shared = SharedReview(Reviews(session))
        ReviewedReader(session, shared).page(Filters(), 0, 50)
        print(f"the review read and its touched events built: {time.perf_counter() - started:.1f} s")
        for view, box in VIEWS.items():
            for dates in (None, MONTH):
                first, last = dates or (None, None)
                filters = Filters(EventFilter(date_from=first, date_to=last, bbox=BBox.parse(box)))
                for question, ask in questions(filters).items():
                    times = []
                    for _ in range(args.runs):
                        started = time.perf_counter()
                        answer = ask(
                            ReviewedReader(session, shared)
                        )  # a new request: nothing kept but the review
                        times.append(time.perf_counter() - started)
                    what = "places" if question == "places" else "events in view"
                    print(
                        f"{view:40} {'May 2024' if dates else 'all dates':9} {question:13} "
                        f"median {statistics.median(times) * 1000:7.0f} ms  ({answer} {what})",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
