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

Country codes, names, regions and Gleditsch-Ward numbers come from ``sitrep/data/countries.tsv``; ACLED's actor
periods, disorder types and source scales and UCDP's names from ``acled_actor_periods.tsv``,
``acled_disorder_types.tsv``, ``source_scales.tsv`` and ``ucdp_names.tsv``.

The ACLED and UCDP exports leave out undated events unless ``include_undated`` (their formats have no row
without a date), and UCDP's the events GED does not code (not organised violence, or a side unknown);
``left_out`` counts both, for the caller to say so. The other formats keep every event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any, TextIO

from sitrep.export import acled, dataset_json, flat, geojson, parquet, toll, ucdp
from sitrep.export._common import Output, OutputError, binary_output, is_undated, text_output
from sitrep.model import ArticleMeta, Dataset, DatasetCampaign, DatasetEvent

__all__ = [
    "EXPORTERS",
    "FORMATS",
    "STREAMED",
    "LeftOut",
    "SUFFIXES",
    "Exporter",
    "OutputError",
    "left_out",
    "write_dataset",
    "write_events",
]


@dataclass(frozen=True, slots=True)
class Exporter:
    """One export format: how to write it, the usual file name ending, and whether it is binary."""

    # (dataset, stream, articles, timestamp, include_undated)
    write: Callable[[Dataset, Any, Mapping[str, ArticleMeta] | None, int | None, bool], None]
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
    "acled": Exporter(
        lambda d, out, articles, stamp, undated: acled.write(d, out, stamp, articles, undated), ".csv"
    ),
    "ucdp": Exporter(lambda d, out, articles, stamp, undated: ucdp.write(d, out, articles, undated), ".csv"),
    "geojson": Exporter(lambda d, out, *_: geojson.write(d, out), ".geojson", pieces=geojson.pieces),
    "json": Exporter(lambda d, out, *_: dataset_json.write(d, out), ".json", pieces=dataset_json.pieces),
    "csv": Exporter(lambda d, out, *_: flat.write(d, out), ".csv", pieces=flat.pieces),
    "parquet": Exporter(
        lambda d, out, *_: parquet.write(d, out),
        ".parquet",
        binary=True,
        pieces=parquet.pieces,
        require=parquet.require,
    ),
    "toll": Exporter(lambda d, out, *_: toll.write(d, out), ".csv", pieces=toll.pieces),
}
FORMATS = tuple(EXPORTERS)
# The formats whose rows need a date: undated events are left out unless asked for.
_DATED = frozenset({"acled", "ucdp"})
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
    include_undated: bool = False,
) -> None:
    """Write ``dataset`` as ``fmt`` to ``out``.

    ``articles`` (article id -> metadata) fills the source names, dates and headlines of the ACLED and UCDP
    exports; without it they come from the events' claims, which carry no headline. ``timestamp`` is ACLED's
    ``timestamp`` column (Unix seconds); the time of the export when not given. ``include_undated`` keeps the
    undated events in the ACLED and UCDP exports (``left_out`` counts what they leave out). Raises ValueError for an unknown
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
        exporter.write(dataset, stream, articles, timestamp, include_undated)


@dataclass(frozen=True, slots=True)
class LeftOut:
    """The events an export leaves out: undated ones (unless asked for), and those its format cannot code."""

    undated: int = 0
    not_coded: int = 0


def left_out(dataset: Dataset, fmt: str, include_undated: bool = False) -> LeftOut:
    """How many of ``dataset``'s events ``fmt`` leaves out, by reason (none for the formats that keep all)."""
    if fmt not in _DATED:
        return LeftOut()
    undated = 0 if include_undated else sum(1 for e in dataset.events if is_undated(e))
    not_coded = 0
    if fmt == "ucdp":
        not_coded = sum(1 for e in dataset.events if ucdp.violence(e) is None and (include_undated or e.date))
    return LeftOut(undated, not_coded)


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
