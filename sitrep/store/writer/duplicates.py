"""A near-duplicate's place in the store: a new article's signature in, the stored article it nearly copies
(found through the indexed ``article_bands``) and its original (the first, never a copy) out; then the new row
linked as a source to every event and campaign of the original. Every stored article with a signature has its
bands stored (``add_bands``), in the transaction that stores it.

Its claims are not stored: they are the original's claims again.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from sitrep.store.dedup import NearDuplicate, band_keys, nearest
from sitrep.store.tables import article_bands, articles, event_articles
from sitrep.store.writer.campaigns import CAMPAIGNS_OF_ARTICLE, INSERT_CAMPAIGN_ARTICLE
from sitrep.store.writer.events import INSERT_EVENT_ARTICLES
from sitrep.store.writer.memory import Memory
from sitrep.store.writer.writes import Writes

_ARTICLE = select(articles.c.id, articles.c.uid, articles.c.duplicate_of).where(
    articles.c.id == bindparam("row")
)
# What a near-duplicate becomes a source of: the original's events (and campaigns: ``CAMPAIGNS_OF_ARTICLE``).
_EVENTS_OF_ARTICLE = select(event_articles.c.event_id).where(event_articles.c.article_id == bindparam("row"))

# The stored articles sharing a band with a signature, and their signatures; not those a newer revision replaced
# (nothing is a copy of an old text any more).
_SHARING_A_BAND = select(articles.c.id, articles.c.minhash).where(
    articles.c.id.in_(
        select(article_bands.c.article_id).where(article_bands.c.band.in_(bindparam("bands", expanding=True)))
    ),
    articles.c.superseded_by.is_(None),
)
_INSERT_BANDS = insert(article_bands)


def near_duplicate(
    connection: Connection, signature: bytes | None, exclude: Collection[int] = ()
) -> NearDuplicate | None:
    """The earliest stored article (not superseded, nor one ``exclude`` lists) at least ``THRESHOLD`` similar
    to ``signature``, if any: one indexed query for the candidates, the similarity checked on each."""
    if signature is None:
        return None
    stored = connection.execute(_SHARING_A_BAND, {"bands": band_keys(signature)}).all()
    return nearest(signature, stored, exclude)


def add_bands(writes: Writes, article_row: int, signature: bytes | None) -> None:
    """Store a new article row's bands: a later article is then found to copy it."""
    if signature is not None:
        writes.execute_many(
            _INSERT_BANDS, [{"band": b, "article_id": article_row} for b in band_keys(signature)]
        )


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
