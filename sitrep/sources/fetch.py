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

``fetch_article(url, fetcher)`` turns a page into an ``Article`` (trafilatura: main text, title, author, site
name, date); ``read_urls_file`` reads a ``--urls`` file.
"""

from __future__ import annotations

import contextlib
import email.utils
import http
import http.cookiejar
import ipaddress
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import httpx

from sitrep.model import Article
from sitrep.sources.files import DEFAULT_MAX_BYTES, InputProblem, extract_html, no_text_reason

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
FetchKind = Literal["html", "feed"]
ProblemKind = Literal[
    "invalid_url",
    "refused_address",
    "dns",
    "connect",
    "timeout",
    "too_large",
    "http_status",
    "too_many_redirects",
    "unsupported_type",
    "network",
    "no_text",
    "not_a_page",
    "not_a_feed",
]


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

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/x-rss+xml"}
)
XML_TYPES = frozenset({"application/xml", "text/xml"})
# Types servers send when they do not know better: the body decides.
VAGUE_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})
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


class _Refused(Exception):
    """A fetch that stops with a problem; carries its kind and details."""

    def __init__(
        self, kind: ProblemKind, what: str, status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(what)
        self.kind: ProblemKind = kind
        self.what = what
        self.status = status
        self.retry_after = retry_after


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
        except _Refused as refused:
            return FetchProblem(where, refused.what, refused.kind, refused.status, refused.retry_after)
        except Exception as error:  # the contract: a user's URL never raises; say what happened instead
            return FetchProblem(
                where, _one_line(f"unexpected error: {type(error).__name__}: {error}"), "network"
            )

    # -- the fetch, hop by hop -------------------------------------------------------------------------

    def _fetch(self, url: str, etag: str | None, last_modified: str | None) -> FetchResult:
        current = _check_url(url)
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
                raise _Refused("timeout", self._total_reason())
            addresses = self._checked_addresses(current, deadline)
            deadline += self._wait_for_host(_ascii_host(current))  # waiting our turn is not the server's time
            with _Watchdog(deadline, self._total_reason()) as watchdog:
                response = self._send(current, addresses, {**headers, **conditional}, deadline, watchdog)
                try:
                    status = response.status_code
                    if status in REDIRECT_STATUSES:
                        location = response.headers.get("location")
                        if not location:
                            raise _Refused(
                                "http_status", f"HTTP {status} redirect without a Location", status
                            )
                        if len(hops) >= self.max_redirects:
                            raise _Refused(
                                "too_many_redirects",
                                f"too many redirects (more than {self.max_redirects})",
                                status,
                            )
                        hops.append(str(current))
                        current = _check_url(_join(current, location), redirect=True)
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
                        raise _Refused(
                            "http_status",
                            _status_line(status),
                            status,
                            _retry_after(response.headers.get("retry-after")),
                        )
                    media_type, charset = parse_content_type(response.headers.get("content-type", ""))
                    if media_type not in HTML_TYPES | FEED_TYPES | XML_TYPES | VAGUE_TYPES:
                        raise _Refused("unsupported_type", f"not HTML or a feed ({media_type})", status)
                    content = self._read_body(response, deadline)
                finally:
                    watchdog.disarm()  # before closing: the watchdog never touches a closed socket
                    response.close()
            kind = content_kind(media_type, content)
            if kind is None:
                raise _Refused(
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
        host = _ascii_host(url)
        addresses = _resolve(
            host, url.port or _default_port(url), self._within(self.connect_timeout, deadline)
        )
        if not self.allow_private:
            for address in addresses:
                reason = address_problem(address)
                if reason and not any(
                    _unwrap(address) in net or address in net for net in self.allowed_networks
                ):
                    named = "" if _is_literal(host, address) else f" of {host}"
                    raise _Refused(
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
                extensions["sni_hostname"] = _ascii_host(url)
            # The socket exists only once connected: until then the connect timeout itself keeps the deadline.
            connect = self._within(self.connect_timeout, deadline)
            timeout = httpx.Timeout(
                connect=connect, read=self.read_timeout, write=self.read_timeout, pool=connect
            )
            request = self._client.build_request(
                "GET",
                pinned,
                headers={**headers, "Host": url.netloc.decode("ascii")},
                extensions=extensions,
                timeout=timeout,
            )
            try:
                return self._client.send(request, stream=True, follow_redirects=False)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                last = error  # try the host's next address
            except httpx.TimeoutException as error:
                raise _Refused("timeout", self._timeout_reason(error)) from None
            except httpx.HTTPError as error:
                raise _Refused(
                    "network", _one_line(f"network error: {error or type(error).__name__}")
                ) from None
        if isinstance(last, httpx.ConnectTimeout):
            raise _Refused("timeout", self._timeout_reason(last))
        raise _Refused("connect", _one_line(f"cannot connect to {_ascii_host(url)} ({last or 'no address'})"))

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes:
        """The decoded body, abandoned past the size cap or the total time."""
        declared = response.headers.get("content-length", "")
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if declared.isdigit() and encoding == "identity" and int(declared) > self.max_bytes:
            raise _Refused(
                "too_large",
                f"response too large ({_megabytes(int(declared))} > {_megabytes(self.max_bytes)} limit)",
                response.status_code,
            )
        decoder = _Decoder(encoding)
        chunks: list[bytes] = []
        size = 0
        try:
            # No chunk size: each network read is handed over at once, so the deadline is checked often.
            for raw in response.iter_raw():
                # Decompress at most one byte past the cap: a bomb never expands fully in memory.
                chunk = decoder.decode(raw, self.max_bytes - size + 1)
                size += len(chunk)
                if size > self.max_bytes:
                    raise _Refused(
                        "too_large",
                        f"response too large (more than {_megabytes(self.max_bytes)} limit)",
                        response.status_code,
                    )
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise _Refused("timeout", self._total_reason())
            chunks.append(decoder.flush(self.max_bytes - size + 1))
        except httpx.TimeoutException as error:
            raise _Refused("timeout", self._timeout_reason(error)) from None
        except httpx.HTTPError as error:
            raise _Refused("network", _one_line(f"network error while reading: {error}")) from None
        except zlib.error:
            raise _Refused("network", f"bad {encoding} content encoding") from None
        body = b"".join(chunks)
        if len(body) > self.max_bytes:
            raise _Refused("too_large", f"response too large (more than {_megabytes(self.max_bytes)} limit)")
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
        if self.fired and (error is None or isinstance(error, _Refused)):
            raise _Refused("timeout", self.reason) from None

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


class _Decoder:
    """gzip / deflate decoding with a bound on how much one call may produce."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        if encoding in ("identity", ""):
            self._inflate = None
        elif encoding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._inflate = None  # zlib-wrapped or raw: decided on the first bytes
        else:
            raise _Refused("unsupported_type", f"unsupported content encoding {encoding!r}")
        self._pending = b""

    def decode(self, data: bytes, limit: int) -> bytes:
        if self.encoding in ("identity", ""):
            return data
        if self._inflate is None:
            # RFC 9110 says zlib-wrapped; some servers send raw deflate. A zlib header is two bytes: method 8
            # in the low nibble of the first, and the pair a multiple of 31.
            zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] * 256 + data[1]) % 31 == 0
            wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
            self._inflate = zlib.decompressobj(wbits)
        out = self._inflate.decompress(self._pending + data, max(limit, 1))
        self._pending = self._inflate.unconsumed_tail
        return out

    def flush(self, limit: int) -> bytes:
        if self._inflate is None:
            return b""
        out = self._inflate.decompress(self._pending, max(limit, 1)) if self._pending else b""
        self._pending = self._inflate.unconsumed_tail
        return out + (self._inflate.flush() if not self._pending else b"")


# -- addresses --------------------------------------------------------------------------------------------


def looks_like_url(text: str) -> bool:
    """True for an http(s) address (as opposed to a file name): how a command line tells the two apart."""
    return text[:8].lower().startswith(("http://", "https://"))


def _check_url(url: str, redirect: bool = False) -> httpx.URL:
    """The URL parsed, or a refusal: http(s) only, a host, no user name or password, no blanks."""
    prefix = "redirect to an invalid URL" if redirect else "invalid URL"
    if not url or any(character.isspace() or ord(character) < 32 for character in url):
        raise _Refused("invalid_url", f"{prefix}: empty or contains blanks or control characters")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as error:
        raise _Refused("invalid_url", _one_line(f"{prefix}: {error}")) from None
    if parsed.scheme not in ("http", "https"):
        raise _Refused(
            "invalid_url", f"{prefix}: only http and https are supported, not {parsed.scheme or 'none'!r}"
        )
    if not parsed.host:
        raise _Refused("invalid_url", f"{prefix}: no host name")
    if parsed.userinfo:
        raise _Refused("invalid_url", f"{prefix}: user names and passwords in URLs are not accepted")
    return parsed.copy_with(fragment=None)


def _resolve(host: str, port: int, timeout: float) -> list[IPAddress]:
    """The host's addresses (an IP literal is its own address); refusal when it cannot be resolved in time."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    outcome: dict[str, object] = {}

    def lookup() -> None:
        try:
            outcome["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            outcome["error"] = error

    # getaddrinfo has no timeout of its own: run it aside and stop waiting after the connect timeout.
    worker = threading.Thread(target=lookup, name="sitrep-resolve", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise _Refused("timeout", f"timed out resolving {host} (after {timeout:g} s)")
    if "error" in outcome:
        raise _Refused("dns", _one_line(f"cannot resolve host name {host} ({outcome['error']})"))
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in outcome["infos"]:  # type: ignore[union-attr]
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise _Refused("dns", f"cannot resolve host name {host} (no address)")
    return addresses


def address_problem(address: IPAddress) -> str | None:
    """Why an address may not be fetched from a user's URL (e.g. "loopback"), or None for a public one."""
    address = _unwrap(address)
    checks: tuple[tuple[str, Callable[[IPAddress], bool]], ...] = (
        ("unspecified", lambda a: a.is_unspecified),
        ("loopback", lambda a: a.is_loopback),
        ("link-local", lambda a: a.is_link_local),
        ("multicast", lambda a: a.is_multicast),
        ("private range", lambda a: a.is_private),
        ("reserved range", lambda a: a.is_reserved),
        ("not a public address", lambda a: not a.is_global),
    )
    for reason, test in checks:
        if test(address):
            return reason
    return None


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def _unwrap(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4, Teredo, IPv4-compatible), else itself."""
    if isinstance(address, ipaddress.IPv4Address):
        return address
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]  # the client's address
    return address


def show_address(address: IPAddress) -> str:
    """The address as people write it: "::ffff:127.0.0.1" rather than "::ffff:7f00:1"."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return f"::ffff:{address.ipv4_mapped}"
    return str(address)


def _is_literal(host: str, address: IPAddress) -> bool:
    try:
        return ipaddress.ip_address(host) == address
    except ValueError:
        return False


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def _ascii_host(url: httpx.URL) -> str:
    """The host as sent on the wire: IDNA-encoded name, or the IP without brackets."""
    return url.raw_host.decode("ascii").strip("[]")


def _join(base: httpx.URL, location: str) -> str:
    try:
        return str(base.join(location))
    except (httpx.InvalidURL, ValueError) as error:
        raise _Refused("invalid_url", _one_line(f"redirect to an invalid URL: {error}")) from None


# -- content -----------------------------------------------------------------------------------------------


def parse_content_type(value: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from 'text/html; charset="UTF-8"'."""
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, param_value = param.partition("=")
        if name.strip().lower() == "charset" and param_value.strip().strip("\"'"):
            charset = param_value.strip().strip("\"'").lower()
    return media_type.strip().lower(), charset


_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.IGNORECASE | re.DOTALL)
_FIRST_TAG = re.compile(rb"\s*<([a-zA-Z][\w:.-]*)")
_HTML_TAGS = frozenset(
    b"html head body title meta link script style div p article main section header nav span a table h1 h2 "
    b"h3 ul".split()
)


def content_kind(media_type: str, content: bytes) -> FetchKind | None:
    """ "feed", "html" or None from the declared type and, when it is vague or XML, the document's root."""
    head = _sniff_head(content)
    doctype_html = re.search(rb"<!doctype\s+html", head[:1024], re.IGNORECASE) is not None
    body = head
    while match := _PROLOGUE.match(body):
        body = body[match.end() :]
    tag = _FIRST_TAG.match(body)
    root = tag.group(1).lower() if tag else b""
    if root in (b"rss", b"feed") or root.endswith(b":rdf") or root == b"rdf":
        return "feed"
    if media_type in HTML_TYPES or doctype_html or root in _HTML_TAGS:
        return "html"
    if media_type in FEED_TYPES:
        return "feed"  # declared a feed with an unusual root: the feed parser has the last word
    return None


def _sniff_head(content: bytes) -> bytes:
    """The document's first 4 KB as ASCII-compatible bytes (UTF-16 re-encoded), BOM removed."""
    head = content[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return head.removeprefix(b"\xef\xbb\xbf")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def decode_html(content: bytes, header_charset: str | None) -> str | bytes:
    """The page as text, decoded the way browsers do: byte-order mark, then the HTTP charset, then the
    ``<meta>`` charset, then UTF-8 when it is valid. Returns the bytes when none applies, for trafilatura
    to guess."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if content.startswith(bom):
            return content[len(bom) :].decode(codec, errors="replace")
    meta = _META_CHARSET.search(content[:4096])
    for candidate in (header_charset, meta.group(1).decode("ascii") if meta else None):
        if not candidate:
            continue
        try:
            return content.decode(candidate, errors="replace")
        except LookupError:
            continue  # an unknown charset name: try the next source
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content


# -- articles ----------------------------------------------------------------------------------------------


def fetch_article(url: str, fetcher: Fetcher) -> Article | InputProblem:
    """The article at ``url``: main text, title, date and site through trafilatura; id and url are the final
    URL after redirects, source the site name or else the host."""
    result = fetcher.fetch(url)
    if isinstance(result, FetchProblem):
        return result
    if result.kind == "feed":
        return FetchProblem(redact(url), "a feed, not an article page", "not_a_page", result.status)
    return article_from_page(result)


def article_from_page(result: FetchResult) -> Article | InputProblem:
    """An ``Article`` from a fetched HTML page."""
    html = decode_html(result.content, result.charset)
    content = extract_html(html, url=result.final_url)
    if content is None:
        return FetchProblem(redact(result.url), no_text_reason(html, "the page"), "no_text", result.status)
    host = httpx.URL(result.final_url).host.removeprefix("www.")
    # trafilatura falls back to the host (with its port) when a page names no site: prefer the bare host.
    final = httpx.URL(result.final_url)
    not_names = {content.hostname, final.host, final.netloc.decode("ascii"), host}
    sitename = content.sitename if content.sitename not in not_names else None
    return make_article(
        id=result.final_url,
        text=content.text,
        title=content.title,
        published=content.published,
        url=result.final_url,
        source=sitename or host,
        author=content.author,
    )


def make_article(**fields: object) -> Article:
    """An ``Article`` from these fields, leaving out those the contract does not have (yet): ``author`` and
    ``language`` are filled in as soon as ``Article`` gains them."""
    known = Article.model_fields
    if "language" in known and "language" not in fields:
        from sitrep.nlp.language import detect_language

        fields["language"] = detect_language(str(fields.get("text", "")))
    return Article(**{name: value for name, value in fields.items() if name in known})  # type: ignore[arg-type]


def read_urls_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str | InputProblem]:
    """The URLs of a ``--urls`` file in order (one per line; blank lines and ``#`` comments skipped), with an
    ``InputProblem`` ("file:line: …") in place of each line that is not an http(s) URL."""
    where = str(path)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            return [
                InputProblem(where, f"file too large ({_megabytes(size)} > {_megabytes(max_bytes)} limit)")
            ]
        raw = Path(path).read_bytes()
    except OSError as error:
        return [InputProblem(where, f"cannot read: {error.strerror or error}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [InputProblem(where, f"not UTF-8 text (invalid byte at offset {error.start})")]
    items: list[str | InputProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) > 1 and not words[1].startswith("#"):
            items.append(InputProblem(f"{where}:{number}", "expected one URL per line"))
            continue
        try:
            _check_url(words[0])
        except _Refused as refused:
            items.append(InputProblem(f"{where}:{number}", refused.what))
            continue
        items.append(words[0])
    return items


# -- small helpers -----------------------------------------------------------------------------------------


def redact(url: str) -> str:
    """The URL with any user name and password replaced, for messages."""
    return re.sub(r"^([a-zA-Z][\w+.-]*://)[^/@?#]*@", r"\1***@", url)


def _status_line(status: int) -> str:
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _retry_after(value: str | None) -> float | None:
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


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
