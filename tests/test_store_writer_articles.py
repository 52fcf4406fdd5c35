"""``sitrep.store.writer.articles``: the article's row, or what is stored already at its text or URL."""

from __future__ import annotations

from pathlib import Path

from sitrep.store.writer.articles import free_uid, insert_article
from sitrep.store.writer.records import Outcome, Replaces, Stored
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


def test_a_new_article_takes_its_own_id(tmp_path: Path) -> None:
    item = extracted("quetta-report", QUETTA, url=URL)
    with sqlite_store(tmp_path) as engine, writing(engine) as (writes, _memory):
        assert insert_article(writes, item, article_values(item)) == ("quetta-report", 1)


def test_the_same_text_is_already_stored_whatever_its_id(tmp_path: Path) -> None:
    first, copy = (
        extracted("quetta-report", QUETTA),
        extracted("quetta-copy", "  quetta, MAY 3 — " + QUETTA[15:]),
    )
    with sqlite_store(tmp_path) as engine, writing(engine) as (writes, _memory):
        insert_article(writes, first, article_values(first))
        found = insert_article(writes, copy, article_values(copy))
    assert found == Stored(Outcome.already_stored, "quetta-copy", "quetta-report")


def test_another_text_at_a_stored_url_replaces_it(tmp_path: Path) -> None:
    first, update = (
        extracted("quetta-report", QUETTA, url=URL),
        extracted("quetta-update", QUETTA_AGAIN, url=URL),
    )
    with sqlite_store(tmp_path) as engine, writing(engine) as (writes, _memory):
        insert_article(writes, first, article_values(first))
        assert insert_article(writes, update, article_values(update)) == Replaces(1, "quetta-report")


def test_a_taken_id_is_numbered(tmp_path: Path) -> None:
    first, namesake = extracted("report", QUETTA), extracted("report", TURBAT)
    with sqlite_store(tmp_path) as engine, writing(engine) as (writes, _memory):
        insert_article(writes, first, article_values(first))
        assert insert_article(writes, namesake, article_values(namesake)) == ("report~2", 2)
        assert (free_uid(writes.connection, "report"), free_uid(writes.connection, "other")) == (
            "report~3",
            "other",
        )
