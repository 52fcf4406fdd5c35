"""``bench/generate_store.py``: a generated store is one the writer can go on storing articles in."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from bench.generate_store import generate
from sitrep.store.db import open_engine
from sitrep.store.tables import article_bands, articles
from sitrep.store.writer import ArticleWriter, Outcome
from tests.writer_fixtures import LONG, extracted


def test_the_writer_stores_after_the_generated_rows(store_url: str) -> None:
    """The generator writes its rows' ids itself (PostgreSQL: by COPY, past the id sequences): a new article
    must still get an id of its own, with its bands."""
    generate(store_url, 20, seed=15, chunk=10, minhash=True, out=io.StringIO())
    engine = open_engine(store_url)
    try:
        with engine.connect() as connection:
            generated = connection.execute(select(func.max(articles.c.id))).scalar_one()
        writer = ArticleWriter(engine)
        try:
            stored = writer.store(extracted("checkpost", LONG))
        finally:
            writer.close()
        with engine.connect() as connection:
            row = connection.execute(select(articles.c.id).where(articles.c.uid == "checkpost")).scalar_one()
            bands = connection.execute(
                select(func.count()).select_from(article_bands).where(article_bands.c.article_id == row)
            ).scalar_one()
    finally:
        engine.dispose()
    assert stored.outcome == Outcome.new
    assert row > generated and bands == 25
