"""``sitrep watch`` against the loopback server: only new items are ingested, an unchanged feed costs a 304,
a failing source backs off while the others go on, and what was seen survives a restart (each round below is
a process of its own)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from sitrep.jobs.watch import MAX_BACKOFF, backoff_seconds
from sitrep.sources.inputs import parse_interval
from tests.test_ingest_urls import FAST, errors_of, rows
from tests.test_store_cli import sitrep
from tests.web_server import FixtureServer, Handler

ITEMS = [
    ("harnai", "Gunmen overrun checkpoint outside Harnai", "/news/checkpoint-attack.html"),
    ("convoy", "Relief convoy reaches villages cut off by flooding", "/news/relief-convoy.html"),
]


def live_feed(server: FixtureServer, items: list[tuple[str, str, str]], conditional: bool = True) -> None:
    """Serve /feeds/live.rss with ``items``; its ETag follows the content, so a change is a new ETag."""

    def route(handler: Handler) -> None:
        entries = "".join(
            f"<item><title>{title}</title><link>{server.base}{path}</link><guid>{guid}</guid></item>"
            for guid, title, path in items
        )
        body = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>{entries}</channel></rss>'
        ).encode()
        etag = f'"{hashlib.sha256(body).hexdigest()[:12]}"'
        if conditional and handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        handler.send(200, body, "application/rss+xml", {"ETag": etag} if conditional else {})

    server.routes["/feeds/live.rss"] = route


def watch(db: str, *urls: str) -> object:
    return sitrep("watch", "--once", "--db", db, *FAST, *urls)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'watch.db'}"


def test_only_new_items_are_ingested_and_unchanged_feed_is_304(server: FixtureServer, db: str) -> None:
    feed = f"{server.base}/feeds/live.rss"
    live_feed(server, ITEMS[:1])
    first = watch(db, feed)
    assert first.returncode == 0, first.stderr
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]

    live_feed(server, ITEMS)  # the feed gains an item
    server.seen.clear()
    second = watch(db, feed)
    assert second.returncode == 0, second.stderr
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]
    assert server.paths() == ["/feeds/live.rss", "/news/relief-convoy.html"]  # the seen item is not fetched
    assert rows(db, "SELECT count(*) FROM watch_seen") == [(2,)]

    server.seen.clear()
    third = watch(db, feed)
    assert third.returncode == 0, third.stderr
    assert server.paths() == ["/feeds/live.rss"]  # a 304: nothing else fetched
    assert "not modified" in third.stderr and "1 not modified" in third.stdout
    assert rows(db, "SELECT last_result, failures FROM watch_sources") == [("not modified", 0)]
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]


def test_restart_remembers_seen_items_without_validators(server: FixtureServer, db: str) -> None:
    feed = f"{server.base}/feeds/live.rss"
    live_feed(server, ITEMS, conditional=False)  # no ETag: only the seen entries stop the refetch
    assert watch(db, feed).returncode == 0
    server.seen.clear()
    again = watch(db, feed)
    assert again.returncode == 0, again.stderr
    assert server.paths() == ["/feeds/live.rss"]
    assert "0 item(s)" in again.stderr
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]


def test_failing_source_backs_off_while_others_continue(server: FixtureServer, db: str) -> None:
    feed, broken = f"{server.base}/feeds/live.rss", f"{server.base}/busy"  # /busy: 503, Retry-After: 120
    live_feed(server, ITEMS[:1])
    first = sitrep("watch", "--once", "--every", "30s", "--db", db, *FAST, broken, feed)
    assert first.returncode == 1
    assert any("/busy: HTTP 503 Service Unavailable" in line for line in errors_of(first.stderr))
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]  # the other source went on
    [(failures, last_poll, next_poll)] = rows(
        db, f"SELECT failures, last_poll, next_poll FROM watch_sources WHERE url = '{broken}'"
    )
    waited = (datetime.fromisoformat(str(next_poll)) - datetime.fromisoformat(str(last_poll))).total_seconds()
    assert failures == 1 and waited == pytest.approx(120, abs=1)  # Retry-After beats 2 x 30 s

    live_feed(server, ITEMS)
    server.seen.clear()
    second = sitrep("watch", "--once", "--every", "30s", "--db", db, *FAST, broken, feed)
    assert second.returncode == 0, second.stderr
    assert "/busy" not in server.paths()  # still backing off: not polled
    assert "backing off after 1 failure(s)" in second.stderr
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_seconds(n, 60) for n in (1, 2, 3)] == [120, 240, 480]
    assert backoff_seconds(20, 60) == MAX_BACKOFF
    assert backoff_seconds(1, 60, retry_after=600) == 600
    assert backoff_seconds(1, 60, retry_after=10**9) == 24 * 3600


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("90", 90)])
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


def test_bad_interval_is_a_usage_error(db: str) -> None:
    result = sitrep("watch", "--once", "--every", "soon", "--db", db, "http://127.0.0.1:9/feed")
    assert result.returncode == 2 and "--every" in result.stderr


def test_stops_cleanly_on_sigint(server: FixtureServer, db: str) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    live_feed(server, ITEMS[:1])
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sitrep",
            "watch",
            "--every",
            "1h",
            "--db",
            db,
            *FAST,
            f"{server.base}/feeds/live.rss",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        deadline = time.monotonic() + 120
        while rows_or_none(db) != 1 and time.monotonic() < deadline:
            time.sleep(0.2)  # the first round has stored its article; the watcher now sleeps for an hour
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130, stderr  # Ctrl-C: the shell's code for SIGINT, after the summary
    assert "Traceback" not in stderr
    assert stdout.startswith("watched 1 round(s): 1 polls") and "1 new" in stdout
    assert "interrupted: 1 articles read (1 new)" in stderr and "run the same command again" in stderr


def rows_or_none(db: str) -> int | None:
    try:
        return rows(db, "SELECT count(*) FROM articles")[0][0]
    except Exception:  # the database is still being created by the watcher
        return None


def test_migration_creates_exactly_the_watch_tables(store_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from sitrep.store import open_engine
    from sitrep.store.db import upgrade
    from sitrep.store.watched import WatchSeenRow, WatchSourceRow

    ours = {WatchSourceRow.__tablename__, WatchSeenRow.__tablename__}

    def watched(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
        table = obj if type_ == "table" else getattr(obj, "table", None)
        return getattr(table, "name", name) in ours

    engine = open_engine(store_url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_object": watched})
            assert compare_metadata(context, WatchSourceRow.metadata) == []
    finally:
        engine.dispose()
