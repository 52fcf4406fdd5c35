"""Parquet export: the flat event table of ``flat.py`` with typed columns (nullable int64, float64, date32,
string), so analysts' tools read figures as numbers and dates as dates. Written a row group of
``ROW_GROUP`` events at a time, as the events are read: memory holds one row group, whatever the export's size."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from types import ModuleType
from typing import TYPE_CHECKING, BinaryIO

from sitrep.errors import optional_module
from sitrep.model import Dataset, DatasetEvent
from sitrep.resolve.flat import COLUMNS, record

if TYPE_CHECKING:
    import pyarrow as pa

ROW_GROUP = 10_000


def require(module: str = "pyarrow.parquet") -> ModuleType:
    """pyarrow (the ``parquet`` extra), or one line saying how to install it. It loads (numpy with it) when a
    Parquet file is written, not whenever the export formats are listed."""
    return optional_module(module, "parquet", "Parquet export")


@functools.cache
def schema() -> pa.Schema:
    """The table's typed columns."""
    pa = require("pyarrow")

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    return pa.schema([pa.field(name, types[kind], nullable=True) for name, kind in COLUMNS])


def table(events: Iterable[DatasetEvent]) -> pa.Table:
    """The events as one typed table."""
    pa = require("pyarrow")

    rows = [record(event) for event in events]
    columns = schema()
    return pa.table(
        {field.name: pa.array([r[field.name] for r in rows], type=field.type) for field in columns},
        schema=columns,
    )


class _Drained(io.RawIOBase):
    """A write-only file whose bytes are taken away as they are written (``drain``)."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._parts.append(bytes(data))
        return len(data)

    def drain(self) -> bytes:
        out, self._parts = b"".join(self._parts), []
        return out


def pieces(
    events: Iterable[DatasetEvent], _campaigns: Callable[[], object] | None = None, row_group: int = ROW_GROUP
) -> Iterator[bytes]:
    """The file's bytes, one row group of ``row_group`` events at a time, read as they come."""
    pq = require()

    sink = _Drained()
    with pq.ParquetWriter(sink, schema()) as writer:
        remaining = iter(events)
        while chunk := list(islice(remaining, row_group)):
            writer.write_table(table(chunk))
            yield sink.drain()
    yield sink.drain()  # the footer, written on closing


def write(dataset: Dataset, stream: BinaryIO) -> None:
    for piece in pieces(dataset.events):
        stream.write(piece)
