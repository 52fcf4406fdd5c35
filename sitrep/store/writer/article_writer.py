"""The writer of one process: a database engine in; articles stored one transaction each (``store``: an
``Extracted`` article in, a ``Stored`` report out), with what it remembers between them (bounded: starting a
writer reads nothing per stored article, so it costs the same on an empty store and on millions of articles)."""

from __future__ import annotations

from sqlalchemy import Engine, bindparam, func, select

from sitrep.store.db import WRITE
from sitrep.store.tables import articles, events
from sitrep.store.writer.articles import LAST_ARTICLE
from sitrep.store.writer.memory import Memory
from sitrep.store.writer.records import Extracted, Stored
from sitrep.store.writer.transaction import Transaction
from sitrep.store.writer.writes import Writes

_UID_OF_TEXT = select(articles.c.uid).where(articles.c.text_sha256 == bindparam("text_hash"))


class ArticleWriter:
    """Writes articles into the database at ``engine``, one transaction each, from a single process."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine.execution_options(**{WRITE: True})
        self._memory = Memory()
        # One connection for the writer's life: checking one out of the pool per article costs time for nothing.
        self._connection = self._engine.connect()
        # Looking up known texts needs no write lock: its own connection, which never takes it.
        self._reader = engine.execution_options(**{WRITE: False}).connect()
        self._writes = Writes(self._connection)
        with self._connection.begin():
            self._memory.last_article_row = self._connection.execute(LAST_ARTICLE).scalar() or 0

    def known_as(self, text_sha256: str, url_sha256: str | None) -> str | None:
        """The uid of the stored article with this text, if any: a cheap check (one indexed lookup) that spares
        extracting it again. ``store`` checks the database itself in any case. A known URL alone is not
        enough: the page may have changed since (a revision). ``url_sha256`` is accepted for the callers."""
        with self._reader.begin():
            return self._reader.execute(_UID_OF_TEXT, {"text_hash": text_sha256}).scalar()

    def close(self) -> None:
        self._connection.close()
        self._reader.close()

    def count_events(self) -> int:
        with self._connection.begin():
            return self._connection.execute(select(func.count()).select_from(events)).scalar_one()

    def store(self, item: Extracted) -> Stored:
        """Store one article in one transaction (see the package docstring)."""
        memory = self._memory
        try:
            with self._connection.begin():
                transaction = Transaction(self._writes, memory)
                stored, article_row = transaction.store(item)
        except BaseException:
            memory.forget_events()  # it may hold states the rollback undid
            memory.last_article_row = None
            raise
        memory.trim()
        if article_row is not None:
            memory.last_article_row = article_row
        return stored
