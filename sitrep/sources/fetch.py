"""Fetching web pages and feeds politely, and without becoming a way into a private network.

``Fetcher.fetch(url)`` returns a ``FetchResult`` or a ``FetchProblem`` (an ``InputProblem`` with a one-line
reason and a machine-readable ``kind``); it never raises for anything a URL or a server can do.

What it enforces, and why:

- **Addresses.** The host name is resolved here (``getaddrinfo``) and the request refused when *any* of its
  addresses is loopback, private, link-local, multicast, reserved, unspecified or otherwise not public
  (IPv4 and IPv6; IPv6 forms that embed an IPv4 address are judged by that address). The connection is then
  pinned to a checked address: the request goes to the IP itself, with the original ``Host`` header and TLS
  server name, so a second, different DNS answer (DNS rebinding) cannot redirect it. Every redirect hop is
  checked the same way. ``allow_private=True`` lifts the refusal (``--allow-private``; tests against a loopback
  server); ``allowed_networks`` lifts it for listed networks only.
- **Bounds.** Connect and read timeouts per network operation, and one deadline per fetch (``total_timeout``)
  covering name lookup, connect, TLS, response headers and body across redirects: a watchdog shuts the
  connection down when it passes, so a server trickling its headers a byte at a time (each read beating the
  read timeout) is cut there too. A size cap on the decoded body (read in chunks and abandoned past the cap,
  so a decompression bomb costs at most one chunk beyond it), at most ``max_redirects`` redirects.
- **Manners.** A User-Agent naming sitrep, a minimum interval between two requests to the same host,
  conditional requests (ETag / Last-Modified) so an unchanged feed costs a 304.
- **No state.** No cookie is kept, no proxy or ``.netrc`` from the environment is used, URLs carrying a user
  name or password are refused.

The address checks live in ``sources/addresses``, URL checks in ``sources/urls``, what a body is and how it
decodes in ``sources/content``; ``sources/pages`` turns a fetched page into an ``Article``.
"""

from __future__ import annotations

import contextlib
import email.utils
import http
import http.cookiejar
import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from sitrep.sources.addresses import (
    IPAddress,
    address_problem,
    ipv4_inside,
    is_literal,
    resolve_host,
    show_address,
)
from sitrep.sources.content import (
    FEED_TYPES,
    HTML_TYPES,
    VAGUE_TYPES,
    XML_TYPES,
    BoundedDecoder,
    FetchKind,
    content_kind,
    parse_content_type,
)
from sitrep.sources.files import DEFAULT_MAX_BYTES, InputProblem, megabytes
from sitrep.sources.refusal import ProblemKind, Refused, one_line
from sitrep.sources.urls import ascii_host, check_url, default_port, join_url, redact


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sitrep")
    except PackageNotFoundError:
        return "0"


DEFAULT_USER_AGENT = f"sitrep/{_version()} (conflict-news monitor; python-httpx)"
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 20.0
DEFAULT_TOTAL_TIMEOUT = 60.0
DEFAULT_MAX_REDIRECTS = 5
# One request per second per host: a newsroom server never notices us, a batch of 100 URLs from 20 outlets
# still takes seconds, not minutes.
DEFAULT_MIN_INTERVAL = 1.0
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class FetchProblem(InputProblem):
    """A URL that could not be fetched: ``where`` the URL as given, ``what`` one line saying why.

    ``kind`` names the failure for counting and back-off; ``status`` is the HTTP status where there was one;
    ``retry_after`` the seconds a 429/503 asked us to wait.
    """

    kind: ProblemKind = "network"
    status: int | None = None
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A successful fetch (``not_modified``: the server answered 304 to a conditional request)."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    kind: FetchKind | None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False
    redirects: tuple[str, ...] = field(default=())


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """Accept no cookie from any server, return none."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: object) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: object) -> bool:
        return False


class Fetcher:
    """A polite, bounded HTTP(S) client for user-supplied URLs. Thread-safe; use as a context manager or
    call ``close()``."""

    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        min_interval: float = DEFAULT_MIN_INTERVAL,
        allow_private: bool = False,
        allowed_networks: Iterable[str] = (),
        verify: bool = True,
    ) -> None:
        self.user_agent = user_agent
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.min_interval = min_interval
        self.allow_private = allow_private
        self.allowed_networks = tuple(ipaddress.ip_network(net, strict=False) for net in allowed_networks)
        self._client = httpx.Client(
            timeout=httpx.Timeout(
                connect=connect_timeout, read=read_timeout, write=read_timeout, pool=connect_timeout
            ),
            follow_redirects=False,  # followed here, so every hop's address is checked
            trust_env=False,  # no proxy, no .netrc credentials from the environment
            cookies=http.cookiejar.CookieJar(policy=_NoCookies()),
            # No pooled connections: a connection pinned to one host's address is never reused for another.
            limits=httpx.Limits(max_keepalive_connections=0),
            verify=verify,
        )
        self._rate_lock = threading.Lock()
        self._next_slot: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult | FetchProblem:
        """GET ``url`` (an HTML page or a feed); ``etag``/``last_modified`` from an earlier fetch make the
        request conditional. Returns the result or a one-line problem; never raises for a bad URL or server."""
        where = redact(url)
        try:
            return self._fetch(url, etag, last_modified)
        except Refused as refused:
            return FetchProblem(where, refused.what, refused.kind, refused.status, refused.retry_after)
        except Exception as error:  # the contract: a user's URL never raises; say what happened instead
            return FetchProblem(
                where, one_line(f"unexpected error: {type(error).__name__}: {error}"), "network"
            )

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> int | FetchProblem:
        """POST ``body`` to ``url`` under the same guard as a fetch (checked addresses, the connection pinned
        to one of them, the deadline; no redirect followed, no body read). Returns the HTTP status, or a
        one-line problem; never raises for a bad URL or server. For deliveries such as alert webhooks."""
        try:
            target = check_url(url)
            deadline = time.monotonic() + self.total_timeout
            addresses = self._checked_addresses(target, deadline)
            with _Watchdog(deadline, self._total_reason()) as watchdog:
                sent = {"User-Agent": self.user_agent, **headers}
                response = self._send(
                    target, addresses, sent, deadline, watchdog, method="POST", content=body
                )
                watchdog.disarm()
                response.close()
            return response.status_code
        except Refused as refused:
            return FetchProblem(redact(url), refused.what, refused.kind, refused.status, refused.retry_after)
        except Exception as error:  # as fetch: a user's URL never raises
            return FetchProblem(
                redact(url), one_line(f"unexpected error: {type(error).__name__}: {error}"), "network"
            )

    # -- the fetch, hop by hop -------------------------------------------------------------------------

    def _fetch(self, url: str, etag: str | None, last_modified: str | None) -> FetchResult:
        current = check_url(url)
        deadline = time.monotonic() + self.total_timeout
        headers = {"User-Agent": self.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        hops: list[str] = []
        while True:
            if time.monotonic() > deadline:
                raise Refused("timeout", self._total_reason())
            addresses = self._checked_addresses(current, deadline)
            deadline += self._wait_for_host(ascii_host(current))  # waiting our turn is not the server's time
            with _Watchdog(deadline, self._total_reason()) as watchdog:
                response = self._send(current, addresses, {**headers, **conditional}, deadline, watchdog)
                try:
                    status = response.status_code
                    if status in REDIRECT_STATUSES:
                        location = response.headers.get("location")
                        if not location:
                            raise Refused("http_status", f"HTTP {status} redirect without a Location", status)
                        if len(hops) >= self.max_redirects:
                            raise Refused(
                                "too_many_redirects",
                                f"too many redirects (more than {self.max_redirects})",
                                status,
                            )
                        hops.append(str(current))
                        current = check_url(join_url(current, location), redirect=True)
                        continue
                    if status == 304 and conditional:
                        return FetchResult(
                            url=url,
                            final_url=str(current),
                            status=304,
                            content=b"",
                            content_type="",
                            charset=None,
                            kind=None,
                            etag=response.headers.get("etag") or etag,
                            last_modified=response.headers.get("last-modified") or last_modified,
                            not_modified=True,
                            redirects=tuple(hops),
                        )
                    if not 200 <= status < 300:
                        raise Refused(
                            "http_status",
                            status_line(status),
                            status,
                            retry_after(response.headers.get("retry-after")),
                        )
                    media_type, charset = parse_content_type(response.headers.get("content-type", ""))
                    if media_type not in HTML_TYPES | FEED_TYPES | XML_TYPES | VAGUE_TYPES:
                        raise Refused("unsupported_type", f"not HTML or a feed ({media_type})", status)
                    content = self._read_body(response, deadline)
                finally:
                    watchdog.disarm()  # before closing: the watchdog never touches a closed socket
                    response.close()
            kind = content_kind(media_type, content)
            if kind is None:
                raise Refused(
                    "unsupported_type", f"not HTML or a feed ({media_type or 'no content type'})", status
                )
            return FetchResult(
                url=url,
                final_url=str(current),
                status=status,
                content=content,
                content_type=media_type,
                charset=charset,
                kind=kind,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                redirects=tuple(hops),
            )

    def _checked_addresses(self, url: httpx.URL, deadline: float) -> list[IPAddress]:
        """The host's addresses, refused if any of them is not public (unless allowed)."""
        host = ascii_host(url)
        addresses = resolve_host(
            host, url.port or default_port(url), self._within(self.connect_timeout, deadline)
        )
        if not self.allow_private:
            for address in addresses:
                reason = address_problem(address)
                if reason and not any(
                    ipv4_inside(address) in net or address in net for net in self.allowed_networks
                ):
                    named = "" if is_literal(host, address) else f" of {host}"
                    raise Refused(
                        "refused_address", f"refused address {show_address(address)}{named} ({reason})"
                    )
        return addresses

    def _wait_for_host(self, host: str) -> float:
        """Sleep until this host's next slot; returns the seconds slept."""
        if self.min_interval <= 0:
            return 0.0
        with self._rate_lock:  # reserve the slot under the lock, sleep outside it
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + self.min_interval
        wait = slot - now
        if wait > 0:
            time.sleep(wait)
        return max(wait, 0.0)

    def _send(
        self,
        url: httpx.URL,
        addresses: list[IPAddress],
        headers: dict[str, str],
        deadline: float,
        watchdog: _Watchdog,
        method: str = "GET",
        content: bytes | None = None,
    ) -> httpx.Response:
        """Send to the first checked address that accepts a connection, keeping the URL's Host and TLS name."""
        last: Exception | None = None
        for address in addresses:
            if last is not None and time.monotonic() > deadline:
                break  # a host with many dead addresses does not get more than the total time
            pinned = url.copy_with(host=str(address))
            # httpcore's trace hook hands over each new connection, so the watchdog can shut it at the deadline.
            extensions: dict[str, object] = {"trace": watchdog.trace}
            if url.scheme == "https":
                extensions["sni_hostname"] = ascii_host(url)
            # The socket exists only once connected: until then the connect timeout itself keeps the deadline.
            connect = self._within(self.connect_timeout, deadline)
            timeout = httpx.Timeout(
                connect=connect, read=self.read_timeout, write=self.read_timeout, pool=connect
            )
            request = self._client.build_request(
                method,
                pinned,
                content=content,
                headers={**headers, "Host": url.netloc.decode("ascii")},
                extensions=extensions,
                timeout=timeout,
            )
            try:
                return self._client.send(request, stream=True, follow_redirects=False)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                last = error  # try the host's next address
            except httpx.TimeoutException as error:
                raise Refused("timeout", self._timeout_reason(error)) from None
            except httpx.HTTPError as error:
                raise Refused(
                    "network", one_line(f"network error: {error or type(error).__name__}")
                ) from None
        if isinstance(last, httpx.ConnectTimeout):
            raise Refused("timeout", self._timeout_reason(last))
        raise Refused("connect", one_line(f"cannot connect to {ascii_host(url)} ({last or 'no address'})"))

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes:
        """The decoded body, abandoned past the size cap or the total time."""
        declared = response.headers.get("content-length", "")
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if declared.isdigit() and encoding == "identity" and int(declared) > self.max_bytes:
            raise Refused(
                "too_large",
                f"response too large ({megabytes(int(declared))} > {megabytes(self.max_bytes)} limit)",
                response.status_code,
            )
        decoder = BoundedDecoder(encoding)
        chunks: list[bytes] = []
        size = 0
        try:
            # No chunk size: each network read is handed over at once, so the deadline is checked often.
            for raw in response.iter_raw():
                # Decompress at most one byte past the cap: a bomb never expands fully in memory.
                chunk = decoder.decode(raw, self.max_bytes - size + 1)
                size += len(chunk)
                if size > self.max_bytes:
                    raise Refused(
                        "too_large",
                        f"response too large (more than {megabytes(self.max_bytes)} limit)",
                        response.status_code,
                    )
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise Refused("timeout", self._total_reason())
            chunks.append(decoder.flush(self.max_bytes - size + 1))
        except httpx.TimeoutException as error:
            raise Refused("timeout", self._timeout_reason(error)) from None
        except httpx.HTTPError as error:
            raise Refused("network", one_line(f"network error while reading: {error}")) from None
        except zlib.error:
            raise Refused("network", f"bad {encoding} content encoding") from None
        body = b"".join(chunks)
        if len(body) > self.max_bytes:
            raise Refused("too_large", f"response too large (more than {megabytes(self.max_bytes)} limit)")
        return body

    def _within(self, seconds: float, deadline: float) -> float:
        """``seconds``, or less when the fetch's deadline comes sooner (never zero: zero means no timeout)."""
        return max(min(seconds, deadline - time.monotonic()), 0.001)

    def _total_reason(self) -> str:
        return f"timed out (more than {self.total_timeout:g} s in total)"

    def _timeout_reason(self, error: Exception) -> str:
        if isinstance(error, httpx.ConnectTimeout):
            return f"timed out connecting (after {self.connect_timeout:g} s)"
        if isinstance(error, httpx.ReadTimeout):
            return f"timed out waiting for the server (no data for {self.read_timeout:g} s)"
        return "timed out"


class _Watchdog:
    """Shuts a fetch's connection down when its deadline passes.

    httpx has no overall deadline (encode/httpx#1450): its timeouts are per network operation, so a server
    sending a header byte every half second holds a request for ever. Shutting the socket down from this
    timer thread wakes the blocked read, which fails or ends; leaving the ``with`` block turns whatever that
    made into the total-time refusal. A lock keeps the shutdown and ``disarm`` (called before the response is
    closed) apart, so a socket is never shut after its owner closed it and its descriptor may be reused.
    """

    def __init__(self, deadline: float, reason: str) -> None:
        self.reason = reason
        self.fired = False
        self._armed = True
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(deadline - time.monotonic(), 0.0), self._cut)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: object) -> None:
        self.disarm()
        # Fired: whatever came of the fetch is the deadline's doing, a refusal (a read cut short) or even a
        # "complete" body (a body that ends at the connection's end looks complete when we cut it).
        if self.fired and (error is None or isinstance(error, Refused)):
            raise Refused("timeout", self.reason) from None

    def trace(self, event: str, info: dict[str, object]) -> None:
        """httpcore's ``trace`` extension: note the socket of each new connection (TCP, then TLS)."""
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None  # type: ignore[attr-defined]
            with self._lock:
                self._socket = sock
                if self.fired:
                    self._shut()  # connected just as the deadline passed

    def disarm(self) -> None:
        with self._lock:
            self._armed = False
            self._socket = None
        self._timer.cancel()

    def _cut(self) -> None:
        with self._lock:
            if self._armed:
                self.fired = True
                self._shut()

    def _shut(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):  # already closed by the other side
                self._socket.shutdown(socket.SHUT_RDWR)


def status_line(status: int) -> str:
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)
