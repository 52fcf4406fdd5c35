"""``sitrep.store.writer.writes``: statements run through SQLite's cursor write what SQLAlchemy would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select

from sitrep.store.tables import articles, campaigns, places
from sitrep.store.writer.articles import INSERT_ARTICLE
from sitrep.store.writer.writes import Writes
from tests.writer_fixtures import QUETTA, article_values, extracted, sqlite_store


def test_values_go_through_the_column_types(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine, engine.connect() as connection, connection.begin():
        writes = Writes(connection)
        row = writes.scalar(
            insert(campaigns).returning(campaigns.c.id),
            {
                "uid": "quetta-report#k1",
                "name": "Operation Nightfall",
                "name_key": "operation nightfall",
                "actor_key": "",
                "named": False,
                "date_first": dt.date(2025, 5, 3),
                "toll": [{"article_id": "quetta-report", "low": 4}],
            },
        )
        stored = connection.execute(select(campaigns).where(campaigns.c.id == row)).one()
    assert (stored.named, stored.date_first) == (False, dt.date(2025, 5, 3))
    assert stored.toll == [{"article_id": "quetta-report", "low": 4}]


def test_scalar_is_none_when_nothing_is_returned(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine, engine.connect() as connection, connection.begin():
        writes = Writes(connection)
        nothing = writes.scalar(
            select(articles.c.id).where(articles.c.uid == bindparam("uid")), {"uid": "nobody"}
        )
    assert nothing is None


def test_no_rows_write_nothing(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine, engine.connect() as connection, connection.begin():
        Writes(connection).execute_many(insert(articles), [])
        assert connection.execute(select(func.count()).select_from(articles)).scalar_one() == 0


def test_places_come_back_by_uid(tmp_path: Path) -> None:
    item = extracted("quetta-report", QUETTA)
    with sqlite_store(tmp_path) as engine, engine.connect() as connection, connection.begin():
        writes = Writes(connection)
        article_row = writes.scalar(INSERT_ARTICLE, {**article_values(item), "uid": "quetta-report"})
        rows = [
            {
                "uid": f"quetta-report#{name}",
                "article_id": article_row,
                "name": "Quetta",
                "text": "Quetta",
                "kind": "city",
                "precision": {},
                "role": "event",
                "start_char": 0,
                "end_char": 6,
            }
            for name in ("p1", "p2")
        ]
        found = writes.places(rows, article_row)
        stored = dict(connection.execute(select(places.c.uid, places.c.id)).all())
    assert found == stored and sorted(found) == ["quetta-report#p1", "quetta-report#p2"]
