"""What ``sitrep alerts`` has sent, so that an alert goes out once (``sitrep.alerts``).

``alerts``: one row per (rule, subject) — the subject is ``event:<id>``, ``campaign:<id>`` or
``spike:<area window>``. ``version`` counts the sends (0 the first alert, 1+ updates), ``idempotency_key`` is
the current send's key (the same key is sent again if that send was never confirmed), ``status`` is
``sending`` from just before a delivery until every delivery of it succeeded, then ``sent``. ``low`` / ``best``
/ ``high`` are the figures last sent (an update goes out only when they move beyond the threshold) and
``payload`` the alert as JSON (the dashboard lists them).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sitrep.store.tables import Base


class AlertRow(Base):
    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("rule", "subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(Integer, doc="0: the first alert; 1, 2...: updates.")
    idempotency_key: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(
        String(16), doc="'sending' until every delivery succeeded, then 'sent'."
    )
    low: Mapped[int | None] = mapped_column(Integer)
    best: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text, doc="The alert as sent, JSON.")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
