"""``sitrep watch``: poll feeds and pages, ingest what is new, remember what was seen in the database.

Each round polls the sources that are due. A feed is fetched conditionally (the ETag / Last-Modified of its
last answer: an unchanged feed costs a 304 and nothing else); its entries not seen before are read (the full
text from the feed, else the linked page) and stored through the store's own ``ingest``, one transaction per
article. A page source is fetched conditionally too and stored when it changed (the store skips a text it
already has).

State lives in ``watch_sources`` / ``watch_seen`` (``sitrep.store.watched``), so a restart or the next cron
``--once`` run carries on where the last stopped:

- An entry is marked seen once its article is stored (new, duplicate or already stored) or failed for good
  (HTTP 404/410, not a page, no text); a transient failure (timeout, 5xx, refused connection) leaves it unseen,
  to be retried at the next poll.
- The feed's validators are saved only when every entry was handled: otherwise the next poll's 304 would hide
  the entries still to do.
- A source whose poll fails is retried after ``every × 2^failures``, capped at ``MAX_BACKOFF`` (or the
  interval, if longer), and never sooner than a Retry-After asked.
- Stopping (SIGINT / SIGTERM) lets the article being stored finish its transaction; nothing else starts.
"""

from __future__ import annotations

import dataclasses
import hashlib
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import FrameType

from sqlalchemy import Engine, insert, select, update

from sitrep.jobs.ingest import IngestSummary, ingest
from sitrep.jobs.parallel import Failed
from sitrep.jobs.progress import BatchProgress
from sitrep.model import Article
from sitrep.sources.feeds import FeedEntry, FeedResult, articles_from_feed, feed_from_result
from sitrep.sources.fetch import Fetcher, FetchProblem
from sitrep.sources.files import InputProblem
from sitrep.sources.inputs import FetchOptions, explained
from sitrep.sources.pages import article_from_page
from sitrep.store.db import reported, require_schema, writing
from sitrep.store.watched import WatchSeenRow, WatchSourceRow
from sitrep.store.writer import Stored

MAX_BACKOFF = 6 * 3600.0  # a dead feed is still tried four times a day
MAX_RETRY_AFTER = 24 * 3600.0  # a server asking for more is not taken at its word
# Failures that fetching again will not fix: the entry is marked seen and not retried.
PERMANENT_KINDS = frozenset({"invalid_url", "refused_address", "not_a_page", "no_text", "unsupported_type"})
PERMANENT_STATUSES = frozenset({400, 401, 403, 404, 405, 410, 451})

sources_table = WatchSourceRow.__table__
seen_table = WatchSeenRow.__table__


@dataclass(slots=True)
class Source:
    id: int
    url: str
    etag: str | None
    last_modified: str | None
    failures: int
    next_poll: datetime | None


@dataclass(slots=True)
class WatchReport:
    """Counts of a watch run: the articles (``summary``) and the polls."""

    summary: IngestSummary = field(default_factory=IngestSummary)
    rounds: int = 0
    polled: int = 0
    not_modified: int = 0
    source_failures: int = 0
    backing_off: int = 0
    interrupted: bool = False

    @property
    def failed(self) -> bool:
        return bool(self.summary.failed or self.source_failures)

    def line(self) -> str:
        return (
            f"watched {self.rounds} round(s): {self.polled} polls, {self.not_modified} not modified, "
            f"{self.source_failures} failed, {self.backing_off} skipped while backing off; {self.summary.line()}"
        )


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite gives back naive datetimes: they were written in UTC.
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def backoff_seconds(failures: int, every: float, retry_after: float | None = None) -> float:
    """Seconds until a source that has failed ``failures`` polls in a row is polled again."""
    delay = min(every * 2 ** min(failures, 32), max(MAX_BACKOFF, every))
    if retry_after:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return delay


def is_permanent(problem: InputProblem) -> bool:
    if not isinstance(problem, FetchProblem):
        return True  # not a network problem: fetching again gives the same answer
    return problem.kind in PERMANENT_KINDS or problem.status in PERMANENT_STATUSES


# -- state in the database -----------------------------------------------------------------------------


class WatchState:
    """Reads and writes ``watch_sources`` / ``watch_seen``; each write is a short transaction of its own."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def sources(self, urls: Sequence[str]) -> list[Source]:
        """The sources for ``urls``, in that order, created on first sight."""
        out: list[Source] = []
        with reported(self.engine.url), writing(self.engine.connect()) as connection, connection.begin():
            for url in urls:
                key = _sha256(url)
                row = connection.execute(
                    select(sources_table).where(sources_table.c.url_sha256 == key)
                ).one_or_none()
                if row is None:
                    new_id = connection.execute(
                        insert(sources_table).values(url=url, url_sha256=key, failures=0)
                    ).inserted_primary_key[0]
                    out.append(Source(new_id, url, None, None, 0, None))
                else:
                    out.append(
                        Source(row.id, url, row.etag, row.last_modified, row.failures, _aware(row.next_poll))
                    )
        return out

    def seen(self, source: Source) -> set[str]:
        with reported(self.engine.url), self.engine.connect() as connection:
            rows = connection.execute(
                select(seen_table.c.entry_sha256).where(seen_table.c.source_id == source.id)
            )
            return {row[0] for row in rows}

    def mark_seen(self, source: Source, entry_key: str) -> None:
        with reported(self.engine.url), writing(self.engine.connect()) as connection, connection.begin():
            exists = connection.execute(
                select(seen_table.c.source_id).where(
                    seen_table.c.source_id == source.id, seen_table.c.entry_sha256 == entry_key
                )
            ).first()
            if exists is None:
                connection.execute(
                    insert(seen_table).values(source_id=source.id, entry_sha256=entry_key, seen_at=_now())
                )

    def save(self, source: Source, result: str, polled: datetime) -> None:
        with reported(self.engine.url), writing(self.engine.connect()) as connection, connection.begin():
            connection.execute(
                update(sources_table)
                .where(sources_table.c.id == source.id)
                .values(
                    etag=source.etag,
                    last_modified=source.last_modified,
                    last_poll=polled,
                    last_result=result[:1000],
                    failures=source.failures,
                    next_poll=source.next_poll,
                )
            )


# -- one poll ------------------------------------------------------------------------------------------


def entry_key(entry: FeedEntry) -> str:
    return _sha256(entry.id)


class Watcher:
    """Polls ``urls`` every ``every`` seconds (see the module docstring)."""

    def __init__(
        self,
        urls: Sequence[str],
        engine: Engine,
        *,
        every: float,
        options: FetchOptions | None = None,
        progress: BatchProgress | None = None,
        report: WatchReport | None = None,
        fetcher: Fetcher | None = None,
        after_round: Callable[[], None] | None = None,
    ) -> None:
        """``after_round``: called after every round (``sitrep watch --alerts`` evaluates its rules there)."""
        self.after_round = after_round
        self.urls = list(dict.fromkeys(urls))
        self.engine = engine
        self.every = every
        self.options = options or FetchOptions()
        self.report = report or WatchReport()
        self.progress = progress or BatchProgress(self.report.summary, live=False)
        self.fetcher = fetcher
        self.stop = threading.Event()
        self.stopped_by: int | None = None  # the signal that asked it to stop (SIGINT: Ctrl-C)
        self.state = WatchState(engine)

    def _say(self, line: str) -> None:
        self.progress.message(line)

    def run(self, *, once: bool) -> WatchReport:
        require_schema(self.engine, create=True)
        fetcher = self.fetcher or self.options.fetcher()
        try:
            while not self.stop.is_set():
                sources = self.state.sources(self.urls)
                self.round(sources, fetcher, once=once)
                if self.after_round is not None:
                    self.after_round()
                if once or self.stop.is_set():
                    break
                due = [s.next_poll for s in self.state.sources(self.urls) if s.next_poll is not None]
                wait = (min(due) - _now()).total_seconds() if due else self.every
                self.stop.wait(max(wait, 1.0))  # wakes at once on SIGINT / SIGTERM
        finally:
            if self.fetcher is None:
                fetcher.close()
        self.report.interrupted = self.stop.is_set()
        return self.report

    def round(self, sources: Sequence[Source], fetcher: Fetcher, *, once: bool) -> None:
        self.report.rounds += 1
        now = _now()
        for source in sources:
            if self.stop.is_set():
                return
            # A cron --once run polls every healthy source (cron is the schedule); a failing one waits its turn.
            waiting = source.next_poll is not None and source.next_poll > now
            if waiting and (not once or source.failures > 0):
                if source.failures > 0:
                    self.report.backing_off += 1
                    self._say(
                        f"sitrep: watch: {source.url}: backing off after {source.failures} failure(s) until "
                        f"{source.next_poll:%Y-%m-%d %H:%M:%S} UTC"
                    )
                continue
            self.poll(source, fetcher)

    def poll(self, source: Source, fetcher: Fetcher) -> None:
        polled = _now()
        self.report.polled += 1
        result = fetcher.fetch(source.url, etag=source.etag, last_modified=source.last_modified)
        if isinstance(result, FetchProblem):
            self._failed(source, explained(result), polled)
            return
        if result.not_modified:
            self.report.not_modified += 1
            source.etag, source.last_modified = result.etag, result.last_modified
            self._succeeded(source, "not modified", polled)
            self._say(f"sitrep: watch: {source.url}: not modified")
            return
        before = dataclasses.replace(self.report.summary)
        if result.kind == "feed":
            feed = feed_from_result(result)
            if isinstance(feed, InputProblem):
                self._failed(source, feed, polled)
                return
            complete = self._ingest_feed(source, feed, fetcher)
        else:
            complete = self._ingest(source, iter([article_from_page(result)]), deque([None]))
        if complete:  # only now may the next poll be conditional on this answer
            source.etag, source.last_modified = result.etag, result.last_modified
        after = self.report.summary
        counts = (
            f"{after.articles - before.articles} item(s): {after.new - before.new} new, "
            f"{after.duplicates + after.already_stored - before.duplicates - before.already_stored} duplicate, "
            f"{after.failed - before.failed} failed"
        )
        self._succeeded(source, "ok" if complete else "ok, some entries left for the next poll", polled)
        self._say(f"sitrep: watch: {source.url}: {counts}")

    def _ingest_feed(self, source: Source, feed: FeedResult, fetcher: Fetcher) -> bool:
        seen = self.state.seen(source)
        keys: deque[str | None] = deque()
        skipped = 0

        def items() -> Iterator[Article | InputProblem]:
            nonlocal skipped
            for entry in feed.entries:
                key = entry_key(entry)
                if key in seen:
                    continue
                if self.stop.is_set():  # checked between articles: the one being stored has finished
                    skipped += 1
                    continue
                # One entry at a time, so each item is known to belong to its entry.
                for item in articles_from_feed(dataclasses.replace(feed, entries=(entry,)), fetcher):
                    if isinstance(item, InputProblem):
                        item = explained(item)
                    keys.append(key if isinstance(item, Article) or is_permanent(item) else None)
                    if keys[-1] is None:
                        skipped += 1  # retried next poll
                    yield item
                seen.add(key)

        complete = self._ingest(source, items(), keys)
        return complete and skipped == 0

    def _ingest(
        self, source: Source, items: Iterator[Article | InputProblem], keys: deque[str | None]
    ) -> bool:
        """Store ``items``; each handled item pops its entry key from ``keys`` (the store answers in order)
        and a key is marked seen in the database."""
        summary = self.report.summary
        failures_before = summary.failed

        def handled() -> None:
            key = keys.popleft() if keys else None
            if key is not None:
                self.state.mark_seen(source, key)
            self.progress.update()

        def on_stored(_stored: Stored) -> None:
            handled()

        def on_failed(failed: Failed) -> None:
            self._say(f"sitrep: error: {failed}")
            handled()

        def on_not_read(article_id: str, note: str) -> None:
            self._say(f"sitrep: note: {article_id}: stored, {note}")

        ingest(
            [],
            self.engine,
            summary=summary,
            items=items,
            on_stored=on_stored,
            on_failed=on_failed,
            on_not_read=on_not_read,
        )
        return summary.failed == failures_before

    def _succeeded(self, source: Source, what: str, polled: datetime) -> None:
        source.failures = 0
        source.next_poll = polled + timedelta(seconds=self.every)
        self.state.save(source, what, polled)

    def _failed(self, source: Source, problem: InputProblem, polled: datetime) -> None:
        source.failures += 1
        self.report.source_failures += 1
        retry_after = problem.retry_after if isinstance(problem, FetchProblem) else None
        delay = backoff_seconds(source.failures, self.every, retry_after)
        source.next_poll = polled + timedelta(seconds=delay)
        self.state.save(source, problem.what, polled)
        self._say(
            f"sitrep: error: {problem.where}: {problem.what} (failure {source.failures} in a row; "
            f"next poll in {_duration(delay)})"
        )


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    if seconds >= 60:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


def stop_on_signals(watcher: Watcher) -> Callable[[], None]:
    """SIGINT / SIGTERM ask the watcher to stop after the current article; a second SIGINT stops at once.
    Returns a function restoring the previous handlers."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handler(signum: int, _frame: FrameType | None) -> None:
        if watcher.stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        watcher.stop.set()
        watcher.stopped_by = signum
        watcher.progress.message("sitrep: stopping after the current article (Ctrl-C again to stop at once)")

    for sig in previous:
        signal.signal(sig, handler)

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore
