"""Initial schema: articles, places, campaigns, events, claims and their links.

Revision ID: 0001
Revises:
Create Date: 2025-06-01

Written out in full rather than imported from ``sitrep.store.tables``: a migration must keep creating the same
schema after the models move on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _fk(column: str, table: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}")


def _text(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(), nullable=nullable)


def _json(name: str) -> sa.Column:
    return sa.Column(name, sa.JSON(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("uid"),
        _text("source_id"),
        _text("url", nullable=True),
        sa.Column("url_sha256", sa.String(64), nullable=True),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        _text("title", nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        _text("source", nullable=True),
        _text("author", nullable=True),
        _text("language", nullable=True),
        _text("note", nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        _fk("duplicate_of", "articles", "articles"),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("uid", name="uq_articles_uid"),
        sa.UniqueConstraint("url_sha256", name="uq_articles_url_sha256"),
        sa.UniqueConstraint("text_sha256", name="uq_articles_text_sha256"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])

    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("uid"),
        sa.Column("article_id", sa.Integer(), nullable=False),
        _text("name"),
        _text("text"),
        _text("country_code", nullable=True),
        _text("admin1", nullable=True),
        _text("admin2", nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        _text("geonameid", nullable=True),
        _text("kind"),
        _json("precision"),
        _text("role"),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        _fk("article_id", "places", "articles"),
        sa.PrimaryKeyConstraint("id", name="pk_places"),
        sa.UniqueConstraint("uid", name="uq_places_uid"),
    )
    op.create_index("ix_places_article_id", "places", ["article_id"])

    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("uid"),
        _text("name"),
        _text("actor", nullable=True),
        _text("name_key"),
        _text("actor_key"),
        sa.PrimaryKeyConstraint("id", name="pk_campaigns"),
        sa.UniqueConstraint("uid", name="uq_campaigns_uid"),
        sa.UniqueConstraint("name_key", "actor_key", name="uq_campaigns_name_key_actor_key"),
    )

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("uid"),
        _text("event_type"),
        _text("sub_event_type"),
        _text("gtd_attack_type"),
        sa.Column("date", sa.Date(), nullable=True),
        _json("date_precision"),
        _text("actor1", nullable=True),
        _text("actor2", nullable=True),
        sa.Column("inter1", sa.Integer(), nullable=True),
        sa.Column("inter2", sa.Integer(), nullable=True),
        sa.Column("interaction", sa.Integer(), nullable=True),
        _json("claimed_by"),
        _json("denied_by"),
        sa.Column("place_id", sa.Integer(), nullable=True),
        _text("country_code", nullable=True),
        _text("admin1", nullable=True),
        _text("admin2", nullable=True),
        _text("place_key", nullable=True),
        _json("fatalities"),
        _json("injured"),
        _json("abducted"),
        _json("by_side"),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        _json("tactics"),
        sa.Column("notes", sa.Text(), nullable=False),
        _json("toll"),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("place_id", "events", "places"),
        _fk("campaign_id", "events", "campaigns"),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.UniqueConstraint("uid", name="uq_events_uid"),
    )
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_sub_event_type", "events", ["sub_event_type"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_actor1", "events", ["actor1"])
    op.create_index("ix_events_campaign_id", "events", ["campaign_id"])
    op.create_index("ix_events_place_key_date", "events", ["place_key", "date"])
    op.create_index("ix_events_country_admin", "events", ["country_code", "admin1", "admin2"])

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("uid"),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        _text("outcome"),
        _text("victim"),
        _text("victim_text"),
        sa.Column("count_low", sa.Integer(), nullable=True),
        sa.Column("count_high", sa.Integer(), nullable=True),
        _text("count_text"),
        sa.Column("count_approximate", sa.Boolean(), nullable=False),
        _text("claimant_name", nullable=True),
        _text("claimant_kind"),
        _text("claimant_text", nullable=True),
        _text("stance"),
        sa.Column("verified", sa.Boolean(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        _json("place_ids"),
        _text("part_of", nullable=True),
        _fk("article_id", "claims", "articles"),
        _fk("event_id", "claims", "events"),
        _fk("campaign_id", "claims", "campaigns"),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.UniqueConstraint("uid", name="uq_claims_uid"),
    )
    op.create_index("ix_claims_article_id", "claims", ["article_id"])
    op.create_index("ix_claims_event_id", "claims", ["event_id"])
    op.create_index("ix_claims_campaign_id", "claims", ["campaign_id"])

    for owner in ("event", "campaign"):
        table = f"{owner}_articles"
        op.create_table(
            table,
            sa.Column(f"{owner}_id", sa.Integer(), nullable=False),
            sa.Column("article_id", sa.Integer(), nullable=False),
            _fk(f"{owner}_id", table, f"{owner}s"),
            _fk("article_id", table, "articles"),
            sa.PrimaryKeyConstraint(f"{owner}_id", "article_id", name=f"pk_{table}"),
        )
        op.create_index(f"ix_{table}_article_id", table, ["article_id"])


def downgrade() -> None:
    for table in (
        "campaign_articles",
        "event_articles",
        "claims",
        "events",
        "campaigns",
        "places",
        "articles",
    ):
        op.drop_table(table)
