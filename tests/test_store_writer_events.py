"""``sitrep.store.writer.events``: a new event merged into the stored one it is the same incident as, else
inserted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, select

from sitrep.model import DatasetEvent
from sitrep.store.query import load_dataset
from sitrep.store.tables import events
from sitrep.store.writer import ArticleWriter
from sitrep.store.writer.events import event_values, insert_event, merge_into_stored, scoped
from sitrep.store.writer.records import Ids
from tests.writer_fixtures import QUETTA, extracted, sqlite_store, writing


def _stored_quetta(engine: Engine) -> DatasetEvent:
    writer = ArticleWriter(engine)
    try:
        writer.store(extracted("quetta-report", QUETTA))
    finally:
        writer.close()
    [event] = load_dataset(engine).events
    return event


def _another_report(event: DatasetEvent, **changes: object) -> DatasetEvent:
    return event.model_copy(update={"id": "police-report#e1", "claims": [], **changes})


def test_the_same_attack_merges_and_says_why(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        stored = _stored_quetta(engine)
        ids = Ids()
        with writing(engine) as (writes, memory):
            merged = merge_into_stored(writes, memory, 2, _another_report(stored), None, ids)
            revision = writes.connection.execute(select(events.c.revision)).scalar_one()
    assert merged is True and revision == 1
    [link] = ids.links
    assert link["article_id"] == 2 and link["matched"]


def test_no_merge_into_an_event_of_the_same_article_or_without_a_date(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        stored = _stored_quetta(engine)
        with writing(engine) as (writes, memory):
            same_article = Ids(links=[{"event_id": 1, "article_id": 2, "matched": None}])
            assert not merge_into_stored(writes, memory, 2, _another_report(stored), None, same_article)
            undated = _another_report(stored, date=None)
            assert not merge_into_stored(writes, memory, 2, undated, None, Ids())


def test_an_inserted_event_is_filed_under_its_district(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        stored = _stored_quetta(engine)
        ids = Ids()
        with writing(engine) as (writes, memory):
            insert_event(
                writes, memory, 1, _another_report(stored, date=dt.date(2024, 1, 9)), None, None, ids
            )
            row = writes.connection.execute(select(events).where(events.c.uid == "police-report#e1")).one()
    assert (row.place_key, row.revision, row.date) == ("PK|Balochistan|Quetta", 0, dt.date(2024, 1, 9))
    assert ids.links == [{"event_id": row.id, "article_id": 1, "matched": None}]
    assert memory.events[row.id][1].id == "police-report#e1"


def test_scoped_ids_carry_the_article_uid() -> None:
    result = extracted("quetta-report", QUETTA).result
    event = result.events[0]
    dataset_event = DatasetEvent(
        **event.model_dump(exclude={"place"}),
        place=next(p for p in result.places if p.id == event.place_id),
        claims=[],
    )
    ids = Ids(campaign_uids={"k1": "older-report#k1"})
    done = scoped(dataset_event.model_copy(update={"campaign_id": "k1"}), "quetta-report", ids)
    assert (done.id, done.place_id) == ("quetta-report#e1", f"quetta-report#{event.place_id}")
    assert done.campaign_id == "older-report#k1"


def test_event_values_are_what_a_merge_may_change() -> None:
    event = DatasetEvent(
        id="a#e1", event_type="Battles", sub_event_type="Armed clash", gtd_attack_type="Armed Assault"
    )
    values = event_values(event)
    assert "uid" not in values and "place_id" not in values
    assert values["fatalities"] == event.fatalities.model_dump() and values["toll"] == []
    assert values["updated_at"].tzinfo is not None
