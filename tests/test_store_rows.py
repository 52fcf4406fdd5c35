"""``sitrep.store.rows``: stored rows in, the contract's events, places, claims and campaigns out."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from sitrep.model import ArticleMeta, Campaign, ExtractResult
from sitrep.store.rows import (
    CHUNK,
    EVENT_COLUMNS,
    campaign_from_row,
    chunks,
    events_from_rows,
    events_joined,
    place_from_row,
)
from sitrep.store.tables import campaigns, events
from sitrep.store.writer import ArticleWriter
from sitrep.store.writer.campaigns import upsert_campaigns
from sitrep.store.writer.records import Ids
from tests.writer_fixtures import QUETTA, QUETTA_AGAIN, extracted, sqlite_store


def test_chunks_cover_every_value_once() -> None:
    values = list(range(CHUNK * 2 + 1))
    parts = list(chunks(values))
    assert [len(part) for part in parts] == [CHUNK, CHUNK, 1]
    assert [v for part in parts for v in part] == values


def test_an_event_comes_back_with_its_claims_sources_and_place(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        writer = ArticleWriter(engine)
        try:
            writer.store(extracted("quetta-report", QUETTA))
            writer.store(extracted("police-report", QUETTA_AGAIN))
        finally:
            writer.close()
        with engine.connect() as connection:
            rows = connection.execute(select(*EVENT_COLUMNS).select_from(events_joined())).all()
            [event] = events_from_rows(connection, rows)
    assert event.article_ids == ["quetta-report", "police-report"]
    assert [s.matched is None for s in event.sources] == [True, False]
    assert {c.article_id for c in event.claims} == {"quetta-report", "police-report"}
    assert event.place is not None and event.place.name == "Quetta" and event.place_id == event.place.id


def test_an_event_without_a_place_has_none(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        writer = ArticleWriter(engine)
        try:
            writer.store(extracted("quetta-report", QUETTA))
        finally:
            writer.close()
        with engine.connect() as connection:
            connection.execute(events.update().values(place_id=None))
            row = connection.execute(select(*EVENT_COLUMNS).select_from(events_joined())).one()
    assert place_from_row(row) is None


def test_a_campaign_row_with_no_figures_yet(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        writer = ArticleWriter(engine)
        try:
            writer.store(extracted("quetta-report", QUETTA))
        finally:
            writer.close()
        result = ExtractResult(
            article=ArticleMeta(id="quetta-report"), campaigns=[Campaign(id="k1", name="Operation Nightfall")]
        )
        with engine.connect() as connection, connection.begin():
            upsert_campaigns(connection, 1, "quetta-report", result, Ids())
            row = connection.execute(select(campaigns)).one()
    campaign = campaign_from_row(row, [], event_ids=["quetta-report#e1"])
    assert (campaign.id, campaign.name, campaign.claim_ids, campaign.event_ids) == (
        "quetta-report#k1",
        "Operation Nightfall",
        [],
        ["quetta-report#e1"],
    )
    assert campaign.fatalities.best is None and campaign.toll == []
