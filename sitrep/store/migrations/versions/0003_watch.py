"""Watched sources and the feed entries already seen (``sitrep watch``).

Revision ID: 0003
Revises: 0002
Create Date: 2025-06-20

The tables of ``sitrep.store.watched``, written out in full (a migration must keep creating the same schema
after the models move on).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("url_sha256", sa.String(64), nullable=False),
        sa.Column("etag", sa.String(), nullable=True),
        sa.Column("last_modified", sa.String(), nullable=True),
        sa.Column("last_poll", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_result", sa.Text(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_poll", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_watch_sources"),
        sa.UniqueConstraint("url_sha256", name="uq_watch_sources_url_sha256"),
    )
    op.create_table(
        "watch_seen",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("entry_sha256", sa.String(64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["watch_sources.id"], name="fk_watch_seen_source_id_watch_sources"
        ),
        sa.PrimaryKeyConstraint("source_id", "entry_sha256", name="pk_watch_seen"),
    )


def downgrade() -> None:
    op.drop_table("watch_seen")
    op.drop_table("watch_sources")
