"""Writers of the reconciled dataset in the formats analysts' tools read.

``write_dataset(dataset, fmt, out)`` writes one of ``FORMATS`` to a file path or to an open stream (text or
binary; Parquet needs a path or a binary stream). A regular file (or a new one, or a symbolic link's target) is
written to a temporary file beside it and moved into place when complete; a device or a named pipe is written
in place, as a stream; a folder or a place that cannot be written raises ``OutputError`` (one line). One module per format, each documenting the conventions it applies:

  acled     ``acled.py``         ACLED's export columns and conventions (conservative fatalities, period suffixes)
  ucdp      ``ucdp.py``          UCDP GED's columns (type of violence, sides, deaths by side, best/low/high)
  geojson   ``geojson.py``       a FeatureCollection of event points
  json      ``dataset_json.py``  the ``Dataset`` document, every claim included
  csv       ``flat.py``          one flat row per event, for spreadsheets
  parquet   ``parquet.py``       the same table, typed
  toll      ``toll.py``          each source's figures over publication time

Country codes, names and regions come from ``sitrep/data/countries.tsv``; ACLED's actor periods and disorder
types and UCDP's names from ``acled_actor_periods.tsv``, ``acled_disorder_types.tsv`` and ``ucdp_names.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any, TextIO

from sitrep.export import acled, dataset_json, flat, geojson, parquet, toll, ucdp
from sitrep.export._common import Output, OutputError, binary_output, text_output
from sitrep.model import ArticleMeta, Dataset, DatasetCampaign, DatasetEvent

__all__ = [
    "EXPORTERS",
    "FORMATS",
    "STREAMED",
    "SUFFIXES",
    "Exporter",
    "OutputError",
    "write_dataset",
    "write_events",
]


@dataclass(frozen=True, slots=True)
class Exporter:
    """One export format: how to write it, the usual file name ending, and whether it is binary."""

    write: Callable[[Dataset, Any, Mapping[str, ArticleMeta] | None, int | None], None]
    suffix: str
    binary: bool = False
    # Streaming formats: the text (bytes for a binary format), piece by piece, from events read once as they
    # come and the campaigns asked for after the last event (``write_events``).
    pieces: Callable[[Iterable[DatasetEvent], Callable[[], list[DatasetCampaign]]], Iterator[Any]] | None = (
        None
    )
    # Loads what the format needs before anything is opened; raises MissingExtraError (one line) without it.
    require: Callable[[], object] | None = None


# The registry of formats, in the order the command line lists them. A new format is one module and one line.
EXPORTERS: dict[str, Exporter] = {
    "acled": Exporter(lambda d, out, articles, stamp: acled.write(d, out, stamp, articles), ".csv"),
    "ucdp": Exporter(lambda d, out, articles, stamp: ucdp.write(d, out, articles), ".csv"),
    "geojson": Exporter(
        lambda d, out, articles, stamp: geojson.write(d, out), ".geojson", pieces=geojson.pieces
    ),
    "json": Exporter(
        lambda d, out, articles, stamp: dataset_json.write(d, out), ".json", pieces=dataset_json.pieces
    ),
    "csv": Exporter(lambda d, out, articles, stamp: flat.write(d, out), ".csv", pieces=flat.pieces),
    "parquet": Exporter(
        lambda d, out, articles, stamp: parquet.write(d, out),
        ".parquet",
        binary=True,
        pieces=parquet.pieces,
        require=parquet.require,
    ),
    "toll": Exporter(lambda d, out, articles, stamp: toll.write(d, out), ".csv", pieces=toll.pieces),
}
FORMATS = tuple(EXPORTERS)
# The usual file name ending of each format, for callers that name output files.
SUFFIXES = {name: exporter.suffix for name, exporter in EXPORTERS.items()}
# The formats written as the events are read (the others need every event first: campaign shares, one document).
STREAMED = frozenset(name for name, exporter in EXPORTERS.items() if exporter.pieces is not None)


def write_dataset(
    dataset: Dataset,
    fmt: str,
    out: Output,
    *,
    articles: Mapping[str, ArticleMeta] | None = None,
    timestamp: int | None = None,
) -> None:
    """Write ``dataset`` as ``fmt`` to ``out``.

    ``articles`` (article id -> metadata) fills the source names, dates and headlines of the ACLED and UCDP
    exports; without it they come from the events' claims, which carry no headline. ``timestamp`` is ACLED's
    ``timestamp`` column (Unix seconds); the time of the export when not given. Raises ValueError for an unknown
    format, a text stream given for Parquet, or two events whose ids map to the same export number;
    ``OutputError`` for a path that cannot be written.
    """
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if exporter.require is not None:
        exporter.require()
    opened = binary_output(out) if exporter.binary else text_output(out)
    stream: IO[bytes] | TextIO
    with opened as stream:
        exporter.write(dataset, stream, articles, timestamp)


def write_events(
    events: Iterable[DatasetEvent],
    campaigns: Callable[[], list[DatasetCampaign]],
    fmt: str,
    out: Output,
) -> None:
    """Write a ``STREAMED`` format from ``events`` read once, as they come (memory stays flat), and
    ``campaigns``, asked for after the last event. The bytes are those ``write_dataset`` writes."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None or exporter.pieces is None:
        raise ValueError(f"{fmt!r} is not written as a stream: one of {', '.join(sorted(STREAMED))}")
    if exporter.require is not None:
        exporter.require()
    opened = binary_output(out) if exporter.binary else text_output(out)
    with opened as stream:
        for piece in exporter.pieces(events, campaigns):
            stream.write(piece)  # type: ignore[arg-type]
