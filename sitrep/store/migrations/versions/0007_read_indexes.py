"""Indexes for reading a large store: the API's filters and joins answer from indexes, not by scanning events.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

The filters compare case-folded values (``upper(country_code)``, ``lower(admin1)``, ...: ``sitrep.store.filters``),
so plain column indexes cannot serve them; these index the same expressions, each followed by the date, the
order a page is read in. ``place_id`` joins an event to its place (the map's bounds filter looks places up by
coordinates first). Nothing else changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# name → (table, expressions)
_INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ix_events_country_upper_date": ("events", ("upper(country_code)", "date")),
    "ix_events_admin1_lower_date": ("events", ("lower(admin1)", "date")),
    "ix_events_admin2_lower_date": ("events", ("lower(admin2)", "date")),
    "ix_events_event_type_lower_date": ("events", ("lower(event_type)", "date")),
    "ix_events_sub_event_type_lower_date": ("events", ("lower(sub_event_type)", "date")),
    "ix_events_place_id": ("events", ("place_id",)),
    "ix_places_lat_lon": ("places", ("lat", "lon")),
    "ix_event_reviews_status": ("event_reviews", ("status",)),
}


def upgrade() -> None:
    for name, (table, expressions) in _INDEXES.items():
        op.create_index(name, table, [sa.text(e) if "(" in e else e for e in expressions])


def downgrade() -> None:
    for name, (table, _expressions) in reversed(_INDEXES.items()):
        op.drop_index(name, table_name=table)
