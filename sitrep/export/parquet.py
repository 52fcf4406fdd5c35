"""Parquet export: the flat event table of ``flat.py`` with typed columns (nullable int64, float64, date32,
string), so analysts' tools read figures as numbers and dates as dates."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, BinaryIO

from sitrep.export.flat import COLUMNS, records
from sitrep.model import Dataset

if TYPE_CHECKING:
    import pyarrow as pa


@functools.cache
def schema() -> pa.Schema:
    """The table's typed columns. pyarrow (and numpy with it) loads here, when a Parquet file is written,
    not whenever the export formats are listed."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    return pa.schema([pa.field(name, types[kind], nullable=True) for name, kind in COLUMNS])


def table(dataset: Dataset) -> pa.Table:
    import pyarrow as pa

    rows = records(dataset)
    columns = schema()
    return pa.table(
        {field.name: pa.array([r[field.name] for r in rows], type=field.type) for field in columns},
        schema=columns,
    )


def write(dataset: Dataset, stream: BinaryIO) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table(dataset), stream)
