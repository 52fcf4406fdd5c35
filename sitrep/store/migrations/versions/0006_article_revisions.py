"""An article can be replaced by a newer revision of itself (the same URL, new text): ``superseded_by``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

The old revision keeps its row and its claims (the toll history) and points at the revision that replaced it;
its claims then count in no figure. Existing articles were never superseded (null).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("superseded_by", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_articles_superseded_by_articles", "articles", ["superseded_by"], ["id"])
        batch.create_index("ix_articles_superseded_by", ["superseded_by"])


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_index("ix_articles_superseded_by")
        batch.drop_constraint("fk_articles_superseded_by_articles", type_="foreignkey")
        batch.drop_column("superseded_by")
