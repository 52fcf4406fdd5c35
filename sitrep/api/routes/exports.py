"""Exports: the selected events as a download in any ``sitrep export`` format."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse

from sitrep.api.deps import (
    FiltersDep,
    reading,
)
from sitrep.export import EXPORTERS, FORMATS, STREAMED, SUFFIXES, left_out, write_dataset
from sitrep.store.review import Filters

router = APIRouter()


MEDIA_TYPES = {
    "acled": "text/csv",
    "ucdp": "text/csv",
    "csv": "text/csv",
    "toll": "text/csv",
    "json": "application/json",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}


@router.get(
    "/api/export/{fmt}",
    tags=["exports"],
    responses={
        200: {"description": "The file", "content": {t: {} for t in dict.fromkeys(MEDIA_TYPES.values())}}
    },
)
def export(
    http: Request,
    fmt: str,
    filters: FiltersDep,
    include_undated: Annotated[
        bool, Query(description="Keep undated events in the acled and ucdp exports (left out by default).")
    ] = False,
) -> Response:
    """The selected events in one of the `sitrep export` formats (acled, ucdp, geojson, json, csv, parquet,
    toll), corrections applied, as a download. GeoJSON, CSV, toll, JSON and Parquet are sent as the events
    are read. The acled and ucdp files leave out undated events unless `include_undated`, and ucdp the events
    GED does not code; the headers `X-Sitrep-Undated-Left-Out` and `X-Sitrep-Not-Coded-Left-Out` say how
    many (absent when none)."""
    if fmt not in FORMATS:
        raise HTTPException(404, f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    name = f"sitrep-{fmt}{SUFFIXES[fmt]}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if fmt in STREAMED:
        chunks = _streamed(http, fmt, filters)
        # The first chunk is read here: a store that cannot be read is still an error status, not a cut file.
        first = next(chunks, b"")
        return StreamingResponse(
            itertools.chain([first], chunks), media_type=MEDIA_TYPES[fmt], headers=headers
        )
    with reading(http) as reader:
        dataset = reader.dataset(filters)
        articles = reader.articles_of(a for e in dataset.events for a in e.article_ids)
    out = io.BytesIO()
    write_dataset(dataset, fmt, out, articles=articles, include_undated=include_undated)
    missing = left_out(dataset, fmt, include_undated)
    if missing.undated:
        headers["X-Sitrep-Undated-Left-Out"] = str(missing.undated)
    if missing.not_coded:
        headers["X-Sitrep-Not-Coded-Left-Out"] = str(missing.not_coded)
    return Response(content=out.getvalue(), media_type=MEDIA_TYPES[fmt], headers=headers)


def _streamed(http: Request, fmt: str, filters: Filters, size: int = 1 << 16) -> Iterator[bytes]:
    """The export written as the events are read, in chunks of about ``size`` bytes (one per send, not one per
    event: each is a hop to the event loop)."""
    pieces = EXPORTERS[fmt].pieces
    assert pieces is not None
    with reading(http) as reader:
        events, campaigns = reader.streamed(filters)
        buffer: list[bytes] = []
        held = 0
        for piece in pieces(events, campaigns):
            buffer.append(piece.encode() if isinstance(piece, str) else piece)
            held += len(buffer[-1])
            if held >= size:
                yield b"".join(buffer)
                buffer, held = [], 0
        yield b"".join(buffer)
