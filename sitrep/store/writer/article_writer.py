"""The writer of one process: a database engine in; articles stored one transaction each (``store``: an
``Extracted`` article in, a ``Stored`` report out), with what it remembers between them."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from sitrep.store.db import WRITE
from sitrep.store.tables import articles, events
from sitrep.store.writer.articles import LAST_ARTICLE
from sitrep.store.writer.memory import Memory
from sitrep.store.writer.records import Extracted, Stored
from sitrep.store.writer.transaction import Transaction
from sitrep.store.writer.writes import Writes


class ArticleWriter:
    """Writes articles into the database at ``engine``, one transaction each, from a single process."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine.execution_options(**{WRITE: True})
        self._memory = Memory()
        # Text fingerprint → the stored article's uid, for skipping known articles before extracting them. Not
        # the URL: a page at a known URL with new text is a revision, to be read.
        self._known_texts: dict[str, str] = {}
        # One connection for the writer's life: checking one out of the pool per article costs time for nothing.
        self._connection = self._engine.connect()
        self._writes = Writes(self._connection)
        columns = (articles.c.id, articles.c.uid, articles.c.text_sha256, articles.c.minhash)
        with self._connection.begin():
            for row in self._connection.execute(select(*columns, articles.c.superseded_by)):
                # A replaced revision is nothing's original: its newer text is.
                self._remember(*row[:4], superseded=row.superseded_by is not None)
            self._memory.last_article_row = self._connection.execute(LAST_ARTICLE).scalar() or 0

    def _remember(
        self, article_row: int, uid: str, text_hash: str, signature: bytes | None, superseded: bool = False
    ) -> None:
        if not superseded:
            self._memory.near.add(article_row, signature)
        self._known_texts[text_hash] = uid

    def known_as(self, text_sha256: str, url_sha256: str | None) -> str | None:
        """The uid of the stored article with this text, if this writer has seen one: a cheap check that spares
        extracting it again. ``store`` checks the database itself in any case. A known URL alone is not
        enough: the page may have changed since (a revision). ``url_sha256`` is accepted for the callers."""
        return self._known_texts.get(text_sha256)

    def close(self) -> None:
        self._connection.close()

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
        # Only once committed: a rolled-back article must not be found as a duplicate later.
        if article_row is not None:
            memory.last_article_row = article_row
            self._remember(article_row, stored.uid, item.text_sha256, item.signature)
            if transaction.replaced is not None:
                memory.near.discard(transaction.replaced.row)
        return stored
