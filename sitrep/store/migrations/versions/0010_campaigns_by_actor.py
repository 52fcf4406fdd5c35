"""An index on campaigns by actor and last day: the writer's "this actor's campaign within a few days" lookup.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

An article telling coordinated attacks looks up the campaigns of the same actor whose days come near its own
(``sitrep.store.writer.campaigns``); without an index that read every campaign stored. Nothing else changes.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_campaigns_actor_key_date_last", "campaigns", ["actor_key", "date_last"])


def downgrade() -> None:
    op.drop_index("ix_campaigns_actor_key_date_last", table_name="campaigns")
