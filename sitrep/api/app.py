"""The REST API and the dashboard, one FastAPI application over the event store.

Reads go through ``sitrep.store.review.ReviewedReader`` so every answer shows the analysts' corrections.
Writes (review actions, ingest) need the token (``sitrep.api.security``). JSON answers of the list endpoints
are cached as bytes, keyed by the request and the data's version: the newest article row and the newest review
change. The store only ever adds articles, and every change to its events happens in the transaction that adds
one, so the version changes exactly when an answer could; checking it costs one indexed query.

``create_app`` only assembles: the store and the cache on ``app.state``, the middleware, the translation of the
store's and the review's errors into HTTP statuses, and the routers of ``sitrep.api.routes`` (one per resource:
events, campaigns, articles, stats, exports, review, ingest), whose shared dependencies are in
``sitrep.api.deps``.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from sitrep.api.cache import CACHED_PATHS, CachedReads, ReadCache
from sitrep.api.deps import WEB_DIR, sitrep_version
from sitrep.api.routes import alerts, articles, campaigns, events, exports, ingest, review, stats
from sitrep.api.security import SecurityHeaders, TokenGuard
from sitrep.errors import SitrepError
from sitrep.store.db import open_engine
from sitrep.store.review import ReviewSnapshots
from sitrep.web import vendor

REQUEST_THREADS = 40  # anyio's default thread limit, where FastAPI runs the (synchronous) routes


def create_app(
    url: str,
    *,
    token_digests: Sequence[str],
    allowed_hosts: Sequence[str] | None = None,
    fetcher_factory: Callable[[], Any] | None = None,
    cache_entries: int = 512,
    cache_max_age: float = 0.1,
) -> FastAPI:
    """The application over the database at ``url`` (which must have sitrep's schema).

    ``token_digests``: SHA-256 digests of the accepted write tokens (``security.resolve_token``).
    ``allowed_hosts``: Host header values accepted (``None``: any); a server on loopback accepts only loopback
    names, so a web page cannot reach it by pointing a domain of its own at 127.0.0.1 (DNS rebinding).
    ``fetcher_factory``: makes the ``Fetcher`` for URL ingest (tests); the default refuses private addresses.
    """
    # A connection for each of the request threads (anyio's default limit): a busy server queues requests
    # for a thread, never holds a thread waiting for a connection until the pool gives up.
    engine = open_engine(url, must_exist=True, connections=REQUEST_THREADS)
    cache = ReadCache(engine, cache_entries, cache_max_age)
    digests = list(token_digests)
    ingest_lock = threading.Lock()  # one ingest at a time: each writer loads every article's fingerprint

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Iterator[None]:  # type: ignore[misc]
        yield
        engine.dispose()

    app = FastAPI(
        title="sitrep",
        version=sitrep_version(),
        description=(
            "Sourced conflict events: every casualty figure with who claims it. Reads are open; writes "
            "(review, ingest) need `Authorization: Bearer <token>`."
        ),
        docs_url=None,  # served below from the local copy of Swagger UI: the default page loads it from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    # Added last = runs first: the token guard sees every request before anything else does.
    app.add_middleware(CachedReads, cache=cache, paths=CACHED_PATHS)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(TokenGuard, digests=lambda: digests)
    app.state.engine = engine
    app.state.cache = cache
    app.state.reviews = ReviewSnapshots()  # the review's touched events, built once per data version
    app.state.digests = digests
    app.state.fetcher_factory = fetcher_factory
    app.state.ingest_lock = ingest_lock

    @app.exception_handler(SitrepError)
    async def user_error(_request: Request, error: SitrepError) -> JSONResponse:
        # One translation for every problem a user can fix: its status travels with it (``sitrep.errors``).
        return JSONResponse({"detail": str(error)}, status_code=error.http_status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> Response:
        # FastAPI's own answer, made writable: it echoes the input, and a lone surrogate there ("\\ud800" in a
        # posted text) cannot be encoded as UTF-8, which turned a 422 into a 500. Such a character becomes "?".
        body = json.dumps(
            {"detail": jsonable_encoder(error.errors())}, ensure_ascii=False, separators=(",", ":")
        )
        return Response(body.encode("utf-8", "replace"), status_code=422, media_type="application/json")

    # One router per resource (``sitrep.api.routes``), in the order the API documents them.
    for routes in (events, campaigns, articles, stats, exports, review, ingest, alerts):
        app.include_router(routes.router)

    # -- dashboard and docs --

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_docs_page(app))

    # check_dir=False: a source tree without the dashboard build still serves the API.
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static", check_dir=False), name="static")
    return app


def _docs_page(app: FastAPI) -> str:
    """Swagger UI from the local copy the dashboard build makes; without it, a plain list of the endpoints."""
    if "swagger-ui/swagger-ui-bundle.js" not in vendor.missing(WEB_DIR / "static" / "vendor"):
        return (
            "<!doctype html><html lang=en><head><meta charset=utf-8><link rel=icon href='data:,'><title>sitrep API</title>"
            '<link rel=stylesheet href="/static/vendor/swagger-ui/swagger-ui.css"></head>'
            '<body><div id="swagger-ui"></div>'
            '<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>'
            '<script src="/static/docs.js"></script></body></html>'
        )
    rows = []
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            summary = operation.get("summary", "")
            rows.append(
                f"<li><code>{html.escape(method.upper())} {html.escape(path)}</code> {html.escape(summary)}</li>"
            )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><link rel=icon href='data:,'><title>sitrep API</title></head><body>"
        "<h1>sitrep API</h1><p>The interactive docs need the dashboard's libraries, which the package build "
        "fetches (<code>pip install .</code>, or <code>python sitrep/web/vendor.py</code>). The OpenAPI document is at "
        '<a href="/openapi.json">/openapi.json</a>.</p><ul>' + "".join(rows) + "</ul></body></html>"
    )
