"""``sitrep.store.writer.revisions``: a newer text at a stored URL numbered as a revision; the old one
superseded."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from sitrep.store.tables import articles, events
from sitrep.store.writer import ArticleWriter
from sitrep.store.writer.records import Replaces
from sitrep.store.writer.revisions import insert_revision, supersede
from tests.writer_fixtures import (
    QUETTA,
    QUETTA_AGAIN,
    TURBAT,
    article_values,
    extracted,
    sqlite_store,
    writing,
)

URL = "https://example.org/2025/05/03/quetta-checkpost"


def _stored(engine: object) -> None:
    writer = ArticleWriter(engine)  # type: ignore[arg-type]
    try:
        writer.store(extracted("quetta-report", QUETTA, url=URL))
    finally:
        writer.close()


def test_revisions_are_numbered_and_take_the_url(tmp_path: Path) -> None:
    second, third = extracted("u2", QUETTA_AGAIN, url=URL), extracted("u3", TURBAT, url=URL)
    with sqlite_store(tmp_path) as engine:
        _stored(engine)
        with writing(engine) as (writes, _memory):
            uid, row = insert_revision(writes, Replaces(1, "quetta-report"), article_values(second))
            assert (uid, row) == ("quetta-report~rev2", 2)
            later = insert_revision(writes, Replaces(row, uid), article_values(third))
            urls = dict(writes.connection.execute(select(articles.c.uid, articles.c.url_sha256)).all())
    assert later == ("quetta-report~rev3", 3)
    assert urls == {"quetta-report": None, "quetta-report~rev2": None, "quetta-report~rev3": third.url_sha256}


def test_superseding_recounts_the_events_its_claims_fed(tmp_path: Path) -> None:
    second = extracted("u2", QUETTA_AGAIN, url=URL)
    with sqlite_store(tmp_path) as engine:
        _stored(engine)
        with writing(engine) as (writes, memory):
            _uid, row = insert_revision(writes, Replaces(1, "quetta-report"), article_values(second))
            memory.events[1] = (0, None)  # type: ignore[assignment]
            supersede(writes, memory, Replaces(1, "quetta-report"), row)
            old = writes.connection.execute(
                select(articles.c.superseded_by).where(articles.c.id == 1)
            ).scalar()
            event = writes.connection.execute(select(events.c.revision, events.c.fatalities)).one()
    assert old == row and dict(memory.events) == {}
    # Its only claim is superseded: counted in no figure, and the event's row was rewritten.
    assert event.revision == 1 and event.fatalities["best"] is None
