"""A near-duplicate's place in the store: the stored article its signature matched in, its original (the
first, never a copy) out; then the new row linked as a source to every event and campaign of the original.

Its claims are not stored: they are the original's claims again.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, select

from sitrep.store.dedup import NearDuplicate
from sitrep.store.tables import articles, event_articles
from sitrep.store.writer.campaigns import CAMPAIGNS_OF_ARTICLE, INSERT_CAMPAIGN_ARTICLE
from sitrep.store.writer.events import INSERT_EVENT_ARTICLES
from sitrep.store.writer.memory import Memory
from sitrep.store.writer.writes import Writes

_ARTICLE = select(articles.c.id, articles.c.uid, articles.c.duplicate_of).where(
    articles.c.id == bindparam("row")
)
# What a near-duplicate becomes a source of: the original's events (and campaigns: ``CAMPAIGNS_OF_ARTICLE``).
_EVENTS_OF_ARTICLE = select(event_articles.c.event_id).where(event_articles.c.article_id == bindparam("row"))


def original_of(connection: Connection, near: NearDuplicate | None) -> Any:
    """The stored article ``near`` points at (its id, uid): the first, never a copy."""
    execute = connection.execute
    found = execute(_ARTICLE, {"row": near.article_id}).first() if near else None
    if found is not None and found.duplicate_of is not None:
        found = execute(_ARTICLE, {"row": found.duplicate_of}).first()
    return found


def link_duplicate(
    writes: Writes, memory: Memory, original_row: int, original_uid: str, article_row: int, similarity: float
) -> None:
    """A near-duplicate becomes a source of every event and campaign its original is linked to (its claims
    are the original's: none is stored again)."""
    execute = writes.connection.execute
    matched = [f"near-duplicate of {original_uid} (similarity {similarity:.2f})"]
    event_rows = execute(_EVENTS_OF_ARTICLE, {"row": original_row}).scalars().all()
    writes.execute_many(
        INSERT_EVENT_ARTICLES,
        [{"event_id": row, "article_id": article_row, "matched": matched} for row in event_rows],
    )
    for campaign_row in execute(CAMPAIGNS_OF_ARTICLE, {"row": original_row}).scalars().all():
        execute(INSERT_CAMPAIGN_ARTICLE, {"campaign_id": campaign_row, "article_id": article_row})
    for row in event_rows:  # their article ids changed
        memory.events.pop(row, None)
