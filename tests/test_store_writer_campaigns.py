"""``sitrep.store.writer.campaigns``: an article's campaigns joined to the stored ones they continue, and
campaigns reconciled again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, select

from sitrep.model import ArticleMeta, Campaign, ExtractResult
from sitrep.store.tables import campaigns
from sitrep.store.writer import ArticleWriter
from sitrep.store.writer.campaigns import reconcile_campaigns, upsert_campaigns
from sitrep.store.writer.records import Ids
from tests.writer_fixtures import QUETTA, TURBAT, extracted, sqlite_store, writing

ACTOR = "BLA: Baloch Liberation Army"


def _two_articles(engine: Engine) -> None:
    """Article rows 1 and 2 (campaigns are linked to the articles that report them)."""
    writer = ArticleWriter(engine)
    try:
        writer.store(extracted("quetta-report", QUETTA))
        writer.store(extracted("turbat-report", TURBAT))
    finally:
        writer.close()


def _reporting(uid: str, name: str, first: dt.date, last: dt.date, *, named: bool = True) -> ExtractResult:
    campaign = Campaign(id="k1", name=name, actor=ACTOR, named=named, date_first=first, date_last=last)
    return ExtractResult(article=ArticleMeta(id=uid), campaigns=[campaign])


def _upsert(engine: Engine, article_row: int, result: ExtractResult) -> Ids:
    ids = Ids()
    with writing(engine) as (writes, _memory):
        upsert_campaigns(writes.connection, article_row, result.article.id, result, ids)
    return ids


def _stored(engine: Engine) -> list[tuple[str, str, dt.date, dt.date, bool]]:
    with engine.connect() as connection:
        columns = (
            campaigns.c.uid,
            campaigns.c.name,
            campaigns.c.date_first,
            campaigns.c.date_last,
            campaigns.c.named,
        )
        return [tuple(row) for row in connection.execute(select(*columns).order_by(campaigns.c.id))]


def test_one_name_however_written_is_one_campaign_over_all_its_days(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _two_articles(engine)
        first = _upsert(
            engine,
            1,
            _reporting("quetta-report", "Operation Nightfall", dt.date(2025, 5, 3), dt.date(2025, 5, 3)),
        )
        again = _upsert(
            engine,
            2,
            _reporting("turbat-report", "operation NIGHTFALL!", dt.date(2025, 5, 1), dt.date(2025, 5, 4)),
        )
        stored = _stored(engine)
    assert first.campaign_uids == again.campaign_uids == {"k1": "quetta-report#k1"}
    assert stored == [
        ("quetta-report#k1", "Operation Nightfall", dt.date(2025, 5, 1), dt.date(2025, 5, 4), True)
    ]


def test_unnamed_attacks_days_later_join_and_the_name_is_adopted(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _two_articles(engine)
        day = dt.date(2025, 5, 3)
        _upsert(engine, 1, _reporting("quetta-report", "coordinated attacks", day, day, named=False))
        joined = _upsert(
            engine,
            2,
            _reporting(
                "turbat-report", "Operation Nightfall", day + dt.timedelta(days=2), day + dt.timedelta(days=2)
            ),
        )
        stored = _stored(engine)
    assert joined.campaign_uids == {"k1": "quetta-report#k1"}
    assert stored == [("quetta-report#k1", "Operation Nightfall", day, day + dt.timedelta(days=2), True)]


def test_unnamed_attacks_weeks_apart_are_two_campaigns(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _two_articles(engine)
        day = dt.date(2025, 5, 3)
        _upsert(engine, 1, _reporting("quetta-report", "coordinated attacks", day, day, named=False))
        later = day + dt.timedelta(days=20)
        _upsert(engine, 2, _reporting("turbat-report", "coordinated attacks", later, later, named=False))
        assert [row[0] for row in _stored(engine)] == ["quetta-report#k1", "turbat-report#k1"]


def test_reconciling_a_campaign_counts_a_revision(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _two_articles(engine)
        ids = _upsert(
            engine,
            1,
            _reporting("quetta-report", "Operation Nightfall", dt.date(2025, 5, 3), dt.date(2025, 5, 3)),
        )
        with writing(engine) as (writes, _memory):
            reconcile_campaigns(writes, set(ids.campaign_rows.values()))
            row = writes.connection.execute(select(campaigns)).one()
    assert row.revision == 1 and row.toll == [] and row.date_first == dt.date(2025, 5, 3)
