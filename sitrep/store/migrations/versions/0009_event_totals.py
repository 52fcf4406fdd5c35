"""Totals kept by the database: events and best fatalities per day, district, type and campaign; how many
articles, claims and events are stored.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

Counting the events of a month or of the whole store read every selected event (seconds at a million events);
the timeline, the per-type and per-district counts and a list's total now add up ``event_totals`` rows instead.
Triggers on ``events`` keep the rows in the same transaction as the change, whichever code writes the events
(the writer, a migration, an analyst's SQL), so the totals cannot drift from the events. ``table_rows`` keeps
the number of rows of ``articles``, ``claims`` and ``events`` the same way (a count of millions of rows takes a
scan; adding up every total of a large store, nearly as long). Writers take one lock per article (``sitrep.store.writer``), so two never update the same total at once. The rows of the events
already stored are added up here, in one statement.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_KEY = ("date", "country_code", "admin1", "admin2", "event_type", "sub_event_type", "campaign_id")
_UNDATED = "0001-01-01"  # sitrep.store.tables.UNDATED_DAY
_CHANGES = "date, country_code, admin1, admin2, event_type, sub_event_type, campaign_id, fatalities"


def _key_of(row: str) -> list[str]:
    """The key columns' values of ``row`` (NEW or OLD) as SQL, NULLs written as the table keeps them."""
    return [
        f"coalesce({row}.date, '{_UNDATED}')",
        *(f"coalesce({row}.{name}, '')" for name in ("country_code", "admin1", "admin2")),
        f"{row}.event_type",
        f"{row}.sub_event_type",
        f"coalesce({row}.campaign_id, 0)",
    ]


def _sqlite_best(row: str) -> str:
    return f"coalesce(json_extract({row}.fatalities, '$.best'), 0)"


def _postgresql_best(row: str) -> str:
    return f"coalesce(({row}.fatalities ->> 'best')::bigint, 0)"


def _add(row: str, best: str, dialect: str) -> str:
    table = "event_totals"
    if dialect == "postgresql":
        table = "event_totals AS t"  # EXCLUDED and the table's own columns told apart below
    return (
        f"INSERT INTO {table} ({', '.join(_KEY)}, events, fatalities_best) "
        f"VALUES ({', '.join(_key_of(row))}, 1, {best}) "
        f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET "
        + (
            "events = t.events + 1, fatalities_best = t.fatalities_best + EXCLUDED.fatalities_best"
            if dialect == "postgresql"
            else "events = events + 1, fatalities_best = fatalities_best + excluded.fatalities_best"
        )
    )


def _take(row: str, best: str) -> str:
    matches = " AND ".join(f"{name} = {value}" for name, value in zip(_KEY, _key_of(row), strict=True))
    return (
        f"UPDATE event_totals SET events = events - 1, fatalities_best = fatalities_best - {best} "
        f"WHERE {matches}"
    )


# Tables whose rows ``table_rows`` counts.
_COUNTED = ("articles", "claims", "events")


def upgrade() -> None:
    op.create_table(
        "table_rows",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("rows", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_table_rows"),
    )
    for name in _COUNTED:
        op.execute(f"INSERT INTO table_rows (name, rows) SELECT '{name}', count(*) FROM {name}")
    op.create_table(
        "event_totals",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("country_code", sa.String(), nullable=False),
        sa.Column("admin1", sa.String(), nullable=False),
        sa.Column("admin2", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("sub_event_type", sa.String(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("fatalities_best", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, name="pk_event_totals"),
    )
    dialect = op.get_bind().dialect.name
    _count_rows(dialect)
    best = _postgresql_best if dialect == "postgresql" else _sqlite_best
    op.execute(
        f"INSERT INTO event_totals ({', '.join(_KEY)}, events, fatalities_best) "
        f"SELECT {', '.join(_key_of('events'))}, count(*), sum({best('events')}) FROM events "
        f"GROUP BY {', '.join(_key_of('events'))}"
    )
    if dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION event_totals_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' THEN {_take('OLD', best('OLD'))}; END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_add('NEW', best('NEW'), dialect)}; END IF; "
            "RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER event_totals_change AFTER INSERT OR DELETE OR UPDATE OF {_CHANGES} ON events "
            "FOR EACH ROW EXECUTE FUNCTION event_totals_change()"
        )
        return
    op.execute(
        "CREATE TRIGGER event_totals_insert AFTER INSERT ON events "
        f"BEGIN {_add('NEW', best('NEW'), dialect)}; END"
    )
    op.execute(
        f"CREATE TRIGGER event_totals_delete AFTER DELETE ON events BEGIN {_take('OLD', best('OLD'))}; END"
    )
    op.execute(
        f"CREATE TRIGGER event_totals_update AFTER UPDATE OF {_CHANGES} ON events "
        f"BEGIN {_take('OLD', best('OLD'))}; {_add('NEW', best('NEW'), dialect)}; END"
    )


def _count_rows(dialect: str) -> None:
    """Triggers adding one to a counted table's row in ``table_rows`` per row inserted, taking one away per row
    deleted."""
    change = "UPDATE table_rows SET rows = rows {sign} 1 WHERE name = '{name}'"
    if dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION table_rows_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "UPDATE table_rows SET rows = rows + CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END "
            "WHERE name = TG_TABLE_NAME; RETURN NULL; END $$"
        )
        for name in _COUNTED:
            op.execute(
                f"CREATE TRIGGER {name}_rows AFTER INSERT OR DELETE ON {name} "
                "FOR EACH ROW EXECUTE FUNCTION table_rows_change()"
            )
        return
    for name in _COUNTED:
        for when, sign in (("INSERT", "+"), ("DELETE", "-")):
            op.execute(
                f"CREATE TRIGGER {name}_rows_{when.lower()} AFTER {when} ON {name} "
                f"BEGIN {change.format(sign=sign, name=name)}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER event_totals_change ON events")
        op.execute("DROP FUNCTION event_totals_change()")
        for name in _COUNTED:
            op.execute(f"DROP TRIGGER {name}_rows ON {name}")
        op.execute("DROP FUNCTION table_rows_change()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER event_totals_{name}")
        for name in _COUNTED:
            for when in ("insert", "delete"):
                op.execute(f"DROP TRIGGER {name}_rows_{when}")
    op.drop_table("table_rows")
    op.drop_table("event_totals")
