"""Campaigns carry their own reconciled figures; every event–article link says why the article joined.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

``campaigns`` gains what ``sitrep.resolve.reconcile_campaign`` computes (figures per outcome and side,
notes, toll, the days it spans), a revision, and whether the text named it (else it is one group's
coordinated attacks, matched by actor, province and days); ``event_articles`` gains ``matched``: the features that made
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
    # Plain ADD COLUMN (SQLite can add a column with a constant default): a batch copy of ``campaigns`` would
    # drop a table that events and claims point at.
    for name in _FIGURES:
        op.add_column("campaigns", sa.Column(name, sa.JSON(), nullable=False, server_default="{}"))
    op.add_column("campaigns", sa.Column("toll", sa.JSON(), nullable=False, server_default="[]"))
    op.add_column("campaigns", sa.Column("notes", sa.Text(), nullable=False, server_default=""))
    op.add_column("campaigns", sa.Column("date_first", sa.Date(), nullable=True))
    op.add_column("campaigns", sa.Column("date_last", sa.Date(), nullable=True))
    op.add_column("campaigns", sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("campaigns", sa.Column("named", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("event_articles", sa.Column("matched", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event_articles") as batch:
        batch.drop_column("matched")
    with op.batch_alter_table("campaigns") as batch:
        for name in ("named", "revision", "date_last", "date_first", "notes", "toll", *reversed(_FIGURES)):
            batch.drop_column(name)
