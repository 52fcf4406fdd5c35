"""What the writer remembers between articles: the full events lately written in (bounded); trusted only while
no other process has written since the writer's last transaction. Nothing here grows with the store: articles
(known texts, near-duplicate signatures) and merge candidates are looked up in the database by index."""

from __future__ import annotations

from collections import OrderedDict

from sitrep.model import DatasetEvent

# Full events kept in memory after a write (row id → event, at its revision): a merge into a recently stored
# event, the common case, then needs no reload of its claims.
CACHED_EVENTS = 1000


class Memory:
    """What the writer remembers between articles instead of reading it back from the database.

    The full events lately merged into are trusted only while no other process has written (and only at the
    revision the database gives for them): every write to the events happens in a transaction that inserts an
    article row, and article row ids are handed out in order (SQLite: one past the largest; PostgreSQL: a
    sequence), so an article row one past this writer's previous one proves nobody else stored an article in
    between. Anything else — another writer, a rolled-back or skipped row — and the events are forgotten and
    read again."""

    def __init__(self) -> None:
        self.events: OrderedDict[int, tuple[int, DatasetEvent]] = OrderedDict()  # row → (revision, event)
        self.last_article_row: int | None = None

    def forget_events(self) -> None:
        self.events.clear()

    def trim(self) -> None:
        while len(self.events) > CACHED_EVENTS:
            self.events.popitem(last=False)
