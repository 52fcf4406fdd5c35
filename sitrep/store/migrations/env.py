"""Alembic environment for sitrep's store.

sitrep runs migrations itself (``sitrep db upgrade``, or ``sitrep ingest`` on an empty database): it passes an
open connection in ``config.attributes["connection"]``. For developers running ``alembic`` by hand (e.g.
``alembic revision --autogenerate``), ``sqlalchemy.url`` in the config is used instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from sitrep.store.tables import Base


def _configure_and_run(connection) -> None:
    # render_as_batch: SQLite cannot ALTER most things; batch mode rebuilds the table instead.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        _configure_and_run(connection)
    engine.dispose()


if context.is_offline_mode():  # pragma: no cover - sitrep never emits SQL scripts
    raise SystemExit("sitrep's migrations run online only: pass a database URL")
run()
