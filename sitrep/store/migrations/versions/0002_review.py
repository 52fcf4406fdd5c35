"""Analyst review: event reviews, the audit trail of changes, and the API's write token (hashed).

Revision ID: 0002
Revises: 0001
Create Date: 2025-06-10

The tables of ``sitrep.store.review``, written out in full (a migration must keep creating the same schema after
the models move on). Nothing in the store's own tables changes: corrections are applied over them when reading.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _text(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(), nullable=nullable)


def _json(name: str) -> sa.Column:
    return sa.Column(name, sa.JSON(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "event_reviews",
        _text("event_uid"),
        _text("status", nullable=True),
        sa.Column("edited", sa.Boolean(), nullable=False),
        _json("fields"),
        _text("merged_into", nullable=True),
        _text("split_from", nullable=True),
        _json("claim_ids"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _text("updated_by"),
        sa.PrimaryKeyConstraint("event_uid", name="pk_event_reviews"),
    )
    op.create_index("ix_event_reviews_merged_into", "event_reviews", ["merged_into"])
    op.create_index("ix_event_reviews_split_from", "event_reviews", ["split_from"])

    op.create_table(
        "review_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("event_uid"),
        _text("action"),
        _text("who"),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        _json("before"),
        _json("after"),
        _json("review_before"),
        _json("review_after"),
        sa.Column("undoes", sa.Integer(), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["undoes"], ["review_changes.id"], name="fk_review_changes_undoes_review_changes"
        ),
        sa.ForeignKeyConstraint(
            ["undone_by"], ["review_changes.id"], name="fk_review_changes_undone_by_review_changes"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_changes"),
    )
    op.create_index("ix_review_changes_event_uid", "review_changes", ["event_uid"])

    op.create_table(
        "review_change_events",
        sa.Column("change_id", sa.Integer(), nullable=False),
        _text("event_uid"),
        sa.ForeignKeyConstraint(
            ["change_id"], ["review_changes.id"], name="fk_review_change_events_change_id_review_changes"
        ),
        sa.PrimaryKeyConstraint("change_id", "event_uid", name="pk_review_change_events"),
    )
    op.create_index("ix_review_change_events_event_uid", "review_change_events", ["event_uid"])

    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("sha256", name="uq_api_tokens_sha256"),
    )


def downgrade() -> None:
    for table in ("api_tokens", "review_change_events", "review_changes", "event_reviews"):
        op.drop_table(table)
