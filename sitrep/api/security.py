"""The write token, checked before anything else, and the headers every response carries.

**Token.** ``SITREP_TOKEN`` when set; otherwise a token generated on the first run against a database, printed
once by ``sitrep serve`` and stored only as its SHA-256 in the database (table ``api_tokens``), so a copy of
the database does not give the token away. ``sitrep serve --new-token`` replaces it.

**Checked first.** ``TokenGuard`` is plain ASGI middleware in front of the application: for every request
that is not GET/HEAD/OPTIONS it compares the ``Authorization: Bearer`` token before the application runs, so
a write without a valid token gets 401 without its body ever being read, parsed or validated (a malformed body
cannot turn a 401 into a 422), and the answer is the same for paths that do not exist.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Callable, Sequence

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.errors import SitrepError
from sitrep.store.db import WRITE, reported
from sitrep.store.review import replace_token, stored_token_digests, token_digest

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MIN_TOKEN_CHARS = 16
# Request bodies above this are refused before they are read (an article is capped at 5 MB of text).
MAX_BODY_BYTES = 6 * 1024 * 1024


class TokenError(SitrepError, ValueError):
    """The configured token cannot be used (too short)."""


def resolve_token(engine: Engine, *, new: bool = False) -> tuple[list[str], str | None]:
    """The SHA-256 digests of the accepted token and, when one was just generated, the token itself (to be
    printed once). ``SITREP_TOKEN`` wins over the stored one; ``new`` replaces the stored one."""
    configured = os.environ.get("SITREP_TOKEN")
    if configured:
        if len(configured) < MIN_TOKEN_CHARS:
            raise TokenError(f"SITREP_TOKEN must be at least {MIN_TOKEN_CHARS} characters")
        return [token_digest(configured)], None
    write_engine = engine.execution_options(**{WRITE: True})
    with reported(engine.url), Session(bind=write_engine) as session, session.begin():
        digests = stored_token_digests(session)
        if digests and not new:
            return digests, None
        token = secrets.token_urlsafe(32)
        replace_token(session, token)
    return [token_digest(token)], token


def bearer(headers: Headers) -> str | None:
    value = headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def token_ok(token: str | None, digests: Sequence[str]) -> bool:
    if not token:
        return False
    digest = token_digest(token)
    # Compare every digest in constant time (no early exit): timing says nothing about which was close.
    return any([hmac.compare_digest(digest, known) for known in digests])


def _unauthorized(message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=401, headers={"WWW-Authenticate": "Bearer"})


class TokenGuard:
    """ASGI middleware: writes need the token, checked before the request reaches the application."""

    def __init__(self, app: ASGIApp, digests: Callable[[], Sequence[str]]) -> None:
        self.app = app
        self.digests = digests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if not token_ok(bearer(headers), self.digests()):
            await _unauthorized("a valid token is required: Authorization: Bearer <token>")(
                scope, receive, send
            )
            return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            response = JSONResponse({"detail": "request body too large"}, status_code=413)
            await response(scope, receive, send)
            return
        await self.app(scope, _capped(receive), send)


def _capped(receive: Receive) -> Receive:
    """``receive`` that stops a body without a Content-Length (chunked) once it passes the cap."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_BODY_BYTES:
                raise ValueError("request body too large")
        return message

    return wrapped


# Scripts and styles only from this server: a second line of defence should escaping ever fail.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI sets inline styles; the docs page allows them (and nothing else more).
DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)


class SecurityHeaders:
    """ASGI middleware adding the same protective headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CONTENT_SECURITY_POLICY if scope["path"] == "/docs" else CONTENT_SECURITY_POLICY

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", policy.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
