"""A real HTTP server on loopback for the fetching, ingest and watch tests.

It serves the pages and feeds in tests/fixtures/web/ (fiction written by the team) and the bad cases (redirect
loop, 404, 50 MB, PDF, slow, ...). ``server.routes`` lets a test add or change a path while the server runs
(a feed that gains items between two polls, a source that starts failing).
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

WEB = Path(__file__).parent / "fixtures" / "web"
HUGE = 50 * 1024 * 1024
ETAG = '"rev-7"'
LAST_MODIFIED = "Tue, 15 Apr 2025 12:00:00 GMT"


# -- the loopback server ---------------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    server: FixtureServer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: C901 - one route table, read top to bottom
        self.server.seen.append(
            (time.monotonic(), self.path, {k.lower(): v for k, v in self.headers.items()})
        )
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        try:
            if path in self.server.routes:
                self.server.routes[path](self)
            elif path.startswith("/news/") and (WEB / path.lstrip("/")).is_file():
                body = self.fixture(path)
                charset = "" if path.endswith("windows-1252.html") else "; charset=utf-8"
                self.send(200, body, "text/html" + charset)
            elif path == "/news/header-charset.html":
                # Same windows-1252 bytes, charset only in the HTTP header (meta removed).
                body = self.fixture("/news/windows-1252.html").replace(
                    b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', b""
                )
                self.send(200, body, "text/html; charset=windows-1252")
            elif path == "/feeds/links-only.rss":
                self._conditional(self.fixture(path), "application/rss+xml")
            elif path == "/feeds/full-text.atom":
                self.send(200, self.fixture(path), "application/atom+xml")
            elif path == "/feeds/as-text":
                self.send(200, self.fixture("/feeds/links-only.rss"), "text/plain")
            elif path == "/conditional":
                self._conditional(self.fixture("/news/relief-convoy.html"), "text/html; charset=utf-8")
            elif path == "/gzip":
                body = gzip.compress(self.fixture("/news/checkpoint-attack.html"))
                self.send(200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
            elif path == "/deflate":
                body = zlib.compress(self.fixture("/news/checkpoint-attack.html"))
                self.send(200, body, "text/html; charset=utf-8", {"Content-Encoding": "deflate"})
            elif path == "/raw-deflate":  # deflate without the zlib wrapper, as some servers send it
                packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
                body = packer.compress(self.fixture("/news/checkpoint-attack.html")) + packer.flush()
                self.send(200, body, "text/html; charset=utf-8", {"Content-Encoding": "deflate"})
            elif path == "/no-content-type":
                self.send(200, self.fixture("/news/relief-convoy.html"), None)
            elif path.startswith("/redirect/chain/"):
                left = int(path.rsplit("/", 1)[1])
                target = f"/redirect/chain/{left - 1}" if left > 0 else "/news/checkpoint-attack.html"
                self.send(302, b"", "text/html", {"Location": target})
            elif path == "/redirect/to":
                self.send(302, b"", "text/html", {"Location": query["url"][0]})
            elif path in ("/loop/a", "/loop/b"):
                self.send(301, b"", "text/html", {"Location": "/loop/b" if path == "/loop/a" else "/loop/a"})
            elif path == "/set-cookie":
                headers = {"Set-Cookie": "session=abc123; Path=/", "Location": "/news/relief-convoy.html"}
                self.send(302, b"", "text/html", headers)
            elif path == "/doc.pdf":
                self.send(200, b"%PDF-1.4\n% fixture\n", "application/pdf")
            elif path == "/image.png":
                self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
            elif path == "/plain.txt":
                self.send(200, b"Just a note, not a page.\n", "text/plain; charset=utf-8")
            elif path == "/busy":
                self.send(503, b"busy", "text/plain", {"Retry-After": "120"})
            elif path == "/huge":
                self._stream(HUGE, declare=False)
            elif path == "/huge-declared":
                self._stream(HUGE, declare=True)
            elif path == "/gzip-bomb":
                self.send(200, self.server.bomb, "text/html", {"Content-Encoding": "gzip"})
            elif path == "/slow":
                time.sleep(3)
                self.send(200, b"<html><body><p>late</p></body></html>", "text/html")
            elif path == "/drip":
                self._drip()
            elif path == "/trickle-headers":
                self._trickle_headers(float(query.get("seconds", ["60"])[0]))
            else:
                self.send(404, b"<html><body>not here</body></html>", "text/html")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: expected for the size and time caps

    def fixture(self, path: str) -> bytes:
        return (WEB / path.lstrip("/")).read_bytes().replace(b"{{BASE}}", self.server.base.encode())

    def send(self, status: int, body: bytes, content_type: str | None, headers: dict | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _conditional(self, body: bytes, content_type: str) -> None:
        validators = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
        if (
            self.headers.get("If-None-Match") == ETAG
            or self.headers.get("If-Modified-Since") == LAST_MODIFIED
        ):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        self.send(200, body, content_type, validators)

    def _stream(self, size: int, declare: bool) -> None:
        # Generated on the fly, never stored: 50 MB of HTML-ish filler, abandoned when the client hangs up.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declare:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"<p>" + b"filler " * 9360 + b"</p>\n"
        sent = 0
        while sent < size:
            part = chunk[: size - sent]
            self.wfile.write(part)
            sent += len(part)

    def _drip(self) -> None:
        # Headers at once, then a byte every 0.1 s for up to 5 s: every read is quick, the whole is not.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body><p>")
        for _ in range(50):
            time.sleep(0.1)
            self.wfile.write(b"x")
            self.wfile.flush()

    def _trickle_headers(self, seconds: float) -> None:
        # The status line at once, then one header byte every 0.5 s for ``seconds``: each read beats any read
        # timeout, the headers never end (a "slowloris" server aimed at clients).
        self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        self.wfile.flush()
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            time.sleep(0.5)
            self.wfile.write(b"a")
            self.wfile.flush()
        self.close_connection = True


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, family: int = socket.AF_INET) -> None:
        self.address_family = family
        super().__init__((host, 0), Handler)
        self.seen: list[tuple[float, str, dict[str, str]]] = []
        port = self.server_address[1]
        self.port = port
        self.base = f"http://[{host}]:{port}" if family == socket.AF_INET6 else f"http://{host}:{port}"
        self.bomb = _BOMB
        self.routes: dict[str, Callable[[Handler], None]] = {}

    def paths(self) -> list[str]:
        return [urlsplit(path).path for _, path, _ in self.seen]


# 50 MB of zeros, gzip-compressed to about 50 KB: decoded, it would blow well past the size cap.
_BOMB = gzip.compress(bytes(HUGE), compresslevel=9)


def start(host: str, family: int = socket.AF_INET) -> FixtureServer:
    server = FixtureServer(host, family)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server
