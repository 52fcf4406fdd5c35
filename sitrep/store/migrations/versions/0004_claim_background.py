"""Claims say whether they are background (an earlier incident, a yearly statistic) — kept, never counted.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Existing claims were stored before the flag existed and count as the article's own news (false), as they
always did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("background", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("background")
