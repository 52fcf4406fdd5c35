"""The analyst's dataset in plain columns for other tools: the views ``events_current`` and ``claims_current``.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

One row per current event and per claim of one, corrections, merges, splits and rejections applied as the API
and the exports apply them; figures as integers, dates as dates (ISO text on SQLite), coordinates as numbers.
Events no review touched are read from ``events`` (their JSON figures taken apart here); those a review touched
are built by sitrep and kept in ``reviewed_events`` / ``reviewed_claims`` (``sitrep.store.review.current``
says why and when), filled here for the reviews already stored.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# ``events_current``'s columns after its id, with their SQL types (as ``reviewed_events`` stores them).
_COLUMNS = (
    ("date", sa.Date),
    ("date_precision_acled", sa.Integer),
    ("date_precision_ucdp", sa.Integer),
    ("event_type", sa.String),
    ("sub_event_type", sa.String),
    ("gtd_attack_type", sa.String),
    ("actor1", sa.String),
    ("actor2", sa.String),
    ("inter1", sa.Integer),
    ("inter2", sa.Integer),
    ("interaction", sa.Integer),
    ("campaign_id", sa.String),
    ("place_name", sa.String),
    ("country_code", sa.String),
    ("admin1", sa.String),
    ("admin2", sa.String),
    ("latitude", sa.Float),
    ("longitude", sa.Float),
    ("geonameid", sa.String),
    *(
        (f"{f}_{part}", sa.Integer)
        for f in ("fatalities", "injured", "abducted")
        for part in ("low", "best", "high")
    ),
    ("fatalities_rule", sa.String),
    ("claim_count", sa.Integer),
    ("notes", sa.Text),
    ("review_status", sa.String),
    ("corrected", sa.Boolean),
)


def _member(column: str, key: str, dialect: str) -> str:
    """A JSON object's member as text (SQLite: as stored, a number stays a number)."""
    if dialect == "postgresql":
        return f"({column} ->> '{key}')"
    return f"json_extract({column}, '$.{key}')"


def _integer(column: str, key: str, dialect: str) -> str:
    return f"CAST({_member(column, key, dialect)} AS INTEGER)"


def _events_view(dialect: str) -> str:
    # Every computed column is CAST: on SQLite that gives the view's column its type's affinity, so that a
    # value compared with text ("?fatalities_best__gte=5" from Datasette) is compared as a number.
    undated = "CAST(CASE WHEN e.date IS NULL THEN NULL ELSE {} END AS INTEGER)"
    figures = ", ".join(
        f"{_integer(f'e.{name}', part, dialect)} AS {name}_{part}"
        for name in ("fatalities", "injured", "abducted")
        for part in ("low", "best", "high")
    )
    machine = (
        "e.uid AS id, e.date AS date, "
        f"{undated.format(_integer('e.date_precision', 'acled', dialect))} AS date_precision_acled, "
        f"{undated.format(_integer('e.date_precision', 'ucdp', dialect))} AS date_precision_ucdp, "
        "e.event_type, e.sub_event_type, e.gtd_attack_type, e.actor1, e.actor2, e.inter1, e.inter2, "
        "e.interaction, k.uid AS campaign_id, p.name AS place_name, p.country_code, p.admin1, p.admin2, "
        f"p.lat AS latitude, p.lon AS longitude, p.geonameid, {figures}, "
        f"{_member('e.fatalities', 'rule', dialect)} AS fatalities_rule, "
        "CAST((SELECT count(*) FROM claims AS c WHERE c.event_id = e.id) AS INTEGER) AS claim_count, "
        "e.notes, r.status AS review_status, "
        f"CAST({'false' if dialect == 'postgresql' else '0'} AS BOOLEAN) AS corrected"
    )
    reviewed = ", ".join(["v.event_uid AS id", *(f"v.{name}" for name, _type in _COLUMNS)])
    return (
        f"CREATE VIEW events_current AS SELECT {machine} FROM events AS e "
        "LEFT JOIN places AS p ON p.id = e.place_id LEFT JOIN campaigns AS k ON k.id = e.campaign_id "
        "LEFT JOIN event_reviews AS r ON r.event_uid = e.uid "
        "WHERE NOT EXISTS (SELECT 1 FROM reviewed_events AS v WHERE v.event_uid = e.uid) "
        f"UNION ALL SELECT {reviewed} FROM reviewed_events AS v WHERE v.visible"
    )


_CLAIM_COLUMNS = (
    "c.outcome, c.victim, c.victim_text, c.count_low, c.count_high, c.count_text, "
    "c.count_approximate AS approximate, c.claimant_name, c.claimant_kind, c.claimant_text, c.stance, "
    "c.verified, c.quote, c.background, a.uid AS article_id, a.published, a.source, "
    "a.url, n.uid AS superseded_by"
)
_ARTICLES = "JOIN articles AS a ON a.id = c.article_id LEFT JOIN articles AS n ON n.id = a.superseded_by"
_CLAIMS_VIEW = (
    f"CREATE VIEW claims_current AS SELECT c.uid AS id, e.uid AS event_id, {_CLAIM_COLUMNS} "
    f"FROM claims AS c JOIN events AS e ON e.id = c.event_id {_ARTICLES} "
    "WHERE NOT EXISTS (SELECT 1 FROM reviewed_events AS v WHERE v.event_uid = e.uid) "
    f"UNION ALL SELECT c.uid AS id, w.event_uid AS event_id, {_CLAIM_COLUMNS} "
    f"FROM reviewed_claims AS w JOIN claims AS c ON c.uid = w.claim_uid {_ARTICLES}"
)


def upgrade() -> None:
    op.create_table(
        "reviewed_events",
        sa.Column("event_uid", sa.String(), nullable=False),
        sa.Column("visible", sa.Boolean(), nullable=False),
        *(sa.Column(name, kind(), nullable=True) for name, kind in _COLUMNS),
        sa.PrimaryKeyConstraint("event_uid", name="pk_reviewed_events"),
    )
    op.create_table(
        "reviewed_claims",
        sa.Column("claim_uid", sa.String(), nullable=False),
        sa.Column("event_uid", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("claim_uid", name="pk_reviewed_claims"),
    )
    op.create_index("ix_reviewed_claims_event_uid", "reviewed_claims", ["event_uid"])
    op.execute(_events_view(op.get_bind().dialect.name))
    op.execute(_CLAIMS_VIEW)
    # The reviews already stored: their events as the reader builds them (only sitrep's reader can).
    from sqlalchemy.orm import Session

    from sitrep.store.review.current import refresh_all

    with Session(bind=op.get_bind()) as session:
        refresh_all(session)
        session.flush()


def downgrade() -> None:
    op.execute("DROP VIEW claims_current")
    op.execute("DROP VIEW events_current")
    op.drop_table("reviewed_claims")
    op.drop_table("reviewed_events")
