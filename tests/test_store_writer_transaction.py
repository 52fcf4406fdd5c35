"""``sitrep.store.writer.transaction``: one article's writes in order: already stored, a revision, a
near-duplicate, or new with its places, events and claims."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func, select

from sitrep.store.tables import claims, event_articles, places
from sitrep.store.writer.records import Extracted, Outcome, Stored
from sitrep.store.writer.transaction import Transaction
from tests.writer_fixtures import LONG, LONG_COPY, QUETTA, QUETTA_AGAIN, extracted, sqlite_store, writing

URL = "https://example.org/2025/05/03/quetta-checkpost"


def _store(engine: Engine, item: Extracted) -> tuple[Stored, int | None, dict[str, int]]:
    """What the transaction reports, and the rows of each table afterwards."""
    with writing(engine) as (writes, memory):
        transaction = Transaction(writes, memory)
        stored, row = transaction.store(item)
        count = writes.connection.execute
        tables = {
            t.name: count(select(func.count()).select_from(t)).scalar_one()
            for t in (places, claims, event_articles)
        }
    return stored, row, tables


def test_a_new_article_brings_its_places_event_and_claims(tmp_path: Path) -> None:
    item = extracted("quetta-report", QUETTA)
    with sqlite_store(tmp_path) as engine:
        stored, row, tables = _store(engine, item)
    assert (stored.outcome, stored.new_events, stored.merged_events, row) == (Outcome.new, 1, 0, 1)
    assert tables == {
        "places": len(item.result.places),
        "claims": len(item.result.claims),
        "event_articles": 1,
    }


def test_the_same_text_writes_nothing(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _store(engine, extracted("quetta-report", QUETTA))
        stored, row, _tables = _store(engine, extracted("quetta-again", QUETTA))
    assert (stored.outcome, stored.uid, row) == (Outcome.already_stored, "quetta-report", None)


def test_a_near_copy_keeps_only_its_row_and_links(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        original = extracted("checkpost", LONG)
        _store(engine, original)
        with writing(engine) as (writes, memory):  # the original's bands were stored with it
            stored, _row = Transaction(writes, memory).store(extracted("checkpost-copy", LONG_COPY))
            stored_claims = writes.connection.execute(select(func.count()).select_from(claims)).scalar_one()
    assert (stored.outcome, stored.duplicate_of) == (Outcome.duplicate, "checkpost")
    assert stored_claims == len(original.result.claims)


def test_a_new_text_at_a_known_url_is_a_revision(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _store(engine, extracted("quetta-report", QUETTA, url=URL))
        with writing(engine) as (writes, memory):
            transaction = Transaction(writes, memory)
            stored, row = transaction.store(extracted("quetta-update", QUETTA_AGAIN, url=URL))
    assert (stored.outcome, stored.uid, stored.revision_of, row) == (
        Outcome.new,
        "quetta-report~rev2",
        "quetta-report",
        2,
    )
    assert transaction.replaced is not None and transaction.replaced.row == 1
    assert stored.merged_events == 1  # into the event its old version fed
