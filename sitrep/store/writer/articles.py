"""The article's own row: an ``Extracted`` article and its column values in; its uid and row id out, or what
is stored already at its text (``Stored``) or at its URL (``Replaces``: it is a newer revision).

Dataset ids must be unique: an article whose id is taken by another text (two files of one name in different
folders) is stored as ``<id>~2``, ``~3``…
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Insert, bindparam, exists, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from sitrep.store.tables import articles
from sitrep.store.writer.records import Extracted, Outcome, Replaces, Stored
from sitrep.store.writer.writes import Writes

# Articles with this text or URL (the same article), or with the id the new one wants: one query.
_FIND_STORED = (
    select(articles.c.id, articles.c.uid, articles.c.text_sha256, articles.c.url_sha256)
    .where(
        or_(
            articles.c.text_sha256 == bindparam("text_hash"),
            articles.c.url_sha256 == bindparam("url_hash"),
            articles.c.uid == bindparam("uid"),
        )
    )
    .order_by(articles.c.id)
)
_UID_TAKEN = select(exists().where(articles.c.uid == bindparam("uid")))
LAST_ARTICLE = select(func.max(articles.c.id))
INSERT_ARTICLE = insert(articles).returning(articles.c.id)
# Where the database has INSERT … ON CONFLICT DO NOTHING: an article whose uid, text or URL is taken is not
# inserted (and nothing is returned), so the common case, a new article, needs no lookup first.
_INSERT_ARTICLE_UNLESS_TAKEN: dict[str, Insert] = {
    "sqlite": sqlite.insert(articles).on_conflict_do_nothing().returning(articles.c.id),
    "postgresql": postgresql.insert(articles).on_conflict_do_nothing().returning(articles.c.id),
}


def insert_article(
    writes: Writes, item: Extracted, values: dict[str, Any]
) -> Stored | Replaces | tuple[str, int]:
    """The article's row: its uid and row id; or, when its text is stored already, ``Stored``; or, when
    another text is stored at its URL, what it replaces (nothing is inserted then)."""
    connection = writes.connection
    insert_unless_taken = _INSERT_ARTICLE_UNLESS_TAKEN.get(connection.dialect.name)
    if insert_unless_taken is None:  # no INSERT … ON CONFLICT on this database: look first
        uid = _stored_or_free_uid(connection, item)
        if isinstance(uid, Stored | Replaces):
            return uid
        return uid, connection.execute(INSERT_ARTICLE, {**values, "uid": uid}).scalar_one()
    # Insert first, look only when a unique key (uid, text or URL) was taken: the rare case.
    row = writes.scalar(insert_unless_taken, {**values, "uid": item.article.id})
    if row is not None:
        return item.article.id, row
    uid = _stored_or_free_uid(connection, item)
    if isinstance(uid, Stored | Replaces):
        return uid
    return uid, writes.scalar(insert_unless_taken, {**values, "uid": uid})


def _stored_or_free_uid(connection: Connection, item: Extracted) -> Stored | Replaces | str:
    """``Stored`` if an article with this text is stored, ``Replaces`` if one with this URL (and other
    text) is, else the uid this one can take."""
    article = item.article
    found = connection.execute(
        _FIND_STORED, {"text_hash": item.text_sha256, "url_hash": item.url_sha256, "uid": article.id}
    ).all()
    same_text = next((r for r in found if r.text_sha256 == item.text_sha256), None)
    if same_text is not None:
        return Stored(Outcome.already_stored, article.id, same_text.uid)
    same_url = next((r for r in found if item.url_sha256 and r.url_sha256 == item.url_sha256), None)
    if same_url is not None:
        return Replaces(same_url.id, same_url.uid)
    return free_uid(connection, article.id) if found else article.id


def free_uid(connection: Connection, wanted: str) -> str:
    """``wanted``, or ``wanted~2``, ``~3``… when another article already has that id (two files of one
    name in different folders): dataset ids must be unique."""
    candidate, number = wanted, 1
    while connection.execute(_UID_TAKEN, {"uid": candidate}).scalar():
        number += 1
        candidate = f"{wanted}~{number}"
    return candidate
