"""``POST /api/ingest``: an article's text or a URL, through the same pipeline and writer as ``sitrep ingest``.

Text needs no network. A URL is fetched with ``sitrep.sources.fetch.Fetcher`` (which refuses loopback, private,
link-local and other non-public addresses, at every redirect, and pins the checked address) and read with
``sitrep.sources.feeds.read_url``: a page gives one article, a feed its entries. The NLP pipeline is imported
on the first ingest only: a server that only reads never loads it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine

from sitrep.api.schemas import IngestRequest, IngestResult, StoredArticle
from sitrep.model import Article
from sitrep.sources.files import InputProblem, checked
from sitrep.store.db import reported


def article_from_text(request: IngestRequest) -> Article:
    text = request.text or ""
    # Without an id, the text's hash: posting the same text twice finds the stored article.
    article_id = request.id or f"api-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"
    return Article(
        id=article_id,
        text=text,
        title=request.title,
        published=request.published,
        url=request.source_url,
        source=request.source,
    )


def articles_from_url(url: str, fetcher_factory: Callable[[], Any] | None) -> list[Article | InputProblem]:
    from sitrep.sources.feeds import read_url
    from sitrep.sources.fetch import Fetcher

    fetcher = fetcher_factory() if fetcher_factory is not None else Fetcher()
    try:
        return list(read_url(url, fetcher))
    finally:
        fetcher.close()


def store_articles(engine: Engine, items: Iterable[Article | InputProblem]) -> IngestResult:
    """Extract and store each article in its own transaction (``ArticleWriter``, as ``sitrep ingest`` does)."""
    from sitrep.pipeline import extract
    from sitrep.store.dedup import signature, text_sha256, url_sha256
    from sitrep.store.writer import ArticleWriter, Extracted

    stored: list[StoredArticle] = []
    problems: list[str] = []
    with reported(engine.url):
        writer = ArticleWriter(engine)
        try:
            for item in items:
                item = checked(item)  # a fetched feed's entry may be unusable (a lone surrogate, no text)
                if isinstance(item, InputProblem):
                    problems.append(str(item))
                    continue
                try:
                    result = extract(item)
                except Exception as error:  # one article's bug is reported, not a 500
                    problems.append(f"{item.id}: extraction failed: {type(error).__name__}: {error}")
                    continue
                extracted = Extracted(
                    item, result, text_sha256(item.text), url_sha256(item.url), signature(item.text)
                )
                outcome = writer.store(extracted)
                stored.append(
                    StoredArticle(
                        input_id=outcome.article_id,
                        id=outcome.uid,
                        outcome=outcome.outcome.value,
                        duplicate_of=outcome.duplicate_of,
                        new_events=outcome.new_events,
                        merged_events=outcome.merged_events,
                        claims=len(result.claims) if outcome.outcome.value == "new" else 0,
                    )
                )
        finally:
            writer.close()
    return IngestResult(stored=stored, problems=problems)
