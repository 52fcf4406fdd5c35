"""Ingest: an article or a URL read, extracted and stored as ``sitrep ingest`` does (needs the token)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from sitrep.api.deps import (
    WRITES,
)
from sitrep.api.schemas import (
    IngestRequest,
    IngestResult,
)

router = APIRouter()


@router.post("/api/ingest", response_model=IngestResult, dependencies=WRITES, tags=["ingest"])
def ingest(http: Request, request: IngestRequest) -> JSONResponse:
    """Read an article (``text``, offline) or a URL (a page or a feed; private addresses are refused),
    extract it and store it as ``sitrep ingest`` does. 422 when nothing could be stored."""
    from sitrep.api.ingest import article_from_text, articles_from_url, store_articles

    if request.text is not None:
        items: list[Any] = [article_from_text(request)]
    else:
        items = articles_from_url(request.url or "", http.app.state.fetcher_factory)
    with http.app.state.ingest_lock:
        result = store_articles(http.app.state.engine, items)
    http.app.state.cache.clear()
    status = 422 if result.problems and not result.stored else 200
    return JSONResponse(result.model_dump(mode="json"), status_code=status)
