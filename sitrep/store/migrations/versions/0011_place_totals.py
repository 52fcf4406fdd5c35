"""Totals per place on the map, kept by the database: events and best fatalities of every place with coordinates.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

The dashboard's first view (a whole country, every date) grouped every event in view by place: 11 s at a million
events. A map point is a place's name and coordinates with the event's district (as ``/api/places`` groups
them); ``place_totals`` keeps one row per such point, ordered by coordinates so that the map's bounds are a
range. Triggers on ``events`` keep the rows in the change's own transaction, as for ``event_totals`` (0009);
``places`` rows are written once and never changed. The rows of the events already stored are added up here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_KEY = ("lat", "lon", "name", "country_code", "admin1", "admin2")
_CHANGES = "place_id, country_code, admin1, admin2, fatalities"


def _best(row: str, dialect: str) -> str:
    if dialect == "postgresql":
        return f"coalesce(({row}.fatalities ->> 'best')::bigint, 0)"
    return f"coalesce(json_extract({row}.fatalities, '$.best'), 0)"


def _point(row: str) -> str:
    """The key's values for event ``row`` (NEW, OLD or events), from its place ``p``."""
    district = ", ".join(f"coalesce({row}.{column}, '')" for column in _KEY[3:])
    return f"p.lat, p.lon, p.name, {district}"


def _placed(row: str) -> str:
    return f"FROM places AS p WHERE p.id = {row}.place_id AND p.lat IS NOT NULL AND p.lon IS NOT NULL"


def _add(row: str, dialect: str) -> str:
    this = "place_totals.events" if dialect == "postgresql" else "events"
    best = "place_totals.fatalities_best" if dialect == "postgresql" else "fatalities_best"
    return (
        f"INSERT INTO place_totals ({', '.join(_KEY)}, events, fatalities_best) "
        f"SELECT {_point(row)}, 1, {_best(row, dialect)} {_placed(row)} "
        f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET events = {this} + 1, "
        f"fatalities_best = {best} + excluded.fatalities_best"
    )


def _take(row: str, dialect: str) -> str:
    return (
        f"UPDATE place_totals SET events = events - 1, fatalities_best = fatalities_best - {_best(row, dialect)} "
        f"WHERE ({', '.join(_KEY)}) = (SELECT {_point(row)} {_placed(row)})"
    )


def upgrade() -> None:
    op.create_table(
        "place_totals",
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("country_code", sa.String(), nullable=False),
        sa.Column("admin1", sa.String(), nullable=False),
        sa.Column("admin2", sa.String(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("fatalities_best", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, name="pk_place_totals"),
    )
    dialect = op.get_bind().dialect.name
    op.execute(
        f"INSERT INTO place_totals ({', '.join(_KEY)}, events, fatalities_best) "
        f"SELECT {_point('events')}, count(*), sum({_best('events', dialect)}) "
        "FROM events JOIN places AS p ON p.id = events.place_id WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL "
        f"GROUP BY {_point('events')}"
    )
    if dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION place_totals_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' AND OLD.place_id IS NOT NULL THEN {_take('OLD', dialect)}; END IF; "
            f"IF TG_OP <> 'DELETE' AND NEW.place_id IS NOT NULL THEN {_add('NEW', dialect)}; END IF; "
            "RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER place_totals_change AFTER INSERT OR DELETE OR UPDATE OF {_CHANGES} ON events "
            "FOR EACH ROW EXECUTE FUNCTION place_totals_change()"
        )
        return
    op.execute(
        "CREATE TRIGGER place_totals_insert AFTER INSERT ON events WHEN NEW.place_id IS NOT NULL "
        f"BEGIN {_add('NEW', dialect)}; END"
    )
    op.execute(
        "CREATE TRIGGER place_totals_delete AFTER DELETE ON events WHEN OLD.place_id IS NOT NULL "
        f"BEGIN {_take('OLD', dialect)}; END"
    )
    # Both statements test their own place (a NULL one matches no row), so one trigger covers every change.
    op.execute(
        f"CREATE TRIGGER place_totals_update AFTER UPDATE OF {_CHANGES} ON events "
        f"BEGIN {_take('OLD', dialect)}; {_add('NEW', dialect)}; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER place_totals_change ON events")
        op.execute("DROP FUNCTION place_totals_change()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER place_totals_{name}")
    op.drop_table("place_totals")
