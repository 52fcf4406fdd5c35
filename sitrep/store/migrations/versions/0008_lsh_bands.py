"""Near-duplicate and merge candidates from indexes: ``article_bands`` (each article's MinHash LSH bands) and an
index on events by first-level unit and date.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

Before, every writer loaded every stored article's signature when it started (about 6 KB of memory per stored
article); now a new article's near-duplicate candidates are the articles sharing one of its 25 bands, one
indexed query. The bands of the articles already stored are computed from their stored signatures here, a
batch of rows at a time (memory stays flat whatever the store's size). ``ix_events_unit_date`` serves the
merge candidates' query (country, first-level unit or '' for none, date window).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The bands are what ``sitrep.store.dedup`` computes for new articles: stored bands must equal them, so the
# migration uses the same function (a change to it would need a migration that fills the table again).
from sitrep.store.dedup import band_keys

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Stored articles read (and their bands written) per batch.
_BATCH = 2000


def upgrade() -> None:
    op.create_table(
        "article_bands",
        sa.Column("band", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_article_bands_article_id_articles"),
        sa.PrimaryKeyConstraint("band", "article_id", name="pk_article_bands"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_events_unit_date", "events", ["country_code", sa.text("coalesce(admin1, '')"), "date"]
    )
    articles = sa.table("articles", sa.column("id", sa.Integer()), sa.column("minhash", sa.LargeBinary()))
    page = (
        sa.select(articles.c.id, articles.c.minhash)
        .where(articles.c.minhash.is_not(None), articles.c.id > sa.bindparam("after"))
        .order_by(articles.c.id)
        .limit(_BATCH)
    )
    # The bands land in a plain table first, then go into ``article_bands`` in key order in one statement:
    # inserted article by article, each batch would touch pages all over the index (25 random keys an article),
    # hours at a million articles instead of minutes.
    op.execute(
        "CREATE TEMPORARY TABLE article_bands_fill (band BIGINT NOT NULL, article_id INTEGER NOT NULL)"
    )
    fill = sa.table(
        "article_bands_fill", sa.column("band", sa.BigInteger()), sa.column("article_id", sa.Integer())
    )
    connection = op.get_bind()
    after = 0
    while rows := connection.execute(page, {"after": after}).all():
        connection.execute(
            sa.insert(fill),
            [{"band": band, "article_id": row.id} for row in rows for band in band_keys(row.minhash)],
        )
        after = rows[-1].id
    op.execute(
        "INSERT INTO article_bands (band, article_id) "
        "SELECT band, article_id FROM article_bands_fill ORDER BY band, article_id"
    )
    op.execute("DROP TABLE article_bands_fill")


def downgrade() -> None:
    op.drop_index("ix_events_unit_date", table_name="events")
    op.drop_table("article_bands")
