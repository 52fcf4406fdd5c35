"""Exports: the selected events as a download in any ``sitrep export`` format."""

from __future__ import annotations

import io

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from sitrep.api.deps import (
    FiltersDep,
    reading,
)
from sitrep.export import FORMATS, SUFFIXES, write_dataset

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
def export(http: Request, fmt: str, filters: FiltersDep) -> Response:
    """The selected events in one of the `sitrep export` formats (acled, ucdp, geojson, json, csv, parquet,
    toll), corrections applied, as a download."""
    if fmt not in FORMATS:
        raise HTTPException(404, f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    with reading(http) as reader:
        dataset = reader.dataset(filters)
        articles = reader.articles_of(a for e in dataset.events for a in e.article_ids)
    out = io.BytesIO()
    write_dataset(dataset, fmt, out, articles=articles)
    name = f"sitrep-{fmt}{SUFFIXES[fmt]}"
    return Response(
        content=out.getvalue(),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
