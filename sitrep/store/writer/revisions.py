"""Revisions and supersession: a stored article whose page now carries another text in, the newer revision's
row (``<old uid>~rev2``, ``~rev3``…) out, and the old one superseded by it.

A revision (a publisher updated the page: the toll rose) is stored as an article of its own: the old article's
claims keep their ids, which exports and analysts' reviews refer to. The old row gives up its URL to the
revision and points at it (``superseded_by``); its claims stay with their events, shown in the toll but counted
in no figure (``reconcile`` skips superseded claims), and the events and campaigns they fed are recomputed.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import bindparam, select, update

from sitrep.resolve import reconcile
from sitrep.store.rows import EVENT_COLUMNS, events_from_rows, events_joined
from sitrep.store.tables import articles, claims, events
from sitrep.store.writer.articles import INSERT_ARTICLE, free_uid
from sitrep.store.writer.campaigns import CAMPAIGNS_OF_ARTICLE, reconcile_campaigns
from sitrep.store.writer.events import UPDATE_EVENT, event_values
from sitrep.store.writer.memory import Memory
from sitrep.store.writer.records import Replaces
from sitrep.store.writer.writes import Writes

_GIVE_UP_URL = update(articles).where(articles.c.id == bindparam("row")).values(url_sha256=None)
_SUPERSEDE = update(articles).where(articles.c.id == bindparam("row"))
# The events an article's claims feed.
_EVENTS_FED = (
    select(*EVENT_COLUMNS)
    .select_from(events_joined())
    .where(
        events.c.id.in_(
            select(claims.c.event_id).where(
                claims.c.article_id == bindparam("row"), claims.c.event_id.is_not(None)
            )
        )
    )
    .order_by(events.c.id)
)
_REVISION_UID = re.compile(r"(.*)~rev(\d+)")


def insert_revision(writes: Writes, old: Replaces, values: dict[str, Any]) -> tuple[str, int]:
    """A newer revision's row, under ``<old uid>~rev<n>``; the old row gives its URL up to it (the URL is
    unique: it names the current text)."""
    connection = writes.connection
    connection.execute(_GIVE_UP_URL, {"row": old.row})
    numbered = _REVISION_UID.fullmatch(old.uid)
    root, number = (numbered[1], int(numbered[2]) + 1) if numbered else (old.uid, 2)
    uid = free_uid(connection, f"{root}~rev{number}")
    return uid, writes.scalar(INSERT_ARTICLE, {**values, "uid": uid})


def supersede(writes: Writes, memory: Memory, old: Replaces, new_row: int) -> None:
    """The old revision points at the new one; its claims leave the figures of the events and campaigns they
    fed (they stay in the toll) and those are recomputed. The events in memory are forgotten: their figures
    changed, and revisions are rare."""
    connection = writes.connection
    connection.execute(_SUPERSEDE, {"superseded_by": new_row, "row": old.row})
    rows = connection.execute(_EVENTS_FED, {"row": old.row}).all()
    for row, event in zip(rows, events_from_rows(connection, rows), strict=True):
        values = event_values(reconcile(event))
        writes.execute(UPDATE_EVENT, {**values, "revision": row.revision + 1, "row": row.id})
    fed = set(connection.execute(CAMPAIGNS_OF_ARTICLE, {"row": old.row}).scalars())
    if fed:  # their campaign-wide figures and their events' changed too
        reconcile_campaigns(writes, fed)
    memory.forget_events()
