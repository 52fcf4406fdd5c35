"""Invented reports and a fresh SQLite store for the tests of ``sitrep/store/writer/``: an article in, the
``Extracted`` item the writer takes out; a temporary folder in, an engine on a migrated database out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from sitrep.model import Article
from sitrep.pipeline import extract
from sitrep.store.db import open_engine, require_schema
from sitrep.store.dedup import signature, text_sha256, url_sha256
from sitrep.store.writer import Extracted
from sitrep.store.writer.memory import Memory
from sitrep.store.writer.writes import Writes

# Written for these tests: two wordings of one attack, and an attack elsewhere in the same province.
QUETTA = "QUETTA, May 3 — Gunmen killed four policemen at a checkpost in Quetta on Saturday, a police official said."
QUETTA_AGAIN = "Four policemen were shot dead by gunmen at a checkpost in Quetta on Saturday, officials said."
TURBAT = "TURBAT, May 3 — A bomb killed two soldiers near Turbat in Kech district on Saturday, the army said."
# Long enough for a MinHash signature; the copy differs in one word.
LONG = (
    "Police in Quetta said on Saturday that gunmen on motorcycles opened fire on a checkpost near the city's "
    "eastern bypass, killing four policemen and wounding two others before escaping into nearby hills. "
    "A senior officer said a search operation had been launched and that roads out of the city were closed."
)
LONG_COPY = LONG.replace("senior officer", "senior official")


def extracted(uid: str, text: str, *, url: str | None = None, published: str = "2025-05-04") -> Extracted:
    """The pipeline's reading of an invented article, with the fingerprints the writer expects."""
    article = Article(id=uid, text=text, url=url, published=dt.date.fromisoformat(published))
    return Extracted(article, extract(article), text_sha256(text), url_sha256(url), signature(text))


@contextmanager
def sqlite_store(folder: Path) -> Iterator[Engine]:
    """An engine on a new SQLite database in ``folder``, at the current schema revision."""
    engine = open_engine(f"sqlite:///{folder / 'writer.db'}")
    try:
        require_schema(engine, create=True)
        yield engine
    finally:
        engine.dispose()


@contextmanager
def writing(engine: Engine) -> Iterator[tuple[Writes, Memory]]:
    """The writer's statement runner and an empty memory, inside one transaction (committed at the end)."""
    with engine.connect() as connection, connection.begin():
        yield Writes(connection), Memory()


def article_values(item: Extracted) -> dict[str, object]:
    """The columns of an ``articles`` row an insert needs (the transaction fills in the rest)."""
    return {
        "source_id": item.article.id,
        "url": item.article.url,
        "url_sha256": item.url_sha256,
        "text_sha256": item.text_sha256,
        "published": item.article.published,
        "text": item.article.text,
        "minhash": item.signature,
        "ingested_at": dt.datetime(2025, 5, 4, tzinfo=dt.UTC),
    }
