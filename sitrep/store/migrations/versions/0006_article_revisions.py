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

_FK = "fk_articles_superseded_by_articles"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a nullable column with its foreign key in place. Batch mode would rebuild ``articles``,
        # and dropping the old table breaks every reference to it (places, claims, links) within a
        # transaction that cannot switch foreign keys off.
        op.execute(
            f"ALTER TABLE articles ADD COLUMN superseded_by INTEGER CONSTRAINT {_FK} REFERENCES articles (id)"
        )
    else:
        op.add_column("articles", sa.Column("superseded_by", sa.Integer(), nullable=True))
        op.create_foreign_key(_FK, "articles", "articles", ["superseded_by"], ["id"])
    op.create_index("ix_articles_superseded_by", "articles", ["superseded_by"])


def downgrade() -> None:
    op.drop_index("ix_articles_superseded_by", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        if op.get_bind().dialect.name != "sqlite":  # SQLite's rebuilt table simply leaves the column out
            batch.drop_constraint(_FK, type_="foreignkey")
        batch.drop_column("superseded_by")
