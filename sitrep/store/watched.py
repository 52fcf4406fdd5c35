"""What ``sitrep watch`` remembers between polls and across restarts: its sources and the entries it has seen.

- ``watch_sources``: one row per watched URL (a feed or a page): the validators of the last answer (``etag``,
  ``last_modified``) for conditional requests, when it was last polled and with what result, how many polls in
  a row have failed, and when it is next due (pushed out exponentially while it fails).
- ``watch_seen``: the feed entries already handled, per source, by the SHA-256 of the entry's id (guid / Atom
  id / link). Kept apart from ``articles`` on purpose: an entry's id is known *before* its page is fetched
  (so a seen entry costs nothing), an article's stored URL is the final URL after redirects (not the entry's
  link), and an entry that is a duplicate or permanently broken has no article row of its own.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sitrep.store.tables import Base


class WatchSourceRow(Base):
    __tablename__ = "watch_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    # Uniqueness through the hash: PostgreSQL cannot index arbitrarily long URLs.
    url_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    last_poll: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_result: Mapped[str | None] = mapped_column(
        Text, doc="'ok', 'not modified', or the failure's reason."
    )
    failures: Mapped[int] = mapped_column(doc="Polls in a row that failed (0 after a success).")
    next_poll: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), doc="Due from this time.")


class WatchSeenRow(Base):
    __tablename__ = "watch_seen"

    source_id: Mapped[int] = mapped_column(ForeignKey("watch_sources.id"), primary_key=True)
    entry_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
