"""``sitrep.store.writer.duplicates``: a near-duplicate's original, and the original's events it joins."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from sitrep.store.dedup import NearDuplicate
from sitrep.store.tables import event_articles
from sitrep.store.writer import ArticleWriter, Outcome
from sitrep.store.writer.articles import insert_article
from sitrep.store.writer.duplicates import link_duplicate, original_of
from tests.writer_fixtures import LONG, LONG_COPY, QUETTA, article_values, extracted, sqlite_store, writing


def test_the_original_of_a_copy_of_a_copy_is_the_first(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        writer = ArticleWriter(engine)
        try:
            writer.store(extracted("checkpost", LONG))
            assert writer.store(extracted("checkpost-copy", LONG_COPY)).outcome is Outcome.duplicate
        finally:
            writer.close()
        with writing(engine) as (writes, _memory):
            found = original_of(writes.connection, NearDuplicate(2, 0.91))
            assert original_of(writes.connection, None) is None
    assert (found.id, found.uid) == (1, "checkpost")


def test_a_copy_becomes_a_source_of_the_original_events(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        writer = ArticleWriter(engine)
        try:
            writer.store(extracted("checkpost", LONG))
        finally:
            writer.close()
        other = extracted("other", QUETTA)
        with writing(engine) as (writes, memory):
            _uid, row = insert_article(writes, other, article_values(other))
            memory.events[1] = (0, None)  # type: ignore[assignment]  # an event the copy's link makes stale
            link_duplicate(writes, memory, 1, "checkpost", row, 0.914)
            links = writes.connection.execute(
                select(event_articles.c.event_id, event_articles.c.matched).where(
                    event_articles.c.article_id == row
                )
            ).all()
    assert [tuple(link) for link in links] == [(1, ["near-duplicate of checkpost (similarity 0.91)"])]
    assert 1 not in memory.events
