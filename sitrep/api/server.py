"""``sitrep serve``: the database checked, the token settled, then one uvicorn process for the API and the
dashboard.

The server binds to 127.0.0.1 unless told otherwise. On a loopback address it also accepts only loopback host
names in the ``Host`` header, so a web page elsewhere cannot reach it through a DNS name it points at
127.0.0.1 (DNS rebinding); bound to another address it accepts any host name. CORS is never enabled: pages
from other origins cannot read its answers.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
from collections.abc import Callable

from fastapi import FastAPI

from sitrep.api.app import WEB_DIR, create_app
from sitrep.api.security import resolve_token
from sitrep.errors import SitrepError
from sitrep.store.db import ensure_writable, open_engine, require_schema, shown
from sitrep.web import vendor

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


class PortError(SitrepError):
    """The address cannot be listened on (the port is taken, or the address is not this machine's)."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    url: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    new_token: bool = False,
    say: Callable[[str], None] = print,
) -> None:
    """Run the server until interrupted. Raises ``StoreError`` / ``TokenError`` for problems the user can fix."""
    import uvicorn

    engine = open_engine(url)
    try:
        ensure_writable(engine)
        # An empty database gets sitrep's schema (so text ingest works at once); an older one is refused
        # with the command that upgrades it.
        require_schema(engine, create=True)
        digests, token = resolve_token(engine, new=new_token)
    finally:
        engine.dispose()
    if token is not None:
        say(f"write token (shown this once; only its hash is stored): {token}")
        say("  use it as `Authorization: Bearer <token>`; `sitrep serve --new-token` replaces it")
    absent = vendor.missing(WEB_DIR / "static" / "vendor")
    if absent:
        say(
            f"warning: the dashboard's libraries are missing ({len(absent)} files, e.g. static/vendor/{absent[0]}): "
            "the page will say so; `pip install .` fetches them, or run `python sitrep/web/vendor.py`"
        )
    allowed = [*LOOPBACK_NAMES, host] if is_loopback(host) else None
    app = create_app(url, token_digests=digests, allowed_hosts=allowed)
    listening = bound_socket(host, port)
    # Said only once the port is ours: a busy port is one line, not an announcement followed by a failure.
    where = f"[{host}]" if ":" in host else host
    say(f"sitrep: serving {shown(url)} on http://{where}:{port}/ (API docs at /docs); Ctrl-C stops")
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[listening])


def bound_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` (uvicorn listens on it), or ``PortError`` saying why not."""
    address = host.strip("[]")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    # As uvicorn binds: a port left in TIME_WAIT by the last run is free; one another server listens on is not.
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((address, port))
    except OSError as problem:
        listening.close()
        hint = f" (another server is using it: try --port {port + 1})" if problem.errno == errno.EADDRINUSE else ""
        raise PortError(f"cannot listen on {host}:{port}: {problem.strerror or problem}{hint}") from None
    return listening


def app_from_environment() -> FastAPI:
    """The application for several worker processes, each of which imports it:
    ``SITREP_DB=... uvicorn --factory sitrep.api.server:app_from_environment --workers 4``. The database must
    have sitrep's schema; the write token is ``SITREP_TOKEN`` or the stored one (``sitrep serve`` makes it), never
    a new one (each worker would make its own). ``SITREP_API_CACHE``: answers each worker caches (default 512;
    0 turns the cache off)."""
    from sqlalchemy.orm import Session

    from sitrep.store.review import stored_token_digests, token_digest

    url = os.environ.get("SITREP_DB") or "sqlite:///sitrep.db"
    configured = os.environ.get("SITREP_TOKEN")
    engine = open_engine(url, must_exist=True)
    try:
        require_schema(engine, create=False)
        with Session(engine) as session:
            digests = [token_digest(configured)] if configured else stored_token_digests(session)
    finally:
        engine.dispose()
    return create_app(
        url, token_digests=digests, cache_entries=int(os.environ.get("SITREP_API_CACHE", "512"))
    )
