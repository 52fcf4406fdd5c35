"""``sitrep ingest`` / ``sitrep extract`` with URLs, as a user runs them, against the loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from sitrep.store import open_engine
from tests.test_store_cli import sitrep
from tests.web_server import FixtureServer

FAST = ("--allow-private", "--host-interval", "0", "--timeout", "1")


def rows(url: str, sql: str) -> list:
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql)))
    finally:
        engine.dispose()


def errors_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("sitrep: error: ")]


def test_ingest_a_page(server: FixtureServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'pages.db'}"
    result = sitrep("ingest", "--db", db, *FAST, f"{server.base}/news/checkpoint-attack.html")
    assert result.returncode == 0, result.stderr
    assert "1 new" in result.stdout
    [(url, source, language)] = rows(db, "SELECT url, source, language FROM articles")
    assert url == f"{server.base}/news/checkpoint-attack.html" and language == "en"


def test_ingest_rss_feed_fetches_each_link(server: FixtureServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'rss.db'}"
    result = sitrep("ingest", "--db", db, *FAST, f"{server.base}/feeds/links-only.rss")
    assert result.returncode == 1  # the feed's third item is a 404
    assert errors_of(result.stderr) == [
        f"sitrep: error: {server.base}/news/withdrawn-story.html: HTTP 404 Not Found"
    ]
    assert "2 new" in result.stdout and "1 failed" in result.stdout
    titles = [row[0] for row in rows(db, "SELECT title FROM articles ORDER BY id")]
    assert titles[1] == "Relief convoy reaches villages cut off by flooding"


def test_ingest_atom_feed_keeps_the_french_article_unread(server: FixtureServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'atom.db'}"
    result = sitrep("ingest", "--db", db, *FAST, f"{server.base}/feeds/full-text.atom")
    assert result.returncode == 0, result.stderr
    assert "3 new" in result.stdout and "1 stored but not read (1 language fr)" in result.stdout
    assert f"{server.base}/news/rapport-fr.html: stored, not read" in result.stderr
    stored = rows(db, "SELECT language, note FROM articles ORDER BY id")
    assert [language for language, _ in stored] == ["en", "en", "fr"]
    assert stored[2][1] and "'fr'" in stored[2][1]
    claims = rows(
        db, "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id WHERE language = 'fr'"
    )
    assert claims == [(0,)]


def test_urls_file_mixing_good_and_bad(server: FixtureServer, tmp_path: Path) -> None:
    base = server.base
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# a search's results\n"
        f"{base}/news/checkpoint-attack.html\n"
        f"{base}/missing\n"
        f"{base}/loop/a\n"
        f"{base}/huge\n"
        f"{base}/doc.pdf\n"
        f"{base}/slow\n"
        f"{base}/news/relief-convoy.html\n"
        "ftp://example.org/file\n"
    )
    db = f"sqlite:///{tmp_path / 'mixed.db'}"
    result = sitrep("ingest", "--db", db, *FAST, "--urls", str(listing))
    assert result.returncode == 1
    reasons = {}
    for line in errors_of(result.stderr):
        where, _, what = line.removeprefix("sitrep: error: ").partition(": ")
        reasons[where.removeprefix(base)] = what
    assert reasons[f"{listing}:9"].startswith("invalid URL")
    assert reasons["/missing"] == "HTTP 404 Not Found"
    assert reasons["/loop/a"].startswith("too many redirects")
    assert "too large" in reasons["/huge"]
    assert reasons["/doc.pdf"] == "not HTML or a feed (application/pdf)"
    assert "timed out" in reasons["/slow"]
    assert len(reasons) == 6
    assert "2 new" in result.stdout and "6 failed" in result.stdout
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]


def test_loopback_refused_without_allow_private(server: FixtureServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'refused.db'}"
    result = sitrep("ingest", "--db", db, f"{server.base}/news/checkpoint-attack.html")
    assert result.returncode == 1
    [line] = errors_of(result.stderr)
    assert "refused address 127.0.0.1 (loopback)" in line and "--allow-private" in line
    assert server.paths() == []  # nothing was sent


def test_extract_takes_urls_and_notes_other_languages(server: FixtureServer) -> None:
    result = sitrep(
        "extract",
        "--format",
        "jsonl",
        *FAST,
        f"{server.base}/news/checkpoint-attack.html",
        f"{server.base}/news/rapport-fr.html",
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    assert f"sitrep: note: {server.base}/news/rapport-fr.html: skipped (language fr)" in result.stderr


@pytest.mark.parametrize("missing", [True])
def test_inputs_or_urls_required(missing: bool) -> None:
    result = sitrep("ingest")
    assert result.returncode == 2 and "INPUT" in result.stderr


def test_a_feed_feedparser_cannot_read_is_one_line_and_the_rest_is_ingested(
    server: FixtureServer, tmp_path: Path
) -> None:
    """A character reference to half a UTF-16 pair makes feedparser raise, not flag the feed."""
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x &#xD800; y</title>'
        b"<link>http://example.org/a</link></item></channel></rss>"
    )
    server.routes["/feeds/half-surrogate.rss"] = lambda handler: handler.send(
        200, feed, "application/rss+xml"
    )
    db = f"sqlite:///{tmp_path / 'feeds.db'}"
    result = sitrep(
        "ingest",
        "--db",
        db,
        *FAST,
        f"{server.base}/feeds/half-surrogate.rss",
        f"{server.base}/news/checkpoint-attack.html",
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert errors_of(result.stderr) == [
        f"sitrep: error: {server.base}/feeds/half-surrogate.rss: not a valid RSS or Atom feed (UnicodeEncodeError)"
    ]
    assert "1 new" in result.stdout
