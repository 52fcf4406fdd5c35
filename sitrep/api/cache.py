"""The answer cache of the list endpoints: JSON bytes keyed by the request and the data's version."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qsl, urlencode

import anyio
from fastapi.responses import Response
from sqlalchemy import Engine, func, select
from starlette.types import ASGIApp, Receive, Scope, Send

from sitrep.store.review import (
    ReviewChangeRow,
)
from sitrep.store.tables import (
    ArticleRow,
)

# The list endpoints whose answers are cached (the dashboard and API clients ask them over and over).
CACHED_PATHS = frozenset({"/api/events", "/api/stats", "/api/places", "/api/campaigns"})


class ReadCache:
    """Serialised answers of read endpoints, valid while the data's version is unchanged (module docstring).

    The version is read at most every ``max_age`` seconds (0.1): under load one query serves hundreds of
    requests, and an ingest by another process shows within that time. Writes through this API clear the
    cache at once."""

    def __init__(self, engine: Engine, entries: int = 512, max_age: float = 0.1) -> None:
        self.engine = engine
        self.entries = entries
        self.max_age = max_age
        self._answers: OrderedDict[str, tuple[tuple[Any, ...], bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self._version: tuple[Any, ...] | None = None
        self._checked = 0.0

    def version(self) -> tuple[Any, ...]:
        with self._lock:
            if self._version is not None and time.monotonic() - self._checked < self.max_age:
                return self._version
        query = select(
            select(func.max(ArticleRow.id)).scalar_subquery(),
            select(func.max(ReviewChangeRow.id)).scalar_subquery(),
        )
        with self.engine.connect() as connection:
            version = tuple(connection.execute(query).one())
        with self._lock:
            self._version, self._checked = version, time.monotonic()
        return version

    def fresh(self) -> bool:
        """Whether ``version()`` would answer without reading the database."""
        return self._version is not None and time.monotonic() - self._checked < self.max_age

    def get(self, key: str, version: tuple[Any, ...]) -> bytes | None:
        with self._lock:
            found = self._answers.get(key)
            if found is None or found[0] != version:
                return None
            self._answers.move_to_end(key)
            return found[1]

    def put(self, key: str, version: tuple[Any, ...], body: bytes) -> None:
        if self.entries <= 0:
            return
        with self._lock:
            self._answers[key] = (version, body)
            self._answers.move_to_end(key)
            while len(self._answers) > self.entries:
                self._answers.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
            self._version = None


def cache_key(path: str, query_string: str) -> str:
    """One key for one question, whatever the order of its query parameters."""
    return f"{path}?{urlencode(sorted(parse_qsl(query_string, keep_blank_values=True)))}"


class CachedReads:
    """ASGI middleware answering cached GETs of ``paths`` straight from the cache: no routing, validation or
    thread hop, which is most of a request's cost once the answer is known. Misses go to the application,
    whose endpoints fill the cache."""

    def __init__(self, app: ASGIApp, cache: ReadCache, paths: frozenset[str]) -> None:
        self.app = app
        self.cache = cache
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] in self.paths:
            if self.cache.fresh():
                version = self.cache.version()
            else:  # reading the version touches the database: not on the event loop
                version = await anyio.to_thread.run_sync(self.cache.version)
            body = self.cache.get(cache_key(scope["path"], scope["query_string"].decode("latin-1")), version)
            if body is not None:
                await Response(content=body, media_type="application/json")(scope, receive, send)
                return
        await self.app(scope, receive, send)


# --- request plumbing ---------------------------------------------------------------------------------------
