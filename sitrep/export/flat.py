"""The analyst's table: one row per event, flat typed columns (``sitrep.resolve.flat``: which columns and
how each is filled). Written as CSV (``csv``) or Parquet (``parquet``, see ``parquet.py``); both hold the same
rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from sitrep.export._common import cell, csv_pieces
from sitrep.model import Dataset, DatasetEvent
from sitrep.resolve.flat import COLUMN_NAMES, record


def pieces(events: Iterable[DatasetEvent], _campaigns: Callable[[], object] | None = None) -> Iterator[str]:
    """The CSV, a few hundred events at a time, read as they come."""
    rows = ([cell(values[name]) for name in COLUMN_NAMES] for values in (record(event) for event in events))
    return csv_pieces(itertools.chain([COLUMN_NAMES], rows))


def write(dataset: Dataset, stream: TextIO) -> None:
    for piece in pieces(dataset.events):
        stream.write(piece)
