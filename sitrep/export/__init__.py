"""Writers of the reconciled dataset in the formats analysts' tools read.

``write_dataset(dataset, fmt, out)`` writes one of ``FORMATS`` to a file path (written to a temporary file
beside it and moved into place when complete) or to an open stream (text or binary; Parquet needs a path or a
binary stream). One module per format, each documenting the conventions it applies:

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

from collections.abc import Mapping

from sitrep.export import acled, dataset_json, flat, geojson, parquet, toll, ucdp
from sitrep.export._common import Output, binary_output, text_output
from sitrep.model import ArticleMeta, Dataset

__all__ = ["FORMATS", "SUFFIXES", "write_dataset"]

FORMATS = ("acled", "ucdp", "geojson", "json", "csv", "parquet", "toll")

# The usual file name ending of each format, for callers that name output files.
SUFFIXES = {
    "acled": ".csv",
    "ucdp": ".csv",
    "geojson": ".geojson",
    "json": ".json",
    "csv": ".csv",
    "parquet": ".parquet",
    "toll": ".csv",
}


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
    format, a text stream given for Parquet, or two events whose ids map to the same export number.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        with binary_output(out) as stream:
            parquet.write(dataset, stream)
        return
    with text_output(out) as text:
        if fmt == "acled":
            acled.write(dataset, text, timestamp, articles)
        elif fmt == "ucdp":
            ucdp.write(dataset, text, articles)
        elif fmt == "geojson":
            geojson.write(dataset, text)
        elif fmt == "json":
            dataset_json.write(dataset, text)
        elif fmt == "csv":
            flat.write(dataset, text)
        else:
            toll.write(dataset, text)
