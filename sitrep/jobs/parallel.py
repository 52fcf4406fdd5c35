"""Running extraction on many cores or many machines, results in input order.

- ``workers=1``: in this process.
- ``workers=N``: N processes on this machine (``concurrent.futures``), articles sent in chunks so that the
  cost of sending them is small beside the cost of reading them.
- ``dask=ADDRESS``: the chunks are mapped over a dask.distributed cluster (``tcp://scheduler:8786``); the
  workers return results and the caller — one writer — stores them. Every worker needs sitrep installed; the
  place index and lexicons load once per worker process.

Input order is kept in every mode, so a parallel run gives exactly the single-process results. An article
the pipeline fails on comes back as ``Failed`` in its place: one article's bug does not stop a batch.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from sitrep.errors import optional_module
from sitrep.model import Article, ExtractResult
from sitrep.pipeline import extract
from sitrep.sources.files import InputProblem

Item = TypeVar("Item")
DEFAULT_CHUNK = 64


@dataclass(frozen=True, slots=True)
class Failed(InputProblem):
    """An article the pipeline could not process (``where``: its id), or an input that could not be read."""


def extract_or_failed(article: Article) -> ExtractResult | Failed:
    """``extract(article)``, or what went wrong with it."""
    try:
        return extract(article)
    except Exception as error:  # one article's bug must not stop a batch of thousands
        return Failed(article.id, f"extraction failed: {type(error).__name__}: {error}")


def extract_chunk(articles: list[Article]) -> list[ExtractResult | Failed]:
    """The whole pipeline over a chunk of articles (the unit of work sent to a process or a Dask worker)."""
    return [extract_or_failed(article) for article in articles]


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal's group: the workers leave it to the parent, which says
    # what was done, rather than each printing a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def process_pool(workers: int, context: BaseContext | None = None) -> Iterator[ProcessPoolExecutor]:
    """``workers`` extraction processes that ignore Ctrl-C. Left early (Ctrl-C, a consumer that stops), the
    chunks not yet started are dropped rather than extracted for nothing."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupts)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_many(
    articles: Iterable[Article], workers: int = 1, dask: str | None = None, chunk_size: int = DEFAULT_CHUNK
) -> Iterator[ExtractResult | Failed]:
    """``extract`` over ``articles``, in their order, on ``workers`` processes or a Dask cluster; ``Failed``
    for an article the pipeline failed on."""
    if dask:
        yield from _on_dask(articles, dask, chunk_size)
    elif workers <= 1:
        yield from (extract_or_failed(article) for article in articles)
    else:
        with process_pool(workers) as pool:
            # map() keeps the input order; a bounded window of chunks keeps memory flat on long inputs.
            for results in _bounded_map(pool, _chunks(articles, chunk_size), window=workers * 4):
                yield from results


def _bounded_map(pool: ProcessPoolExecutor, chunks: Iterator[list[Article]], window: int):
    pending = []
    for chunk in chunks:
        pending.append(pool.submit(extract_chunk, chunk))
        if len(pending) >= window:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()


def dask_client(address: str) -> Any:
    """A client of the dask.distributed scheduler at ``address``. Dask (the dask extra) is imported only when a
    cluster is asked for."""
    distributed = optional_module("dask.distributed", "dask", "--dask (extraction on a Dask cluster)")
    return distributed.Client(address)


def _on_dask(articles: Iterable[Article], address: str, chunk_size: int) -> Iterator[ExtractResult | Failed]:
    with dask_client(address) as client:
        window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
        pending = []
        for chunk in _chunks(articles, chunk_size):
            pending.append(client.submit(extract_chunk, chunk, pure=False))
            if len(pending) >= window:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
