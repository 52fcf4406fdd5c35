"""``sitrep.store.writer.article_writer``: the writer of one process, and what it knows between articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from sitrep.store.writer import ArticleWriter, Outcome
from tests.writer_fixtures import LONG, LONG_COPY, QUETTA, QUETTA_AGAIN, TURBAT, extracted, sqlite_store

URL = "https://example.org/2025/05/03/quetta-checkpost"


def test_a_stored_text_is_known_before_extracting_it_again(tmp_path: Path) -> None:
    item = extracted("quetta-report", QUETTA, url=URL)
    with sqlite_store(tmp_path) as engine:
        writer = ArticleWriter(engine)
        try:
            assert writer.known_as(item.text_sha256, item.url_sha256) is None
            writer.store(item)
            assert writer.known_as(item.text_sha256, None) == "quetta-report"
            # A known URL alone is not enough: the page may carry a newer text.
            assert writer.known_as(extracted("x", QUETTA_AGAIN).text_sha256, item.url_sha256) is None
        finally:
            writer.close()


def _store_two(engine: Engine) -> None:
    """Two articles stored by a writer that is then closed."""
    first = ArticleWriter(engine)
    try:
        first.store(extracted("checkpost", LONG))
        first.store(extracted("turbat-report", TURBAT))
    finally:
        first.close()


def test_a_new_writer_reads_what_earlier_ones_stored(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _store_two(engine)
        second = ArticleWriter(engine)
        try:
            assert second.known_as(extracted("t", TURBAT).text_sha256, None) == "turbat-report"
            assert second.count_events() == 2
            copy = second.store(extracted("checkpost-copy", LONG_COPY))
        finally:
            second.close()
    assert (copy.outcome, copy.duplicate_of) == (Outcome.duplicate, "checkpost")


def test_a_replaced_revision_is_nobody_s_original(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        writer = ArticleWriter(engine)
        try:
            writer.store(extracted("checkpost", LONG, url=URL))
            revision = writer.store(extracted("checkpost-update", QUETTA, url=URL))
            # A copy of the old text: a replaced revision is nobody's original, so it is stored as new.
            copy = writer.store(extracted("checkpost-copy", LONG_COPY))
        finally:
            writer.close()
    assert revision.revision_of == "checkpost"
    assert copy.outcome is Outcome.new


def test_starting_a_writer_reads_nothing_per_stored_article(tmp_path: Path) -> None:
    """Its cost and memory are the same on an empty store and on millions of articles: it asks only for the
    last article's row id (known texts and near-duplicates are looked up per article, by index)."""
    with sqlite_store(tmp_path) as engine:
        _store_two(engine)
        statements: list[str] = []

        def record(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            statements.append(statement)

        event.listen(engine, "before_cursor_execute", record)
        ArticleWriter(engine).close()
        event.remove(engine, "before_cursor_execute", record)
    assert [s for s in statements if s.lstrip().upper().startswith("SELECT")] == [
        "SELECT max(articles.id) AS max_1 \nFROM articles"
    ]


def test_a_copy_of_what_another_writer_stored_meanwhile_is_a_duplicate(tmp_path: Path) -> None:
    """Two writers on one store: each finds copies of what the other stored after it started (the candidates
    come from the database, not from what a writer read when it started)."""
    with sqlite_store(tmp_path) as engine:
        early, late = ArticleWriter(engine), ArticleWriter(engine)
        try:
            late.store(extracted("checkpost", LONG))
            assert early.known_as(extracted("c", LONG).text_sha256, None) == "checkpost"
            copy = early.store(extracted("checkpost-copy", LONG_COPY))
        finally:
            early.close()
            late.close()
    assert (copy.outcome, copy.duplicate_of) == (Outcome.duplicate, "checkpost")
