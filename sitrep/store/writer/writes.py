"""The writer's frequent INSERTs and UPDATEs in, run on one connection inside its transaction: on SQLite
straight on the DBAPI cursor, elsewhere through SQLAlchemy.

SQLAlchemy's work per execution (30 µs and more, per row with many parameters) costs several times what SQLite
takes to run these small statements. Here each statement is compiled once by SQLAlchemy (for the columns given)
and its parameters converted by SQLAlchemy's own type processors (JSON, dates, booleans), so the rows written
are the same; the statements run inside the connection's transaction all the same. Over a network (PostgreSQL)
the round trip dwarfs that overhead, and SQLAlchemy batches many rows into one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Executable, bindparam, insert, select

from sitrep.store.tables import places

_INSERT_PLACES = insert(places)
# Rows come back in any order, hence the uid.
_INSERT_PLACES_RETURNING = insert(places).returning(places.c.uid, places.c.id)
_PLACE_ROWS = select(places.c.uid, places.c.id).where(places.c.article_id == bindparam("article_row"))


class Writes:
    """Runs statements on ``connection``: compiled once each, on SQLite through its cursor (see the module
    docstring)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._sqlite = connection.dialect.name == "sqlite"
        self._compiled: dict[tuple[Executable, tuple[str, ...]], tuple[str, list[tuple[str, Any]]]] = {}

    def _prepared(self, statement: Executable, keys: tuple[str, ...]) -> tuple[str, list[tuple[str, Any]]]:
        found = self._compiled.get((statement, keys))
        if found is None:
            dialect = self.connection.dialect
            compiled = statement.compile(dialect=dialect, column_keys=list(keys))
            assert compiled.positiontup is not None  # SQLite's "?" parameters
            processors = [
                (name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect))
                for name in compiled.positiontup
            ]
            found = self._compiled[statement, keys] = (compiled.string, processors)
        return found

    def _run(self, statement: Executable, rows: list[dict[str, Any]], many: bool) -> Any:
        sql, processors = self._prepared(statement, tuple(rows[0]))
        values = [
            tuple(row[name] if process is None else process(row[name]) for name, process in processors)
            for row in rows
        ]
        cursor = self.connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        if many:
            cursor.executemany(sql, values)
            return None
        return cursor.execute(sql, values[0]).fetchall()

    def scalar(self, statement: Executable, row: dict[str, Any]) -> Any:
        """The first value the statement returns (its RETURNING), None if it returns no row."""
        if not self._sqlite:
            return self.connection.execute(statement, row).scalar()
        returned = self._run(statement, [row], many=False)
        return returned[0][0] if returned else None

    def execute(self, statement: Executable, row: dict[str, Any]) -> None:
        if not self._sqlite:
            self.connection.execute(statement, row)
        else:
            self._run(statement, [row], many=False)

    def execute_many(self, statement: Executable, rows: list[dict[str, Any]]) -> None:
        if not rows:  # SQLAlchemy would run an INSERT of one row of defaults
            return
        if not self._sqlite:
            self.connection.execute(statement, rows)
        else:
            self._run(statement, rows, many=True)

    def places(self, rows: list[dict[str, Any]], article_row: int) -> dict[str, int]:
        """Inserts an article's places: their row ids by uid."""
        if not self._sqlite:  # one multi-row INSERT … RETURNING (SQLAlchemy's "insertmanyvalues")
            return dict(self.connection.execute(_INSERT_PLACES_RETURNING, rows).all())
        self._run(_INSERT_PLACES, rows, many=True)
        return dict(self._run(_PLACE_ROWS, [{"article_row": article_row}], many=False))
