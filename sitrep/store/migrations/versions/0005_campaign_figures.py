"""Campaigns carry their own reconciled figures; every event–article link says why the article joined.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

``campaigns`` gains what ``sitrep.resolve.rules.reconcile_campaign`` computes (figures per outcome and side,
notes, toll, the days it spans) and a revision; ``event_articles`` gains ``matched``: the features that made
the merge (null where the article started the event). Existing campaigns start with empty figures and are
recomputed the next time an article about them is stored.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_FIGURES = ("fatalities", "injured", "abducted", "by_side")


def upgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        for name in _FIGURES:
            batch.add_column(sa.Column(name, sa.JSON(), nullable=False, server_default="{}"))
        batch.add_column(sa.Column("toll", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("date_first", sa.Date(), nullable=True))
        batch.add_column(sa.Column("date_last", sa.Date(), nullable=True))
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("event_articles") as batch:
        batch.add_column(sa.Column("matched", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event_articles") as batch:
        batch.drop_column("matched")
    with op.batch_alter_table("campaigns") as batch:
        for name in ("revision", "date_last", "date_first", "notes", "toll", *reversed(_FIGURES)):
            batch.drop_column(name)
