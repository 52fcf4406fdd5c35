"""Parquet export: the flat event table of ``flat.py`` with typed columns (nullable int64, float64, date32,
string), so analysts' tools read figures as numbers and dates as dates."""

from __future__ import annotations

from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from sitrep.export.flat import COLUMNS, ColumnType, records
from sitrep.model import Dataset

_TYPES: dict[ColumnType, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "date": pa.date32(),
}

SCHEMA = pa.schema([pa.field(name, _TYPES[kind], nullable=True) for name, kind in COLUMNS])


def table(dataset: Dataset) -> pa.Table:
    rows = records(dataset)
    return pa.table(
        {name: pa.array([r[name] for r in rows], type=_TYPES[kind]) for name, kind in COLUMNS}, schema=SCHEMA
    )


def write(dataset: Dataset, stream: BinaryIO) -> None:
    pq.write_table(table(dataset), stream)
