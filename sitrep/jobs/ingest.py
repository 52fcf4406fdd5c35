"""``sitrep ingest``: read articles, run the whole pipeline on each, store them one transaction at a time.

Extraction (the costly part) runs in the main process, or with ``workers`` ≥ 2 in that many processes fed
chunks of articles, or with ``dask`` on a dask.distributed cluster fed the same chunks; writing always happens
in the main process, one article per transaction, in input order, so a run is reproducible and a crash, kill
or Ctrl-C loses at most the article being written (its transaction is rolled back; the workers ignore Ctrl-C
and the chunks not yet started are dropped). Re-running the same inputs skips the stored articles before
extracting them (their text hash is known), so an interrupted batch completes quickly. A known URL with new text is read: it is a newer revision of the stored article.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from sqlalchemy import Engine

from sitrep.jobs.parallel import Failed, dask_client, extract_or_failed, process_pool
from sitrep.model import Article, ExtractResult
from sitrep.sources.files import DEFAULT_MAX_BYTES, InputProblem, checked, read_inputs
from sitrep.store.db import ensure_writable, reported, require_schema
from sitrep.store.dedup import signature, text_sha256, url_sha256
from sitrep.store.writer import ArticleWriter, Extracted, Outcome, Stored

# Articles per task sent to a worker: enough to amortise the round trip, few enough to balance the workers.
CHUNK_SIZE = 8
# Tasks queued per worker: keeps the workers busy while bounding memory.
IN_FLIGHT_PER_WORKER = 4


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    duplicates: int = 0
    already_stored: int = 0
    failed: int = 0
    revisions: int = 0  # of the new articles and duplicates: newer revisions of a stored article (same URL)
    new_events: int = 0
    merged_events: int = 0
    events_in_database: int | None = None
    # Stored but not read by the extractor (e.g. not English): language -> count.
    not_read: dict[str, int] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        return self.new + self.duplicates + self.already_stored + self.failed

    def add(self, stored: Stored) -> None:
        if stored.outcome is Outcome.new:
            self.new += 1
        elif stored.outcome is Outcome.duplicate:
            self.duplicates += 1
        else:
            self.already_stored += 1
        if stored.revision_of is not None:
            self.revisions += 1
        self.new_events += stored.new_events
        self.merged_events += stored.merged_events

    def line(self) -> str:
        revisions = f", {self.revisions} revisions of stored articles" if self.revisions else ""
        text = (
            f"ingested {self.articles} articles: {self.new} new, {self.duplicates} duplicates, "
            f"{self.already_stored} already stored, {self.failed} failed{revisions}; "
            f"{self.new_events} new events, {self.merged_events} merged into stored events"
        )
        if self.events_in_database is not None:
            text += f"; {self.events_in_database} events in the database"
        if self.not_read:
            languages = ", ".join(f"{n} language {lang}" for lang, n in sorted(self.not_read.items()))
            text += f"; {sum(self.not_read.values())} stored but not read ({languages})"
        return text


@dataclass(frozen=True, slots=True)
class _Known:
    """An article whose text is already stored (as ``uid``): not extracted again."""

    article: Article
    uid: str


@dataclass(frozen=True, slots=True)
class _ToExtract:
    """An article to extract, with the fingerprints it was checked by: computed once, they are stored with it."""

    article: Article
    text_sha256: str
    url_sha256: str | None


def _extracted(pending: _ToExtract) -> Extracted | Failed:
    article = pending.article
    result = extract_or_failed(article)
    if isinstance(result, Failed):
        return result
    return Extracted(article, result, pending.text_sha256, pending.url_sha256, signature(article.text))


def _extract_chunk(articles: list[Article]) -> list[tuple[str, bytes | None] | Failed]:
    """Worker side: results travel back as JSON (faster to send than pickled pydantic objects)."""
    out: list[tuple[str, bytes | None] | Failed] = []
    for article in articles:
        result = extract_or_failed(article)
        out.append(
            result if isinstance(result, Failed) else (result.model_dump_json(), signature(article.text))
        )
    return out


def _from_worker(pending: _ToExtract, returned: tuple[str, bytes | None] | Failed) -> Extracted | Failed:
    if isinstance(returned, Failed):
        return returned
    result_json, signature_bytes = returned
    return Extracted(
        pending.article,
        ExtractResult.model_validate_json(result_json),
        pending.text_sha256,
        pending.url_sha256,
        signature_bytes,
    )


Item = Extracted | _Known | Failed
Classified = _ToExtract | _Known | Failed


def _classify(
    items: Iterable[Article | InputProblem], known_as: Callable[[str, str | None], str | None]
) -> Iterator[Classified]:
    for item in items:
        # Checked here as well as by the readers: ``items`` may come from any reader (a feed, a caller's own).
        item = checked(item)
        if isinstance(item, InputProblem):
            yield Failed(item.where, item.what)
            continue
        text_hash, url_hash = text_sha256(item.text), url_sha256(item.url)
        uid = known_as(text_hash, url_hash)
        yield _Known(item, uid) if uid is not None else _ToExtract(item, text_hash, url_hash)


def _in_process(items: Iterator[Classified]) -> Iterator[Item]:
    for item in items:
        yield _extracted(item) if isinstance(item, _ToExtract) else item


def _in_workers(items: Iterator[Classified], workers: int) -> Iterator[Item]:
    """Extraction in ``workers`` processes, results yielded in input order."""
    # forkserver, not fork: a forked child would inherit the writer's open SQLite connection.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with process_pool(workers, context) as pool:
        yield from _pipelined(items, workers, lambda articles: pool.submit(_extract_chunk, articles))


def _on_dask(items: Iterator[Classified], address: str) -> Iterator[Item]:
    """Extraction on the dask.distributed cluster at ``address``, results yielded in input order: the same
    chunks and the same bounded window as local processes (a Dask future answers ``result()`` as theirs do)."""
    with dask_client(address) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _pipelined(
            items, workers, lambda articles: client.submit(_extract_chunk, articles, pure=False)
        )


def _pipelined(
    items: Iterator[Classified], workers: int, submit: Callable[[list[Article]], Future[list]]
) -> Iterator[Item]:
    """Chunks of articles submitted ahead (``IN_FLIGHT_PER_WORKER`` per worker), results in input order."""
    pending: deque[tuple[list[Classified], Future[list] | None]] = deque()

    def finished(chunk: list[Classified], future: Future[list] | None) -> Iterator[Item]:
        returned = iter(future.result() if future is not None else ())
        for item in chunk:
            yield _from_worker(item, next(returned)) if isinstance(item, _ToExtract) else item

    while chunk := list(islice(items, CHUNK_SIZE)):
        articles = [item.article for item in chunk if isinstance(item, _ToExtract)]
        pending.append((chunk, submit(articles) if articles else None))
        while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
            yield from finished(*pending.popleft())
    while pending:
        yield from finished(*pending.popleft())


@contextlib.contextmanager
def _not_interrupted() -> Iterator[None]:
    """Ctrl-C waits while an article is written and counted, and comes right after: an interrupted batch then
    reports every article it stored (without this, one committed as the signal came was stored but not counted).
    Where signals cannot be held (off the main thread, or no ``pthread_sigmask``), the block runs as it is."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def ingest(
    inputs: Iterable[str],
    engine: Engine,
    *,
    published: date | None = None,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    summary: IngestSummary | None = None,
    on_stored: Callable[[Stored], None] | None = None,
    on_failed: Callable[[Failed], None] | None = None,
    items: Iterable[Article | InputProblem] | None = None,
    on_not_read: Callable[[str, str], None] | None = None,
    dask: str | None = None,
) -> IngestSummary:
    """Read ``inputs``, extract and store every article; returns the counts (also kept in ``summary`` as they
    grow, so a caller still has them when a database error ends the run early). ``items``: articles (and
    problems) read by the caller (URLs, feeds) instead of ``read_inputs(inputs)``. ``on_not_read(article id,
    note)``: a new article stored without being read (e.g. not English). ``dask``: the address of a
    dask.distributed scheduler to extract on instead of local processes (this process still writes)."""
    summary = summary if summary is not None else IngestSummary()
    ensure_writable(engine)
    require_schema(engine, create=True)
    with reported(engine.url):
        writer = ArticleWriter(engine)
        try:
            classified = _classify(
                items if items is not None else read_inputs(inputs, published=published, max_bytes=max_bytes),
                writer.known_as,
            )
            if dask:
                stream = _on_dask(classified, dask)
            elif workers > 1:
                stream = _in_workers(classified, workers)
            else:
                stream = _in_process(classified)
            # Closed on the way out, even on Ctrl-C: the workers' pending chunks are dropped then, not later.
            with contextlib.closing(stream):
                for item in stream:
                    if isinstance(item, Failed):
                        summary.failed += 1
                        if on_failed is not None:
                            on_failed(item)
                        continue
                    if isinstance(item, _Known):
                        stored = Stored(Outcome.already_stored, item.article.id, item.uid)
                        summary.add(stored)
                    else:
                        with _not_interrupted():  # stored and counted, or neither
                            stored = writer.store(item)
                            summary.add(stored)
                        if item.result.note and stored.outcome is Outcome.new:
                            language = item.result.article.language or "und"
                            summary.not_read[language] = summary.not_read.get(language, 0) + 1
                            if on_not_read is not None:
                                on_not_read(item.article.id, item.result.note)
                    if on_stored is not None:
                        on_stored(stored)
            summary.events_in_database = writer.count_events()
        finally:
            writer.close()
    return summary
