"""Fetching pages and feeds from a real HTTP server on loopback.

The server serves the pages and feeds in tests/fixtures/web/ (fiction written by the team) and the bad cases
(redirect loop, 404, 50 MB, PDF, slow, ...). Only loopback is ever contacted: an autouse guard fails any
attempt to connect elsewhere and answers every name lookup except ``localhost`` itself, so a bug in the
address checks fails a test instead of sending traffic.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sitrep.model import Article
from sitrep.nlp.language import detect_language
from sitrep.sources.addresses import address_problem
from sitrep.sources.content import content_kind
from sitrep.sources.feeds import FULL_TEXT_MIN_CHARS, FeedResult, articles_from_feed, read_feed, read_url
from sitrep.sources.fetch import DEFAULT_USER_AGENT, Fetcher, FetchProblem, FetchResult
from sitrep.sources.files import InputProblem
from sitrep.sources.pages import fetch_article, make_article
from sitrep.sources.urls import looks_like_url, read_urls_file
from tests.web_server import ETAG, LAST_MODIFIED, WEB, FixtureServer, start

# -- the network guard -----------------------------------------------------------------------------------


class _Guard:
    """Records connection attempts and refuses any that is not to loopback; answers name lookups itself."""

    def __init__(self) -> None:
        self.connects: list[str] = []
        self.lookups: list[str] = []
        self.names: dict[str, list[str]] = {}  # host name -> addresses, for tests that need a DNS answer


@pytest.fixture(autouse=True)
def guard(monkeypatch: pytest.MonkeyPatch) -> _Guard:
    state = _Guard()
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        state.connects.append(str(host))
        ip = ipaddress.ip_address(str(host).split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not ip.is_loopback:
            raise AssertionError(f"test tried to connect to a non-loopback address: {host}")
        return real_connect(self, address)

    def getaddrinfo(host: object, port: object, *args: object, **kwargs: object) -> list:
        name = host.decode() if isinstance(host, bytes) else str(host)
        state.lookups.append(name)
        if name in state.names:
            return [
                (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in state.names[name]
            ]
        if name != "localhost" and not _numeric(name):
            raise socket.gaierror(socket.EAI_NONAME, "no DNS in tests")
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return state


def _numeric(name: str) -> bool:
    """An address written as numbers (including forms like "2130706433"): resolved without any DNS."""
    try:
        ipaddress.ip_address(name.split("%")[0])
        return True
    except ValueError:
        pass
    try:
        socket.inet_aton(name)
        return True
    except OSError:
        return False


def _fetcher(**options: object) -> Fetcher:
    settings: dict[str, object] = {
        "allow_private": True,
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
        "total_timeout": 5.0,
        "min_interval": 0.0,
    }
    settings.update(options)
    return Fetcher(**settings)  # type: ignore[arg-type]


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with _fetcher() as client:
        yield client


def _problem(result: object, kind: str) -> FetchProblem:
    assert isinstance(result, FetchProblem), result
    assert result.kind == kind, result
    assert "\n" not in str(result)
    return result


# -- pages -----------------------------------------------------------------------------------------------


def test_page_becomes_article_with_metadata(server: FixtureServer, fetcher: Fetcher) -> None:
    url = f"{server.base}/news/checkpoint-attack.html"
    article = fetch_article(url, fetcher)
    assert isinstance(article, Article), article
    assert article.title == "Gunmen overrun checkpoint outside Harnai as tolls diverge"
    assert article.published == date(2025, 4, 9)
    assert article.source == "Frontier Ledger"
    assert article.id == article.url == url
    assert "six paramilitary soldiers and two passers-by were killed" in article.text
    assert "at least 14\n" not in article.text  # paragraphs re-flowed, separated by blank lines
    assert "\n\n" in article.text
    assert "Privacy" not in article.text  # navigation and footer are not the article


def test_page_without_site_name_takes_the_host(server: FixtureServer, fetcher: Fetcher) -> None:
    article = fetch_article(f"{server.base}/news/relief-convoy.html", fetcher)
    assert isinstance(article, Article), article
    assert article.source == "127.0.0.1"
    assert article.published == date(2025, 4, 11)
    assert article.title == "Relief convoy reaches villages cut off by flooding"


@pytest.mark.parametrize("path", ["/news/windows-1252.html", "/news/header-charset.html"])
def test_charset_from_meta_or_header(server: FixtureServer, fetcher: Fetcher, path: str) -> None:
    article = fetch_article(server.base + path, fetcher)
    assert isinstance(article, Article), article
    assert article.title == "Café owners reopen on the old market street"
    assert "\u201cslowly coming back\u201d" in article.text
    assert "street\u2019s water supply" in article.text


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_compressed_page(server: FixtureServer, fetcher: Fetcher, path: str) -> None:
    result = fetcher.fetch(server.base + path)
    assert isinstance(result, FetchResult), result
    assert result.content == (WEB / "news" / "checkpoint-attack.html").read_bytes()
    article = fetch_article(server.base + path, fetcher)
    assert isinstance(article, Article) and article.source == "Frontier Ledger"
    assert "gzip" in server.seen[0][2]["accept-encoding"]


def test_page_without_content_type_is_sniffed(server: FixtureServer, fetcher: Fetcher) -> None:
    result = fetcher.fetch(f"{server.base}/no-content-type")
    assert isinstance(result, FetchResult), result
    assert result.kind == "html" and result.content_type == ""


def test_user_agent_sent_and_no_cookie_kept(server: FixtureServer) -> None:
    with _fetcher(user_agent="sitrep-test/1.0 (+https://example.invalid/contact)") as client:
        assert isinstance(client.fetch(f"{server.base}/set-cookie"), FetchResult)
        assert isinstance(client.fetch(f"{server.base}/news/relief-convoy.html"), FetchResult)
    assert len(server.seen) == 3  # the redirect, its target, the second page
    for _, _, headers in server.seen:
        assert headers["user-agent"] == "sitrep-test/1.0 (+https://example.invalid/contact)"
        assert "cookie" not in headers
        assert "authorization" not in headers
    assert DEFAULT_USER_AGENT.startswith("sitrep/")


def test_redirects_followed_up_to_the_cap(server: FixtureServer, fetcher: Fetcher) -> None:
    result = fetcher.fetch(f"{server.base}/redirect/chain/4")  # chain/N: N + 1 redirects
    assert isinstance(result, FetchResult), result
    assert result.final_url == f"{server.base}/news/checkpoint-attack.html"
    assert len(result.redirects) == 5
    article = fetch_article(f"{server.base}/redirect/chain/1", fetcher)
    assert isinstance(article, Article) and article.id == f"{server.base}/news/checkpoint-attack.html"


def test_too_many_redirects(server: FixtureServer, fetcher: Fetcher) -> None:
    problem = _problem(fetcher.fetch(f"{server.base}/redirect/chain/5"), "too_many_redirects")
    assert problem.what == "too many redirects (more than 5)"
    server.seen.clear()
    problem = _problem(fetcher.fetch(f"{server.base}/loop/a"), "too_many_redirects")
    assert problem.where == f"{server.base}/loop/a"
    assert len(server.seen) == 6  # the first request and five redirects, then it stops


def test_http_errors(server: FixtureServer, fetcher: Fetcher) -> None:
    problem = _problem(fetcher.fetch(f"{server.base}/news/withdrawn-story.html"), "http_status")
    assert problem.what == "HTTP 404 Not Found" and problem.status == 404
    problem = _problem(fetcher.fetch(f"{server.base}/busy"), "http_status")
    assert problem.what == "HTTP 503 Service Unavailable" and problem.retry_after == 120


def test_size_caps(server: FixtureServer) -> None:
    with _fetcher() as client:
        problem = _problem(client.fetch(f"{server.base}/huge"), "too_large")
        assert problem.what == "response too large (more than 5.0 MB limit)"
        problem = _problem(client.fetch(f"{server.base}/huge-declared"), "too_large")
        assert problem.what == "response too large (50.0 MB > 5.0 MB limit)"
        problem = _problem(client.fetch(f"{server.base}/gzip-bomb"), "too_large")
        assert problem.what == "response too large (more than 5.0 MB limit)"
    with _fetcher(max_bytes=1000) as client:
        problem = _problem(client.fetch(f"{server.base}/news/checkpoint-attack.html"), "too_large")
        assert "0.0 MB limit" in problem.what


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/doc.pdf", "not HTML or a feed (application/pdf)"),
        ("/image.png", "not HTML or a feed (image/png)"),
        ("/plain.txt", "not HTML or a feed (text/plain)"),
    ],
)
def test_not_html(server: FixtureServer, fetcher: Fetcher, path: str, reason: str) -> None:
    assert _problem(fetcher.fetch(server.base + path), "unsupported_type").what == reason


def test_slow_response_times_out(server: FixtureServer) -> None:
    # The server answers after 3 s: without the read deadline the fetch would succeed. How soon it is cut is
    # measured in bench/bench_fetch_deadlines.py, not asserted here.
    with _fetcher(read_timeout=0.3) as client:
        problem = _problem(client.fetch(f"{server.base}/slow"), "timeout")
        assert problem.what == "timed out waiting for the server (no data for 0.3 s)"


def test_total_time_is_capped(server: FixtureServer) -> None:
    # Every read is quick and the whole takes 5 s: without the total deadline the fetch would succeed.
    with _fetcher(read_timeout=1.0, total_timeout=0.5) as client:
        problem = _problem(client.fetch(f"{server.base}/drip"), "timeout")
        assert problem.what == "timed out (more than 0.5 s in total)"


def test_trickled_headers_cut_at_the_deadline(server: FixtureServer) -> None:
    # A header byte every 0.5 s for 60 s: every read beats the 2 s read timeout, so only the total deadline can
    # end this fetch, and the test finishes because it does (a hang here is the failure).
    with _fetcher(read_timeout=2.0, total_timeout=1.0) as client:
        problem = _problem(client.fetch(f"{server.base}/trickle-headers?seconds=60"), "timeout")
        assert problem.what == "timed out (more than 1 s in total)"


def test_conditional_requests(server: FixtureServer, fetcher: Fetcher) -> None:
    first = fetcher.fetch(f"{server.base}/conditional")
    assert isinstance(first, FetchResult) and not first.not_modified and first.status == 200
    assert (first.etag, first.last_modified) == (ETAG, LAST_MODIFIED)
    again = fetcher.fetch(f"{server.base}/conditional", etag=first.etag)
    assert isinstance(again, FetchResult) and again.not_modified and again.status == 304
    assert again.content == b"" and again.etag == ETAG
    by_date = fetcher.fetch(f"{server.base}/conditional", last_modified=first.last_modified)
    assert isinstance(by_date, FetchResult) and by_date.not_modified
    stale = fetcher.fetch(f"{server.base}/conditional", etag='"rev-6"')
    assert isinstance(stale, FetchResult) and not stale.not_modified and stale.content
    assert server.seen[1][2]["if-none-match"] == ETAG
    assert server.seen[2][2]["if-modified-since"] == LAST_MODIFIED


def test_per_host_interval(server: FixtureServer) -> None:
    with _fetcher(min_interval=0.4) as client:
        started = time.monotonic()
        for _ in range(3):
            assert isinstance(client.fetch(f"{server.base}/plain.txt"), FetchProblem)
        assert time.monotonic() - started >= 0.8
    times = [when for when, _, _ in server.seen]
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.35


# -- addresses -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "address"),
    [
        ("http://127.0.0.1:{port}/news/relief-convoy.html", "127.0.0.1"),
        ("http://localhost:{port}/news/relief-convoy.html", None),
        ("http://[::1]:{port}/news/relief-convoy.html", "::1"),
        ("http://[::ffff:127.0.0.1]:{port}/news/relief-convoy.html", "::ffff:127.0.0.1"),
        ("http://2130706433:{port}/news/relief-convoy.html", "127.0.0.1"),  # 127.0.0.1 as one number
        ("http://0.0.0.0:{port}/", "0.0.0.0"),
        ("http://10.20.30.40:{port}/", "10.20.30.40"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[fe80::1]/", "fe80::1"),
        ("http://224.0.0.1/", "224.0.0.1"),
    ],
)
def test_private_addresses_refused_before_connecting(
    server: FixtureServer, guard: _Guard, template: str, address: str | None
) -> None:
    with _fetcher(allow_private=False) as client:
        problem = _problem(client.fetch(template.format(port=server.port)), "refused_address")
    assert problem.what.startswith("refused address ")
    if address is not None:
        assert f"refused address {address} " in problem.what
    assert server.seen == []
    assert guard.connects == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])
def test_allow_private_reaches_loopback(server: FixtureServer, host: str) -> None:
    with _fetcher(allow_private=True) as client:
        result = client.fetch(f"http://{host}:{server.port}/news/relief-convoy.html")
    assert isinstance(result, FetchResult), result
    assert result.kind == "html"
    assert server.paths() == ["/news/relief-convoy.html"]


def test_allow_private_reaches_ipv6_loopback() -> None:
    try:
        server6 = start("::1", socket.AF_INET6)
    except OSError:
        pytest.skip("no IPv6 loopback here")
    try:
        with _fetcher(allow_private=True) as client:
            result = client.fetch(f"{server6.base}/news/relief-convoy.html")
        assert isinstance(result, FetchResult), result
        assert server6.paths() == ["/news/relief-convoy.html"]
    finally:
        server6.shutdown()
        server6.server_close()


@pytest.mark.parametrize(
    ("target", "address"),
    [
        ("http://127.0.0.2:{port}/news/relief-convoy.html", "127.0.0.2"),
        ("http://[::1]:{port}/news/relief-convoy.html", "::1"),
        ("http://10.0.0.7/admin", "10.0.0.7"),
    ],
)
def test_redirect_to_private_address_refused(
    server: FixtureServer, guard: _Guard, target: str, address: str
) -> None:
    # The test server's own address stands in for a public host; everything else stays refused.
    with _fetcher(allow_private=False, allowed_networks=["127.0.0.1/32"]) as client:
        redirect = f"{server.base}/redirect/to?url={target.format(port=server.port)}"
        problem = _problem(client.fetch(redirect), "refused_address")
    assert problem.what.startswith(f"refused address {address} ")
    assert server.paths() == ["/redirect/to"]
    assert guard.connects == ["127.0.0.1"]


def test_host_names_resolving_to_private_addresses_refused(guard: _Guard) -> None:
    guard.names["intranet.example"] = ["10.0.0.5"]
    guard.names["mixed.example"] = ["93.184.215.14", "192.168.1.1"]  # one public, one private answer
    with _fetcher(allow_private=False) as client:
        problem = _problem(client.fetch("http://intranet.example/"), "refused_address")
        assert problem.what == "refused address 10.0.0.5 of intranet.example (private range)"
        problem = _problem(client.fetch("https://mixed.example/story"), "refused_address")
        assert problem.what == "refused address 192.168.1.1 of mixed.example (private range)"
        problem = _problem(client.fetch("http://no-such-host.example/"), "dns")
        assert problem.what.startswith("cannot resolve host name no-such-host.example")
    assert guard.connects == []


def test_connection_pinned_to_checked_address(server: FixtureServer, guard: _Guard) -> None:
    guard.names["pinned.example"] = ["127.0.0.1"]
    with _fetcher(allow_private=False, allowed_networks=["127.0.0.0/8"]) as client:
        article = fetch_article(f"http://pinned.example:{server.port}/news/checkpoint-attack.html", client)
    assert isinstance(article, Article), article
    assert article.url == f"http://pinned.example:{server.port}/news/checkpoint-attack.html"
    assert server.seen[0][2]["host"] == f"pinned.example:{server.port}"
    assert guard.lookups.count("pinned.example") == 1  # resolved once, by the check; not again to connect
    assert guard.connects == ["127.0.0.1"]


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private range"),
        ("172.16.0.1", "private range"),
        ("192.168.0.10", "private range"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "not a public address"),
        ("224.0.0.251", "multicast"),
        ("240.0.0.1", "private range"),
        ("0.0.0.0", "unspecified"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private range"),
        ("ff02::1", "multicast"),
        ("::ffff:10.0.0.1", "private range"),
        ("::ffff:8.8.8.8", None),
        ("64:ff9b::a00:1", "private range"),  # NAT64 form of 10.0.0.1
        ("2002:7f00:1::", "loopback"),  # 6to4 form of 127.0.0.1
    ],
)
def test_address_problem(address: str, reason: str | None) -> None:
    assert address_problem(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    ("url", "where", "what"),
    [
        ("ftp://127.0.0.1/file", "ftp://127.0.0.1/file", "only http and https are supported, not 'ftp'"),
        ("javascript:alert(1)", "javascript:alert(1)", "only http and https are supported"),
        ("http://user:secret@127.0.0.1/", "http://***@127.0.0.1/", "user names and passwords"),
        ("http:///no-host", "http:///no-host", "no host name"),
        ("http://127.0.0.1/a b", "http://127.0.0.1/a b", "blanks or control characters"),
        ("", "", "empty"),
    ],
)
def test_invalid_urls(server: FixtureServer, fetcher: Fetcher, url: str, where: str, what: str) -> None:
    problem = _problem(fetcher.fetch(url), "invalid_url")
    assert problem.where == where
    assert what in problem.what and problem.what.startswith("invalid URL: ")
    assert "secret" not in str(problem)
    assert server.seen == []


def test_redirect_with_credentials_refused(server: FixtureServer, fetcher: Fetcher) -> None:
    target = f"http://admin:pw@127.0.0.1:{server.port}/news/relief-convoy.html"
    problem = _problem(fetcher.fetch(f"{server.base}/redirect/to?url={target}"), "invalid_url")
    assert problem.what == "redirect to an invalid URL: user names and passwords in URLs are not accepted"
    assert server.paths() == ["/redirect/to"]


def test_unreachable_port_is_a_problem(fetcher: Fetcher) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    problem = _problem(fetcher.fetch(f"http://127.0.0.1:{port}/"), "connect")
    assert problem.what.startswith("cannot connect to 127.0.0.1")


# -- feeds -----------------------------------------------------------------------------------------------


def test_rss_links_only(server: FixtureServer, fetcher: Fetcher) -> None:
    feed = read_feed(f"{server.base}/feeds/links-only.rss", fetcher)
    assert isinstance(feed, FeedResult), feed
    assert feed.title == "Frontier Ledger — Region"
    assert (feed.etag, feed.last_modified) == (ETAG, LAST_MODIFIED)
    assert [entry.id for entry in feed.entries] == [
        "frontier-ledger-2025-0409-harnai",
        "frontier-ledger-2025-0411-convoy",
        "frontier-ledger-2025-0412-withdrawn",
    ]
    first = feed.entries[0]
    assert first.link == f"{server.base}/news/checkpoint-attack.html"
    assert first.published == date(2025, 4, 9)
    assert first.text is None  # a teaser: the page must be fetched
    assert first.summary == "Officials and a separatist group give different figures after a night attack."

    items = list(articles_from_feed(feed, fetcher))
    assert [type(item) for item in items] == [Article, Article, FetchProblem]
    assert items[0].source == "Frontier Ledger" and items[0].published == date(2025, 4, 9)
    assert items[1].title == "Relief convoy reaches villages cut off by flooding"
    assert items[2].where == f"{server.base}/news/withdrawn-story.html"
    assert items[2].what == "HTTP 404 Not Found"


def test_rss_poll_with_validators_is_not_modified(server: FixtureServer, fetcher: Fetcher) -> None:
    feed = read_feed(f"{server.base}/feeds/links-only.rss", fetcher, etag=ETAG)
    assert isinstance(feed, FeedResult) and feed.not_modified and feed.entries == ()
    feed = read_feed(f"{server.base}/feeds/links-only.rss", fetcher, modified=LAST_MODIFIED)
    assert isinstance(feed, FeedResult) and feed.not_modified
    assert list(articles_from_feed(feed, fetcher)) == []


def test_atom_full_text_needs_no_page_fetch(server: FixtureServer, fetcher: Fetcher) -> None:
    feed = read_feed(f"{server.base}/feeds/full-text.atom", fetcher)
    assert isinstance(feed, FeedResult), feed
    assert feed.title == "Meridian Wire: South Asia"
    kalat, talks, french = feed.entries
    assert kalat.id == "urn:meridian-wire:2025-04-14:kalat-van"
    assert kalat.published == date(2025, 4, 14)
    assert kalat.text is not None and len(kalat.text) >= FULL_TEXT_MIN_CHARS
    assert kalat.text.startswith("KALAT, April 14 — A bomb planted beside the national highway")
    assert kalat.text.count("\n\n") == 4  # five paragraphs
    assert talks.text is not None
    assert french.text is None and french.link == f"{server.base}/news/rapport-fr.html"

    server.seen.clear()
    items = list(articles_from_feed(feed, fetcher, skip=lambda entry: entry.id.endswith("prisoner-talks")))
    assert all(isinstance(item, Article) for item in items), items
    assert [item.id for item in items] == [f"{server.base}/wire/2025/04/14/kalat-van", french.link]
    assert items[0].source == "Meridian Wire: South Asia"
    assert items[0].title == "Roadside bomb hits police van near Kalat"
    assert items[1].source == "Le Courrier du Sahel"
    assert server.paths() == ["/news/rapport-fr.html"]  # only the entry without full text was fetched
    assert detect_language(items[1].text) == "fr"


def test_read_url_takes_pages_and_feeds(server: FixtureServer, fetcher: Fetcher) -> None:
    page = list(read_url(f"{server.base}/news/checkpoint-attack.html", fetcher))
    assert len(page) == 1 and isinstance(page[0], Article)
    from_feed = list(read_url(f"{server.base}/feeds/full-text.atom", fetcher))
    assert [type(item) for item in from_feed] == [Article, Article, Article]
    sniffed = list(read_url(f"{server.base}/feeds/as-text", fetcher))  # an RSS feed served as text/plain
    assert [type(item) for item in sniffed] == [Article, Article, FetchProblem]
    bad = list(read_url(f"{server.base}/doc.pdf", fetcher))
    assert len(bad) == 1 and bad[0].what == "not HTML or a feed (application/pdf)"


def test_feed_and_page_mixups_are_problems(server: FixtureServer, fetcher: Fetcher) -> None:
    problem = _problem(read_feed(f"{server.base}/news/relief-convoy.html", fetcher), "not_a_feed")
    assert problem.what == "not an RSS or Atom feed (an HTML page)"
    problem = _problem(fetch_article(f"{server.base}/feeds/links-only.rss", fetcher), "not_a_page")
    assert problem.what == "a feed, not an article page"


# -- languages, sniffing, helpers ------------------------------------------------------------------------


def test_detect_language(server: FixtureServer, fetcher: Fetcher) -> None:
    english = fetch_article(f"{server.base}/news/checkpoint-attack.html", fetcher)
    french = fetch_article(f"{server.base}/news/rapport-fr.html", fetcher)
    assert isinstance(english, Article) and isinstance(french, Article)
    assert detect_language(english.text) == "en"
    assert detect_language(french.text) == "fr"
    urdu = "ضلع کے ایک افسر نے بتایا کہ حملے میں چھ اہلکار ہلاک اور پانچ افراد زخمی ہوئے۔"
    assert detect_language(urdu) == "ur"
    assert detect_language("") == "und"
    assert detect_language("Quetta") == "und"  # one word says nothing
    assert detect_language("12 / 04 / 2025 — 14:30 — 3,400") == "und"


@pytest.mark.parametrize(
    ("media_type", "body", "kind"),
    [
        ("text/html", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("", b"\xef\xbb\xbf<!doctype html>\n<html>", "html"),
        ("application/xml", b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', "feed"),
        ("text/xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("text/plain", b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "feed"),
        ("text/html", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("application/xml", b'<?xml version="1.0"?><urlset>', None),
        ("text/plain", b"plain words", None),
        ("application/octet-stream", b"\x89PNG\r\n", None),
    ],
)
def test_content_kind(media_type: str, body: bytes, kind: str | None) -> None:
    assert content_kind(media_type, body) == kind


def test_read_urls_file(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# morning list\n"
        "https://news.example/a.html\n"
        "\n"
        "   http://news.example/feed.xml   # the region feed\n"
        "ftp://news.example/old\n"
        "https://news.example/b.html and more\n",
        encoding="utf-8",
    )
    items = read_urls_file(listing)
    assert items[0] == "https://news.example/a.html"
    assert items[1] == "http://news.example/feed.xml"
    assert items[2] == InputProblem(
        f"{listing}:5", "invalid URL: only http and https are supported, not 'ftp'"
    )
    assert items[3] == InputProblem(f"{listing}:6", "expected one URL per line")
    assert len(items) == 4
    missing = read_urls_file(tmp_path / "absent.txt")
    assert len(missing) == 1 and isinstance(missing[0], InputProblem)
    assert missing[0].what == "cannot read: No such file or directory"


def test_make_article_keeps_only_contract_fields() -> None:
    article = make_article(id="u", text="Some text.", title="T", author="A. Writer", url="http://x.example/")
    assert isinstance(article, Article) and article.id == "u" and article.title == "T"
    for name, value in (("author", "A. Writer"), ("language", "und")):
        if name in Article.model_fields:  # filled in once the contract has the field
            assert getattr(article, name) == value


def test_looks_like_url() -> None:
    assert looks_like_url("https://news.example/a") and looks_like_url("HTTP://news.example/")
    assert not looks_like_url("examples/story.html") and not looks_like_url("-")
