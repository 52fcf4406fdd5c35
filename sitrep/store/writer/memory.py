"""What the writer remembers between articles: the events lately written in and the merge candidates near them
(both bounded); trusted only while no other process has written since the writer's last transaction. Nothing
here grows with the store: articles (known texts, near-duplicate signatures) are looked up in the database."""

from __future__ import annotations

from collections import OrderedDict

from sitrep.model import DatasetEvent
from sitrep.store.writer.candidates import Candidates

# Full events kept in memory after a write (row id → event, at its revision): a merge into a recently stored
# event, the common case, then needs no reload of its claims.
CACHED_EVENTS = 1000


class Memory:
    """What the writer remembers between articles instead of reading it back from the database.

    The events (full events lately merged into, and the merge candidates) are trusted only while no other process has written: every write to the
    events happens in a transaction that inserts an article row, and article row ids are handed out in order
    (SQLite: one past the largest; PostgreSQL: a sequence), so an article row one past this writer's previous
    one proves nobody else stored an article in between. Anything else — another writer, a rolled-back or
    skipped row — and the events are forgotten and read again."""

    def __init__(self) -> None:
        self.events: OrderedDict[int, tuple[int, DatasetEvent]] = OrderedDict()  # row → (revision, event)
        self.candidates = Candidates()
        self.last_article_row: int | None = None

    def forget_events(self) -> None:
        self.events.clear()
        self.candidates.clear()

    def trim(self) -> None:
        while len(self.events) > CACHED_EVENTS:
            self.events.popitem(last=False)
        self.candidates.trim()
